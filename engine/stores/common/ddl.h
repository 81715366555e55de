#pragma once

#include "project/mapping.h"

#include <QString>
#include <QStringList>

#include <vector>

namespace ferry {

// The SQL type a column gets in a dialect (DESIGN.md's type table; pgArray columns become
// `<type>[]` in PostgreSQL and TEXT JSON in SQLite).
QString ddlTypeName(const ColumnMapping &column, Dialect dialect);

// "na""me": both dialects quote identifiers the same way.
QString ddlQuote(const QString &name);
// Comma-separated quoted column names of `table`, in column order.
QString ddlColumnList(const TableMapping &table);

// All tables of a collection, root first, depth-first: the order of RowBatch::tables.
std::vector<const TableMapping *> collectionTables(const CollectionMapping &mapping);

// Indices of the root table's primary-key columns, in column order.
std::vector<int> rootKeyColumns(const TableMapping &root);
// Indices, in `table`'s columns, of the ParentKey columns that carry the root key (the
// first rootKeyCount ParentKey columns). Empty when the table carries fewer.
std::vector<int> childRootKeyColumns(const TableMapping &table, size_t rootKeyCount);

// Without `withKey` the PRIMARY KEY clause is left for primaryKeySql() after the load.
QString createTableSql(const TableMapping &table, Dialect dialect, bool withKey = true);
// ALTER TABLE … ADD PRIMARY KEY with the key createTableSql() would have declared; empty
// when the table has no key columns.
QString primaryKeySql(const TableMapping &table);
// Ferry's own bookkeeping tables (_ferry_checkpoints, _ferry_batches, _ferry_pending_keys,
// _ferry_runs, _ferry_run_keys). PostgreSQL keeps them in the schema `ferry`, out of the
// user's schema (targets written before moved there when opened); SQLite has no schemas and
// keeps them beside the user's tables. `name` is one of the names above.
QString bookkeepingTable(const QString &name, Dialect dialect);
QStringList bookkeepingTableNames();
QString bookkeepingSchema(); // "ferry"
// The table that records each collection's last committed batch.
QString checkpointTableSql(Dialect dialect);
QString checkpointTableName(); // without its schema: for messages and bookkeepingTable()
// Checkpoint tables written before Ferry kept the reject file's length lack its column:
// a query answering one row when the column is there, and the statement that adds it.
QString checkpointRejectColumnQuery(Dialect dialect);
QString checkpointRejectColumnSql(Dialect dialect);
// Batches committed by parallel writers, one row each, until the collection's row takes
// them in (BatchMark). PostgreSQL only, like the pending keys.
QString batchCheckpointTableSql();
// Primary keys waiting for the end of the load, one row per table: created with its table,
// deleted with the key's creation, so a resume or `finish` knows what is still to build.
QString pendingKeysTableSql();

// A column of a table that already exists in the target.
struct ExistingColumn {
    QString name;
    QString type; // PostgreSQL: format_type(); SQLite: declared type
    bool notNull = false;
};

// Why rows of `table` cannot be written into the existing table with `columns`: a
// translated message naming the table, the column, what was expected and what was found,
// and what to do. Empty when compatible.
QString incompatibility(const TableMapping &table, const std::vector<ExistingColumn> &columns,
                        Dialect dialect);

} // namespace ferry

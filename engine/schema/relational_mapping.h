#pragma once

#include "core/catalog.h"
#include "core/identifiers.h"
#include "schema/field_tree.h"
#include "schema/type_mapper.h"

#include <QHash>

namespace ferry {

// The logical type of a column read from a SQL source, from its declared type first (in
// the spirit of pgloader's defaults: integer/bigint by range, exact numeric, boolean from a
// declared BOOLEAN, timestamptz from DATETIME/TIMESTAMP, bytea from BLOB, json → jsonb),
// then checked against the sampled values, since SQLite lets any column hold anything.
// `sampledAll` says the sample saw every row, so an INTEGER column whose values all fit
// 32 bits may become integer; otherwise it is bigint. `isArray` receives whether the
// column is a PostgreSQL array (its element type is returned).
ColumnType sqlColumnType(const ColumnInfo &column, Dialect sourceDialect, const FieldNode *sampled,
                         bool sampledAll, bool *isArray);

// Where a table-to-table mapping goes: the target's dialect, the project options that shape
// names and types (names, characterTypes), the target's table names so far (nullptr: the
// source's name as is) and the source's catalog by table name, for the target names of the
// columns a foreign key references (nullptr: the source's names).
struct TableTarget {
    Dialect dialect = Dialect::Postgres;
    ProjectOptions options;
    NameAllocator *tableNames = nullptr;
    const QHash<QString, TableInfo> *catalog = nullptr;
};

// The target names of a table's columns, in order: each source name folded or kept as the
// style says, within the dialect's length limit, and unique within the table (names that
// collide after the cut or the folding get _2, _3…). Deterministic, so a foreign key of
// another table names the same columns.
QStringList targetColumnNames(const TableInfo &table, Dialect targetDialect, NameStyle style);

// Keeps the size of a column's declared type (e.g. NVARCHAR(40), NUMERIC(10,2)):
// a length for a text column declared as a character type (unless `characterTypes` says
// text), a precision and scale for an exact numeric column. Nothing otherwise. When the
// `sampled` values (may be nullptr) do not fit the declared size, the column stays
// unsized and the returned warning says why (empty otherwise).
QString applyDeclaredSize(ColumnMapping &column, const ColumnInfo &declared,
                          CharacterTypes characterTypes, const FieldNode *sampled);

// Table-to-table mapping for a SQL source and a relational target: one root table named
// after the source table, the columns as in the source (order, nullability, primary key,
// declared sizes; names made valid and unique for the target), and a reference per
// single-column foreign key, so the run orders tables by their references and adds the
// FOREIGN KEY constraints after the data. Warns for each column whose target name is more
// than the source name in lower case.
MappingProposal proposeTableMapping(const TableInfo &table, Dialect sourceDialect,
                                    const FieldNode &sampled, qint64 sampledRows,
                                    const TableTarget &target);

} // namespace ferry

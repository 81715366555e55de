#pragma once

#include "core/dialect.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace ferry {

struct ForeignKey {
    QStringList columns;
    QString refTable;
    QStringList refColumns;
};

struct ColumnInfo {
    QString name;
    QString sqlType; // as declared (SQLite) or format_type() (PostgreSQL)
    bool nullable = true;
};

// What the catalog says about one table: enough to read it in key order, to name its
// documents' _id, and (later) to embed child tables along their foreign keys.
struct TableInfo {
    QString name;
    qint64 rows = -1; // exact COUNT(*), -1 when not counted
    QStringList primaryKey;
    QList<QStringList> uniques;
    QList<ForeignKey> foreignKeys;
    QList<ColumnInfo> columns;
    // Its rows live in several physical tables read as one (a PostgreSQL partitioned table,
    // which holds no rows of its own), each numbering its rows from the start: the physical
    // row id (ctid) repeats, and only with the part it lies in tells rows apart.
    bool rowIdRepeats = false;
    // A classic PostgreSQL inheritance parent: a read without ONLY would include its
    // children's rows (cut to its columns), which are listed and copied as tables of their
    // own. Every statement on it says ONLY (sqlTableRelation()), as pg_dump does.
    bool ownRowsOnly = false;

    const ColumnInfo *column(const QString &name) const;
    // The document key of each column (in order) when the table is copied to a table: its
    // name, unless a mapping's dotted source path could not address it (an empty name, a
    // name with a dot), which gets a stand-in unique among the table's names ("field",
    // "a_b"). The target column is named apart from this.
    QStringList tableCopyKeys() const;
};

// How a table's rows are ordered and how their _id is formed.
struct KeyPlan {
    enum class Id { None, Single, Composite };
    Id id = Id::None;
    QStringList keyColumns; // ORDER BY / keyset columns; empty = the physical row id
};

// Single-column integer/text/uuid key → _id; composite key → _id document; else no _id.
KeyPlan keyPlanFor(const TableInfo &table, Dialect dialect);

} // namespace ferry

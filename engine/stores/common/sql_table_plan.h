#pragma once

#include "core/catalog.h"
#include "core/error.h"

#include <bson/bson.h>

#include <QByteArray>
#include <QString>
#include <QVariantList>

#include <vector>

namespace ferry {

// How a SQL source turns one table's rows into documents and pages through them in key
// order. The same for every SQL store; only the value conversion differs.
struct SqlTablePlan {
    TableInfo info;
    KeyPlan key;
    std::vector<QByteArray> fields; // BSON key per column, SELECT order
    std::vector<int> keyIndex;      // position of each column in the key, or -1
    QString select;                 // SELECT list + FROM; the row id follows the columns
    QString orderBy;                // key expression list
    // Without a key: what the rows are ordered, resumed and sliced by, selected after the
    // columns; the physical row id, preceded by the column naming its part where the row id
    // repeats across parts (TableInfo::rowIdRepeats).
    QStringList rowIdColumns;
    // A keyless table read as documents: each row gets a deterministic _id from the table
    // name and its physical position (core/generated_key.h), so a re-run never duplicates it.
    bool generateId = false;

    int keyCount() const
    {
        return int(key.keyColumns.isEmpty() ? rowIdColumns.size() : key.keyColumns.size());
    }
    size_t columnCount() const { return fields.size(); }
};

// The table as statements name it: quoted, preceded by ONLY where the table's own rows
// exclude those of its children (TableInfo::ownRowsOnly).
QString sqlTableRelation(const TableInfo &info);

// `keepNames`: rows keep their column names (table-to-table copies) and get no _id, but are
// still read in key order. Tables without a key are read in `rowIdColumn` order, or in
// (`partColumn`, `rowIdColumn`) order where the row id repeats across the table's parts.
SqlTablePlan planSqlTable(const TableInfo &info, Dialect dialect, bool keepNames,
                          const QString &rowIdColumn, const QString &partColumn = QString());
// The plan of `table` from a catalog, or a NotFound error with `missing` as its message.
Result<SqlTablePlan> findSqlTable(const QList<TableInfo> &catalog, const QString &table,
                                  Dialect dialect, bool keepNames, const QString &rowIdColumn,
                                  const QString &missing, const QString &partColumn = QString());
// What every SQL source refuses in a filter before asking its server (statement separators,
// comments), as a Usage error naming the table.
Status checkFilterText(const QString &table, const QString &filter);

// Appends to `doc` (initialised by the caller) the document of one row: _id first (one key column,
// or a document of the key columns in key order so equal keys give byte-equal _ids), then the other
// columns. `append(doc, field, column)` converts one column; `keyValue(column)` gives its value for
// the resume key; `rowId(k)` the k-th of the plan's rowIdColumns for tables without a key.
template <class Append, class KeyValue, class RowId>
void buildRowDocument(const SqlTablePlan &p, bson_t *doc, QVariantList *key, Append append,
                      KeyValue keyValue, RowId rowId)
{
    key->clear();
    for (int k = 0; k < p.keyCount(); ++k)
        key->append(QVariant());
    const size_t columns = p.columnCount();
    if (p.key.id == KeyPlan::Id::Single) {
        for (size_t i = 0; i < columns; ++i)
            if (p.keyIndex[i] == 0)
                append(doc, "_id", int(i));
    } else if (p.key.id == KeyPlan::Id::Composite) {
        bson_t id;
        BSON_APPEND_DOCUMENT_BEGIN(doc, "_id", &id);
        for (int k = 0; k < p.keyCount(); ++k)
            for (size_t i = 0; i < columns; ++i)
                if (p.keyIndex[i] == k)
                    append(&id, p.fields[i].constData(), int(i));
        bson_append_document_end(doc, &id);
    }
    for (size_t i = 0; i < columns; ++i) {
        if (p.keyIndex[i] >= 0) {
            (*key)[p.keyIndex[i]] = keyValue(int(i));
            if (p.key.id != KeyPlan::Id::None)
                continue; // already in _id
        }
        append(doc, p.fields[i].constData(), int(i));
    }
    if (p.key.keyColumns.isEmpty())
        for (int k = 0; k < p.keyCount(); ++k)
            (*key)[k] = rowId(k);
}

} // namespace ferry

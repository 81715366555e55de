#pragma once

#include "core/dialect.h"
#include "core/error.h"
#include "stores/common/source.h"
#include "stores/common/sql_table_plan.h"

#include <QString>
#include <QStringList>
#include <QVariantList>

#include <functional>
#include <optional>

namespace ferry {

// One partition's slice of a SQL table (`run --partition K/N`): the rows whose key (or
// rowid / ctid, the order the reader pages in) lies in [from, to). Every partition process
// cuts the same ranges on its own, with no coordinator: it counts the n rows under the
// read's filter and takes as boundary k (k = 1 … N-1) the key of the row at offset
// floor(n·k/N) in key order. Adjacent slices share their boundary (>= on one side, < on
// the other), so the slices are disjoint and their union is the table whatever the
// boundaries are, as long as every process sees the same data when it cuts them.
struct SqlKeyRange {
    QVariantList from;  // empty: from the first row
    QVariantList to;    // empty: to the last row
    bool empty = false; // the slice holds no row (more partitions than rows)
    qint64 rows = -1;   // rows in the slice when it was cut, for progress
};

// Offsets in key order of the slice's first row and of the first row after it (-1: the
// slice is open on that side).
struct SqlSliceOffsets {
    qint64 first = -1;
    qint64 end = -1;
};
SqlSliceOffsets sqlSliceOffsets(qint64 rows, int partition, int partitions);

// The key at `offset` in key order under the filter, or nullopt when there is no such row.
using SqlKeyAt = std::function<Result<std::optional<QVariantList>>(qint64 offset)>;
Result<SqlKeyRange> cutSqlKeyRange(qint64 rows, int partition, int partitions,
                                   const SqlKeyAt &keyAt);

// `SELECT <key> FROM <table> [WHERE (filter)] ORDER BY <key> LIMIT 1 OFFSET <offset>`: the
// key's index walks to the row, with no sort, on tables that have one.
QString sqlKeyAtQuery(const SqlTablePlan &p, const QString &filter, qint64 offset);

// Appends to `where` the conditions that keep a read inside `range`, and to `params` their
// values (bound, never pasted into the text). PostgreSQL placeholders are numbered from
// params->size() + 1, so conditions with parameters of their own go in the same lists.
void appendSqlRangeConditions(const SqlTablePlan &p, const SqlKeyRange &range, Dialect dialect,
                              QStringList *where, QVariantList *params);
// A partition's resume position: the last key it read (empty: none yet) with the range it
// was cut, so that a partition resumed alone keeps its own range even if the table changed
// since (a range cut again then could skip rows or read the next slice's).
struct SqlSlicePosition {
    QVariantList after;
    SqlKeyRange range;
};
QByteArray encodeSlicePosition(const QVariantList &after, const SqlKeyRange &range);
// nullopt when `position` is no slice position (a whole-table key position, or a key of
// another length than `keyCount`).
std::optional<SqlSlicePosition> decodeSlicePosition(const QByteArray &position, int keyCount);

// Where a read starts, from its options: just after a saved key, and for a partition in
// the range saved with it (unset: the partition's range is still to be cut).
struct SqlReadStart {
    std::optional<QVariantList> after;
    bool sliced = false; // a partition's read; never one of a child table by parent keys
    std::optional<SqlKeyRange> range;
};
// A Usage error naming `table` when the saved position does not fit its key.
Result<SqlReadStart> sqlReadStart(const ReadOptions &options, int keyCount, const QString &table);

// `(k1, k2) > ($1, $2)`-style comparison of the reader's order with bound values.
QString sqlKeyComparison(const SqlTablePlan &p, const char *op, int values, Dialect dialect,
                         int firstParam);

} // namespace ferry

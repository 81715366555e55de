#include "stores/common/sql_key_slice.h"

#include "stores/common/sql_bson_values.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace ferry {

namespace {

// floor(rows * k / n) without the product overflowing on large tables.
qint64 rowAt(qint64 rows, int k, int n)
{
    return (rows / n) * k + (rows % n) * k / n;
}

QJsonValue keyJson(const QVariantList &key)
{
    return QJsonDocument::fromJson(encodeKeyPosition(key)).array();
}

// A key list of `keyCount` values, or none (an open side); false when it is neither.
bool keyFromJson(const QJsonValue &v, int keyCount, QVariantList *out)
{
    const QJsonArray a = v.toArray();
    if (a.isEmpty())
        return true;
    const auto key = decodeKeyPosition(QJsonDocument(a).toJson(QJsonDocument::Compact), keyCount);
    if (!key)
        return false;
    *out = *key;
    return true;
}

} // namespace

QByteArray encodeSlicePosition(const QVariantList &after, const SqlKeyRange &range)
{
    const QJsonObject o{{QStringLiteral("after"), keyJson(after)},
                        {QStringLiteral("from"), keyJson(range.from)},
                        {QStringLiteral("to"), keyJson(range.to)},
                        {QStringLiteral("empty"), range.empty},
                        {QStringLiteral("rows"), range.rows}};
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

std::optional<SqlSlicePosition> decodeSlicePosition(const QByteArray &position, int keyCount)
{
    const QJsonDocument doc = QJsonDocument::fromJson(position);
    if (!doc.isObject())
        return std::nullopt;
    const QJsonObject o = doc.object();
    SqlSlicePosition out;
    if (!keyFromJson(o.value(QStringLiteral("after")), keyCount, &out.after) ||
        !keyFromJson(o.value(QStringLiteral("from")), keyCount, &out.range.from) ||
        !keyFromJson(o.value(QStringLiteral("to")), keyCount, &out.range.to))
        return std::nullopt;
    out.range.empty = o.value(QStringLiteral("empty")).toBool();
    out.range.rows = o.value(QStringLiteral("rows")).toInteger(-1);
    return out;
}

Result<SqlReadStart> sqlReadStart(const ReadOptions &options, int keyCount, const QString &table)
{
    SqlReadStart start;
    // Embedding reads a child table by its parents' keys, never as a slice.
    start.sliced = options.partitions > 1 && options.keyColumn.isEmpty();
    if (options.resumeFrom.isEmpty())
        return start;
    if (start.sliced) {
        if (auto saved = decodeSlicePosition(options.resumeFrom, keyCount)) {
            if (!saved->after.isEmpty())
                start.after = saved->after;
            start.range = saved->range;
            return start;
        }
    }
    start.after = decodeKeyPosition(options.resumeFrom, keyCount);
    if (!start.after)
        return Error(ErrorCode::Usage,
                     trEngine("The saved position for table \"%1\" does not match its key "
                              "(did the table change?). Start over without --resume.")
                         .arg(table),
                     table);
    return start;
}

SqlSliceOffsets sqlSliceOffsets(qint64 rows, int partition, int partitions)
{
    SqlSliceOffsets out;
    if (partitions <= 1)
        return out;
    rows = std::max<qint64>(rows, 0);
    if (partition > 0)
        out.first = rowAt(rows, partition, partitions);
    if (partition < partitions - 1)
        out.end = rowAt(rows, partition + 1, partitions);
    return out;
}

Result<SqlKeyRange> cutSqlKeyRange(qint64 rows, int partition, int partitions,
                                   const SqlKeyAt &keyAt)
{
    SqlKeyRange range;
    const SqlSliceOffsets at = sqlSliceOffsets(rows, partition, partitions);
    range.rows = (at.end >= 0 ? at.end : std::max<qint64>(rows, 0)) - std::max<qint64>(at.first, 0);
    if (at.first >= 0) {
        auto key = keyAt(at.first);
        if (!key)
            return key.error();
        // No row there: the table holds fewer rows than this slice starts at, and the slice
        // before it (whose end is the same missing row) is open-ended.
        if (!key->has_value()) {
            range.empty = true;
            range.rows = 0;
            return range;
        }
        range.from = **key;
    }
    if (at.end >= 0) {
        if (at.end == at.first) { // more partitions than rows: this one is empty
            range.empty = true;
            range.rows = 0;
            return range;
        }
        auto key = keyAt(at.end);
        if (!key)
            return key.error();
        if (key->has_value())
            range.to = **key;
    }
    return range;
}

QString sqlKeyAtQuery(const SqlTablePlan &p, const QString &filter, qint64 offset)
{
    QString sql = QStringLiteral("SELECT %1 FROM %2").arg(p.orderBy, sqlTableRelation(p.info));
    if (!filter.trimmed().isEmpty())
        sql += QStringLiteral(" WHERE (%1)").arg(filter);
    // One arg() call: a column name holding "%2" must not be substituted again.
    return sql +
           QStringLiteral(" ORDER BY %1 LIMIT 1 OFFSET %2").arg(p.orderBy, QString::number(offset));
}

QString sqlKeyComparison(const SqlTablePlan &p, const char *op, int values, Dialect dialect,
                         int firstParam)
{
    QStringList marks;
    for (int i = 0; i < values; ++i)
        marks.append(dialect == Dialect::Postgres ? QStringLiteral("$%1").arg(firstParam + i)
                                                  : QStringLiteral("?"));
    return QStringLiteral("(%1) %2 (%3)")
        .arg(p.orderBy, QLatin1String(op), marks.join(QLatin1String(", ")));
}

void appendSqlRangeConditions(const SqlTablePlan &p, const SqlKeyRange &range, Dialect dialect,
                              QStringList *where, QVariantList *params)
{
    if (range.empty) {
        where->append(QStringLiteral("1 = 0"));
        return;
    }
    if (!range.from.isEmpty()) {
        where->append(
            sqlKeyComparison(p, ">=", int(range.from.size()), dialect, int(params->size()) + 1));
        params->append(range.from);
    }
    if (!range.to.isEmpty()) {
        where->append(
            sqlKeyComparison(p, "<", int(range.to.size()), dialect, int(params->size()) + 1));
        params->append(range.to);
    }
}

} // namespace ferry

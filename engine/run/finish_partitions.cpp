#include "run/finish_partitions.h"

#include "run/foreign_keys.h"
#include "run/run_registry.h"
#include "run/validator.h"
#include "stores/common/ddl.h"
#include "stores/common/sink.h"
#include "stores/common/source.h"

#include <QSet>

namespace ferry {

namespace {

struct PartitionTotals {
    qint64 written = 0;
    qint64 skipped = 0;
    int partitions = 0;
};

// Every partition checkpoint of the collection says finished; a partition that never
// started leaves no row, so the count of rows must match the N in their keys.
Result<PartitionTotals> checkPartitions(SqlSink &sink, const CollectionMapping &m)
{
    PartitionTotals totals;
    auto has = targetHasTable(sink, checkpointTableName());
    if (!has)
        return has.error();
    if (!*has)
        return totals;
    const QString prefix = m.root.table + QLatin1Char('#');
    auto rows = sink.query(QStringLiteral("SELECT key, finished, written, skipped FROM %1 WHERE "
                                          "substr(key, 1, ?) = ?")
                               .arg(bookkeepingTable(checkpointTableName(), sink.dialect())),
                           {prefix.size(), prefix});
    if (!rows)
        return rows.error();
    int expected = 0;
    QSet<QString> done;
    for (const QVariantList &row : *rows) {
        const QString key = row.value(0).toString();
        expected = std::max(expected, key.section(QLatin1Char('/'), -1).toInt());
        if (!sqlTrue(row.value(1)))
            return Error(ErrorCode::Usage,
                         trEngine("Partition %1 of %2 has not finished. Run it again with "
                                  "--resume, then run finish.")
                             .arg(key.mid(prefix.size()), m.collection),
                         m.collection);
        done.insert(key);
        totals.written += row.value(2).toLongLong();
        totals.skipped += row.value(3).toLongLong();
    }
    for (int k = 0; k < expected; ++k) {
        const QString key = QStringLiteral("%1%2/%3").arg(prefix).arg(k).arg(expected);
        if (!done.contains(key))
            return Error(ErrorCode::Usage,
                         trEngine("Partition %1/%2 of %3 has not run (or not finished). Run "
                                  "`ferry-cli run FILE.ferry --partition %1/%2 --resume`, then "
                                  "run finish.")
                             .arg(k)
                             .arg(expected)
                             .arg(m.collection),
                         m.collection);
    }
    totals.partitions = expected;
    return totals;
}

Result<QSet<QString>> tablesCreatedByRuns(SqlSink &sink)
{
    QSet<QString> out;
    auto has = targetHasTable(sink, runsTableName());
    if (!has)
        return has.error();
    if (!*has)
        return out;
    auto rows = sink.query(QStringLiteral("SELECT table_name, created FROM %1")
                               .arg(bookkeepingTable(runsTableName(), sink.dialect())));
    if (!rows)
        return rows.error();
    for (const QVariantList &row : *rows) {
        if (sqlTrue(row.value(1)))
            out.insert(row.value(0).toString());
    }
    return out;
}

} // namespace

Result<RunReport> finishPartitions(const Project &project, Source &source, SqlSink &sink,
                                   const std::vector<const CollectionMapping *> &collections,
                                   const std::function<void(const QString &)> &log)
{
    RunReport report;
    report.command = QStringLiteral("finish");
    report.status = QStringLiteral("completed");
    std::vector<PartitionTotals> totals;
    QStringList tables;
    for (const CollectionMapping *m : collections) {
        auto t = checkPartitions(sink, *m);
        if (!t)
            return t.error();
        totals.push_back(*t);
        for (const TableMapping *table : m->tables())
            tables << table->table;
    }
    log(trEngine("Adding the primary keys left for the end of the load."));
    if (Status s = sink.buildDeferredKeys(tables); !s)
        return s.error();
    // Partitions load SQL targets only, whose secondary indexes are these keys; MongoDB
    // targets' indexes (run/index_builder.h) come with a run that is not partitioned.
    auto created = tablesCreatedByRuns(sink);
    if (!created)
        return created.error();
    log(trEngine("Adding the foreign keys."));
    for (const QString &w : addForeignKeys(sink, project, collections, *created))
        log(w);
    for (size_t i = 0; i < collections.size(); ++i) {
        const CollectionMapping &m = *collections[i];
        CollectionReport cr;
        cr.name = m.collection;
        cr.written = totals[i].written;
        cr.skippedExisting = totals[i].skipped;
        ValidationOptions vo;
        vo.sample = 20;
        vo.fullCounts = false;
        vo.expectedRootRows = totals[i].skipped == 0 && totals[i].partitions > 0 ? cr.written : -1;
        if (Status s = validateCollection(source, sink, m, project.options, vo, cr); !s)
            cr.warnings.append(trEngine("Validation could not run: %1").arg(s.error().message));
        cr.status =
            cr.mismatches.isEmpty() ? QStringLiteral("completed") : QStringLiteral("mismatches");
        if (!cr.mismatches.isEmpty())
            report.status = QStringLiteral("mismatches");
        report.collections.push_back(std::move(cr));
    }
    return report;
}

} // namespace ferry

#include "run/run_registry.h"

#include "stores/common/ddl.h"

#include <QDateTime>

namespace ferry {

namespace {

QString now()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
}

} // namespace

QString runsTableName()
{
    return QStringLiteral("_ferry_runs");
}

QString runKeysTableName()
{
    return QStringLiteral("_ferry_run_keys");
}

bool sqlTrue(const QVariant &value)
{
    const QString text = value.toString();
    return text == QLatin1String("t") || text == QLatin1String("true") ||
           text == QLatin1String("1");
}

Result<bool> targetHasTable(SqlSink &sink, const QString &table)
{
    // The names are lower case: the schema-qualified name needs no quotes.
    auto rows = sink.dialect() == Dialect::Postgres
                    ? sink.query(QStringLiteral("SELECT to_regclass(?) IS NOT NULL"),
                                 {bookkeepingTable(table, Dialect::Postgres)})
                    : sink.query(QStringLiteral("SELECT count(*) FROM sqlite_master WHERE type = "
                                                "'table' AND name = ?"),
                                 {table});
    if (!rows)
        return rows.error();
    return !rows->empty() && sqlTrue(rows->front().value(0));
}

Status registerRunTables(SqlSink &sink, const QString &runId, const CollectionMapping &mapping,
                         const ProjectOptions &options, const PrepareOutcome &prepared,
                         QStringList *createdByRun)
{
    const QString runs = bookkeepingTable(runsTableName(), sink.dialect());
    const QString runKeys = bookkeepingTable(runKeysTableName(), sink.dialect());
    // started_at/finished_at are ISO text in both targets: they sort, and nobody computes
    // with them.
    QStringList create{
        QStringLiteral("CREATE TABLE IF NOT EXISTS %1 (run_id TEXT NOT NULL, collection TEXT NOT "
                       "NULL, table_name TEXT NOT NULL, position INTEGER NOT NULL, created "
                       "BOOLEAN NOT NULL, existing_rows TEXT NOT NULL, started_at TEXT NOT NULL, "
                       "finished_at TEXT, PRIMARY KEY (run_id, table_name))")
            .arg(runs),
        QStringLiteral("CREATE TABLE IF NOT EXISTS %1 (run_id TEXT NOT NULL, table_name TEXT NOT "
                       "NULL, key TEXT NOT NULL)")
            .arg(runKeys),
        QStringLiteral("CREATE INDEX IF NOT EXISTS _ferry_run_keys_run ON %1 (run_id, table_name)")
            .arg(runKeys)};
    if (sink.dialect() == Dialect::Postgres) {
        // prepare() made it; only a rollback since can have dropped it. Asked first because
        // PostgreSQL checks the right to create schemas even for IF NOT EXISTS, and a user
        // whose admin made the schema for them may not have that right.
        auto missing =
            sink.query(QStringLiteral("SELECT to_regnamespace(?) IS NULL"), {bookkeepingSchema()});
        if (!missing)
            return missing.error();
        if (sqlTrue(missing->front().value(0)))
            create.prepend(QStringLiteral("CREATE SCHEMA %1").arg(bookkeepingSchema()));
    }
    if (Status s = sink.execute(create); !s)
        return s;
    auto known = sink.query(QStringLiteral("SELECT table_name, created FROM %1 WHERE "
                                           "run_id = ? AND collection = ?")
                                .arg(runs),
                            {runId, mapping.collection});
    if (!known)
        return known.error();
    bool rootCreated = prepared.createdTables.contains(mapping.root.table);
    QStringList created;
    if (known->empty()) {
        QStringList statements;
        QList<QVariantList> params;
        const QString started = now();
        int position = 0;
        for (const TableMapping *t : collectionTables(mapping)) {
            statements << QStringLiteral(
                              "INSERT INTO %1 (run_id, collection, table_name, position, created, "
                              "existing_rows, started_at) VALUES (?, ?, ?, ?, ?, ?, ?)")
                              .arg(runs);
            params << QVariantList{runId,
                                   mapping.collection,
                                   t->table,
                                   position++,
                                   prepared.createdTables.contains(t->table),
                                   existingRowsName(options.existingRows),
                                   started};
            if (prepared.createdTables.contains(t->table))
                created << t->table;
        }
        if (Status s = sink.execute(statements, params); !s)
            return s;
    } else {
        for (const QVariantList &row : *known) {
            if (row.value(0).toString() == mapping.root.table)
                rootCreated = sqlTrue(row.value(1));
            if (sqlTrue(row.value(1)))
                created << row.value(0).toString();
        }
    }
    if (createdByRun)
        *createdByRun = created;
    if (!rootCreated)
        sink.trackNewRows(mapping.root.table, runId);
    return {};
}

Result<bool> rootHoldsOnlyRun(SqlSink &sink, const QString &runId, const CollectionMapping &mapping)
{
    auto rows = sink.query(QStringLiteral("SELECT created, existing_rows FROM %1 WHERE "
                                          "run_id = ? AND collection = ? AND table_name = ?")
                               .arg(bookkeepingTable(runsTableName(), sink.dialect())),
                           {runId, mapping.collection, mapping.root.table});
    if (!rows)
        return rows.error();
    if (rows->empty())
        return false;
    const QVariantList &row = rows->front();
    return sqlTrue(row.value(0)) ||
           row.value(1).toString() == existingRowsName(ExistingRows::Truncate);
}

Status markRunFinished(SqlSink &sink, const QString &runId, const QString &collection)
{
    return sink.execute({QStringLiteral("UPDATE %1 SET finished_at = ? WHERE run_id = ? "
                                        "AND collection = ?")
                             .arg(bookkeepingTable(runsTableName(), sink.dialect()))},
                        {{now(), runId, collection}});
}

} // namespace ferry

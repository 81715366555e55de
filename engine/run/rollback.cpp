#include "run/rollback.h"

#include "core/count_text.h"
#include "run/run_registry.h"
#include "stores/common/ddl.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace ferry {

namespace {

const CollectionMapping *mappingFor(const Project &project, const QString &collection)
{
    for (const CollectionMapping &m : project.collections) {
        if (m.collection == collection)
            return &m;
    }
    return nullptr;
}

struct RegistryRow {
    QString collection, table, existingRows;
    bool created = false;
};

Result<std::vector<RegistryRow>> registryRows(SqlSink &sink, const QString &runId)
{
    auto rows = sink.query(QStringLiteral("SELECT collection, table_name, created, existing_rows "
                                          "FROM %1 WHERE run_id = ? ORDER BY started_at DESC, "
                                          "position DESC")
                               .arg(bookkeepingTable(runsTableName(), sink.dialect())),
                           {runId});
    if (!rows)
        return rows.error();
    std::vector<RegistryRow> out;
    for (const QVariantList &r : *rows)
        out.push_back({r.value(0).toString(), r.value(1).toString(), r.value(3).toString(),
                       sqlTrue(r.value(2))});
    return out;
}

} // namespace

QStringList RollbackPlan::describe(bool done) const
{
    QStringList out;
    out << (done ? trEngine("Rolled back run %1.")
                 : trEngine("Would roll back run %1 (dry run: "
                            "add --confirm to do it)."))
               .arg(runId);
    for (const QString &t : dropTables)
        out << (done ? trEngine("Dropped table %1 (the run created it).")
                     : trEngine("Would drop table %1 (the run created it)."))
                   .arg(t);
    for (const auto &[table, rows] : deletes)
        out << (done ? trEngineCount("Deleted %n row the run added to table %1.",
                                     "Deleted %n rows the run added to table %1.", rows)
                     : trEngineCount("Would delete %n row the run added to table %1.",
                                     "Would delete %n rows the run added to table %1.", rows))
                   .arg(table);
    out << notes;
    return out;
}

Result<RollbackPlan> planRollback(SqlSink &sink, const Project &project, const QString &runId)
{
    auto has = targetHasTable(sink, runsTableName());
    if (!has)
        return has.error();
    if (!*has)
        return Error(ErrorCode::NotFound,
                     trEngine("The target has no record of any Ferry run (no %1 table): "
                              "nothing to roll back.")
                         .arg(bookkeepingTable(runsTableName(), sink.dialect())));
    RollbackPlan plan;
    plan.runId = runId;
    if (plan.runId.isEmpty()) {
        auto latest =
            sink.query(QStringLiteral("SELECT run_id FROM %1 ORDER BY started_at DESC LIMIT 1")
                           .arg(bookkeepingTable(runsTableName(), sink.dialect())));
        if (!latest)
            return latest.error();
        if (latest->empty())
            return Error(ErrorCode::NotFound, trEngine("The target has no run to roll back."));
        plan.runId = latest->front().value(0).toString();
    }
    auto rows = registryRows(sink, plan.runId);
    if (!rows)
        return rows.error();
    if (rows->empty())
        return Error(ErrorCode::NotFound,
                     trEngine("The target has no record of run %1.").arg(plan.runId));
    for (const RegistryRow &r : *rows) {
        if (r.created) {
            plan.dropTables << r.table;
            continue;
        }
        const CollectionMapping *m = mappingFor(project, r.collection);
        if (!m || m->root.table != r.table)
            continue; // child rows go with their root rows' keys, below
        auto n = sink.query(QStringLiteral("SELECT count(*) FROM %1 WHERE run_id = ? AND "
                                           "table_name = ?")
                                .arg(bookkeepingTable(runKeysTableName(), sink.dialect())),
                            {plan.runId, r.table});
        if (!n)
            return n.error();
        plan.deletes.append({r.table, n->front().value(0).toLongLong()});
        if (r.existingRows == existingRowsName(ExistingRows::Upsert))
            plan.notes << trEngine("Rows of table %1 that existed before and were updated by the "
                                   "upsert keep their new values: rollback cannot restore the "
                                   "old ones.")
                              .arg(r.table);
        if (rootKeyColumns(m->root).empty())
            plan.notes << trEngine("Table %1 has no key: the rows the run added to it cannot be "
                                   "told apart and stay.")
                              .arg(r.table);
    }
    return plan;
}

Status applyRollback(SqlSink &sink, const Project &project, const RollbackPlan &plan)
{
    const auto bk = [&](const QString &name) { return bookkeepingTable(name, sink.dialect()); };
    const QString batches = QStringLiteral("_ferry_batches");
    const QString pending = QStringLiteral("_ferry_pending_keys");
    QStringList statements;
    QList<QVariantList> params;
    for (const auto &[table, count] : plan.deletes) {
        Q_UNUSED(count);
        const CollectionMapping *m = nullptr;
        for (const CollectionMapping &c : project.collections) {
            if (c.root.table == table)
                m = &c;
        }
        if (!m)
            continue;
        const std::vector<int> rootKeys = rootKeyColumns(m->root);
        auto keys = sink.query(QStringLiteral("SELECT key FROM %1 WHERE run_id = ? AND "
                                              "table_name = ?")
                                   .arg(bk(runKeysTableName())),
                               {plan.runId, table});
        if (!keys)
            return keys.error();
        // Children first, then the root row, per table that survives the rollback.
        const std::vector<const TableMapping *> tables = m->tables();
        for (auto t = tables.rbegin(); t != tables.rend(); ++t) {
            if (plan.dropTables.contains((*t)->table))
                continue;
            const std::vector<int> cols =
                *t == tables.front() ? rootKeys : childRootKeyColumns(**t, rootKeys.size());
            if (cols.empty() || cols.size() != rootKeys.size())
                continue;
            QStringList where;
            for (int c : cols)
                where << QStringLiteral("%1 = ?").arg(ddlQuote((*t)->columns[c].column));
            const QString del =
                QStringLiteral("DELETE FROM %1 WHERE %2")
                    .arg(ddlQuote((*t)->table), where.join(QStringLiteral(" AND ")));
            for (const QVariantList &k : *keys) {
                statements << del;
                params << QJsonDocument::fromJson(k.value(0).toString().toUtf8())
                              .array()
                              .toVariantList();
            }
        }
    }
    for (const QString &t : plan.dropTables) {
        statements << QStringLiteral("DROP TABLE IF EXISTS %1").arg(ddlQuote(t));
        params << QVariantList();
    }
    auto hasCheckpoints = targetHasTable(sink, checkpointTableName());
    if (!hasCheckpoints)
        return hasCheckpoints.error();
    if (*hasCheckpoints) {
        statements
            << QStringLiteral("DELETE FROM %1 WHERE run_id = ?").arg(bk(checkpointTableName()));
        params << QVariantList{plan.runId};
    }
    // PostgreSQL's batch rows of parallel writers and keys waiting for the end of a load.
    auto hasBatches = targetHasTable(sink, batches);
    if (!hasBatches)
        return hasBatches.error();
    if (*hasBatches) {
        statements << QStringLiteral("DELETE FROM %1 WHERE run_id = ?").arg(bk(batches));
        params << QVariantList{plan.runId};
    }
    auto hasPending = targetHasTable(sink, pending);
    if (!hasPending)
        return hasPending.error();
    for (const QString &t : plan.dropTables) {
        if (!*hasPending)
            break;
        statements << QStringLiteral("DELETE FROM %1 WHERE table_name = ?").arg(bk(pending));
        params << QVariantList{t};
    }
    statements << QStringLiteral("DELETE FROM %1 WHERE run_id = ?").arg(bk(runKeysTableName()))
               << QStringLiteral("DELETE FROM %1 WHERE run_id = ?").arg(bk(runsTableName()));
    params << QVariantList{plan.runId} << QVariantList{plan.runId};
    if (Status s = sink.execute(statements, params); !s)
        return s;
    // The bookkeeping tables go too once no run is left in them.
    auto left = sink.query(QStringLiteral("SELECT count(*) FROM %1").arg(bk(runsTableName())));
    if (!left)
        return left.error();
    if (left->front().value(0).toLongLong() != 0)
        return {};
    QStringList drops = {QStringLiteral("DROP TABLE IF EXISTS %1").arg(bk(runKeysTableName())),
                         QStringLiteral("DROP TABLE IF EXISTS %1").arg(bk(runsTableName()))};
    if (*hasCheckpoints) {
        auto cps =
            sink.query(QStringLiteral("SELECT count(*) FROM %1").arg(bk(checkpointTableName())));
        if (cps && cps->front().value(0).toLongLong() == 0)
            drops << QStringLiteral("DROP TABLE IF EXISTS %1").arg(bk(checkpointTableName()));
    }
    for (const auto &[table, present] :
         {std::pair{batches, *hasBatches}, std::pair{pending, *hasPending}}) {
        if (!present)
            continue;
        auto n = sink.query(QStringLiteral("SELECT count(*) FROM %1").arg(bk(table)));
        if (n && n->front().value(0).toLongLong() == 0)
            drops << QStringLiteral("DROP TABLE IF EXISTS %1").arg(bk(table));
    }
    if (Status s = sink.execute(drops); !s || sink.dialect() != Dialect::Postgres)
        return s;
    // The schema Ferry created for them goes with its last table, unless this user could not
    // create it again (an admin made it for them: the next run would need the admin again).
    auto inSchema = sink.query(QStringLiteral("SELECT count(*) FROM pg_class WHERE relnamespace "
                                              "= to_regnamespace(?)"),
                               {bookkeepingSchema()});
    if (!inSchema)
        return inSchema.error();
    if (inSchema->front().value(0).toLongLong() != 0)
        return {};
    auto mayCreate = sink.query(
        QStringLiteral("SELECT has_database_privilege(current_database(), 'CREATE')"), {});
    if (!mayCreate)
        return mayCreate.error();
    if (!sqlTrue(mayCreate->front().value(0)))
        return {};
    return sink.execute({QStringLiteral("DROP SCHEMA IF EXISTS %1").arg(bookkeepingSchema())});
}

} // namespace ferry

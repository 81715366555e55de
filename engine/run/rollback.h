#pragma once

#include "project/project.h"
#include "stores/common/sink.h"

namespace ferry {

// Undoing a run in a relational target, from the run registry (run/run_registry.h): tables
// the run created are dropped, root rows it added to tables that existed before are
// deleted with their child rows. Rows an upsert changed cannot be given back their old
// values: the plan says so.
struct RollbackPlan {
    QString runId;
    QStringList dropTables;                // in drop order (children first)
    QList<QPair<QString, qint64>> deletes; // table, rows this run added
    QStringList notes;                     // translated: what rollback cannot undo
    QStringList describe(bool done) const; // translated lines, "would …" or "did …"
};

// Without runId: the most recent run.
Result<RollbackPlan> planRollback(SqlSink &sink, const Project &project, const QString &runId);
Status applyRollback(SqlSink &sink, const Project &project, const RollbackPlan &plan);

} // namespace ferry

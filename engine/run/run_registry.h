#pragma once

#include "stores/common/sink.h"

namespace ferry {

// The run registry in a relational target: _ferry_runs says which tables each run
// created (rollback drops them) and _ferry_run_keys which root rows it added to tables
// that existed before (rollback deletes them). Written only by real runs, never dry runs.
// The names are without their schema: bookkeepingTable() gives the one to use in SQL.
QString runsTableName();
QString runKeysTableName();
// Whether the target holds the bookkeeping table `name` (one of bookkeepingTableNames()).
Result<bool> targetHasTable(SqlSink &sink, const QString &name);
// A boolean as either target returns it ("t", "true", 1).
bool sqlTrue(const QVariant &value);

// Records the collection's tables for `runId` — once: a resumed run keeps what its first
// attempt created — and turns on key tracking when the root table existed before the run.
// `createdByRun` gets the tables the run created, in this attempt or an interrupted one: a
// resumed run gives them their foreign keys as a clean run would.
Status registerRunTables(SqlSink &sink, const QString &runId, const CollectionMapping &mapping,
                         const ProjectOptions &options, const PrepareOutcome &prepared,
                         QStringList *createdByRun = nullptr);
// Whether the collection's root table holds only rows of `runId`, as the registry recorded
// when the run first started: it created the table, or emptied it (existing rows: truncate).
Result<bool> rootHoldsOnlyRun(SqlSink &sink, const QString &runId,
                              const CollectionMapping &mapping);
Status markRunFinished(SqlSink &sink, const QString &runId, const QString &collection);

} // namespace ferry

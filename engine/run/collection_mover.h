#pragma once

#include "core/error.h"
#include "project/project.h"
#include "run/reject_summary.h"
#include "run/report.h"
#include "run/run_types.h"
#include "run/source_count_check.h"
#include "run/writer_pool.h"
#include "stores/common/sink.h"

#include <QHash>
#include <QSet>
#include <QString>

#include <atomic>
#include <deque>
#include <functional>

namespace ferry {

class ProgressTracker;
class RejectFile;
class Source;

// What every collection of a run shares: the open endpoints, the reject file, the progress
// tracker, and how to log and to honour pause and cancel.
struct RunContext {
    const Project &project;
    const RunRequest &request;
    QString &runId; // a resumed run continues under the run id of its checkpoint
    Source &source;
    Sink &sink;
    RejectFile &rejects;
    ProgressTracker &tracker;
    QSet<QString> &createdTables; // by this run: only these get foreign keys afterwards
    const std::atomic<bool> &cancel;
    std::function<void(LogLevel, const QString &)> log;
    std::function<bool()> waitIfPaused;     // false when cancelled while paused
    std::function<void(bool)> emitProgress; // force
};

// The key of a collection's checkpoint row: its root table, or per partition.
QString checkpointKeyOf(const CollectionMapping &mapping, const RunRequest &request);
// The parallelism the run asked for (--jobs; 0 = the number of cores).
int jobsOf(const RunRequest &request);

// One collection of a run, as a short list of named steps that each do one thing:
// resume point, prepare target, stream batches (open reader → transform → write with
// checkpoint → record rejects), finish, summarize, check what was read, validate.
class CollectionMover {
public:
    CollectionMover(RunContext &context, const CollectionMapping &mapping,
                    CollectionProgress &progress, CollectionReport &report);

    Status run();
    // run() in two halves: begin() settles the resume point and the tables (what collections
    // moving side by side do one after another); complete() moves, finishes and checks.
    Status begin();
    Status complete();

    // The steps, in order; public so that a test can drive one on its own.
    Status findResumePoint();
    Status prepareTarget();
    Status streamBatches();
    Status finishCollection();
    void summarize();
    // What was read against the source's own count (at the start and at the end).
    void checkRead();
    Status validate();

    const Checkpoint &checkpoint() const { return m_checkpoint; }

    // The checkpoint row's key: the root table, or per partition.
    QString checkpointKey() const;

private:
    // One batch from the pipeline: policy check and counts before it is written.
    Status admitBatch(RowBatch &batch, qint64 *repeatedSkipped);
    // A batch an earlier, interrupted run already committed (out of order, by one of
    // several writers): counted, not written again. False when it is not one.
    Result<bool> skipCommitted(const RowBatch &batch);
    // Serial: write with its checkpoint, then rejects.
    Status writeBatch(RowBatch &batch, class BatchWriter &writer);
    // Parallel: batches through several connections, each committing its own row.
    Status streamParallel(class BatchPipeline &pipeline, WriterPool &pool);
    Status settleParallel(std::vector<WriterPool::Done> &done, BatchPipeline &pipeline);
    // `rejectsRecorded`: the writer synced the batch's rejects before it committed.
    Status settle(const RowBatch &batch, const BatchOutcome &outcome, bool ownRow,
                  bool rejectsRecorded);
    // Writes and syncs rejects; answers the reject file's length after them.
    Result<qint64> recordRejects(const RowBatch &batch, const std::vector<DocReject> &list);
    Result<std::unique_ptr<WriterPool>> openWriterPool();
    enum class Side { Source, Target };
    std::function<void(int, const Error &)> reconnectNotifier(Side side) const;
    void showCounts();
    qint64 countSource();
    void noteUncompared(const QString &rootKey);

    RunContext &m_ctx;
    const CollectionMapping &m_mapping;
    CollectionProgress &m_progress;
    CollectionReport &m_report;
    Checkpoint m_checkpoint;
    PrepareOutcome m_prepared;
    std::deque<BatchMark> m_ahead; // committed out of order by an interrupted parallel run
    qint64 m_parallelEnd = -1;     // parallel: end (in documents) of the furthest batch settled
    bool m_ended = false;          // the reader reached the end of the collection
    RejectSummary m_rejectSummary;
    QHash<QString, qint64> m_unknownFields;
    QHash<QString, qint64> m_excludedValues;
    QSet<QString> m_uncomparedKeys; // see ValidationOptions::uncomparedKeys
    SourceCounts m_sourceCounts;
};

} // namespace ferry

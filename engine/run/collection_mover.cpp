#include "run/collection_mover.h"

#include "core/count_text.h"
#include "core/crash_point.h"
#include "run/batch_pipeline.h"
#include "run/batch_writer.h"
#include "run/embed_attacher.h"
#include "run/progress_tracker.h"
#include "run/reject_file.h"
#include "run/reject_summary.h"
#include "run/reopening_reader.h"
#include "run/repeated_keys.h"
#include "run/run_registry.h"
#include "stores/common/ddl.h"
#include "stores/common/source.h"
#include "transform/transformer.h"

#include <QThread>

namespace ferry {

CollectionMover::CollectionMover(RunContext &context, const CollectionMapping &mapping,
                                 CollectionProgress &progress, CollectionReport &report)
    : m_ctx(context), m_mapping(mapping), m_progress(progress), m_report(report)
{
}

Status CollectionMover::run()
{
    if (Status s = begin(); !s)
        return s;
    return complete();
}

Status CollectionMover::begin()
{
    if (Status s = findResumePoint(); !s)
        return s;
    return prepareTarget();
}

Status CollectionMover::complete()
{
    if (!m_checkpoint.finished) {
        m_sourceCounts.atStart = countSource();
        if (Status s = streamBatches(); !s)
            return s;
        if (m_ended) {
            if (Status s = finishCollection(); !s)
                return s;
            if (m_sourceCounts.atStart >= 0)
                m_sourceCounts.atEnd = countSource();
        }
    }
    summarize();
    checkRead();
    if (Status s = validate(); !s)
        return s;
    m_ctx.emitProgress(true);
    return {};
}

// The checkpoint of the collection's root table: where a resumed run starts. A fresh run
// clears it, so that an old checkpoint can never skip documents.
QString checkpointKeyOf(const CollectionMapping &mapping, const RunRequest &r)
{
    if (r.partitions <= 1)
        return mapping.root.table;
    return QStringLiteral("%1#%2/%3").arg(mapping.root.table).arg(r.partition).arg(r.partitions);
}

int jobsOf(const RunRequest &request)
{
    return request.jobs > 0 ? request.jobs : std::max(1, QThread::idealThreadCount());
}

QString CollectionMover::checkpointKey() const
{
    return checkpointKeyOf(m_mapping, m_ctx.request);
}

Status CollectionMover::findResumePoint()
{
    const QString key = checkpointKey();
    m_checkpoint = Checkpoint();
    m_checkpoint.runId = m_ctx.runId;
    m_ahead.clear();
    if (m_ctx.request.resume) {
        auto loaded = m_ctx.sink.loadCheckpoint(key);
        if (!loaded)
            return loaded.error();
        if (loaded->has_value()) {
            m_checkpoint = **loaded;
            m_ahead.assign(m_checkpoint.ahead.begin(), m_checkpoint.ahead.end());
            m_checkpoint.ahead.clear();
            if (!m_checkpoint.runId.isEmpty())
                m_ctx.runId = m_checkpoint.runId;
            m_ctx.log(LogLevel::Info,
                      trEngineCount("%1: resuming after %n document.",
                                    "%1: resuming after %n documents.", m_checkpoint.read)
                          .arg(m_mapping.collection));
        }
    } else if (Status s = m_ctx.sink.clearCheckpoint(key); !s) {
        return s;
    }
    m_checkpoint.key = key;
    showCounts();
    m_ctx.tracker.setReadAtStart(m_progress.read);
    return {};
}

Status CollectionMover::prepareTarget()
{
    const ProjectOptions &options = m_ctx.project.options;
    if (m_ctx.request.partitions > 1 && options.existingRows == ExistingRows::Truncate)
        return Error(ErrorCode::Usage,
                     trEngine("--partition cannot truncate: each partition would empty the rows "
                              "of the others. Empty the tables once before starting the "
                              "partitions, and use --existing-rows skip."),
                     m_mapping.collection);
    // A document target keeps one checkpoint (and, for NDJSON, one file) per collection, which
    // concurrent partitions would overwrite.
    if (m_ctx.request.partitions > 1 && m_ctx.sink.takes() == StoreInput::Documents)
        return Error(ErrorCode::Usage,
                     trEngine("--partition loads PostgreSQL and SQLite targets; a MongoDB or "
                              "NDJSON target is loaded by one process (use --jobs for speed)."),
                     m_mapping.collection);
    auto prepared = m_ctx.sink.prepare(m_mapping, options,
                                       m_ctx.request.resume && !m_checkpoint.position.isEmpty());
    if (!prepared)
        return prepared.error();
    m_prepared = *prepared;
    SqlSink *sql = m_ctx.sink.asSql();
    // Without a key, rows already in the table cannot be told apart from new ones: skipping
    // "existing" rows would silently append them all again.
    if (!m_ctx.request.resume && !m_prepared.tablesWereEmpty && !m_mapping.root.primaryKey() &&
        sql && options.existingRows != ExistingRows::Truncate && m_ctx.request.partitions <= 1)
        return Error(ErrorCode::Schema,
                     trEngine("Table %1 already has rows and no primary key, so Ferry cannot "
                              "tell which rows are there already. Use --existing-rows truncate "
                              "to replace them, or empty the table first.")
                         .arg(m_mapping.root.table),
                     m_mapping.collection);
    for (const QString &t : m_prepared.createdTables) {
        m_ctx.log(LogLevel::Info, trEngine("Created table %1.").arg(t));
        m_ctx.createdTables.insert(t);
    }
    // Relational targets keep a run registry so that `ferry-cli rollback` can undo the run.
    if (!sql)
        return {};
    QStringList createdByRun;
    if (Status s =
            registerRunTables(*sql, m_ctx.runId, m_mapping, options, m_prepared, &createdByRun);
        !s)
        return s;
    for (const QString &t : createdByRun)
        m_ctx.createdTables.insert(t);
    return {};
}

Status CollectionMover::streamBatches()
{
    const ProjectOptions &options = m_ctx.project.options;
    ReadOptions ro;
    ro.filter = m_mapping.filter;
    ro.resumeFrom = m_checkpoint.position;
    ro.partition = m_ctx.request.partition;
    ro.partitions = m_ctx.request.partitions;
    if (ro.partitions > 1 && !m_ctx.source.readsSlices())
        return Error(ErrorCode::Usage,
                     trEngine("This source cannot be cut into partitions: --partition works "
                              "with .bson and NDJSON dump files, MongoDB (ranges of _id), "
                              "PostgreSQL and SQLite (ranges of the primary key). Run one "
                              "process without --partition (it still writes with --jobs "
                              "connections)."),
                     m_mapping.collection);
    auto opened = m_ctx.source.openReader(m_mapping.collection, ro);
    if (!opened)
        return opened.error();
    // A source that goes away mid-collection is read again from the last position.
    auto reader = std::make_unique<ReopeningReader>(m_ctx.source, m_mapping.collection, ro,
                                                    std::move(*opened), &m_ctx.cancel);
    reader->setRetryNotifier(reconnectNotifier(Side::Source));

    // Document targets take the documents as they are (with their embedded children); the
    // mapping's tables only name the collection they go to.
    const bool documentTarget = m_ctx.sink.takes() == StoreInput::Documents;
    const Transformer transformer(m_mapping, options, cellDialect(m_ctx.sink));
    std::unique_ptr<EmbedAttacher> embedder;
    if (documentTarget) {
        auto made = EmbedAttacher::create(m_ctx.source, m_mapping);
        if (!made)
            return made.error();
        embedder = std::move(*made);
    }

    BatchPipeline::Setup setup;
    setup.reader = reader.get();
    setup.transformer = documentTarget ? nullptr : &transformer;
    setup.embedder = embedder.get();
    setup.tableCount = m_mapping.tables().size();
    setup.batchSize = std::max(1, options.batchSize);
    setup.firstDocNumber = m_checkpoint.read;
    setup.tracker = &m_ctx.tracker;
    setup.cancel = &m_ctx.cancel;
    BatchPipeline pipeline(setup);

    auto pool = openWriterPool();
    if (!pool)
        return pool.error();
    if (*pool)
        return streamParallel(pipeline, **pool);

    BatchWriter writer(m_ctx.sink, m_mapping, options, &m_ctx.cancel);
    writer.setRejectRecorder([this](const RowBatch &batch, const std::vector<DocReject> &list) {
        return recordRejects(batch, list);
    });
    writer.setRetryNotifier(reconnectNotifier(Side::Target));
    const Error cancelled(ErrorCode::Cancelled, trEngine("Cancelled by the user."));
    for (;;) {
        if (!m_ctx.waitIfPaused())
            return cancelled;
        std::optional<PipelineItem> item = pipeline.next();
        if (!item)
            return m_ctx.cancel.load() ? Status(cancelled) : Status();
        if (item->error.isError())
            return item->error;
        if (item->end) {
            m_ended = true;
            return {};
        }
        auto skipped = skipCommitted(item->batch);
        if (!skipped)
            return skipped.error();
        if (!*skipped) {
            if (Status s = writeBatch(item->batch, writer); !s)
                return s;
        }
        pipeline.recycle(std::move(item->batch));
    }
}

// Several writers when the target offers more connections, the run asks for more than one
// job, and nothing but this run's own checkpoint decides what a batch may contain.
Result<std::unique_ptr<WriterPool>> CollectionMover::openWriterPool()
{
    const int jobs = jobsOf(m_ctx.request);
    // Under --on-error reject one writer at a time keeps each batch's rejects synced before
    // the batch commits (recordRejects), which out-of-order commits could not promise.
    if (jobs <= 1 || m_ctx.request.mode == RunMode::DryRun ||
        m_ctx.project.options.onError == ErrorPolicy::Reject)
        return std::unique_ptr<WriterPool>();
    std::vector<std::unique_ptr<Sink>> sinks;
    for (int i = 0; i < jobs; ++i) {
        auto writer = m_ctx.sink.openWriter();
        if (!writer)
            return writer.error();
        if (!*writer)
            return std::unique_ptr<WriterPool>(); // one writer at a time for this target
        sinks.push_back(std::move(*writer));
    }
    return std::make_unique<WriterPool>(std::move(sinks), m_mapping, m_ctx.project.options,
                                        &m_ctx.cancel, reconnectNotifier(Side::Target));
}

// What the log says before each reconnect, alike for both ends; called on the thread that
// lost its connection (the reader's, a writer's).
std::function<void(int, const Error &)> CollectionMover::reconnectNotifier(Side side) const
{
    return [this, side](int attempt, const Error &e) {
        const QString text = side == Side::Source
                                 ? trEngine("%1: the source went away (%2); reconnecting, "
                                            "attempt %3.")
                                 : trEngine("%1: the target went away (%2); reconnecting, "
                                            "attempt %3.");
        m_ctx.log(LogLevel::Warning, text.arg(m_mapping.collection, e.message).arg(attempt + 1));
    };
}

Status CollectionMover::streamParallel(BatchPipeline &pipeline, WriterPool &pool)
{
    const Error cancelled(ErrorCode::Cancelled, trEngine("Cancelled by the user."));
    Status stop;
    while (stop) {
        if (!m_ctx.waitIfPaused()) {
            stop = cancelled;
            break;
        }
        std::optional<PipelineItem> item = pipeline.next();
        if (!item) {
            if (m_ctx.cancel.load())
                stop = cancelled;
            break;
        }
        if (item->error.isError()) {
            stop = item->error;
            break;
        }
        if (item->end) {
            m_ended = true;
            break;
        }
        auto skipped = skipCommitted(item->batch);
        if (!skipped) {
            stop = skipped.error();
            break;
        }
        if (*skipped) {
            pipeline.recycle(std::move(item->batch));
            continue;
        }
        const qint64 read = qint64(item->batch.docs.size());
        qint64 repeats = 0;
        if (Status s = admitBatch(item->batch, &repeats); !s) {
            stop = s;
            break;
        }
        Checkpoint own;
        own.key = m_checkpoint.key;
        own.runId = m_checkpoint.runId;
        own.position = item->batch.position;
        own.read = read;
        own.skippedExisting = repeats;
        own.batchFirstDoc = item->batch.firstDocNumber;
        pool.submit(std::move(item->batch), own);
        std::vector<WriterPool::Done> done = pool.collect(false);
        stop = settleParallel(done, pipeline);
    }
    // Whatever is in flight still commits (or fails) on its own; wait for it, so that the
    // counts, the rejects and the finishing checkpoint see every committed batch.
    while (pool.inFlight() > 0) {
        std::vector<WriterPool::Done> done = pool.collect(true);
        if (Status s = settleParallel(done, pipeline); !s && stop)
            stop = s;
    }
    if (!stop)
        m_ended = false;
    return stop;
}

Status CollectionMover::settleParallel(std::vector<WriterPool::Done> &done, BatchPipeline &pipeline)
{
    Status first;
    for (WriterPool::Done &d : done) {
        if (d.error.isError()) {
            if (first)
                first = d.error;
            continue;
        }
        if (Status s = settle(d.batch, d.outcome, true, false); !s && first)
            first = s;
        pipeline.recycle(std::move(d.batch));
    }
    return first;
}

Result<bool> CollectionMover::skipCommitted(const RowBatch &batch)
{
    if (m_ahead.empty())
        return false;
    const BatchMark &mark = m_ahead.front();
    const qint64 first = batch.firstDocNumber;
    if (first < mark.firstDoc && first + qint64(batch.docs.size()) <= mark.firstDoc)
        return false;
    if (first != mark.firstDoc || mark.docs != qint64(batch.docs.size()) ||
        mark.position != batch.position) {
        // Name the old batch size even for a user who never chose one (the default went
        // from 5,000 to 10,000): the largest committed batch, since the last one or one
        // cut short by the reader's byte cap can be smaller.
        qint64 size = 0;
        for (const BatchMark &m : m_ahead)
            size = std::max(size, m.docs);
        return Error(ErrorCode::Usage,
                     trEngine("%1: the interrupted run committed batches in a different cut "
                              "(documents %2 to %3). Its batches held up to %4 documents: "
                              "resume with --batch-size %4, or start again without --resume.")
                         .arg(m_mapping.collection)
                         .arg(mark.firstDoc)
                         .arg(mark.firstDoc + mark.docs)
                         .arg(size),
                     m_mapping.collection);
    }
    m_checkpoint.read += mark.docs;
    m_checkpoint.position = mark.position;
    m_checkpoint.written += mark.written;
    m_checkpoint.skippedExisting += mark.skippedExisting;
    m_checkpoint.rejected += mark.rejected;
    m_parallelEnd = std::max(m_parallelEnd, mark.firstDoc + mark.docs);
    m_ahead.pop_front();
    showCounts();
    m_ctx.emitProgress(false);
    return true;
}

Status CollectionMover::admitBatch(RowBatch &batch, qint64 *repeatedSkipped)
{
    const RepeatedKeys repeated =
        dropRepeatedKeys(batch, m_mapping, m_ctx.project.options.existingRows,
                         m_ctx.sink.takes() == StoreInput::Documents);
    for (const QString &key : repeated.keys)
        noteUncompared(key);
    *repeatedSkipped = repeated.skipped;
    if (!batch.rejects.empty() && m_ctx.project.options.onError == ErrorPolicy::Stop) {
        const DocReject &first = batch.rejects.front();
        return Error(ErrorCode::Conversion,
                     trEngine("%1 (use --on-error reject to write such documents to "
                              "the reject file and go on)")
                         .arg(first.reason),
                     m_mapping.collection);
    }
    for (auto it = batch.unknownFields.cbegin(); it != batch.unknownFields.cend(); ++it)
        m_unknownFields[it.key()] += it.value();
    for (auto it = batch.excludedValues.cbegin(); it != batch.excludedValues.cend(); ++it)
        m_excludedValues[it.key()] += it.value();
    m_report.generatedKeys += batch.generatedKeys;
    return {};
}

Status CollectionMover::writeBatch(RowBatch &batch, BatchWriter &writer)
{
    const qint64 read = qint64(batch.docs.size());
    qint64 repeats = 0;
    if (Status s = admitBatch(batch, &repeats); !s)
        return s;
    Checkpoint next = m_checkpoint;
    next.position = batch.position;
    next.read += read;
    next.skippedExisting += repeats;
    // The writer records the batch's rejects (recordRejects) before it commits; a batch that
    // fails leaves its rejects in the file, and a resume cuts them off with the checkpoint.
    auto outcome = writer.write(batch, next);
    if (!outcome)
        return outcome.error();
    crashPoint("batch-committed");
    return settle(batch, *outcome, false, true);
}

// A committed batch: its rejects to the file, its counts to the collection's. With its own
// checkpoint row the outcome counts only this batch; otherwise it is the new total.
Status CollectionMover::settle(const RowBatch &batch, const BatchOutcome &outcome, bool ownRow,
                               bool rejectsRecorded)
{
    if (!rejectsRecorded) {
        if (auto recorded = recordRejects(batch, outcome.rejects); !recorded)
            return recorded.error();
    }
    if (ownRow) {
        const Checkpoint &c = outcome.checkpoint;
        m_checkpoint.read += c.read;
        m_checkpoint.written += c.written;
        m_checkpoint.skippedExisting += c.skippedExisting;
        m_checkpoint.rejected += c.rejected;
        const qint64 end = batch.firstDocNumber + c.read;
        if (end > m_parallelEnd) {
            m_parallelEnd = end;
            m_checkpoint.position = c.position;
        }
    } else {
        m_checkpoint = outcome.checkpoint;
    }
    showCounts();
    m_ctx.emitProgress(false);
    return {};
}

// Appends the rejects and syncs the file before the commit that counts them, so that a crash
// at any instant leaves each document in the target, or in the reject file, or (the batch
// being redone on resume) in neither yet: never lost, never twice.
Result<qint64> CollectionMover::recordRejects(const RowBatch &batch,
                                              const std::vector<DocReject> &list)
{
    if (list.empty())
        return m_ctx.rejects.length();
    // A document the target refused has its root row: validation must not look for it.
    const std::vector<int> rootKeys = rootKeyColumns(m_mapping.root);
    std::vector<qint64> rootRow(batch.docs.size(), -1);
    if (!rootKeys.empty() && !batch.tables.empty())
        for (size_t row = 0; row < batch.tables[0].rows(); ++row)
            if (batch.tables[0].rowDoc(row) < rootRow.size())
                rootRow[batch.tables[0].rowDoc(row)] = qint64(row);
    for (const DocReject &r : list) {
        if (r.doc < rootRow.size() && rootRow[r.doc] >= 0)
            noteUncompared(rowKeyText(rootKeys, batch.tables[0], size_t(rootRow[r.doc])));
        // The first of each kind now; the counts when the collection ends (summarize).
        if (m_rejectSummary.add(r.field, r.reason))
            m_ctx.log(LogLevel::Warning,
                      trEngine("%1: document rejected: %2").arg(m_mapping.collection, r.reason));
        if (Status s = m_ctx.rejects.add(batch.docs.data(r.doc), batch.docs.length(r.doc),
                                         m_mapping.collection, r.reason, r.field, r.rawText);
            !s)
            return s.error();
    }
    if (Status s = m_ctx.rejects.sync(); !s)
        return s.error();
    crashPoint("rejects-synced");
    return m_ctx.rejects.length();
}

// The reader reached the end: an empty batch commits the checkpoint marked finished, so a
// resume skips this collection.
Status CollectionMover::finishCollection()
{
    if (!m_ahead.empty())
        return Error(ErrorCode::Internal,
                     trEngine("%1: the source ended before documents %2 to %3, which an earlier "
                              "run committed. Has the source changed since? Start again "
                              "without --resume.")
                         .arg(m_mapping.collection)
                         .arg(m_ahead.front().firstDoc)
                         .arg(m_ahead.front().firstDoc + m_ahead.front().docs),
                     m_mapping.collection);
    // Keys left out during the load are built once every row is in; a partition leaves them
    // to `finish`, since the other partitions may still be loading.
    if (SqlSink *sql = m_ctx.sink.asSql();
        sql && m_prepared.keysDeferred && m_ctx.request.partitions <= 1) {
        QStringList tables;
        for (const TableMapping *t : m_mapping.tables())
            tables << t->table;
        m_ctx.log(
            LogLevel::Info,
            trEngine("%1: adding the primary keys after the load.").arg(m_mapping.collection));
        if (Status s = sql->buildDeferredKeys(tables); !s)
            return s;
    }
    Checkpoint last = m_checkpoint;
    last.finished = true;
    RowBatch empty;
    empty.tables.resize(m_mapping.tables().size());
    for (size_t t = 0; t < empty.tables.size(); ++t)
        empty.tables[t] = TableRows(int(m_mapping.tables()[t]->columns.size()));
    empty.position = m_checkpoint.position;
    // Through a BatchWriter for its reconnect: with parallel writers this connection sat
    // idle through the load and may have lost its server meanwhile.
    BatchWriter writer(m_ctx.sink, m_mapping, m_ctx.project.options, &m_ctx.cancel);
    auto done = writer.write(empty, last);
    if (!done)
        return done.error();
    m_checkpoint = last;
    return {};
}

void CollectionMover::noteUncompared(const QString &key)
{
    // Bounded: past this many, validation may report some of them as mismatches.
    if (m_uncomparedKeys.size() < 100000)
        m_uncomparedKeys.insert(key);
}

void CollectionMover::showCounts()
{
    m_progress.read = m_checkpoint.read;
    m_progress.written = m_checkpoint.written;
    m_progress.skipped = m_checkpoint.skippedExisting;
    m_progress.rejected = m_checkpoint.rejected;
}

} // namespace ferry

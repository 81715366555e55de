#include "run/collection_mover.h"

#include "core/crash_point.h"
#include "run/batch_pipeline.h"
#include "run/batch_writer.h"
#include "run/embed_attacher.h"
#include "run/progress_tracker.h"
#include "run/reject_file.h"
#include "run/repeated_keys.h"
#include "run/run_registry.h"
#include "run/validator.h"
#include "stores/common/ddl.h"
#include "stores/common/source.h"
#include "transform/transformer.h"

#include <QJsonObject>

namespace ferry {

namespace {

QJsonObject countsToJson(const QHash<QString, qint64> &counts)
{
    QJsonObject json;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it)
        json.insert(it.key(), it.value());
    return json;
}

} // namespace

CollectionMover::CollectionMover(RunContext &context, const CollectionMapping &mapping,
                                 CollectionProgress &progress, CollectionReport &report)
    : m_ctx(context), m_mapping(mapping), m_progress(progress), m_report(report)
{
}

Status CollectionMover::run()
{
    if (Status s = findResumePoint(); !s)
        return s;
    if (Status s = prepareTarget(); !s)
        return s;
    if (!m_checkpoint.finished) {
        if (Status s = streamBatches(); !s)
            return s;
        if (m_ended) {
            if (Status s = finishCollection(); !s)
                return s;
        }
    }
    summarize();
    if (Status s = validate(); !s)
        return s;
    m_ctx.emitProgress(true);
    return {};
}

// The checkpoint of the collection's root table: where a resumed run starts. A fresh run
// clears it, so that an old checkpoint can never skip documents.
Status CollectionMover::findResumePoint()
{
    const QString key = m_mapping.root.table;
    m_checkpoint = Checkpoint();
    m_checkpoint.runId = m_ctx.runId;
    if (m_ctx.request.resume) {
        auto loaded = m_ctx.sink.loadCheckpoint(key);
        if (!loaded)
            return loaded.error();
        if (loaded->has_value()) {
            m_checkpoint = **loaded;
            m_ctx.runId = m_checkpoint.runId;
            m_ctx.log(LogLevel::Info, trEngine("%1: resuming after %2 documents.")
                                          .arg(m_mapping.collection)
                                          .arg(m_checkpoint.read));
        }
    } else if (Status s = m_ctx.sink.clearCheckpoint(key); !s) {
        return s;
    }
    showCounts();
    m_ctx.tracker.setReadAtStart(m_progress.read);
    return {};
}

Status CollectionMover::prepareTarget()
{
    const ProjectOptions &options = m_ctx.project.options;
    auto prepared = m_ctx.sink.prepare(m_mapping, options,
                                       m_ctx.request.resume && !m_checkpoint.position.isEmpty());
    if (!prepared)
        return prepared.error();
    m_prepared = *prepared;
    SqlSink *sql = m_ctx.sink.asSql();
    // Without a key, rows already in the table cannot be told apart from new ones: skipping
    // "existing" rows would silently append them all again.
    if (!m_ctx.request.resume && !m_prepared.tablesWereEmpty && !m_mapping.root.primaryKey() &&
        sql && options.existingRows != ExistingRows::Truncate)
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
    if (sql)
        return registerRunTables(*sql, m_ctx.runId, m_mapping, options, m_prepared);
    return {};
}

Status CollectionMover::streamBatches()
{
    const ProjectOptions &options = m_ctx.project.options;
    ReadOptions ro;
    ro.filter = m_mapping.filter;
    ro.resumeFrom = m_checkpoint.position;
    auto opened = m_ctx.source.openReader(m_mapping.collection, ro);
    if (!opened)
        return opened.error();
    std::unique_ptr<DocumentReader> reader = std::move(*opened);

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

    BatchWriter writer(m_ctx.sink, m_mapping, options, &m_ctx.cancel);
    writer.setRejectRecorder([this](const RowBatch &batch, const std::vector<DocReject> &list) {
        return recordRejects(batch, list);
    });
    writer.setRetryNotifier([this](int attempt, const Error &e) {
        m_ctx.log(LogLevel::Warning, trEngine("%1: the target went away (%2); reconnecting, "
                                              "attempt %3.")
                                         .arg(m_mapping.collection, e.message)
                                         .arg(attempt + 1));
    });
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
        if (Status s = writeBatch(item->batch, writer); !s)
            return s;
    }
}

Status CollectionMover::writeBatch(RowBatch &batch, BatchWriter &writer)
{
    const qint64 read = qint64(batch.docs.size());
    const RepeatedKeys repeated =
        dropRepeatedKeys(batch, m_mapping, m_ctx.project.options.existingRows,
                         m_ctx.sink.takes() == StoreInput::Documents);
    for (const QString &key : repeated.keys)
        noteUncompared(key);
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

    Checkpoint next = m_checkpoint;
    next.position = batch.position;
    next.read += read;
    next.skippedExisting += repeated.skipped;
    m_report.generatedKeys += batch.docs.generatedKeys();
    // The writer records the batch's rejects (recordRejects) before it commits; a batch that
    // fails leaves its rejects in the file, and a resume cuts them off with the checkpoint.
    auto outcome = writer.write(batch, next);
    if (!outcome)
        return outcome.error();
    crashPoint("batch-committed");
    m_checkpoint = outcome->checkpoint;
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
    Checkpoint last = m_checkpoint;
    last.finished = true;
    RowBatch empty;
    empty.tables.resize(m_mapping.tables().size());
    for (size_t t = 0; t < empty.tables.size(); ++t)
        empty.tables[t] = TableRows(int(m_mapping.tables()[t]->columns.size()));
    empty.position = m_checkpoint.position;
    auto done = m_ctx.sink.write(m_mapping, m_ctx.project.options, empty, last);
    if (!done)
        return done.error();
    m_checkpoint = last;
    return {};
}

void CollectionMover::summarize()
{
    m_progress.done = true;
    m_ctx.tracker.endCollection();
    m_report.read = m_checkpoint.read;
    m_report.written = m_checkpoint.written;
    m_report.skippedExisting = m_checkpoint.skippedExisting;
    m_report.rejected = m_checkpoint.rejected;
    for (const TableMapping *t : m_mapping.tables()) {
        auto rows = m_ctx.sink.countRows(t->table);
        m_report.tables.push_back({t->table, rows ? *rows : -1});
    }
    if (m_report.written + m_report.skippedExisting + m_report.rejected != m_report.read)
        m_report.warnings.append(
            trEngine("Counts do not add up: %1 read, %2 written, %3 skipped, %4 rejected.")
                .arg(m_report.read)
                .arg(m_report.written)
                .arg(m_report.skippedExisting)
                .arg(m_report.rejected));
    if (!m_unknownFields.isEmpty())
        m_report.extra.insert(QStringLiteral("unknown_fields"), countsToJson(m_unknownFields));
    if (!m_excludedValues.isEmpty())
        m_report.extra.insert(QStringLiteral("excluded_values"), countsToJson(m_excludedValues));
    // "Kept" only where a column kept them: a document target keeps whole documents.
    const ColumnMapping *extra = extraColumnOf(m_mapping);
    const bool kept = m_ctx.project.options.unknownFields == UnknownFields::Extra &&
                      (extra || m_ctx.sink.takes() == StoreInput::Documents);
    for (auto it = m_unknownFields.cbegin(); it != m_unknownFields.cend(); ++it)
        m_report.warnings.append(
            kept ? trEngine("Field `%1` is not in the mapping: %2 values kept in %3.")
                       .arg(it.key())
                       .arg(it.value())
                       .arg(extra ? extra->column : trEngine("the documents"))
                 : trEngine("Field `%1` is not in the mapping: %2 values counted, not kept.")
                       .arg(it.key())
                       .arg(it.value()));
}

Status CollectionMover::validate()
{
    SqlSink *sql = m_ctx.sink.asSql();
    if (!sql)
        return {};
    if (Status s = markRunFinished(*sql, m_ctx.runId, m_mapping.collection); !s)
        return s;
    if (m_ctx.request.validate)
        validateAfterRun(m_ctx.source, *sql, m_mapping, m_ctx.project.options, m_ctx.request.resume,
                         m_prepared.tablesWereEmpty, m_report, m_uncomparedKeys);
    if (!m_report.mismatches.isEmpty())
        m_ctx.log(LogLevel::Warning,
                  trEngine("%1: validation found %2 mismatches (see the report).")
                      .arg(m_mapping.collection)
                      .arg(m_report.mismatches.size()));
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

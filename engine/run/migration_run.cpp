#include "run/migration_run.h"
#include "stores/stores.h"

#include "run/batch_writer.h"
#include "run/bounded_queue.h"
#include "run/collection_order.h"
#include "run/dry_run.h"
#include "run/embed_attacher.h"
#include "run/foreign_keys.h"
#include "run/progress_tracker.h"
#include "run/reject_file.h"
#include "run/reject_summary.h"
#include "run/run_registry.h"
#include "run/validator.h"
#include "stores/common/sink.h"
#include "stores/common/source.h"
#include "transform/transformer.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QHash>
#include <QJsonObject>
#include <QSet>
#include <QUuid>

#include <thread>

namespace ferry {

namespace {

constexpr size_t QueueDepth = 3; // batches in flight between reader and writer

struct QueueItem {
    RowBatch batch;
    Error error;
    bool end = false;
};

// Rejects always have a home: beside the report, or in the working folder. The file is
// only created when the first document is rejected.
QString rejectPathFor(const RunRequest &request, const QString &runId)
{
    if (!request.rejectPath.isEmpty())
        return request.rejectPath;
    if (!request.reportPath.isEmpty())
        return RejectFile::pathBesideReport(request.reportPath);
    return QDir::current().filePath(QStringLiteral("ferry-%1.rejects.ndjson").arg(runId.left(8)));
}

} // namespace

struct MigrationRun::Impl {
    MigrationRun *q;
    std::unique_ptr<Source> source;
    std::unique_ptr<Sink> sink;
    std::unique_ptr<RejectFile> rejects;
    RejectSummary rejectSummary; // of the collection being moved
    ProgressTracker tracker;
    QSet<QString> createdTables; // by this run: only these get foreign keys afterwards

    explicit Impl(MigrationRun *owner) : q(owner) {}

    void log(LogLevel level, const QString &text)
    {
        Q_EMIT q->message(static_cast<int>(level), redactSecrets(text));
    }

    void emitProgress(bool force)
    {
        if (std::optional<RunProgress> p = tracker.snapshot(force))
            Q_EMIT q->progress(*p);
    }

    bool waitIfPaused()
    {
        // atomic::wait blocks without polling until setPaused(false) or cancel notifies.
        while (q->m_paused.load() && !q->m_cancel.load())
            q->m_paused.wait(true);
        return !q->m_cancel.load();
    }

    Status moveCollection(const CollectionMapping &mapping, CollectionProgress &cp,
                          CollectionReport &cr);
    Status writeRejects(const CollectionMapping &mapping, const RowBatch &batch,
                        const std::vector<DocReject> &list);
    Status dryRun(const CollectionMapping &mapping, CollectionProgress &cp, CollectionReport &cr);
};

Status MigrationRun::Impl::dryRun(const CollectionMapping &mapping, CollectionProgress &cp,
                                  CollectionReport &cr)
{
    auto result = dryRunCollection(*source, *sink, mapping, q->m_project.options,
                                   q->m_request.dryRunSample, cp.total);
    if (!result)
        return result.error();
    cr.read = result->sampled;
    cr.rejected = qint64(result->rejects.size());
    cr.skippedExisting = result->skippedExisting;
    cr.written = cr.read - cr.rejected - cr.skippedExisting;
    for (const DryRunTable &t : result->tables)
        cr.tables.push_back({t.name, t.predictedRows});
    cr.warnings = result->warnings;
    cr.extra.insert(QStringLiteral("dry_run"), dryRunToJson(*result));
    cp.read = cr.read;
    cp.written = cr.written;
    cp.rejected = cr.rejected;
    cp.done = true;
    for (const DryRunReject &r : result->rejects)
        log(LogLevel::Warning, trEngine("%1: document %2 would be rejected: %3")
                                   .arg(mapping.collection, r.id, r.reason));
    q->m_dryRunResults.push_back(std::move(*result));
    emitProgress(true);
    return {};
}

MigrationRun::MigrationRun(Project project, Endpoint source, Endpoint target, RunRequest request,
                           QObject *parent)
    : QObject(parent), d(std::make_unique<Impl>(this)), m_project(std::move(project)),
      m_source(std::move(source)), m_target(std::move(target)), m_request(std::move(request))
{
    qRegisterMetaType<ferry::RunProgress>();
    qRegisterMetaType<ferry::RunReport>();
}

MigrationRun::~MigrationRun() = default;

int MigrationRun::exitCode() const
{
    switch (m_status) {
    case RunStatus::Completed:
        return hasMismatches(m_report) ? 1 : 0;
    case RunStatus::CompletedWithRejects:
        return 1;
    case RunStatus::Cancelled:
        return 4;
    case RunStatus::Failed:
    default:
        return m_error.code == ErrorCode::Connect || m_error.code == ErrorCode::Auth
                   ? 3
                   : (m_error.code == ErrorCode::Usage || m_error.code == ErrorCode::ProjectFile ||
                              m_error.code == ErrorCode::NotFound
                          ? 2
                          : 4);
    }
    return 4;
}

void MigrationRun::requestCancel()
{
    m_cancel.store(true);
    m_paused.store(false);
    m_paused.notify_all();
}

void MigrationRun::setPaused(bool paused)
{
    m_paused.store(paused);
    m_paused.notify_all();
}

void MigrationRun::start()
{
    d->tracker.start();
    m_report = RunReport();
    m_dryRunResults.clear();
    m_report.command = m_command;
    m_error = Error();
    m_report.runId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    m_report.source = m_source.redacted();
    m_report.target = m_target.redacted();

    auto setStatus = [this](RunStatus status) {
        m_status = status;
        m_report.status = RunReport::statusName(status);
    };
    auto fail = [this, setStatus](const Error &e) {
        setStatus(RunStatus::Failed);
        m_error = Error(e.code, redactSecrets(e.message), redactSecrets(e.where));
        d->log(LogLevel::Error, m_error.toString());
    };

    [&] {
        auto src = makeSourceFor(m_source, m_target);
        if (!src) {
            fail(src.error());
            return;
        }
        d->source = std::move(*src);
        auto snk = makeSink(m_target);
        if (!snk) {
            fail(snk.error());
            return;
        }
        d->sink = std::move(*snk);
        d->sink->setDryRun(m_request.mode == RunMode::DryRun);
        if (Status s = d->source->open(); !s) {
            fail(s.error());
            return;
        }
        if (Status s = d->sink->open(); !s) {
            fail(s.error());
            return;
        }

        auto ordered = orderCollections(m_project, m_request.collections);
        if (!ordered) {
            fail(ordered.error());
            return;
        }
        auto listed = d->source->listCollections();
        if (!listed) {
            fail(listed.error());
            return;
        }
        QHash<QString, qint64> counts;
        for (const CollectionInfo &info : *listed)
            counts.insert(info.name, info.count);
        for (const CollectionMapping *m : *ordered) {
            if (!counts.contains(m->collection)) {
                fail(Error(ErrorCode::NotFound,
                           trEngine("The source has no collection \"%1\". Run `ferry-cli list` "
                                    "to see what it has, or fix the project.")
                               .arg(m->collection)));
                return;
            }
            d->tracker.addCollection(m->collection, counts.value(m->collection, -1));
        }
        const QString rejectPath = rejectPathFor(m_request, m_report.runId);
        d->rejects = std::make_unique<RejectFile>(
            rejectPath, m_request.resume ? RejectFile::Mode::Append : RejectFile::Mode::Truncate);
        m_report.rejectFile = rejectPath;

        setStatus(RunStatus::Completed);
        for (size_t i = 0; i < ordered->size(); ++i) {
            const CollectionMapping &mapping = *(*ordered)[i];
            d->tracker.beginCollection(i);
            CollectionReport cr;
            cr.name = mapping.collection;
            cr.sourceCount = d->tracker.collection(i).total;
            QElapsedTimer collectionClock;
            collectionClock.start();
            const Status s = m_request.mode == RunMode::DryRun
                                 ? d->dryRun(mapping, d->tracker.collection(i), cr)
                                 : d->moveCollection(mapping, d->tracker.collection(i), cr);
            const double secs = std::max(0.001, collectionClock.elapsed() / 1000.0);
            cr.docsPerSecond = cr.read / secs;
            if (!s) {
                cr.status = s.error().code == ErrorCode::Cancelled ? QStringLiteral("cancelled")
                                                                   : QStringLiteral("failed");
                cr.warnings.append(redactSecrets(s.error().toString()));
                m_report.collections.push_back(std::move(cr));
                if (s.error().code == ErrorCode::Cancelled) {
                    setStatus(RunStatus::Cancelled);
                    m_error = s.error();
                    d->log(LogLevel::Warning, trEngine("Cancelled. Run again with --resume to "
                                                       "continue where it stopped."));
                } else {
                    fail(s.error());
                }
                return;
            }
            cr.status = cr.rejected > 0 ? QStringLiteral("completed_with_rejects")
                                        : QStringLiteral("completed");
            if (cr.rejected > 0)
                setStatus(RunStatus::CompletedWithRejects);
            m_report.collections.push_back(std::move(cr));
        }
        if (m_request.mode != RunMode::DryRun && d->sink->asSql())
            for (const QString &w :
                 addForeignKeys(*d->sink->asSql(), m_project, *ordered, d->createdTables))
                d->log(LogLevel::Warning, w);
    }();

    if (d->rejects) {
        (void)d->rejects->close();
        if (!d->rejects->created())
            m_report.rejectFile.clear();
    }
    m_report.durationSeconds = d->tracker.elapsedMs() / 1000.0;
    d->emitProgress(true);
    if (!m_request.reportPath.isEmpty()) {
        if (Status s = m_report.save(m_request.reportPath); !s)
            d->log(LogLevel::Error, s.error().toString());
    }
    Q_EMIT finished(m_report);
}

Status MigrationRun::Impl::writeRejects(const CollectionMapping &mapping, const RowBatch &batch,
                                        const std::vector<DocReject> &list)
{
    for (const DocReject &r : list) {
        // The first of each kind now; the counts when the collection ends.
        if (rejectSummary.add(r.field, r.reason))
            log(LogLevel::Warning,
                trEngine("%1: document rejected: %2").arg(mapping.collection, r.reason));
        if (Status s = rejects->add(batch.docs.data(r.doc), batch.docs.length(r.doc),
                                    mapping.collection, r.reason, r.field);
            !s)
            return s;
    }
    return {};
}

Status MigrationRun::Impl::moveCollection(const CollectionMapping &mapping, CollectionProgress &cp,
                                          CollectionReport &cr)
{
    const Project &project = q->m_project;
    const RunRequest &request = q->m_request;
    const QString key = mapping.root.table;

    Checkpoint checkpoint;
    checkpoint.runId = q->m_report.runId;
    if (request.resume) {
        auto loaded = sink->loadCheckpoint(key);
        if (!loaded)
            return loaded.error();
        if (loaded->has_value()) {
            checkpoint = **loaded;
            q->m_report.runId = checkpoint.runId;
            log(LogLevel::Info, trEngine("%1: resuming after %2 documents.")
                                    .arg(mapping.collection)
                                    .arg(checkpoint.read));
        }
    } else if (Status s = sink->clearCheckpoint(key); !s) {
        return s;
    }
    cp.read = checkpoint.read;
    cp.written = checkpoint.written;
    cp.skipped = checkpoint.skippedExisting;
    cp.rejected = checkpoint.rejected;
    tracker.setReadAtStart(cp.read);
    QHash<QString, qint64> unknownFields;
    QHash<QString, qint64> excludedValues;

    auto prepared =
        sink->prepare(mapping, project.options, request.resume && !checkpoint.position.isEmpty());
    if (!prepared)
        return prepared.error();
    // Without a key, rows already in the table cannot be told apart from new ones: skipping
    // "existing" rows would silently append them all again.
    if (!request.resume && !prepared->tablesWereEmpty && !mapping.root.primaryKey() &&
        sink->asSql() && project.options.existingRows != ExistingRows::Truncate)
        return Error(ErrorCode::Schema,
                     trEngine("Table %1 already has rows and no primary key, so Ferry cannot "
                              "tell which rows are there already. Use --existing-rows truncate "
                              "to replace them, or empty the table first.")
                         .arg(mapping.root.table),
                     mapping.collection);
    for (const QString &t : prepared->createdTables) {
        log(LogLevel::Info, trEngine("Created table %1.").arg(t));
        createdTables.insert(t);
    }
    // Relational targets keep a run registry so that `ferry-cli rollback` can undo the run.
    SqlSink *sql = sink->asSql();
    if (sql) {
        if (Status s =
                registerRunTables(*sql, q->m_report.runId, mapping, project.options, *prepared);
            !s)
            return s;
    }

    if (!checkpoint.finished) {
        ReadOptions ro;
        ro.filter = mapping.filter;
        ro.resumeFrom = checkpoint.position;
        auto opened = source->openReader(mapping.collection, ro);
        if (!opened)
            return opened.error();
        std::unique_ptr<DocumentReader> reader = std::move(*opened);
        const Transformer transformer(mapping, project.options, cellDialect(*sink));
        // Document targets take the documents as they are; the mapping's tables only name
        // the collection they go to.
        const bool documentTarget = sink->takes() == StoreInput::Documents;
        const size_t tableCount = mapping.tables().size();
        std::unique_ptr<EmbedAttacher> embedder;
        if (documentTarget) {
            auto made = EmbedAttacher::create(*source, mapping);
            if (!made)
                return made.error();
            embedder = std::move(*made);
        }
        const int batchSize = std::max(1, project.options.batchSize);

        BoundedQueue<QueueItem> queue(QueueDepth);
        std::atomic<bool> &cancel = q->m_cancel;
        std::thread producer([&] {
            qint64 number = checkpoint.read;
            for (;;) {
                if (cancel.load()) {
                    queue.close();
                    return;
                }
                QueueItem item;
                auto more = reader->next(item.batch.docs, batchSize);
                if (!more) {
                    item.error = more.error();
                    queue.push(std::move(item));
                    queue.close();
                    return;
                }
                if (!*more) {
                    item.end = true;
                    queue.push(std::move(item));
                    queue.close();
                    return;
                }
                if (embedder) {
                    if (Status s = embedder->attach(item.batch.docs); !s) {
                        item.error = s.error();
                        queue.push(std::move(item));
                        queue.close();
                        return;
                    }
                }
                if (documentTarget)
                    item.batch.tables.resize(tableCount, TableRows());
                else
                    transformer.transform(item.batch);
                item.batch.position = reader->position();
                item.batch.firstDocNumber = number;
                number += qint64(item.batch.docs.size());
                const double f = reader->progress();
                if (f >= 0)
                    tracker.setReaderFraction(f);
                if (!queue.push(std::move(item)))
                    return;
            }
        });

        BatchWriter writer(*sink, mapping, project.options, &q->m_cancel);
        writer.setRetryNotifier([this, &mapping](int attempt, const Error &e) {
            log(LogLevel::Warning, trEngine("%1: the target went away (%2); reconnecting, "
                                            "attempt %3.")
                                       .arg(mapping.collection, e.message)
                                       .arg(attempt + 1));
        });
        Status result;
        bool ended = false;
        while (!ended) {
            if (!waitIfPaused()) {
                result = Error(ErrorCode::Cancelled, trEngine("Cancelled by the user."));
                break;
            }
            std::optional<QueueItem> item = queue.pop();
            if (!item) {
                if (cancel.load())
                    result = Error(ErrorCode::Cancelled, trEngine("Cancelled by the user."));
                break;
            }
            if (item->error.isError()) {
                result = item->error;
                break;
            }
            if (item->end) {
                ended = true;
                break;
            }
            RowBatch &batch = item->batch;
            if (!batch.rejects.empty() && project.options.onError == ErrorPolicy::Stop) {
                const DocReject &first = batch.rejects.front();
                result = Error(ErrorCode::Conversion,
                               trEngine("%1 (use --on-error reject to write such documents to "
                                        "the reject file and go on)")
                                   .arg(first.reason),
                               mapping.collection);
                break;
            }
            for (auto it = batch.unknownFields.cbegin(); it != batch.unknownFields.cend(); ++it)
                unknownFields[it.key()] += it.value();
            for (auto it = batch.excludedValues.cbegin(); it != batch.excludedValues.cend(); ++it)
                excludedValues[it.key()] += it.value();

            Checkpoint next = checkpoint;
            next.position = batch.position;
            next.read += qint64(batch.docs.size());
            auto outcome = writer.write(batch, next);
            if (!outcome) {
                result = outcome.error();
                break;
            }
            if (Status s = writeRejects(mapping, batch, outcome->rejects); !s) {
                result = s;
                break;
            }
            if (Status s = rejects->flush(); !s) {
                result = s;
                break;
            }
            checkpoint = outcome->checkpoint;
            cp.read = checkpoint.read;
            cp.written = checkpoint.written;
            cp.skipped = checkpoint.skippedExisting;
            cp.rejected = checkpoint.rejected;
            emitProgress(false);
        }
        queue.abort();
        producer.join();
        if (!result)
            return result;
        if (ended) {
            Checkpoint last = checkpoint;
            last.finished = true;
            RowBatch empty;
            empty.tables.resize(mapping.tables().size());
            for (size_t t = 0; t < empty.tables.size(); ++t)
                empty.tables[t] = TableRows(int(mapping.tables()[t]->columns.size()));
            empty.position = checkpoint.position;
            auto done = sink->write(mapping, project.options, empty, last);
            if (!done)
                return done.error();
            checkpoint = last;
        }
    }

    cp.done = true;
    tracker.endCollection();
    cr.read = checkpoint.read;
    cr.written = checkpoint.written;
    cr.skippedExisting = checkpoint.skippedExisting;
    cr.rejected = checkpoint.rejected;
    for (const QString &line : rejectSummary.lines(mapping.collection, rejects->path()))
        log(LogLevel::Warning, line);
    if (!rejectSummary.isEmpty())
        cr.extra.insert(QStringLiteral("rejects"), rejectSummary.toJson());
    rejectSummary.clear();
    for (const TableMapping *t : mapping.tables()) {
        auto rows = sink->countRows(t->table);
        cr.tables.push_back({t->table, rows ? *rows : -1});
    }
    if (cr.written + cr.skippedExisting + cr.rejected != cr.read)
        cr.warnings.append(trEngine("Counts do not add up: %1 read, %2 written, %3 skipped, %4 "
                                    "rejected.")
                               .arg(cr.read)
                               .arg(cr.written)
                               .arg(cr.skippedExisting)
                               .arg(cr.rejected));
    QJsonObject unknownJson;
    for (auto it = unknownFields.cbegin(); it != unknownFields.cend(); ++it)
        unknownJson.insert(it.key(), it.value());
    if (!unknownJson.isEmpty())
        cr.extra.insert(QStringLiteral("unknown_fields"), unknownJson);
    QJsonObject excludedJson;
    for (auto it = excludedValues.cbegin(); it != excludedValues.cend(); ++it)
        excludedJson.insert(it.key(), it.value());
    if (!excludedJson.isEmpty())
        cr.extra.insert(QStringLiteral("excluded_values"), excludedJson);
    for (auto it = unknownFields.cbegin(); it != unknownFields.cend(); ++it)
        cr.warnings.append(trEngine("Field `%1` is not in the mapping: %2 values kept in %3.")
                               .arg(it.key())
                               .arg(it.value())
                               .arg(project.options.unknownFields == UnknownFields::Extra
                                        ? project.options.extraColumn
                                        : trEngine("the report only")));
    if (sql) {
        if (Status s = markRunFinished(*sql, q->m_report.runId, mapping.collection); !s)
            return s;
        if (request.validate)
            validateAfterRun(*source, *sql, mapping, project.options, request.resume,
                             prepared->tablesWereEmpty, cr);
        if (!cr.mismatches.isEmpty())
            log(LogLevel::Warning, trEngine("%1: validation found %2 mismatches (see the report).")
                                       .arg(mapping.collection)
                                       .arg(cr.mismatches.size()));
    }
    emitProgress(true);
    return {};
}

} // namespace ferry

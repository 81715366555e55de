#include "run/migration_run.h"
#include "stores/stores.h"

#include "core/count_text.h"
#include "run/collection_lanes.h"
#include "run/collection_mover.h"
#include "run/collection_order.h"
#include "run/dry_run.h"
#include "run/foreign_keys.h"
#include "run/index_builder.h"
#include "run/progress_tracker.h"
#include "run/reject_file.h"
#include "run/reject_resume.h"
#include "run/validator.h"
#include "stores/common/sink.h"
#include "stores/common/source.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QHash>
#include <QSet>
#include <QUuid>

namespace ferry {

namespace {

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
    Status dryRun(const CollectionMapping &mapping, CollectionProgress &cp, CollectionReport &cr);

    // The steps of start(): open both ends, check the collections, move them one by one,
    // then what needs every table loaded.
    Status openEndpoints();
    void keepUnknownFields();
    Result<std::vector<const CollectionMapping *>> planCollections();
    void resumeRejects(const std::vector<const CollectionMapping *> &ordered);
    void runCollections(const std::vector<const CollectionMapping *> &ordered);
    // How many collections move at once: one, unless the target takes several writers and
    // nothing needs one batch at a time (a dry run; rejects, whose file a resume cuts back).
    int laneCount(const std::vector<const CollectionMapping *> &ordered) const;
    // One collection after another, or several at once; false when the run must stop.
    bool runOneByOne(const std::vector<const CollectionMapping *> &ordered);
    bool runLanes(const std::vector<const CollectionMapping *> &ordered, int lanes);
    Status adoptResumedRunId(const std::vector<const CollectionMapping *> &ordered);
    void cancelled(const Error &e);
    RunContext runContext();
    // Records the outcome of one collection; false when the run must stop.
    bool recordCollection(CollectionReport &cr, const Status &outcome);
    void addConstraints(const std::vector<const CollectionMapping *> &ordered);
    void setStatus(RunStatus status);
    void fail(const Error &e);
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
    result->ddl += plannedIndexStatements(*source, q->m_source, *sink, mapping);
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
    case RunStatus::Mismatches:
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

    if (Status s = d->openEndpoints(); !s) {
        d->fail(s.error());
    } else if (auto ordered = d->planCollections(); !ordered) {
        d->fail(ordered.error());
    } else {
        d->resumeRejects(*ordered);
        d->runCollections(*ordered);
    }

    if (d->rejects) {
        (void)d->rejects->close();
        if (!d->rejects->created())
            m_report.rejectFile.clear();
    }
    // Whoever hears `finished` may start the next run on the same target at once (the
    // wizard's Next after a dry run): its connections and locks, and a dry run's rolled-back
    // file, must be gone by then, not when this object is deleted later.
    if (d->sink) {
        if (Status s = d->sink->close(); !s) {
            if (m_status == RunStatus::Failed || m_status == RunStatus::Cancelled)
                d->log(LogLevel::Error, s.error().toString());
            else
                d->fail(s.error());
        }
    }
    d->sink.reset();
    d->source.reset();
    m_report.durationSeconds = d->tracker.elapsedMs() / 1000.0;
    d->emitProgress(true);
    if (!m_request.reportPath.isEmpty()) {
        if (Status s = m_report.save(m_request.reportPath); !s)
            d->log(LogLevel::Error, s.error().toString());
    }
    Q_EMIT finished(m_report);
}

void MigrationRun::Impl::setStatus(RunStatus status)
{
    q->m_status = status;
    q->m_report.status = RunReport::statusName(status);
}

void MigrationRun::Impl::fail(const Error &e)
{
    setStatus(RunStatus::Failed);
    q->m_error = Error(e.code, redactSecrets(e.message), redactSecrets(e.where));
    log(LogLevel::Error, q->m_error.toString());
}

Status MigrationRun::Impl::openEndpoints()
{
    auto src = makeSourceFor(q->m_source, q->m_target);
    if (!src)
        return src.error();
    source = std::move(*src);
    auto snk = makeSink(q->m_target);
    if (!snk)
        return snk.error();
    sink = std::move(*snk);
    sink->setDryRun(q->m_request.mode == RunMode::DryRun);
    sink->setPartitioned(q->m_request.partitions > 1);
    sink->setLoads(q->m_request.mode != RunMode::DryRun);
    if (Status s = source->open(); !s)
        return s;
    if (Status s = sink->open(); !s)
        return s;
    keepUnknownFields();
    return {};
}

// The options may say "keep unknown fields" for a mapping inferred without the column that
// keeps them; the report must not claim values were kept that were only counted.
void MigrationRun::Impl::keepUnknownFields()
{
    const StoreInfo *from = storeOf(q->m_source);
    if (!from || from->isSql() || sink->takes() != StoreInput::Rows)
        return;
    for (const QString &c : ensureExtraColumns(q->m_project)) {
        const CollectionMapping *m = q->m_project.findCollection(c);
        log(LogLevel::Info, trEngine("%1: unknown fields are kept, so table %2 gets the column "
                                     "%3.")
                                .arg(c, m->root.table, extraColumnOf(*m)->column));
    }
}

// The collections in run order, each known to the source (with its count for progress), and
// the reject file they share.
Result<std::vector<const CollectionMapping *>> MigrationRun::Impl::planCollections()
{
    auto ordered = orderCollections(q->m_project, q->m_request.collections);
    if (!ordered)
        return ordered.error();
    auto listed = source->listCollections();
    if (!listed)
        return listed.error();
    QHash<QString, qint64> counts;
    for (const CollectionInfo &info : *listed)
        counts.insert(info.name, info.count);
    for (const CollectionMapping *m : *ordered) {
        if (!counts.contains(m->collection))
            return Error(ErrorCode::NotFound,
                         trEngine("The source has no collection \"%1\". Run `ferry-cli list` "
                                  "to see what it has, or fix the project.")
                             .arg(m->collection));
        tracker.addCollection(m->collection, counts.value(m->collection, -1));
    }
    const QString rejectPath = rejectPathFor(q->m_request, q->m_report.runId);
    rejects = std::make_unique<RejectFile>(
        rejectPath, q->m_request.resume ? RejectFile::Mode::Append : RejectFile::Mode::Truncate);
    q->m_report.rejectFile = rejectPath;
    return ordered;
}

// A resumed run first drops the rejects of the batch the interrupted run did not commit.
void MigrationRun::Impl::resumeRejects(const std::vector<const CollectionMapping *> &ordered)
{
    if (!q->m_request.resume || q->m_request.mode == RunMode::DryRun)
        return;
    if (Status s = cutRejectsToCheckpoints(*sink, q->m_project, ordered, *rejects); !s)
        log(LogLevel::Warning, s.error().message);
}

void MigrationRun::Impl::runCollections(const std::vector<const CollectionMapping *> &ordered)
{
    setStatus(RunStatus::Completed);
    const int lanes = laneCount(ordered);
    if (!(lanes > 1 ? runLanes(ordered, lanes) : runOneByOne(ordered)))
        return;
    // A partition leaves the foreign keys to `finish`: the other slices may still be loading.
    if (q->m_request.mode != RunMode::DryRun && q->m_request.partitions <= 1)
        addConstraints(ordered);
}

bool MigrationRun::Impl::runOneByOne(const std::vector<const CollectionMapping *> &ordered)
{
    for (size_t i = 0; i < ordered.size(); ++i) {
        const CollectionMapping &mapping = *ordered[i];
        tracker.beginCollection(i);
        CollectionReport cr;
        cr.name = mapping.collection;
        cr.sourceCount = tracker.collection(i).total;
        QElapsedTimer collectionClock;
        collectionClock.start();
        const Status s = q->m_request.mode == RunMode::DryRun
                             ? dryRun(mapping, tracker.collection(i), cr)
                             : moveCollection(mapping, tracker.collection(i), cr);
        const double secs = std::max(0.001, collectionClock.elapsed() / 1000.0);
        cr.docsPerSecond = cr.read / secs;
        if (!recordCollection(cr, s))
            return false;
    }
    return true;
}

int MigrationRun::Impl::laneCount(const std::vector<const CollectionMapping *> &ordered) const
{
    if (q->m_request.mode == RunMode::DryRun || q->m_project.options.onError != ErrorPolicy::Stop ||
        !sink->takesManyWriters())
        return 1;
    return std::min(jobsOf(q->m_request), int(ordered.size()));
}

bool MigrationRun::Impl::runLanes(const std::vector<const CollectionMapping *> &ordered, int lanes)
{
    log(LogLevel::Info, trEngineCount("Moving up to %n collection at a time.",
                                      "Moving up to %n collections at a time.", lanes));
    if (Status s = adoptResumedRunId(ordered); !s) {
        fail(s.error());
        return false;
    }
    RunContext context = runContext();
    CollectionLanes moving({context, q->m_source, q->m_target, lanes, jobsOf(q->m_request),
                            [this] { q->requestCancel(); }},
                           ordered);
    std::vector<CollectionLanes::Outcome> outcomes = moving.run();
    const auto cause = std::find_if(outcomes.begin(), outcomes.end(),
                                    [](const CollectionLanes::Outcome &o) { return o.cause; });
    const QString failed = cause != outcomes.end() ? ordered[cause->index]->collection : QString();
    // In run order; the run's status comes last, so that no collection's can hide it.
    std::optional<Error> stopped;
    for (CollectionLanes::Outcome &o : outcomes) {
        createdTables.unite(o.createdTables);
        if (o.status) {
            recordCollection(o.report, o.status);
            continue;
        }
        const Error &e = o.status.error();
        const bool cancelled = e.code == ErrorCode::Cancelled;
        o.report.status = cancelled ? QStringLiteral("cancelled") : QStringLiteral("failed");
        o.report.warnings.append(cancelled && !failed.isEmpty()
                                     ? trEngine("Stopped because collection %1 failed.").arg(failed)
                                     : redactSecrets(e.toString()));
        q->m_report.collections.push_back(std::move(o.report));
        if (cancelled && !stopped)
            stopped = e;
    }
    if (cause != outcomes.end()) {
        fail(cause->status.error());
        return false;
    }
    // Cancelled: in a lane, or before some collection could start.
    if (stopped || outcomes.size() < ordered.size()) {
        cancelled(
            stopped.value_or(Error(ErrorCode::Cancelled, trEngine("Cancelled by the user."))));
        return false;
    }
    return true;
}

// Lanes begin in run order, but the one that resumes may not come first: the run's id must
// be the interrupted run's before any collection registers its tables under it.
Status MigrationRun::Impl::adoptResumedRunId(const std::vector<const CollectionMapping *> &ordered)
{
    if (!q->m_request.resume)
        return {};
    for (const CollectionMapping *m : ordered) {
        auto loaded = sink->loadCheckpoint(checkpointKeyOf(*m, q->m_request));
        if (!loaded)
            return loaded.error();
        if (loaded->has_value() && !(*loaded)->runId.isEmpty()) {
            q->m_report.runId = (*loaded)->runId;
            return {};
        }
    }
    return {};
}

void MigrationRun::Impl::cancelled(const Error &e)
{
    setStatus(RunStatus::Cancelled);
    q->m_error = e;
    log(LogLevel::Warning,
        trEngine("Cancelled. Run again with --resume to continue where it stopped."));
}

bool MigrationRun::Impl::recordCollection(CollectionReport &cr, const Status &outcome)
{
    if (!outcome) {
        const Error &e = outcome.error();
        cr.status =
            e.code == ErrorCode::Cancelled ? QStringLiteral("cancelled") : QStringLiteral("failed");
        cr.warnings.append(redactSecrets(e.toString()));
        q->m_report.collections.push_back(std::move(cr));
        if (e.code == ErrorCode::Cancelled) {
            cancelled(e);
        } else {
            fail(e);
        }
        return false;
    }
    // A collection the target does not hold as the source does is never "completed", with
    // or without rejects; the run says the worst of its collections.
    const RunStatus status = !cr.mismatches.isEmpty() ? RunStatus::Mismatches
                             : cr.rejected > 0        ? RunStatus::CompletedWithRejects
                                                      : RunStatus::Completed;
    cr.status = RunReport::statusName(status);
    if (status == RunStatus::Mismatches ||
        (status == RunStatus::CompletedWithRejects && q->m_status == RunStatus::Completed))
        setStatus(status);
    q->m_report.collections.push_back(std::move(cr));
    return true;
}

// Foreign keys and indexes need every table loaded, so they come after the last collection.
void MigrationRun::Impl::addConstraints(const std::vector<const CollectionMapping *> &ordered)
{
    if (SqlSink *sql = sink->asSql()) {
        for (const QString &w : addForeignKeys(*sql, q->m_project, ordered, createdTables))
            log(LogLevel::Warning, w);
    }
    for (const QString &w : buildIndexes(*source, q->m_source, *sink, ordered, q->m_report))
        log(LogLevel::Warning, w);
}

RunContext MigrationRun::Impl::runContext()
{
    return {q->m_project,
            q->m_request,
            q->m_report.runId,
            *source,
            *sink,
            *rejects,
            tracker,
            createdTables,
            q->m_cancel,
            [this](LogLevel level, const QString &text) { log(level, text); },
            [this] { return waitIfPaused(); },
            [this](bool force) { emitProgress(force); }};
}

Status MigrationRun::Impl::moveCollection(const CollectionMapping &mapping, CollectionProgress &cp,
                                          CollectionReport &cr)
{
    RunContext context = runContext();
    CollectionMover mover(context, mapping, cp, cr);
    return mover.run();
}

} // namespace ferry

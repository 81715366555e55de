#include "run/collection_lanes.h"

#include "run/progress_tracker.h"
#include "stores/common/sink.h"
#include "stores/common/source.h"
#include "stores/stores.h"

#include <QElapsedTimer>

#include <algorithm>
#include <thread>

namespace ferry {

// What the calling thread and the lane's thread share is marked; the rest is the lane's own
// once its thread runs.
struct CollectionLanes::Lane {
    size_t index = 0;
    const CollectionMapping *mapping = nullptr;
    std::unique_ptr<Sink> sink;
    RunRequest request;
    QString runId;
    ProgressTracker tracker; // one collection: this lane's
    QSet<QString> createdTables;
    CollectionReport report;
    std::thread thread;
    // Shared, under m_mutex:
    Status status;
    CollectionProgress shown; // the lane's progress as last published
    qint64 readAtStart = 0;
    bool progressed = false;
    bool forced = false;
    bool done = false;
    bool relayedDone = false;
    bool cause = false;
    bool begun = false; // CollectionMover::begin is over
};

CollectionLanes::CollectionLanes(Setup setup, const std::vector<const CollectionMapping *> &ordered)
    : m_setup(std::move(setup)), m_ordered(ordered)
{
    m_lanes.resize(m_ordered.size());
    m_dependsOn.resize(m_ordered.size());
    const auto tablesOf = [](const CollectionMapping *m) {
        QSet<QString> names;
        for (const TableMapping *t : m->tables())
            names.insert(t->table);
        return names;
    };
    for (size_t i = 0; i < m_ordered.size(); ++i) {
        const QSet<QString> mine = tablesOf(m_ordered[i]);
        for (size_t j = 0; j < i; ++j) {
            const bool references = std::any_of(
                m_ordered[i]->references.begin(), m_ordered[i]->references.end(),
                [&](const Reference &r) { return r.collection == m_ordered[j]->collection; });
            // Two collections filling one table would each prepare (even truncate) it.
            if (references || mine.intersects(tablesOf(m_ordered[j])))
                m_dependsOn[i].push_back(j);
        }
    }
}

CollectionLanes::~CollectionLanes()
{
    // run() joins them; this is for a run() that never returned normally.
    for (const std::unique_ptr<Lane> &lane : m_lanes)
        if (lane && lane->thread.joinable())
            lane->thread.join();
}

void CollectionLanes::notify()
{
    ++m_events;
    m_changed.notify_all();
}

bool CollectionLanes::ready(size_t index) const
{
    if (m_lanes[index])
        return false;
    return std::all_of(m_dependsOn[index].begin(), m_dependsOn[index].end(), [&](size_t dep) {
        const Lane *lane = m_lanes[dep].get();
        return lane && lane->relayedDone && lane->status.ok();
    });
}

int CollectionLanes::writersFor(size_t running) const
{
    size_t startable = 0;
    for (size_t i = 0; i < m_ordered.size(); ++i)
        startable += ready(i) ? 1 : 0;
    const size_t together = std::min(size_t(m_setup.lanes), running + startable);
    return std::max(1, m_setup.jobs / int(std::max<size_t>(1, together)));
}

std::vector<CollectionLanes::Outcome> CollectionLanes::run()
{
    std::unique_lock lock(m_mutex);
    for (;;) {
        // Taken before relay() lets go of the lock: whatever a lane says meanwhile wakes us.
        const quint64 seen = m_events;
        relay(lock);
        // A lane counts until its end is relayed: only then may its dependants start.
        const auto running = size_t(std::count_if(
            m_lanes.begin(), m_lanes.end(), [](const auto &l) { return l && !l->relayedDone; }));
        if (!m_failed && !m_setup.run.cancel.load() && !m_beginning &&
            running < size_t(m_setup.lanes)) {
            size_t next = 0;
            while (next < m_ordered.size() && !ready(next))
                ++next;
            if (next < m_ordered.size()) {
                // Nothing new begins (creates, empties, registers) while the run is paused.
                lock.unlock();
                const bool go = m_setup.run.waitIfPaused();
                lock.lock();
                if (!go)
                    continue;
                const int writers = writersFor(running);
                m_beginning = true;
                lock.unlock();
                launch(next, writers);
                lock.lock();
                continue;
            }
        }
        if (running == 0)
            break; // nothing moves, and nothing more can start
        m_changed.wait(lock, [&] { return m_events != seen; });
    }
    lock.unlock();
    std::vector<Outcome> out;
    for (const std::unique_ptr<Lane> &lane : m_lanes) {
        if (!lane)
            continue;
        if (lane->thread.joinable())
            lane->thread.join();
        out.push_back({lane->index, std::move(lane->report), lane->status, lane->cause,
                       std::move(lane->createdTables)});
    }
    return out;
}

void CollectionLanes::launch(size_t index, int writers)
{
    auto made = std::make_unique<Lane>();
    Lane &lane = *made;
    lane.index = index;
    lane.mapping = m_ordered[index];
    lane.request = m_setup.run.request;
    lane.request.jobs = writers;
    ProgressTracker &tracker = m_setup.run.tracker;
    tracker.beginCollection(index);
    lane.tracker.start();
    lane.tracker.addCollection(lane.mapping->collection, tracker.collection(index).total);
    lane.tracker.beginCollection(0);
    lane.report.name = lane.mapping->collection;
    lane.report.sourceCount = tracker.collection(index).total;
    const std::lock_guard lock(m_mutex);
    m_lanes[index] = std::move(made);
    lane.thread = std::thread([this, &lane] { runLane(lane); });
}

// On the lane's thread, so that the calling thread keeps relaying while it connects. Lanes
// open one at a time (m_beginning), so the run's sink is never read by two at once.
Status CollectionLanes::openEnds(Lane &lane, std::unique_ptr<Source> &source)
{
    auto sink = m_setup.run.sink.openWriter();
    if (!sink)
        return sink.error();
    if (!*sink)
        return Error(
            ErrorCode::Internal,
            trEngine("%1: the target gave no second connection.").arg(lane.mapping->collection));
    lane.sink = std::move(*sink);
    // The source opens here too: some (SQLite through QtSql) belong to the thread that
    // opened them.
    auto made = makeSourceFor(m_setup.source, m_setup.target);
    if (!made)
        return made.error();
    source = std::move(*made);
    return source->open();
}

void CollectionLanes::runLane(Lane &lane)
{
    QElapsedTimer clock;
    clock.start();
    std::unique_ptr<Source> source;
    Status status = openEnds(lane, source);
    if (status)
        status = moveIn(lane, *source);
    lane.report.docsPerSecond = lane.report.read / std::max(0.001, clock.elapsed() / 1000.0);
    // A finished collection gives its connections back: a project of many collections
    // must not hold one per collection until the end.
    source.reset();
    lane.sink.reset();
    const std::lock_guard lock(m_mutex);
    if (!lane.begun)
        m_beginning = false;
    lane.status = status;
    publish(lane, false);
    lane.done = true;
    notify();
}

Status CollectionLanes::moveIn(Lane &lane, Source &source)
{
    RunContext context{m_setup.run.project,
                       lane.request,
                       lane.runId,
                       source,
                       *lane.sink,
                       m_setup.run.rejects,
                       lane.tracker,
                       lane.createdTables,
                       m_setup.run.cancel,
                       [this](LogLevel level, const QString &text) {
                           const std::lock_guard lock(m_mutex);
                           m_messages.emplace_back(level, text);
                           notify();
                       },
                       m_setup.run.waitIfPaused,
                       [this, &lane](bool force) {
                           const std::lock_guard lock(m_mutex);
                           publish(lane, force);
                           notify();
                       }};
    CollectionMover mover(context, *lane.mapping, lane.tracker.collection(0), lane.report);
    {
        const std::lock_guard lock(m_mutex);
        lane.runId = m_setup.run.runId;
    }
    const Status begun = mover.begin();
    {
        const std::lock_guard lock(m_mutex);
        m_setup.run.runId = lane.runId; // as a serial run: a later resumed checkpoint's id
        m_beginning = false;
        lane.begun = true;
        notify();
    }
    return begun ? mover.complete() : begun;
}

void CollectionLanes::publish(Lane &lane, bool force)
{
    lane.shown = lane.tracker.collection(0);
    if (lane.shown.total <= 0 && !lane.shown.done)
        lane.shown.fraction = lane.tracker.readerFraction();
    lane.readAtStart = lane.tracker.readAtStart(0);
    lane.progressed = true;
    lane.forced = lane.forced || force;
}

void CollectionLanes::relay(std::unique_lock<std::mutex> &lock)
{
    std::vector<std::pair<LogLevel, QString>> messages;
    messages.swap(m_messages);
    ProgressTracker &tracker = m_setup.run.tracker;
    bool force = false;
    for (const std::unique_ptr<Lane> &lane : m_lanes) {
        if (!lane)
            continue;
        if (lane->progressed) {
            tracker.collection(lane->index) = lane->shown;
            // The tracker reads its "current" collection's fraction from the reader.
            if (int(lane->index) == tracker.current())
                tracker.setReaderFraction(lane->shown.fraction);
            tracker.setReadAtStart(lane->index, lane->readAtStart);
            force = force || lane->forced;
            lane->progressed = lane->forced = false;
        }
        if (lane->done && !lane->relayedDone) {
            lane->relayedDone = true;
            tracker.endCollection(lane->index);
            force = true;
            // The run stops at its first failure, as a serial one does; what the stop then
            // interrupts (a reconnect, say) may fail too, but this one is the cause.
            if (!lane->status && lane->status.error().code != ErrorCode::Cancelled && !m_failed) {
                m_failed = lane->cause = true;
                m_setup.stopAll();
            }
        }
    }
    lock.unlock();
    for (const auto &[level, text] : messages)
        m_setup.run.log(level, text);
    m_setup.run.emitProgress(force);
    lock.lock();
}

} // namespace ferry

#include "run/collection_lanes.h"

#include "run/progress_tracker.h"
#include "stores/common/sink.h"
#include "stores/common/source.h"
#include "stores/stores.h"

#include <QElapsedTimer>
#include <QThread>

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
};

CollectionLanes::CollectionLanes(Setup setup, const std::vector<const CollectionMapping *> &ordered,
                                 std::atomic<bool> &stop)
    : m_setup(setup), m_ordered(ordered), m_stop(stop)
{
    m_lanes.resize(m_ordered.size());
    m_dependsOn.resize(m_ordered.size());
    for (size_t i = 0; i < m_ordered.size(); ++i) {
        for (const Reference &r : m_ordered[i]->references) {
            for (size_t j = 0; j < i; ++j)
                if (r.collection != m_ordered[i]->collection &&
                    r.collection == m_ordered[j]->collection)
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

int CollectionLanes::jobsOf(const RunRequest &request)
{
    return request.jobs > 0 ? request.jobs : std::max(1, QThread::idealThreadCount());
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

std::vector<CollectionLanes::Outcome> CollectionLanes::run()
{
    std::unique_lock lock(m_mutex);
    for (;;) {
        relay(lock);
        const auto running = std::count_if(m_lanes.begin(), m_lanes.end(),
                                           [](const auto &lane) { return lane && !lane->done; });
        if (!m_stop.load() && !m_beginning && running < m_setup.lanes) {
            size_t next = 0;
            while (next < m_ordered.size() && !ready(next))
                ++next;
            if (next < m_ordered.size()) {
                m_beginning = true;
                lock.unlock();
                launch(next);
                lock.lock();
                continue;
            }
        }
        if (running == 0)
            break; // nothing moves, and nothing more can start
        const quint64 seen = m_events;
        m_changed.wait(lock, [&] { return m_events != seen; });
    }
    lock.unlock();
    std::vector<Outcome> out;
    for (const std::unique_ptr<Lane> &lane : m_lanes) {
        if (!lane)
            continue;
        if (lane->thread.joinable())
            lane->thread.join();
        out.push_back(
            {lane->index, std::move(lane->report), lane->status, std::move(lane->createdTables)});
    }
    return out;
}

void CollectionLanes::launch(size_t index)
{
    auto made = std::make_unique<Lane>();
    Lane &lane = *made;
    lane.index = index;
    lane.mapping = m_ordered[index];
    lane.request = m_setup.run.request;
    lane.request.jobs = m_setup.writersPerLane;
    ProgressTracker &tracker = m_setup.run.tracker;
    tracker.beginCollection(index);
    lane.tracker.start();
    lane.tracker.addCollection(lane.mapping->collection, tracker.collection(index).total);
    lane.tracker.beginCollection(0);
    lane.report.name = lane.mapping->collection;
    lane.report.sourceCount = tracker.collection(index).total;
    // The connection opens here, before the thread: a target that refuses it fails the
    // collection like any other error of its own.
    auto sink = m_setup.run.sink.openWriter();
    const std::lock_guard lock(m_mutex);
    m_lanes[index] = std::move(made);
    if (sink && *sink) {
        lane.sink = std::move(*sink);
        lane.thread = std::thread([this, &lane] { runLane(lane); });
        return;
    }
    lane.status = sink ? Status(Error(ErrorCode::Internal,
                                      trEngine("%1: the target gave no second connection.")
                                          .arg(lane.mapping->collection)))
                       : Status(sink.error());
    lane.done = true;
    m_beginning = false;
    notify();
}

void CollectionLanes::runLane(Lane &lane)
{
    QElapsedTimer clock;
    clock.start();
    std::unique_ptr<Source> source;
    Status status;
    // The source opens on the lane's thread: some (SQLite through QtSql) belong to the
    // thread that opened them.
    if (auto made = makeSourceFor(m_setup.source, m_setup.target); !made) {
        status = made.error();
    } else {
        source = std::move(*made);
        status = source->open();
    }
    bool begun = false;
    if (status) {
        RunContext context{m_setup.run.project,
                           lane.request,
                           lane.runId,
                           *source,
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
                               lane.shown = lane.tracker.collection(0);
                               lane.readAtStart = lane.tracker.readAtStart(0);
                               lane.progressed = true;
                               lane.forced = lane.forced || force;
                               notify();
                           }};
        CollectionMover mover(context, *lane.mapping, lane.tracker.collection(0), lane.report);
        {
            const std::lock_guard lock(m_mutex);
            lane.runId = m_setup.run.runId;
        }
        status = mover.begin();
        {
            const std::lock_guard lock(m_mutex);
            m_setup.run.runId = lane.runId;
            m_beginning = false;
            begun = true;
            notify();
        }
        if (status)
            status = mover.complete();
    }
    lane.report.docsPerSecond = lane.report.read / std::max(0.001, clock.elapsed() / 1000.0);
    const std::lock_guard lock(m_mutex);
    if (!begun)
        m_beginning = false;
    lane.status = status;
    lane.shown = lane.tracker.collection(0);
    lane.progressed = true;
    lane.done = true;
    notify();
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
            tracker.setReadAtStart(lane->index, lane->readAtStart);
            force = force || lane->forced;
            lane->progressed = lane->forced = false;
        }
        if (lane->done && !lane->relayedDone) {
            lane->relayedDone = true;
            tracker.endCollection(lane->index);
            force = true;
            if (!lane->status && lane->status.error().code != ErrorCode::Cancelled)
                m_stop.store(true); // the run stops at its first failure, as a serial one
        }
    }
    lock.unlock();
    for (const auto &[level, text] : messages)
        m_setup.run.log(level, text);
    m_setup.run.emitProgress(force);
    lock.lock();
}

} // namespace ferry

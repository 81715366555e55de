#pragma once

#include "core/endpoint.h"
#include "run/collection_mover.h"

#include <QSet>

#include <atomic>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <vector>

namespace ferry {

class Source;

// Collections moving side by side, each in a lane: a thread with its own source and target
// connections and its own writers. A collection starts once every collection of the run it
// references has finished, and after any earlier one that fills one of its tables. The lanes
// begin one after another — each settles its resume point
// and its tables (CollectionMover::begin) before the next starts — so the DDL, the run
// registry and a resumed run's id come out as in a serial run; only the moving overlaps.
// Everything a lane reports (log lines, progress) reaches the run through the thread that
// calls run(), which is the only one that emits.
class CollectionLanes {
public:
    struct Setup {
        RunContext &run; // sink: the run's own, which opens the lanes' connections
        const Endpoint &source;
        const Endpoint &target;
        int lanes = 2; // collections at once
        int jobs = 2;  // connections in all, shared by the lanes that run together
        // Stops every lane at its next batch, paused or not (the run's cancel).
        std::function<void()> stopAll;
    };
    struct Outcome {
        size_t index = 0; // in the run order
        CollectionReport report;
        Status status;
        bool cause = false; // the first to fail: the others stopped because of it
        QSet<QString> createdTables;
    };

    CollectionLanes(Setup setup, const std::vector<const CollectionMapping *> &ordered);
    ~CollectionLanes();
    CollectionLanes(const CollectionLanes &) = delete;
    CollectionLanes &operator=(const CollectionLanes &) = delete;

    // Moves what it can and answers the collections that started, in run order. The first
    // collection that fails stops the others (Setup::stopAll) and nothing new starts; nor
    // does anything once the run is cancelled.
    std::vector<Outcome> run();

private:
    struct Lane;
    void launch(size_t index, int writers);
    void runLane(Lane &lane);
    Status openEnds(Lane &lane, std::unique_ptr<Source> &source);
    // Under m_mutex: the lane's progress, for relay() to pass on.
    void publish(Lane &lane, bool force);
    Status moveIn(Lane &lane, Source &source);
    // A lane's --jobs: the connections shared by the lanes that can run now.
    int writersFor(size_t running) const;
    // Run on the calling thread: pass on what the lanes said since the last time.
    void relay(std::unique_lock<std::mutex> &lock);
    bool ready(size_t index) const;
    void notify();

    Setup m_setup;
    std::vector<const CollectionMapping *> m_ordered;
    std::vector<std::vector<size_t>> m_dependsOn; // indexes in m_ordered

    std::mutex m_mutex; // guards everything below and each lane's shared part
    std::condition_variable m_changed;
    quint64 m_events = 0;
    std::vector<std::pair<LogLevel, QString>> m_messages;
    std::vector<std::unique_ptr<Lane>> m_lanes; // by index in m_ordered; null: not started
    bool m_beginning = false;                   // a lane is in CollectionMover::begin
    bool m_failed = false;
};

} // namespace ferry

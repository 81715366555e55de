#pragma once

#include "run/run_types.h"

#include <QElapsedTimer>

#include <atomic>
#include <optional>
#include <utility>
#include <vector>

namespace ferry {

// The arithmetic of a run's progress: per-collection and overall rates, fraction and ETA,
// and the throttle that keeps signals to about 20 a second. The run's writer thread owns
// it; only the reader's fraction comes from the reader thread, hence the atomic.
class ProgressTracker {
public:
    static constexpr qint64 IntervalMs = 50;

    void start();
    qint64 elapsedMs() const { return m_clock.elapsed(); }

    // Registers a collection of the run, with its source count (-1 unknown).
    void addCollection(const QString &name, qint64 total);
    CollectionProgress &collection(size_t i) { return m_progress.collections[i]; }
    size_t collectionCount() const { return m_progress.collections.size(); }
    int current() const { return m_progress.current; }

    // The collection now being moved; `readAtStart` is what a resumed one had already read,
    // so its rate counts only this run's reading.
    void beginCollection(size_t i);
    void setReadAtStart(qint64 read);
    void endCollection();
    // The same for collection `i` when several move at once (there is no single current one).
    void setReadAtStart(size_t i, qint64 read) { m_starts[i].second = read; }
    qint64 readAtStart(size_t i) const { return m_starts[i].second; }
    void endCollection(size_t i) { m_ends[i] = m_clock.elapsed(); }
    // The reader's position in [0,1], for collections whose size is unknown.
    void setReaderFraction(double fraction) { m_readerFraction.store(fraction); }
    double readerFraction() const { return m_readerFraction.load(); }

    // A fresh snapshot when one is due (or `force`), nothing otherwise.
    std::optional<RunProgress> snapshot(bool force);

private:
    QElapsedTimer m_clock;
    qint64 m_lastEmitMs = -IntervalMs;
    RunProgress m_progress;
    std::atomic<double> m_readerFraction{0};
    qint64 m_totalKnown = 0; // sum of known source counts
    // Per collection: start (ms, -1 not yet) with what had been read by then; end (ms).
    std::vector<std::pair<qint64, qint64>> m_starts;
    std::vector<qint64> m_ends;
};

} // namespace ferry

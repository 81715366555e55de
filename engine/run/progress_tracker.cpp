#include "run/progress_tracker.h"

#include <algorithm>

namespace ferry {

void ProgressTracker::start()
{
    m_clock.start();
    m_lastEmitMs = -IntervalMs;
}

void ProgressTracker::addCollection(const QString &name, qint64 total)
{
    CollectionProgress c;
    c.name = name;
    c.total = total;
    if (total > 0)
        m_totalKnown += total;
    m_progress.collections.push_back(c);
    m_starts.emplace_back(-1, 0);
    m_ends.push_back(-1);
}

void ProgressTracker::beginCollection(size_t i)
{
    m_progress.current = int(i);
    m_starts[i] = {m_clock.elapsed(), 0};
    m_readerFraction.store(0);
}

void ProgressTracker::setReadAtStart(qint64 read)
{
    if (m_progress.current >= 0)
        m_starts[size_t(m_progress.current)].second = read;
}

void ProgressTracker::endCollection()
{
    if (m_progress.current >= 0)
        m_ends[size_t(m_progress.current)] = m_clock.elapsed();
}

std::optional<RunProgress> ProgressTracker::snapshot(bool force)
{
    const qint64 now = m_clock.elapsed();
    if (!force && now - m_lastEmitMs < IntervalMs)
        return std::nullopt;
    m_lastEmitMs = now;
    RunProgress &p = m_progress;
    p.elapsedSeconds = now / 1000.0;
    qint64 done = 0;
    qint64 read = 0;
    double fractions = 0;
    for (size_t i = 0; i < p.collections.size(); ++i) {
        CollectionProgress &c = p.collections[i];
        read += c.read;
        if (m_starts[i].first >= 0) {
            const auto &[startMs, readAtStart] = m_starts[i];
            const qint64 endMs = c.done && m_ends[i] >= 0 ? m_ends[i] : now;
            const double secs = std::max(0.001, (endMs - startMs) / 1000.0);
            c.docsPerSecond = double(c.read - readAtStart) / secs;
        }
        if (c.done)
            c.fraction = 1.0;
        else if (c.total > 0)
            c.fraction = std::min(1.0, double(c.read) / double(c.total));
        else if (int(i) == p.current)
            c.fraction = m_readerFraction.load();
        done += c.total > 0 ? std::min(c.read, c.total) : 0;
        fractions += c.fraction;
    }
    // Without counts, from the readers' positions: collections moving side by side each
    // bring their own (CollectionLanes sets them).
    if (m_totalKnown > 0)
        p.fraction = std::min(1.0, double(done) / double(m_totalKnown));
    else if (p.current >= 0)
        p.fraction = fractions / double(std::max<size_t>(1, p.collections.size()));
    const double secs = std::max(0.001, p.elapsedSeconds);
    p.docsPerSecond = read / secs;
    p.etaSeconds = p.fraction > 0.01 ? secs * (1.0 - p.fraction) / p.fraction : -1;
    return p;
}

} // namespace ferry

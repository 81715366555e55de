#pragma once

#include "run/run_types.h"

#include <QElapsedTimer>
#include <QSet>

#include <mutex>

namespace ferry {

// Shows a run's progress on stderr: a redrawn bar with rate and ETA on a terminal, a plain
// line every few seconds otherwise (logs, CI).
class ProgressPrinter {
public:
    ProgressPrinter();
    void update(const RunProgress &progress);
    void message(int level, const QString &text);
    void finish();

private:
    // Messages also come from the threads that read and write (a reconnect notice) while
    // the run's thread reports progress: one line at a time.
    std::mutex m_mutex;
    bool m_tty;
    bool m_lineOpen = false;
    QElapsedTimer m_sinceLine;
    QString m_lastCollection;
    QSet<QString> m_doneCollections;
};

QString formatDuration(double seconds);

} // namespace ferry

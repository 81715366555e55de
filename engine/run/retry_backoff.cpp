#include "run/retry_backoff.h"

#include <QElapsedTimer>
#include <QThread>

#include <algorithm>

namespace ferry {

bool waitBeforeRetry(int attempt, const std::atomic<bool> *cancel)
{
    // A worker thread waiting for a server to come back has nothing to await but time; it
    // looks at the cancel flag often enough for Cancel to feel immediate.
    const int delayMs = std::min(8000, 500 << std::min(attempt, 4));
    QElapsedTimer waited;
    waited.start();
    while (waited.elapsed() < delayMs) {
        if (cancel && cancel->load())
            return false;
        QThread::msleep(50);
    }
    return !(cancel && cancel->load());
}

} // namespace ferry

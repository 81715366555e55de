#pragma once

#include "run/retry_backoff.h"
#include "stores/common/source.h"

#include <atomic>
#include <functional>
#include <memory>

namespace ferry {

// A reader that outlives the read it wraps: when the source goes away in the middle of a
// collection (a lost connection, a cursor the server dropped after a long pause, a failover)
// it waits with the same backoff as a lost target, opens the read again just after the last
// document it handed out (the continuation --resume uses) and goes on, so nothing is skipped
// or read twice. Past the retry window it stops with an error that says so; the run can then
// be resumed.
class ReopeningReader : public DocumentReader {
public:
    ReopeningReader(Source &source, QString collection, ReadOptions options,
                    std::unique_ptr<DocumentReader> reader,
                    const std::atomic<bool> *cancel = nullptr);

    // Seconds to keep trying (0 = give up at the first loss).
    void setRetryBudget(double seconds) { m_retrySeconds = seconds; }
    // Told before each retry (attempt number, error): the run logs it. Called on the thread
    // that reads.
    void setRetryNotifier(std::function<void(int, const Error &)> notify)
    {
        m_notify = std::move(notify);
    }
    int reopened() const { return m_reopened; }

    Result<bool> next(DocBatch &out, int maxDocs, size_t maxBytes = 32u << 20) override;
    QByteArray position() const override;
    double progress() const override;

private:
    Status reopen();

    Source &m_source;
    QString m_collection;
    ReadOptions m_options;
    std::unique_ptr<DocumentReader> m_reader;
    const std::atomic<bool> *m_cancel;
    double m_retrySeconds = DefaultRetrySeconds;
    std::function<void(int, const Error &)> m_notify;
    QByteArray m_position; // after the last document handed out
    double m_progress = -1;
    int m_reopened = 0;
};

} // namespace ferry

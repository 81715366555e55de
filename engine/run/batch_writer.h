#pragma once

#include "run/retry_backoff.h"
#include "stores/common/sink.h"

#include <atomic>
#include <functional>
#include <vector>

namespace ferry {

struct BatchOutcome {
    Checkpoint checkpoint;          // as committed with the batch
    std::vector<DocReject> rejects; // transform rejects plus documents the target refused
    std::vector<qint64> tableRows;  // rows written per table
};

// Writes one batch through a sink with the project's error policy: under `reject`, a batch
// the target refuses is bisected with rolled-back probes until the refused documents are
// isolated, and the rest is written in one transaction with the checkpoint. A lost
// connection is retried with backoff for a bounded time before the run stops resumably.
class BatchWriter {
public:
    BatchWriter(Sink &sink, const CollectionMapping &mapping, const ProjectOptions &options,
                const std::atomic<bool> *cancel = nullptr);

    // `next` has position and read advanced past this batch; written/skipped/rejected are
    // the totals before it.
    Result<BatchOutcome> write(const RowBatch &batch, const Checkpoint &next);

    // Seconds to keep retrying a lost connection (0 = no retry).
    void setRetryBudget(double seconds) { m_retrySeconds = seconds; }
    // Told before each retry (attempt number, error): the run logs it.
    void setRetryNotifier(std::function<void(int, const Error &)> notify)
    {
        m_notify = std::move(notify);
    }
    // Makes rejects durable before the commit that counts them: called with the batch's
    // rejects (those the transform found, then those the target refused) before the write
    // that commits the checkpoint; answers the reject file's length after them, which the
    // checkpoint records.
    using RejectRecorder =
        std::function<Result<qint64>(const RowBatch &, const std::vector<DocReject> &)>;
    void setRejectRecorder(RejectRecorder record) { m_record = std::move(record); }

private:
    Result<WriteOutcome> writeWithRetry(const RowBatch &batch, const Checkpoint &cp);
    Status probeWithRetry(const RowBatch &batch);
    // Appends to `bad` the documents of `candidates` that fail on their own.
    Status isolate(const RowBatch &batch, const std::vector<uint32_t> &candidates,
                   std::vector<DocReject> &bad, int depth);
    bool reconnect(int attempt, const Error &error);
    Status record(const RowBatch &batch, const std::vector<DocReject> &list, Checkpoint &cp);
    // Whether `error` came from losing the connection, even when the target reported it as
    // a refused statement.
    bool connectionLost(const RowBatch &batch, const Error &error);

    Sink &m_sink;
    const CollectionMapping &m_mapping;
    const ProjectOptions &m_options;
    const std::atomic<bool> *m_cancel;
    double m_retrySeconds = DefaultRetrySeconds;
    std::function<void(int, const Error &)> m_notify;
    RejectRecorder m_record;
};

} // namespace ferry

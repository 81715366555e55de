#pragma once

#include "run/batch_writer.h"
#include "run/bounded_queue.h"

#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

namespace ferry {

// Step "write" with several target connections at once: each writer thread takes the next
// batch, writes it with its own checkpoint row (Checkpoint::batchFirstDoc) and hands it back
// with the outcome. Batches commit out of order; the per-batch rows let a resume skip
// exactly those that did. At most one batch per writer waits in the queue, so memory stays
// flat however many writers there are.
class WriterPool {
public:
    struct Done {
        RowBatch batch;
        Error error; // set when the batch was not written
        BatchOutcome outcome;
    };

    WriterPool(std::vector<std::unique_ptr<Sink>> sinks, const CollectionMapping &mapping,
               const ProjectOptions &options, const std::atomic<bool> *cancel,
               std::function<void(int, const Error &)> retryNotifier);
    ~WriterPool();
    WriterPool(const WriterPool &) = delete;
    WriterPool &operator=(const WriterPool &) = delete;

    // Blocks while every writer is busy and the queue is full.
    void submit(RowBatch batch, const Checkpoint &next);
    // Batches written (or failed) since the last call; with `wait`, blocks until at least one
    // is there unless none is in flight.
    std::vector<Done> collect(bool wait);
    size_t inFlight() const;

private:
    struct Job {
        RowBatch batch;
        Checkpoint next;
    };
    void work(Sink &sink);

    std::vector<std::unique_ptr<Sink>> m_sinks;
    const CollectionMapping &m_mapping;
    const ProjectOptions &m_options;
    const std::atomic<bool> *m_cancel;
    std::function<void(int, const Error &)> m_notify;
    BoundedQueue<Job> m_jobs;
    mutable std::mutex m_mutex;
    std::condition_variable m_doneReady;
    std::deque<Done> m_done;
    size_t m_inFlight = 0;
    std::vector<std::thread> m_threads;
};

} // namespace ferry

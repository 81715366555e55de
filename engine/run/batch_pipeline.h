#pragma once

#include "core/error.h"
#include "core/row_batch.h"
#include "run/bounded_queue.h"

#include <atomic>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace ferry {

class DocumentReader;
class EmbedAttacher;
class ProgressTracker;
class Transformer;

// One batch handed from the reading thread to the writer, or why the reading stopped.
struct PipelineItem {
    RowBatch batch;
    Error error;
    bool end = false; // the collection is exhausted
};

// Steps "open reader" and "transform" of a collection: a thread reads batches, attaches
// embedded children (document targets) or transforms them into rows (row targets), and
// hands them over through a small bounded queue, so reading overlaps writing while memory
// stays flat. The thread stops at the end of the collection, on an error, on cancel, or
// when the pipeline is destroyed.
class BatchPipeline {
public:
    struct Setup {
        DocumentReader *reader = nullptr;
        const Transformer *transformer = nullptr; // row targets
        EmbedAttacher *embedder = nullptr;        // document targets (optional)
        size_t tableCount = 0;                    // empty row lists for document targets
        int batchSize = 1000;
        qint64 firstDocNumber = 0; // documents read before (resume)
        ProgressTracker *tracker = nullptr;
        const std::atomic<bool> *cancel = nullptr;
        // A recycled batch whose buffers hold more than this is freed instead of kept: a run
        // of huge documents or arrays then does not stay resident in every batch for the
        // rest of the collection. The default is the reader's 32 MB of documents plus rows
        // of about the same size, more than any batch of ordinary documents needs.
        size_t keepBatchesUpTo = size_t(64) << 20;
    };

    explicit BatchPipeline(Setup setup);
    ~BatchPipeline();
    BatchPipeline(const BatchPipeline &) = delete;
    BatchPipeline &operator=(const BatchPipeline &) = delete;

    // The next item; nullopt once the queue is closed (cancelled or already ended).
    std::optional<PipelineItem> next() { return m_queue.pop(); }
    // Hands a batch that has been written (or skipped) back for the reading thread to fill
    // again: its buffers are already grown and their pages already mapped. A new batch is
    // made only when none is spare, so the spares never outnumber the most batches ever
    // alive at once. Keeping them all instead of one stops the heap creeping up as freed
    // batches fragment it: 10,000-document batches, 3M documents, 105 MB with one spare
    // kept and 84 MB with all (1M: 76 MB). Past Setup::keepBatchesUpTo a batch is freed
    // instead. Any thread.
    void recycle(RowBatch &&batch);
    // How many batches the reading thread has allocated rather than refilled.
    size_t batchesMade() const { return m_made.load(); }

private:
    // Batches ready between reader and writer. The reader is the slower side while the
    // target keeps up, so the queue fills only while the writers stall (a checkpoint on the
    // server, a reconnect); a third ready batch then held memory without saving time
    // (7 MB less peak without it, the same time in five alternating pairs).
    static constexpr size_t QueueDepth = 2;

    void produce();
    // Reads and prepares one batch into `item`; false when the thread should stop.
    bool fill(PipelineItem &item, qint64 &number);
    RowBatch spareOrNew();

    Setup m_setup;
    BoundedQueue<PipelineItem> m_queue;
    std::mutex m_spareMutex;
    std::vector<RowBatch> m_spares;
    std::atomic<size_t> m_made{0};
    std::thread m_thread;
};

} // namespace ferry

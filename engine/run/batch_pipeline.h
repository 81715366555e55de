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
    };

    explicit BatchPipeline(Setup setup);
    ~BatchPipeline();
    BatchPipeline(const BatchPipeline &) = delete;
    BatchPipeline &operator=(const BatchPipeline &) = delete;

    // The next item; nullopt once the queue is closed (cancelled or already ended).
    std::optional<PipelineItem> next() { return m_queue.pop(); }
    // Hands a batch that has been written (or skipped) back for the reading thread to fill
    // again: its buffers are already grown and their pages already mapped, which spares the
    // reader and the transform a tenth of their time on a large load. Any thread.
    void recycle(RowBatch &&batch);

private:
    static constexpr size_t QueueDepth = 3; // batches in flight between reader and writer
    static constexpr size_t MaxSpares = 1;  // recycled batches kept; more would only hold memory

    void produce();
    // Reads and prepares one batch into `item`; false when the thread should stop.
    bool fill(PipelineItem &item, qint64 &number);
    RowBatch spareOrNew();

    Setup m_setup;
    BoundedQueue<PipelineItem> m_queue;
    std::mutex m_spareMutex;
    std::vector<RowBatch> m_spares;
    std::thread m_thread;
};

} // namespace ferry

#include "run/batch_pipeline.h"

#include "run/embed_attacher.h"
#include "run/progress_tracker.h"
#include "stores/common/source.h"
#include "transform/transformer.h"

namespace ferry {

BatchPipeline::BatchPipeline(Setup setup) : m_setup(setup), m_queue(QueueDepth)
{
    m_thread = std::thread([this] { produce(); });
}

BatchPipeline::~BatchPipeline()
{
    m_queue.abort();
    m_thread.join();
}

void BatchPipeline::produce()
{
    qint64 number = m_setup.firstDocNumber;
    for (;;) {
        if (m_setup.cancel && m_setup.cancel->load()) {
            m_queue.close();
            return;
        }
        PipelineItem item;
        item.batch = spareOrNew();
        item.batch.reset();
        const bool more = fill(item, number);
        if (!m_queue.push(std::move(item)) || !more) {
            m_queue.close();
            return;
        }
    }
}

void BatchPipeline::recycle(RowBatch &&batch)
{
    if (batch.capacityBytes() > m_setup.keepBatchesUpTo) {
        const RowBatch dropped = std::move(batch); // freed on return, outside the lock
        return;
    }
    const std::lock_guard lock(m_spareMutex);
    m_spares.push_back(std::move(batch));
}

RowBatch BatchPipeline::spareOrNew()
{
    const std::lock_guard lock(m_spareMutex);
    if (m_spares.empty()) {
        ++m_made;
        return {};
    }
    RowBatch batch = std::move(m_spares.back());
    m_spares.pop_back();
    return batch;
}

bool BatchPipeline::fill(PipelineItem &item, qint64 &number)
{
    auto more = m_setup.reader->next(item.batch.docs, m_setup.batchSize);
    if (!more) {
        item.error = more.error();
        return false;
    }
    if (!*more) {
        item.end = true;
        return false;
    }
    item.batch.generatedKeys = item.batch.docs.generatedKeys();
    if (m_setup.embedder) {
        if (Status s = m_setup.embedder->attach(item.batch.docs); !s) {
            item.error = s.error();
            return false;
        }
    }
    if (m_setup.transformer)
        m_setup.transformer->transform(item.batch);
    else {
        item.batch.tables.resize(m_setup.tableCount, TableRows());
        // Document targets skip the transform, which is where unreadable entries become
        // rejects for row targets.
        item.batch.rejectUnreadable();
    }
    item.batch.position = m_setup.reader->position();
    item.batch.firstDocNumber = number;
    number += qint64(item.batch.docs.size());
    const double f = m_setup.reader->progress();
    if (f >= 0 && m_setup.tracker)
        m_setup.tracker->setReaderFraction(f);
    return true;
}

} // namespace ferry

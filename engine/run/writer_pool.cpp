#include "run/writer_pool.h"

namespace ferry {

WriterPool::WriterPool(std::vector<std::unique_ptr<Sink>> sinks, const CollectionMapping &mapping,
                       const ProjectOptions &options, const std::atomic<bool> *cancel,
                       std::function<void(int, const Error &)> retryNotifier)
    : m_sinks(std::move(sinks)), m_mapping(mapping), m_options(options), m_cancel(cancel),
      m_notify(std::move(retryNotifier)), m_jobs(std::max<size_t>(1, m_sinks.size()))
{
    for (std::unique_ptr<Sink> &sink : m_sinks)
        m_threads.emplace_back([this, s = sink.get()] { work(*s); });
}

WriterPool::~WriterPool()
{
    // Batches still queued are dropped: nothing of theirs committed, so a resume redoes them.
    m_jobs.abort();
    for (std::thread &t : m_threads)
        t.join();
}

void WriterPool::submit(RowBatch batch, const Checkpoint &next)
{
    {
        std::lock_guard lock(m_mutex);
        ++m_inFlight;
    }
    if (!m_jobs.push(Job{std::move(batch), next})) {
        std::lock_guard lock(m_mutex);
        --m_inFlight;
    }
}

std::vector<WriterPool::Done> WriterPool::collect(bool wait)
{
    std::unique_lock lock(m_mutex);
    if (wait)
        m_doneReady.wait(lock, [&] { return !m_done.empty() || m_inFlight == 0; });
    std::vector<Done> out;
    while (!m_done.empty()) {
        out.push_back(std::move(m_done.front()));
        m_done.pop_front();
        --m_inFlight;
    }
    return out;
}

size_t WriterPool::inFlight() const
{
    std::lock_guard lock(m_mutex);
    return m_inFlight;
}

void WriterPool::work(Sink &sink)
{
    BatchWriter writer(sink, m_mapping, m_options, m_cancel);
    writer.setRetryNotifier(m_notify);
    while (std::optional<Job> job = m_jobs.pop()) {
        Done done;
        auto written = writer.write(job->batch, job->next);
        if (written)
            done.outcome = std::move(*written);
        else
            done.error = written.error();
        done.batch = std::move(job->batch);
        std::lock_guard lock(m_mutex);
        m_done.push_back(std::move(done));
        m_doneReady.notify_all();
    }
}

} // namespace ferry

#include "run/batch_writer.h"

#include "run/retry_backoff.h"

#include <QElapsedTimer>

namespace ferry {

BatchWriter::BatchWriter(Sink &sink, const CollectionMapping &mapping,
                         const ProjectOptions &options, const std::atomic<bool> *cancel)
    : m_sink(sink), m_mapping(mapping), m_options(options), m_cancel(cancel)
{
}

bool BatchWriter::reconnect(int attempt, const Error &error)
{
    if (m_notify)
        m_notify(attempt, error);
    if (!waitBeforeRetry(attempt, m_cancel))
        return false;
    return bool(m_sink.open());
}

bool BatchWriter::connectionLost(const RowBatch &batch, const Error &error)
{
    if (isConnectionLoss(error))
        return true;
    if (error.code != ErrorCode::Target)
        return false;
    // A server shutting down in the middle of a COPY answers the statement with an error
    // (PostgreSQL's "terminating connection due to administrator command"), which reads as
    // refused data. A rolled-back probe of no rows tells the two apart: on a connection that
    // is gone it fails too, as a lost connection.
    const Status empty = m_sink.probe(m_mapping, m_options, batch.subset({}));
    return !empty && isConnectionLoss(empty.error());
}

Result<WriteOutcome> BatchWriter::writeWithRetry(const RowBatch &batch, const Checkpoint &cp)
{
    QElapsedTimer clock;
    clock.start();
    for (int attempt = 0;; ++attempt) {
        auto r = m_sink.write(m_mapping, m_options, batch, cp);
        if (r || !connectionLost(batch, r.error()) || clock.elapsed() > m_retrySeconds * 1000)
            return r;
        if (!reconnect(attempt, r.error()) && m_cancel && m_cancel->load())
            return r;
    }
}

Status BatchWriter::probeWithRetry(const RowBatch &batch)
{
    QElapsedTimer clock;
    clock.start();
    for (int attempt = 0;; ++attempt) {
        Status s = m_sink.probe(m_mapping, m_options, batch);
        if (s || !connectionLost(batch, s.error()) || clock.elapsed() > m_retrySeconds * 1000)
            return s;
        if (!reconnect(attempt, s.error()) && m_cancel && m_cancel->load())
            return s;
    }
}

Status BatchWriter::isolate(const RowBatch &batch, const std::vector<uint32_t> &candidates,
                            std::vector<DocReject> &bad, int depth)
{
    if (candidates.empty())
        return {};
    const RowBatch sub = batch.subset(candidates);
    Status s = probeWithRetry(sub);
    if (s)
        return {};
    if (isConnectionLoss(s.error()))
        return s;
    if (candidates.size() == 1) {
        bad.push_back({candidates.front(), {}, s.error().message});
        return {};
    }
    const auto mid = candidates.begin() + qsizetype(candidates.size() / 2);
    if (Status l = isolate(batch, {candidates.begin(), mid}, bad, depth + 1); !l)
        return l;
    return isolate(batch, {mid, candidates.end()}, bad, depth + 1);
}

Status BatchWriter::record(const RowBatch &batch, const std::vector<DocReject> &list,
                           Checkpoint &cp)
{
    if (!m_record)
        return {};
    auto length = m_record(batch, list);
    if (!length)
        return length.error();
    cp.rejectBytes = *length;
    return {};
}

Result<BatchOutcome> BatchWriter::write(const RowBatch &batch, const Checkpoint &next)
{
    BatchOutcome out;
    out.rejects = batch.rejects;
    Checkpoint cp = next;
    cp.rejected += qint64(batch.rejects.size());
    if (Status s = record(batch, batch.rejects, cp); !s)
        return s.error();

    auto r = writeWithRetry(batch, cp);
    if (r) {
        cp.written += r->written;
        cp.skippedExisting += r->skippedExisting;
        out.checkpoint = cp;
        out.tableRows = r->tableRows;
        return out;
    }
    if (m_options.onError != ErrorPolicy::Reject || isConnectionLoss(r.error()))
        return r.error();

    // Find the documents the target refuses; write the rest with the checkpoint.
    std::vector<uint32_t> candidates;
    std::vector<bool> rejected(batch.docs.size(), false);
    for (const DocReject &rej : batch.rejects)
        rejected[rej.doc] = true;
    for (uint32_t i = 0; i < batch.docs.size(); ++i)
        if (!rejected[i])
            candidates.push_back(i);
    std::vector<DocReject> bad;
    if (Status s = isolate(batch, candidates, bad, 0); !s)
        return s.error();
    if (bad.empty())
        return r.error(); // refused as a whole but not document by document: not data's fault
    for (const DocReject &b : bad)
        rejected[b.doc] = true;

    std::vector<uint32_t> keep;
    for (uint32_t i = 0; i < batch.docs.size(); ++i)
        if (!rejected[i])
            keep.push_back(i);
    RowBatch good = batch.subset(keep);
    good.rejects.clear();
    cp.rejected += qint64(bad.size());
    if (Status s = record(batch, bad, cp); !s)
        return s.error();
    auto w = writeWithRetry(good, cp);
    if (!w)
        return w.error();
    cp.written += w->written;
    cp.skippedExisting += w->skippedExisting;
    out.checkpoint = cp;
    out.tableRows = w->tableRows;
    out.rejects.insert(out.rejects.end(), bad.begin(), bad.end());
    return out;
}

} // namespace ferry

#include "run/reopening_reader.h"

#include <QElapsedTimer>

#include <algorithm>

namespace ferry {

ReopeningReader::ReopeningReader(Source &source, QString collection, ReadOptions options,
                                 std::unique_ptr<DocumentReader> reader,
                                 const std::atomic<bool> *cancel)
    : m_source(source), m_collection(std::move(collection)), m_options(std::move(options)),
      m_reader(std::move(reader)), m_cancel(cancel), m_position(m_reader->position())
{
}

Result<bool> ReopeningReader::next(DocBatch &out, int maxDocs, size_t maxBytes)
{
    QElapsedTimer lost; // since the source went away
    Error last;
    for (int attempt = 0;; ++attempt) {
        if (m_reader) {
            auto more = m_reader->next(out, maxDocs, maxBytes);
            if (more) {
                if (*more)
                    m_position = m_reader->position();
                m_progress = std::max(m_progress, m_reader->progress());
                return more;
            }
            last = more.error();
        }
        out.clear(); // a batch cut short by the loss is read again, whole
        if (!isConnectionLoss(last))
            return last;
        if (!lost.isValid())
            lost.start();
        if (lost.elapsed() > m_retrySeconds * 1000)
            return Error(last.code,
                         trEngine("Gave up reading \"%1\": the source did not come back within "
                                  "%2 s. Last error: %3 Once it is back, run again with --resume "
                                  "to continue where the run stopped.")
                             .arg(m_collection)
                             .arg(qint64(m_retrySeconds))
                             .arg(last.message),
                         last.where.isEmpty() ? m_collection : last.where);
        if (m_notify)
            m_notify(attempt, last);
        if (!waitBeforeRetry(attempt, m_cancel))
            return Error(ErrorCode::Cancelled, trEngine("Cancelled by the user."));
        if (Status s = reopen(); !s)
            last = s.error();
    }
}

// The read again from just after the last document handed out, as a resumed run opens it.
Status ReopeningReader::reopen()
{
    m_reader.reset();
    ReadOptions options = m_options;
    options.resumeFrom = m_position;
    auto opened = m_source.openReader(m_collection, options);
    if (!opened)
        return opened.error();
    m_reader = std::move(*opened);
    ++m_reopened;
    return {};
}

QByteArray ReopeningReader::position() const
{
    return m_position;
}

double ReopeningReader::progress() const
{
    // A reopened read counts from zero again; the run's progress must not go backwards.
    return m_reader ? std::max(m_progress, m_reader->progress()) : m_progress;
}

} // namespace ferry

#include "stores/dump/dump_file_buffer.h"

#include <QFileInfo>

#include <cstring>

namespace ferry {

namespace {
// Large enough that read() calls are rare next to the per-document work.
constexpr size_t kChunk = 4u << 20;
} // namespace

Status DumpFileBuffer::open(const QString &path)
{
    m_path = path;
    m_file.setFileName(path);
    if (!m_file.open(QIODevice::ReadOnly | QIODevice::Unbuffered)) {
        const ErrorCode code = m_file.exists() ? ErrorCode::Io : ErrorCode::NotFound;
        return Error(code,
                     trEngine("Cannot open %1: %2. Check that the file exists and is readable.")
                         .arg(path, m_file.errorString()),
                     path);
    }
    m_size = m_file.size();
    m_buf.resize(kChunk);
    m_pos = m_end = 0;
    m_bufOffset = 0;
    return {};
}

Result<qint64> DumpFileBuffer::parseOffset(const QByteArray &token, const QString &path)
{
    bool ok = false;
    const qint64 offset = token.trimmed().toLongLong(&ok);
    if (!ok || offset < 0)
        return Error(ErrorCode::Usage,
                     trEngine("Cannot resume reading %1: \"%2\" is not a byte offset. The "
                              "checkpoint was not written for a dump file; start over.")
                         .arg(QFileInfo(path).fileName(),
                              QString::fromLatin1(token.left(40).toPercentEncoding())),
                     path);
    return offset;
}

Status DumpFileBuffer::seek(qint64 offset)
{
    if (offset < 0 || offset > m_size)
        return Error(ErrorCode::Usage,
                     trEngine("Cannot resume %1 at byte %2: the file has only %3 bytes. The "
                              "checkpoint belongs to another version of the file; start over.")
                         .arg(fileName())
                         .arg(offset)
                         .arg(m_size),
                     m_path);
    if (!m_file.seek(offset))
        return Error(ErrorCode::Io,
                     trEngine("Cannot seek to byte %1 of %2: %3.")
                         .arg(offset)
                         .arg(fileName(), m_file.errorString()),
                     m_path);
    m_pos = m_end = 0;
    m_bufOffset = offset;
    return {};
}

Status DumpFileBuffer::fill(size_t n)
{
    if (available() >= n)
        return {};
    // Keep the unread tail, move it to the front, then read behind it.
    const size_t tail = available();
    if (m_pos > 0) {
        if (tail > 0)
            std::memmove(m_buf.data(), m_buf.data() + m_pos, tail);
        m_bufOffset += qint64(m_pos);
        m_pos = 0;
        m_end = tail;
    }
    if (m_buf.size() < n)
        m_buf.resize(std::max(n, m_buf.size() * 2));
    while (m_end < n) {
        const size_t want = std::max(m_buf.size() - m_end, size_t(0));
        if (want == 0)
            break;
        const qint64 got = m_file.read(m_buf.data() + m_end, qint64(want));
        if (got < 0)
            return Error(ErrorCode::Io,
                         trEngine("Reading %1 failed at byte %2: %3.")
                             .arg(fileName())
                             .arg(m_bufOffset + qint64(m_end))
                             .arg(m_file.errorString()),
                         m_path);
        if (got == 0)
            break;
        m_end += size_t(got);
    }
    return {};
}

QString DumpFileBuffer::fileName() const
{
    return QFileInfo(m_path).fileName();
}

} // namespace ferry

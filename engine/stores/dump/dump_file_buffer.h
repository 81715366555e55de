#pragma once

#include "core/error.h"

#include <QFile>
#include <QString>

#include <vector>

namespace ferry {

// Sequential reads of a dump file through one large buffer, so that document boundaries can
// be found and copied without a system call or an allocation per document.
class DumpFileBuffer {
public:
    Status open(const QString &path);
    // Reads a resume token written as a decimal byte offset (what the dump readers return
    // from position()).
    static Result<qint64> parseOffset(const QByteArray &token, const QString &path);
    Status seek(qint64 offset);
    // Makes at least `n` bytes available from the current position unless the file ends
    // first; available() tells how many there are.
    Status fill(size_t n);
    const char *data() const { return m_buf.data() + m_pos; }
    size_t available() const { return m_end - m_pos; }
    void consume(size_t n) { m_pos += n; }
    // File offset of data()[0].
    qint64 offset() const { return m_bufOffset + qint64(m_pos); }
    qint64 size() const { return m_size; }
    bool atEnd() const { return offset() >= m_size; }
    QString fileName() const;
    const QString &path() const { return m_path; }

private:
    QString m_path;
    QFile m_file;
    std::vector<char> m_buf;
    size_t m_pos = 0;
    size_t m_end = 0;
    qint64 m_bufOffset = 0;
    qint64 m_size = 0;
};

} // namespace ferry

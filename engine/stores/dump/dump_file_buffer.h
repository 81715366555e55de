#pragma once

#include "core/error.h"

#include <QFile>
#include <QString>

#include <memory>
#include <vector>

namespace ferry {

// Sequential reads of a dump file through one large buffer, so that document boundaries can
// be found and copied without a system call or an allocation per document. A gzip file
// (recognised by its magic bytes, whatever its name) is inflated on the fly with zlib, one
// chunk at a time: offsets are then offsets in the uncompressed stream, and memory stays flat.
class DumpFileBuffer {
public:
    DumpFileBuffer();
    ~DumpFileBuffer();
    DumpFileBuffer(const DumpFileBuffer &) = delete;
    DumpFileBuffer &operator=(const DumpFileBuffer &) = delete;

    Status open(const QString &path);
    // Reads a resume token written as a decimal byte offset (what the dump readers return
    // from position()).
    static Result<qint64> parseOffset(const QByteArray &token, const QString &path);
    // On a gzip file, a seek backwards inflates again from the start; forwards it inflates and
    // discards (gzip has no index). Both only happen on resume and in sampling.
    Status seek(qint64 offset);
    // Makes at least `n` bytes available from the current position unless the file ends
    // first; available() tells how many there are.
    Status fill(size_t n);
    const char *data() const { return m_buf.data() + m_pos; }
    size_t available() const { return m_end - m_pos; }
    void consume(size_t n) { m_pos += n; }
    // Offset of data()[0] in the (uncompressed) stream.
    qint64 offset() const { return m_bufOffset + qint64(m_pos); }
    // Length of the (uncompressed) stream; -1 for a gzip file until it has been read through.
    qint64 size() const { return m_size; }
    bool compressed() const { return m_gzip != nullptr; }
    // How far the read is in [0,1], by bytes of the file on disk.
    double fraction() const;
    // Progress through a partition's slice [begin, end) at `position`; the whole file's
    // fraction() when end < 0.
    double sliceFraction(qint64 position, qint64 begin, qint64 end) const;
    QString fileName() const;
    const QString &path() const { return m_path; }

private:
    struct Gzip;
    qint64 readSome(char *into, size_t want);
    Status restartGzip();
    Error readError(const QString &why) const;

    QString m_path;
    QFile m_file;
    std::unique_ptr<Gzip> m_gzip;
    std::vector<char> m_buf;
    size_t m_pos = 0;
    size_t m_end = 0;
    qint64 m_bufOffset = 0;
    qint64 m_size = 0;
    qint64 m_diskSize = 0;
};

} // namespace ferry

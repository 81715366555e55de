#include "run/reject_file.h"

#include "core/ordered_json_writer.h"

#include <bson/bson.h>

#include <QFile>
#include <QFileInfo>
#include <QStringDecoder>

#ifdef Q_OS_WIN
#include <io.h>
#else
#include <fcntl.h>
#include <unistd.h>
#endif

namespace ferry {

RejectFile::RejectFile(QString path, Mode mode) : m_path(std::move(path)), m_mode(mode)
{
}

RejectFile::~RejectFile()
{
    (void)close(); // nothing to report an error to here; callers wanting it call close()
}

QString RejectFile::pathBesideReport(const QString &reportPath)
{
    const QFileInfo info(reportPath);
    // Keep the directory exactly as the user wrote it (no "./" prepended to a bare name).
    const QString directory = reportPath.left(reportPath.size() - info.fileName().size());
    return directory + info.completeBaseName() + QStringLiteral(".rejects.ndjson");
}

Status RejectFile::writeError() const
{
    return Error(ErrorCode::Io,
                 trEngine("Cannot write to the reject file \"%1\": %2. Rejected documents "
                          "from this batch may be missing from it.")
                     .arg(m_path, m_file ? m_file->errorString() : QString()),
                 m_path);
}

Status RejectFile::open()
{
    auto file = std::make_unique<QFile>(m_path);
    QIODevice::OpenMode mode = QIODevice::WriteOnly;
    mode |= m_mode == Mode::Append ? QIODevice::Append : QIODevice::Truncate;
    if (!file->open(mode))
        return Error(
            ErrorCode::Io,
            trEngine("Cannot create the reject file \"%1\": %2.").arg(m_path, file->errorString()),
            m_path);
    m_file = std::move(file);
    // Reopening after close() must not wipe what this run already wrote.
    m_mode = Mode::Append;
    m_created = true;
    return {};
}

QByteArray RejectFile::documentJson(const uint8_t *bson, uint32_t len)
{
    bson_t doc;
    if (bson && bson_init_static(&doc, bson, len)) {
        size_t jsonLength = 0;
        // Returns null when an element inside is malformed, not only the header.
        char *json = bson_as_canonical_extended_json(&doc, &jsonLength);
        if (json) {
            QByteArray out(json, qsizetype(jsonLength));
            bson_free(json);
            return out;
        }
    }
    const QByteArray raw(reinterpret_cast<const char *>(bson), bson ? qsizetype(len) : 0);
    OrderedJsonWriter w(0);
    w.beginObject().key(u"$binary").beginObject();
    w.key(u"base64").string(QString::fromLatin1(raw.toBase64()));
    w.key(u"subType").string(QStringLiteral("00"));
    w.endObject().endObject();
    return w.finish();
}

Status RejectFile::add(const uint8_t *bson, uint32_t len, const QString &collection,
                       const QString &reason, const QString &field, bool rawText)
{
    const std::lock_guard lock(m_mutex);
    if (!m_file) {
        if (Status s = open(); !s.ok())
            return s;
    }
    OrderedJsonWriter w(0);
    w.beginObject();
    w.key(u"collection").string(collection);
    w.key(u"reason").string(reason);
    w.key(u"field").string(field);
    QStringDecoder utf8(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString text = rawText ? utf8.decode(QByteArrayView(bson, qsizetype(len))) : QString();
    if (rawText && !utf8.hasError())
        w.key(u"document").string(text);
    else
        w.key(u"document").raw(documentJson(bson, len));
    w.endObject();
    QByteArray line = w.finish();
    line += '\n';
    if (m_file->write(line) != line.size())
        return writeError();
    ++m_count;
    return {};
}

Status RejectFile::flush()
{
    const std::lock_guard lock(m_mutex);
    if (m_file && !m_file->flush())
        return writeError();
    return {};
}

Status RejectFile::sync()
{
    const std::lock_guard lock(m_mutex);
    return syncLocked();
}

Status RejectFile::syncLocked()
{
    if (!m_file)
        return {};
    if (!m_file->flush())
        return writeError();
#ifdef Q_OS_WIN
    const bool synced = _commit(m_file->handle()) == 0;
#else
    const bool synced = ::fsync(m_file->handle()) == 0;
#endif
    if (!synced)
        return writeError();
    if (!m_dirSynced) {
        // A file created since the last power cut exists only once its directory entry
        // is on disk too.
        m_dirSynced = true;
#ifndef Q_OS_WIN
        const QByteArray dir = QFile::encodeName(QFileInfo(m_path).absolutePath());
        const int fd = ::open(dir.constData(), O_RDONLY | O_DIRECTORY);
        if (fd >= 0) {
            (void)::fsync(fd); // best effort: some file systems refuse fsync on a directory
            ::close(fd);
        }
#endif
    }
    return {};
}

qint64 RejectFile::length() const
{
    const std::lock_guard lock(m_mutex);
    return lengthLocked();
}

qint64 RejectFile::lengthLocked() const
{
    if (m_file)
        return m_file->size();
    if (m_mode == Mode::Append)
        return QFileInfo(m_path).size(); // 0 when there is no file
    return 0;
}

Status RejectFile::cutBackTo(qint64 bytes)
{
    if (bytes < 0)
        return {};
    const std::lock_guard lock(m_mutex);
    if (m_file && !m_file->flush())
        return writeError();
    const qint64 now = lengthLocked();
    if (now == bytes)
        return {};
    if (now < bytes)
        return Error(ErrorCode::Io,
                     trEngine("The reject file \"%1\" is shorter than the checkpoint says (%2 "
                              "bytes, expected %3): rejected documents of the interrupted run "
                              "are missing from it.")
                         .arg(m_path)
                         .arg(now)
                         .arg(bytes),
                     m_path);
    // Longer than `bytes` while not open means a resumed run's file (Append): opening it
    // keeps its content.
    if (!m_file) {
        if (Status s = open(); !s)
            return s;
    }
    // A file opened without O_APPEND writes at its position: move it back to the new end.
    if (!m_file->resize(bytes) || !m_file->seek(bytes))
        return Error(ErrorCode::Io,
                     trEngine("Cannot cut the reject file \"%1\" back to %2 bytes: %3.")
                         .arg(m_path)
                         .arg(bytes)
                         .arg(m_file->errorString()),
                     m_path);
    return syncLocked();
}

Status RejectFile::close()
{
    const std::lock_guard lock(m_mutex);
    if (!m_file)
        return {};
    const bool flushed = m_file->flush();
    Status status = flushed ? Status() : writeError();
    m_file->close();
    m_file.reset();
    return status;
}

} // namespace ferry

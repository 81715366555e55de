#include "endpoints/dump_bson_reader.h"

#include <cstring>

namespace ferry {

namespace {

// MongoDB caps documents at 16 MiB; mongodump output can carry slightly more (oplog
// entries), so anything far beyond is a broken length rather than a big document.
constexpr int32_t kMaxDocument = 48 * 1024 * 1024;

int32_t readLength(const char *p)
{
    uint32_t v;
    std::memcpy(&v, p, 4);
    return int32_t(BSON_UINT32_FROM_LE(v));
}

} // namespace

Result<std::unique_ptr<DumpBsonReader>> DumpBsonReader::open(const QString &path,
                                                             const ReadOptions &options)
{
    auto reader = std::make_unique<DumpBsonReader>();
    if (Status s = reader->m_file.open(path); !s)
        return s.error();
    auto filter = DumpFilter::parse(options.filter);
    if (!filter)
        return filter.error();
    reader->m_filter = std::move(*filter);
    if (!options.resumeFrom.isEmpty()) {
        auto offset = DumpFileBuffer::parseOffset(options.resumeFrom, path);
        if (!offset)
            return offset.error();
        if (Status s = reader->m_file.seek(*offset); !s)
            return s.error();
        reader->m_position = *offset;
    }
    return reader;
}

Error DumpBsonReader::damaged(qint64 at, const QString &what) const
{
    return Error(ErrorCode::Parse,
                 trEngine("%1 is damaged at byte %2: %3. Re-run mongodump, or cut the file "
                          "before byte %2 to keep the documents before it.")
                     .arg(m_file.fileName())
                     .arg(at)
                     .arg(what),
                 QStringLiteral("%1:%2").arg(m_file.path()).arg(at));
}

Result<bool> DumpBsonReader::next(DocBatch &out, int maxDocs, size_t maxBytes)
{
    out.clear();
    while (out.size() < size_t(std::max(maxDocs, 1)) && out.bytes() < maxBytes) {
        if (m_file.available() < 4) {
            if (Status s = m_file.fill(4); !s)
                return s.error();
            if (m_file.available() == 0)
                break;
            if (m_file.available() < 4)
                return Error(ErrorCode::Parse,
                             trEngine("%1 is truncated at byte %2: only %3 bytes follow the last "
                                      "complete document, too few for another one. Re-run "
                                      "mongodump or remove the partial document.")
                                 .arg(m_file.fileName())
                                 .arg(m_file.offset())
                                 .arg(m_file.available()),
                             QStringLiteral("%1:%2").arg(m_file.path()).arg(m_file.offset()));
        }
        const qint64 at = m_file.offset();
        const int32_t len = readLength(m_file.data());
        if (len < 5 || len > kMaxDocument)
            return damaged(at, trEngine("a document claims a length of %1 bytes, which no BSON "
                                        "document can have")
                                   .arg(len));
        if (at + len > m_file.size())
            return Error(ErrorCode::Parse,
                         trEngine("%1 is truncated at byte %2: the last document claims %3 bytes "
                                  "but only %4 remain. Re-run mongodump or remove the partial "
                                  "document.")
                             .arg(m_file.fileName())
                             .arg(at)
                             .arg(len)
                             .arg(m_file.size() - at),
                         QStringLiteral("%1:%2").arg(m_file.path()).arg(at));
        if (m_file.available() < size_t(len)) {
            if (Status s = m_file.fill(size_t(len)); !s)
                return s.error();
            if (m_file.available() < size_t(len))
                return Error(ErrorCode::Io, trEngine("%1 got shorter while it was being read "
                                                     "(at byte %2). Is another program writing "
                                                     "it?")
                                                .arg(m_file.fileName())
                                                .arg(at));
        }
        const auto *data = reinterpret_cast<const uint8_t *>(m_file.data());
        bson_t doc;
        size_t badOffset = 0;
        if (!bson_init_static(&doc, data, size_t(len)))
            return damaged(at, trEngine("the document starting there (%1 bytes) does not end "
                                        "with the zero byte every BSON document ends with")
                                   .arg(len));
        if (!bson_validate(&doc, BSON_VALIDATE_NONE, &badOffset))
            return damaged(at, trEngine("the document starting there (%1 bytes) is not valid "
                                        "BSON; the problem is %2 bytes into it")
                                   .arg(len)
                                   .arg(badOffset));
        if (m_filter.matches(data, uint32_t(len)))
            out.append(data, uint32_t(len));
        m_file.consume(size_t(len));
        m_position = at + len;
    }
    return !out.empty();
}

QByteArray DumpBsonReader::position() const
{
    return QByteArray::number(m_position);
}

double DumpBsonReader::progress() const
{
    return m_file.size() > 0 ? double(m_position) / double(m_file.size()) : 1.0;
}

Result<qint64> DumpBsonReader::countDocuments(const QString &path, QString *problem)
{
    DumpFileBuffer file;
    if (Status s = file.open(path); !s)
        return s.error();
    qint64 count = 0;
    while (true) {
        if (Status s = file.fill(4); !s)
            return s.error();
        if (file.available() == 0)
            break;
        const qint64 at = file.offset();
        const int32_t len = file.available() < 4 ? 0 : readLength(file.data());
        if (len < 5 || at + len > file.size()) {
            if (problem)
                *problem = trEngine("damaged or truncated at byte %1").arg(at);
            break;
        }
        ++count;
        if (file.available() >= size_t(len)) {
            file.consume(size_t(len));
        } else if (Status s = file.seek(at + len); !s) {
            return s.error();
        }
    }
    return count;
}

} // namespace ferry

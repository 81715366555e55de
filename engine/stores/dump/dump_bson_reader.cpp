#include "stores/dump/dump_bson_reader.h"

#include "stores/dump/dump_file_walk.h"

#include "core/generated_key.h"
#include "stores/dump/bson_frame.h"
#include "stores/dump/dump_archive.h"

#include <algorithm>
#include <random>

namespace ferry {

namespace {

// The unframeable rest of a file goes to the reject file as one entry; past this size only
// its start is kept (the entry says how many bytes there were and where they start).
constexpr size_t kKeepBrokenBytes = 16u << 20;

// Archive resume tokens end with this when they point inside one of the collection's blocks.
constexpr char kInBlock = '+';

} // namespace

Result<std::unique_ptr<DumpBsonReader>>
DumpBsonReader::open(const QString &path, const ReadOptions &options, BsonStreamShape shape)
{
    auto reader = std::make_unique<DumpBsonReader>();
    reader->m_shape = std::move(shape);
    reader->m_scope = reader->m_shape.collection.toUtf8();
    if (Status s = reader->m_file.open(path); !s)
        return s.error();
    auto filter = DumpFilter::parse(options.filter);
    if (!filter)
        return filter.error();
    reader->m_filter = std::move(*filter);
    QByteArray token = options.resumeFrom;
    if (reader->m_shape.archive) {
        // The prelude is read even on resume: it proves the file is an archive.
        auto prelude = dump_archive::readPrelude(reader->m_file);
        if (!prelude)
            return prelude.error();
        reader->m_position = prelude->bodyOffset;
        if (token.endsWith(kInBlock)) {
            token.chop(1);
            reader->m_inBlock = true;
            reader->m_block = Block::Mine;
        }
    }
    if (!token.isEmpty()) {
        auto offset = DumpFileBuffer::parseOffset(token, path);
        if (!offset)
            return offset.error();
        reader->m_position = *offset;
    }
    if (Status s = reader->m_file.seek(reader->m_position); !s)
        return s.error();
    if (options.partitions > 1) {
        if (reader->m_shape.archive || reader->m_file.compressed())
            return Error(ErrorCode::Usage,
                         trEngine("%1 is a gzip file or an archive: --partition splits plain "
                                  ".bson files by byte ranges. Restore it to a plain dump "
                                  "folder (mongodump without --gzip and --archive) first.")
                             .arg(path),
                         path);
        const qint64 size = reader->m_file.size();
        reader->m_sliceBegin = size * options.partition / options.partitions;
        reader->m_sliceEnd = size * (options.partition + 1) / options.partitions;
        if (token.isEmpty() && reader->m_sliceBegin > 0) {
            if (Status s = reader->seekSlice(); !s)
                return s.error();
        }
    }
    return reader;
}

// A slice holds the documents that start inside its byte range: the first one is found by
// walking the length prefixes from the start of the file (no parsing), which every
// partition does the same way, so the slices never overlap and leave nothing out. A broken
// frame before the slice is left to the slice that holds it.
Status DumpBsonReader::seekSlice()
{
    while (m_file.offset() < m_sliceBegin) {
        if (Status s = m_file.fill(4); !s)
            return s;
        const qint64 at = m_file.offset();
        if (m_file.available() < 4)
            break;
        const int32_t len = readBsonLength(m_file.data());
        if (len < 5 || len > kMaxBsonDocument || at + len > m_file.size())
            break;
        if (m_file.available() >= size_t(len)) {
            m_file.consume(size_t(len));
        } else if (Status s = m_file.seek(at + len); !s) {
            return s;
        }
    }
    m_position = m_file.offset();
    return {};
}

QString DumpBsonReader::where(qint64 at) const
{
    return QStringLiteral("%1:%2").arg(m_file.path()).arg(at);
}

Result<DumpBsonReader::Frame> DumpBsonReader::frame(int32_t *len)
{
    if (Status s = m_file.fill(4); !s)
        return s.error();
    const qint64 at = m_file.offset();
    if (m_file.available() == 0)
        return Frame::End;
    QString why;
    if (m_file.available() < 4) {
        why = trEngine("%1 is truncated at byte %2: only %3 bytes follow the last complete "
                       "document, too few for another one. Re-run mongodump or remove the "
                       "partial document.")
                  .arg(m_file.fileName())
                  .arg(at)
                  .arg(m_file.available());
    } else {
        *len = readBsonLength(m_file.data());
        if (m_shape.archive && *len == dump_archive::kTerminator)
            return Frame::Document;
        if (*len < 5 || *len > kMaxBsonDocument) {
            why = trEngine("%1 is damaged at byte %2: a document claims a length of %3 bytes, "
                           "which no BSON document can have. Re-run mongodump, or cut the file "
                           "before byte %2 to keep the documents before it.")
                      .arg(m_file.fileName())
                      .arg(at)
                      .arg(*len);
        } else {
            if (Status s = m_file.fill(size_t(*len)); !s)
                return s.error();
            if (m_file.available() >= size_t(*len))
                return Frame::Document;
            why = trEngine("%1 is truncated at byte %2: the last document claims %3 bytes but "
                           "only %4 remain. Re-run mongodump or remove the partial document.")
                      .arg(m_file.fileName())
                      .arg(at)
                      .arg(*len)
                      .arg(m_file.available());
        }
    }
    m_brokenWhy = why;
    return Frame::Broken;
}

void DumpBsonReader::brokenTail(DocBatch &out)
{
    const qint64 at = m_file.offset();
    std::string kept;
    qint64 total = 0;
    while (true) {
        if (!m_file.fill(1) || m_file.available() == 0)
            break;
        const size_t n = m_file.available();
        if (kept.size() < kKeepBrokenBytes)
            kept.append(m_file.data(), std::min(n, kKeepBrokenBytes - kept.size()));
        total += qint64(n);
        m_file.consume(n);
    }
    QString reason = m_brokenWhy + QLatin1Char(' ') +
                     trEngine("The %1 bytes from byte %2 to the end cannot be read as documents "
                              "and are kept here as one entry.")
                         .arg(total)
                         .arg(at);
    if (qint64(kept.size()) < total)
        reason += QLatin1Char(' ') +
                  trEngine("Only their first %1 MiB are kept.").arg(kKeepBrokenBytes >> 20);
    out.appendUnreadable(kept.data(), kept.size(), reason, false);
    m_position = at + total;
    m_inBlock = false;
    m_finished = true;
}

Status DumpBsonReader::append(DocBatch &out, const uint8_t *data, int32_t len, qint64 at)
{
    bson_t doc;
    size_t bad = 0;
    if (!bson_init_static(&doc, data, size_t(len))) {
        out.appendUnreadable(reinterpret_cast<const char *>(data), size_t(len),
                             trEngine("%1 is damaged at byte %2: the document starting there (%3 "
                                      "bytes) does not end with the zero byte every BSON "
                                      "document ends with.")
                                 .arg(m_file.fileName())
                                 .arg(at)
                                 .arg(len),
                             false);
        return {};
    }
    if (!bsonStructureValid(&doc, &bad)) {
        out.appendUnreadable(reinterpret_cast<const char *>(data), size_t(len),
                             trEngine("%1 is damaged at byte %2: the document starting there (%3 "
                                      "bytes) is not valid BSON; the problem is %4 bytes into "
                                      "it.")
                                 .arg(m_file.fileName())
                                 .arg(at)
                                 .arg(len)
                                 .arg(bad),
                             false);
        return {};
    }
    if (m_shape.buckets) {
        return m_shape.buckets->unpack(&doc, [&](const uint8_t *m, uint32_t mLen, int index) {
            if (m_filter.matches(m, mLen))
                appendWithKey(out, m, mLen, m_scope, at, index);
        });
    }
    if (m_filter.matches(data, uint32_t(len)))
        appendWithKey(out, data, uint32_t(len), m_scope, at);
    return {};
}

Result<bool> DumpBsonReader::next(DocBatch &out, int maxDocs, size_t maxBytes)
{
    out.clear();
    while (!m_finished && out.size() < size_t(std::max(maxDocs, 1)) && out.bytes() < maxBytes) {
        if (m_sliceEnd >= 0 && m_file.offset() >= m_sliceEnd) {
            m_finished = true; // the next slice's first document
            break;
        }
        int32_t len = 0;
        auto f = frame(&len);
        if (!f)
            return f.error();
        if (*f == Frame::End) {
            m_finished = true;
            break;
        }
        if (*f == Frame::Broken) {
            brokenTail(out);
            break;
        }
        const qint64 at = m_file.offset();
        const auto *data = reinterpret_cast<const uint8_t *>(m_file.data());
        if (m_shape.archive) {
            if (len == dump_archive::kTerminator) {
                m_file.consume(4);
                m_block = Block::Between;
                m_position = at + 4;
                m_inBlock = false;
                continue;
            }
            if (m_block == Block::Between) {
                dump_archive::BlockHeader h;
                if (!dump_archive::parseBlockHeader(data, uint32_t(len), &h)) {
                    m_brokenWhy = trEngine("%1 is damaged at byte %2: a block of the archive "
                                           "does not start with its namespace header.")
                                      .arg(m_file.fileName())
                                      .arg(at);
                    brokenTail(out);
                    break;
                }
                m_file.consume(size_t(len));
                const bool mine =
                    h.db == m_shape.archiveDb && h.collection == m_shape.archiveCollection;
                if (mine && h.eof) {
                    // The collection's last block: nothing of it follows.
                    m_finished = true;
                    m_position = at + len;
                    break;
                }
                m_block = mine ? Block::Mine : Block::Other;
                if (mine) {
                    m_inBlock = true;
                    m_position = at + len;
                }
                continue;
            }
            if (m_block == Block::Other) {
                m_file.consume(size_t(len));
                continue;
            }
        }
        if (Status s = append(out, data, len, at); !s)
            return s.error();
        m_file.consume(size_t(len));
        m_position = at + len;
    }
    return !out.empty();
}

QByteArray DumpBsonReader::position() const
{
    QByteArray token = QByteArray::number(m_position);
    if (m_shape.archive && m_inBlock)
        token += kInBlock;
    return token;
}

double DumpBsonReader::progress() const
{
    return m_finished ? 1.0 : m_file.sliceFraction(m_position, m_sliceBegin, m_sliceEnd);
}

Result<qint64> DumpBsonReader::countDocuments(const QString &path, QString *problem)
{
    auto walk = DumpFileWalk::of(path, 0, DumpFileWalk::Format::Bson);
    if (!walk)
        return walk.error();
    if (problem)
        *problem = walk->problem;
    return walk->count;
}

Result<std::vector<BsonDoc>> DumpBsonReader::sampleByOffsets(const QString &path, qint64 n,
                                                             const QString &collection)
{
    // The walk skims only the length prefixes and keeps a uniform reservoir of offsets; then
    // just the chosen documents are read and checked. Inferring a schema from a
    // multi-gigabyte dump costs one skim of the file (shared with counting it).
    const QByteArray scope = collection.toUtf8();
    return DumpFileWalk::sample(
        path, n, DumpFileWalk::Format::Bson,
        [&](qint64 at, const char *data, size_t len, DocBatch &one) {
            bson_t doc;
            size_t bad = 0;
            if (!bson_init_static(&doc, reinterpret_cast<const uint8_t *>(data), len) ||
                !bsonStructureValid(&doc, &bad))
                return false;
            // The same generated key the reader gives, so inference sees the _id column.
            appendWithKey(one, bson_get_data(&doc), doc.len, scope, at);
            return true;
        });
}

} // namespace ferry

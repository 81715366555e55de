#include "stores/dump/dump_bson_reader.h"

#include <algorithm>
#include <cstring>
#include <random>

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

// Deeper than any document MongoDB accepts (100 levels) with room to spare; a bound so a
// crafted file cannot exhaust the stack.
constexpr int kMaxDepth = 500;

// Checks that every element's length stays inside its document, recursively: all that
// iterating the document later relies on. bson_validate(NONE) also checks the UTF-8 of
// every key, which costs more than the rest of the read; text values are checked where
// they are converted (the transform), keys where they are matched.
bool structureValid(const bson_t *doc, size_t *badOffset, int depth)
{
    bson_iter_t it;
    if (!bson_iter_init(&it, doc)) {
        *badOffset = 0;
        return false;
    }
    while (bson_iter_next(&it)) {
        const bson_type_t type = bson_iter_type(&it);
        if (type == BSON_TYPE_DOCUMENT || type == BSON_TYPE_ARRAY) {
            bson_iter_t child;
            uint32_t len = 0;
            const uint8_t *data = nullptr;
            if (type == BSON_TYPE_DOCUMENT)
                bson_iter_document(&it, &len, &data);
            else
                bson_iter_array(&it, &len, &data);
            bson_t sub;
            size_t inner = 0;
            if (depth >= kMaxDepth || !data || !bson_init_static(&sub, data, len) ||
                !bson_iter_recurse(&it, &child) || !structureValid(&sub, &inner, depth + 1)) {
                *badOffset = it.off + inner;
                return false;
            }
        }
    }
    if (it.err_off != 0) {
        *badOffset = it.err_off;
        return false;
    }
    return true;
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
    if (options.partitions > 1) {
        const qint64 size = reader->m_file.size();
        reader->m_sliceBegin = size * options.partition / options.partitions;
        reader->m_sliceEnd = size * (options.partition + 1) / options.partitions;
    }
    if (!options.resumeFrom.isEmpty()) {
        auto offset = DumpFileBuffer::parseOffset(options.resumeFrom, path);
        if (!offset)
            return offset.error();
        if (Status s = reader->m_file.seek(*offset); !s)
            return s.error();
        reader->m_position = *offset;
    } else if (reader->m_sliceBegin > 0) {
        if (Status s = reader->seekSlice(); !s)
            return s.error();
    }
    return reader;
}

// A slice holds the documents that start inside its byte range: the first one is found by
// walking the length prefixes from the start of the file (no parsing), which every
// partition does the same way, so the slices never overlap and leave nothing out.
Status DumpBsonReader::seekSlice()
{
    while (m_file.offset() < m_sliceBegin) {
        if (Status s = m_file.fill(4); !s)
            return s;
        const qint64 at = m_file.offset();
        if (m_file.available() < 4)
            return {}; // the end, or a truncation next() reports
        const int32_t len = readLength(m_file.data());
        if (len < 5 || len > kMaxDocument || at + len > m_file.size())
            return damaged(at, trEngine("a document claims a length of %1 bytes, which does "
                                        "not fit in the file")
                                   .arg(len));
        if (m_file.available() >= size_t(len)) {
            m_file.consume(size_t(len));
        } else if (Status s = m_file.seek(at + len); !s) {
            return s;
        }
    }
    m_position = m_file.offset();
    return {};
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
        if (m_sliceEnd >= 0 && at >= m_sliceEnd)
            break; // the next slice's first document
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
        if (!structureValid(&doc, &badOffset, 0))
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
    const qint64 end = m_sliceEnd >= 0 ? m_sliceEnd : m_file.size();
    if (end <= m_sliceBegin)
        return 1.0;
    return std::clamp(double(m_position - m_sliceBegin) / double(end - m_sliceBegin), 0.0, 1.0);
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

Result<std::vector<BsonDoc>> DumpBsonReader::sampleByOffsets(const QString &path, qint64 n)
{
    // Pass 1 walks only the length prefixes (no parsing) and keeps a uniform reservoir of
    // offsets; pass 2 reads and checks just the chosen documents. Inferring a schema from a
    // multi-gigabyte dump then costs one skim of the file instead of a full parse.
    DumpFileBuffer file;
    if (Status s = file.open(path); !s)
        return s.error();
    std::mt19937_64 rng(0x5eed5eedULL);
    std::vector<std::pair<qint64, int32_t>> kept;
    qint64 seen = 0;
    while (true) {
        if (Status s = file.fill(4); !s)
            return s.error();
        if (file.available() == 0)
            break;
        const qint64 at = file.offset();
        const int32_t len = file.available() < 4 ? 0 : readLength(file.data());
        if (len < 5 || len > kMaxDocument || at + len > file.size())
            return std::vector<BsonDoc>(); // damaged: the caller's full read says where
        const qint64 index = seen++;
        if (qint64(kept.size()) < n) {
            kept.emplace_back(at, len);
        } else if (n > 0) {
            const qint64 j = qint64(rng() % uint64_t(index + 1));
            if (j < n)
                kept[size_t(j)] = {at, len};
        }
        if (file.available() >= size_t(len)) {
            file.consume(size_t(len));
        } else if (Status s = file.seek(at + len); !s) {
            return s.error();
        }
    }
    std::sort(kept.begin(), kept.end());
    std::vector<BsonDoc> out;
    out.reserve(kept.size());
    for (const auto &[at, len] : kept) {
        if (Status s = file.seek(at); !s)
            return s.error();
        if (Status s = file.fill(size_t(len)); !s)
            return s.error();
        bson_t doc;
        size_t bad = 0;
        if (file.available() < size_t(len) ||
            !bson_init_static(&doc, reinterpret_cast<const uint8_t *>(file.data()), size_t(len)) ||
            !structureValid(&doc, &bad, 0))
            return std::vector<BsonDoc>();
        out.emplace_back(&doc);
    }
    return out;
}

} // namespace ferry

#include "stores/dump/dump_archive.h"

#include "stores/dump/bson_frame.h"

namespace ferry::dump_archive {

namespace {

Error damaged(const DumpFileBuffer &file, qint64 at, const QString &what)
{
    return Error(ErrorCode::Parse,
                 trEngine("%1 is not a readable mongodump archive: %2 at byte %3. Re-run "
                          "mongodump --archive, or check that the file was copied whole.")
                     .arg(file.fileName(), what)
                     .arg(at),
                 QStringLiteral("%1:%2").arg(file.path()).arg(at));
}

QString stringField(const bson_t *doc, const char *key)
{
    bson_iter_t it;
    if (bson_iter_init_find(&it, doc, key) && BSON_ITER_HOLDS_UTF8(&it))
        return QString::fromUtf8(bson_iter_utf8(&it, nullptr));
    return {};
}

// Reads one length-prefixed document into *doc (a view into the file's buffer), or returns
// false at a terminator.
Result<bool> readDocument(DumpFileBuffer &file, bson_t *doc)
{
    if (Status s = file.fill(4); !s)
        return s.error();
    const qint64 at = file.offset();
    if (file.available() < 4)
        return damaged(file, at, trEngine("the prelude ends early"));
    const int32_t len = readBsonLength(file.data());
    if (len == kTerminator) {
        file.consume(4);
        return false;
    }
    if (len < 5 || len > kMaxBsonDocument)
        return damaged(file, at, trEngine("a document claims %1 bytes").arg(len));
    if (Status s = file.fill(size_t(len)); !s)
        return s.error();
    size_t bad = 0;
    if (file.available() < size_t(len) ||
        !bson_init_static(doc, reinterpret_cast<const uint8_t *>(file.data()), size_t(len)) ||
        !bsonStructureValid(doc, &bad))
        return damaged(file, at, trEngine("a prelude document is not valid BSON"));
    return true;
}

} // namespace

bool startsWithMagic(const char *first4)
{
    return uint32_t(readBsonLength(first4)) == kMagic;
}

Result<Prelude> readPrelude(DumpFileBuffer &file)
{
    if (Status s = file.seek(0); !s)
        return s.error();
    if (Status s = file.fill(4); !s)
        return s.error();
    if (file.available() < 4 || !startsWithMagic(file.data()))
        return damaged(file, 0, trEngine("the archive's magic number is missing"));
    file.consume(4);
    Prelude prelude;
    bson_t doc;
    // The header document (tool and server versions): nothing Ferry needs.
    auto header = readDocument(file, &doc);
    if (!header)
        return header.error();
    if (*header)
        file.consume(doc.len);
    while (*header) {
        auto more = readDocument(file, &doc);
        if (!more)
            return more.error();
        if (!*more)
            break;
        Namespace ns;
        ns.db = stringField(&doc, "db");
        ns.collection = stringField(&doc, "collection");
        ns.metadata = stringField(&doc, "metadata").toUtf8();
        ns.type = stringField(&doc, "type");
        prelude.namespaces.append(ns);
        file.consume(doc.len);
    }
    prelude.bodyOffset = file.offset();
    return prelude;
}

bool parseBlockHeader(const uint8_t *data, uint32_t len, BlockHeader *out)
{
    bson_t doc;
    if (!bson_init_static(&doc, data, len))
        return false;
    bson_iter_t it;
    if (!bson_iter_init(&it, &doc))
        return false;
    bool haveDb = false;
    bool haveCollection = false;
    *out = {};
    while (bson_iter_next(&it)) {
        const char *key = bson_iter_key(&it);
        if (std::strcmp(key, "db") == 0 && BSON_ITER_HOLDS_UTF8(&it)) {
            uint32_t n = 0;
            const char *s = bson_iter_utf8(&it, &n);
            out->db = QByteArray(s, qsizetype(n));
            haveDb = true;
        } else if (std::strcmp(key, "collection") == 0 && BSON_ITER_HOLDS_UTF8(&it)) {
            uint32_t n = 0;
            const char *s = bson_iter_utf8(&it, &n);
            out->collection = QByteArray(s, qsizetype(n));
            haveCollection = true;
        } else if (std::strcmp(key, "EOF") == 0 && BSON_ITER_HOLDS_BOOL(&it)) {
            out->eof = bson_iter_bool(&it);
        }
    }
    return haveDb && haveCollection;
}

Result<QHash<QString, qint64>> countDocuments(const QString &path, QString *problem)
{
    DumpFileBuffer file;
    if (Status s = file.open(path); !s)
        return s.error();
    auto prelude = readPrelude(file);
    if (!prelude)
        return prelude.error();
    QHash<QString, qint64> counts;
    qint64 *current = nullptr;
    while (true) {
        if (Status s = file.fill(4); !s)
            return s.error();
        if (file.available() == 0)
            break;
        const qint64 at = file.offset();
        const int32_t len = file.available() < 4 ? 0 : readBsonLength(file.data());
        if (len == kTerminator) {
            current = nullptr;
            file.consume(4);
            continue;
        }
        if (len < 5 || len > kMaxBsonDocument) {
            if (problem)
                *problem = trEngine("damaged at byte %1").arg(at);
            break;
        }
        if (Status s = file.fill(size_t(len)); !s)
            return s.error();
        if (file.available() < size_t(len)) {
            if (problem)
                *problem = trEngine("truncated at byte %1").arg(at);
            break;
        }
        if (!current) {
            BlockHeader h;
            if (!parseBlockHeader(reinterpret_cast<const uint8_t *>(file.data()), uint32_t(len),
                                  &h)) {
                if (problem)
                    *problem = trEngine("no block header at byte %1").arg(at);
                break;
            }
            current = &counts[QString::fromUtf8(h.db + '.' + h.collection)];
        } else {
            ++*current;
        }
        file.consume(size_t(len));
    }
    return counts;
}

} // namespace ferry::dump_archive

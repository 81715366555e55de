#include "support/dump_fixtures.h"
#include "stores/stores.h"

#include <QFile>
#include <QtTest>

#include <zlib.h>

using namespace Qt::StringLiterals;

namespace ferry::test {

BsonDoc fromJson(const QByteArray &json)
{
    BsonDoc doc;
    bson_error_t err;
    bson_destroy(doc.get());
    if (!bson_init_from_json(doc.get(), json.constData(), json.size(), &err))
        qFatal("bad test JSON %s: %s", json.constData(), err.message);
    return doc;
}

QByteArray bytesOf(const BsonDoc &doc)
{
    return QByteArray(reinterpret_cast<const char *>(bson_get_data(doc.get())),
                      qsizetype(doc.get()->len));
}

void writeFile(const QString &path, const QByteArray &content)
{
    QFile f(path);
    QVERIFY2(f.open(QIODevice::WriteOnly), qPrintable(path));
    QCOMPARE(f.write(content), content.size());
}

// n documents {_id: i, name: "user<i>", group: i % 10, nested: {k: i}} as .bson bytes; the
// last `lateCount` also carry "late".
QByteArray numberedBson(int n, int lateCount)
{
    QByteArray out;
    for (int i = 0; i < n; ++i) {
        bson_t doc = BSON_INITIALIZER;
        bson_t nested;
        BSON_APPEND_INT32(&doc, "_id", i);
        BSON_APPEND_UTF8(&doc, "name", QByteArray("user" + QByteArray::number(i)).constData());
        BSON_APPEND_INT32(&doc, "group", i % 10);
        BSON_APPEND_DOCUMENT_BEGIN(&doc, "nested", &nested);
        BSON_APPEND_INT32(&nested, "k", i);
        bson_append_document_end(&doc, &nested);
        if (i >= n - lateCount)
            BSON_APPEND_BOOL(&doc, "late", true);
        out.append(reinterpret_cast<const char *>(bson_get_data(&doc)), doc.len);
        bson_destroy(&doc);
    }
    return out;
}

QByteArray numberedNdjson(int n)
{
    QByteArray out;
    for (int i = 0; i < n; ++i)
        out += "{\"_id\":" + QByteArray::number(i) + ",\"group\":" + QByteArray::number(i % 10) +
               "}\n";
    return out;
}

std::unique_ptr<Source> openSource(const QString &path)
{
    auto endpoint = Endpoint::parse(u"dump:"_s + path);
    if (!endpoint)
        return nullptr;
    auto source = makeSource(*endpoint);
    if (!source)
        return nullptr;
    return std::move(*source);
}

int32_t intField(const bson_t *doc, const char *path)
{
    bson_iter_t it, found;
    if (!bson_iter_init(&it, doc) || !bson_iter_find_descendant(&it, path, &found))
        return INT32_MIN;
    return bson_iter_as_int64(&found) > INT32_MAX ? INT32_MIN : int32_t(bson_iter_as_int64(&found));
}

// Reads a collection to the end and returns the "_id" of every document (ints), or the
// first error.
Result<QList<int>> readIds(DocumentReader &reader, int batch)
{
    QList<int> ids;
    DocBatch docs;
    while (true) {
        auto more = reader.next(docs, batch);
        if (!more)
            return more.error();
        if (!*more)
            return ids;
        for (size_t i = 0; i < docs.size(); ++i) {
            bson_t view;
            if (!docs.view(i, &view)) // -1 stands for an entry the reader could not read
                ids.append(-1);
            else
                ids.append(intField(&view, "_id"));
        }
    }
}

// open → openReader → next until the end; the first error on the way, or the reason of the
// first entry the reader could not read (what stops a run under --on-error stop).
Error firstError(const QString &path, const QString &collection)
{
    auto source = openSource(path);
    if (!source)
        return Error(ErrorCode::Internal, u"makeSource failed"_s);
    if (Status s = source->open(); !s)
        return s.error();
    auto reader = source->openReader(collection, {});
    if (!reader)
        return reader.error();
    DocBatch docs;
    while (true) {
        auto more = (*reader)->next(docs, 1000);
        if (!more)
            return more.error();
        if (!*more)
            return Error();
        if (!docs.unreadable().empty())
            return Error(ErrorCode::Parse, docs.unreadable().front().reason);
    }
}

QByteArray gzipped(const QByteArray &data)
{
    z_stream z{};
    deflateInit2(&z, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);
    QByteArray out(int(deflateBound(&z, uLong(data.size()))) + 64, Qt::Uninitialized);
    z.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(data.constData()));
    z.avail_in = uInt(data.size());
    z.next_out = reinterpret_cast<Bytef *>(out.data());
    z.avail_out = uInt(out.size());
    const int rc = deflate(&z, Z_FINISH);
    if (rc != Z_STREAM_END)
        qFatal("deflate failed: %d", rc);
    out.truncate(qsizetype(z.total_out));
    deflateEnd(&z);
    return out;
}

namespace {

QByteArray le32(uint32_t v)
{
    QByteArray b(4, Qt::Uninitialized);
    for (int i = 0; i < 4; ++i)
        b[i] = char((v >> (8 * i)) & 0xff);
    return b;
}

QByteArray docBytes(bson_t *doc)
{
    QByteArray out(reinterpret_cast<const char *>(bson_get_data(doc)), qsizetype(doc->len));
    bson_destroy(doc);
    return out;
}

QByteArray header(const QString &ns, bool eof)
{
    const qsizetype dot = ns.indexOf(u'.');
    bson_t h = BSON_INITIALIZER;
    BSON_APPEND_UTF8(&h, "db", ns.left(dot).toUtf8().constData());
    BSON_APPEND_UTF8(&h, "collection", ns.mid(dot + 1).toUtf8().constData());
    if (eof) {
        BSON_APPEND_BOOL(&h, "EOF", true);
        BSON_APPEND_INT64(&h, "CRC", 0);
    }
    return docBytes(&h);
}

} // namespace

QByteArray archiveBytes(const QList<QPair<QString, QByteArray>> &namespaces,
                        const QList<ArchiveBlock> &blocks, const QHash<QString, QString> &types)
{
    const QByteArray terminator = le32(0xffffffffu);
    QByteArray out = le32(0x8199e26du);
    bson_t h = BSON_INITIALIZER;
    BSON_APPEND_INT32(&h, "concurrent_collections", 4);
    BSON_APPEND_UTF8(&h, "version", "0.1");
    BSON_APPEND_UTF8(&h, "server_version", "7.0.0");
    BSON_APPEND_UTF8(&h, "tool_version", "100.9.0");
    out += docBytes(&h);
    for (const auto &[ns, metadata] : namespaces) {
        const qsizetype dot = ns.indexOf(u'.');
        bson_t m = BSON_INITIALIZER;
        BSON_APPEND_UTF8(&m, "db", ns.left(dot).toUtf8().constData());
        BSON_APPEND_UTF8(&m, "collection", ns.mid(dot + 1).toUtf8().constData());
        BSON_APPEND_UTF8(&m, "metadata", metadata.constData());
        BSON_APPEND_INT32(&m, "size", 0);
        BSON_APPEND_UTF8(&m, "type", types.value(ns, u"collection"_s).toUtf8().constData());
        out += docBytes(&m);
    }
    out += terminator;
    QHash<QString, int> left;
    for (const ArchiveBlock &b : blocks)
        ++left[b.ns];
    for (const ArchiveBlock &b : blocks) {
        out += header(b.ns, false) + b.documents + terminator;
        if (--left[b.ns] == 0)
            out += header(b.ns, true) + terminator;
    }
    return out;
}

QByteArray bucketBson(int firstId, int count, const QByteArray &sensor, qint64 baseMs)
{
    bson_t b = BSON_INITIALIZER;
    bson_oid_t oid;
    uint8_t raw[12] = {0x65, 0, 0, 0, 0, 0, 0, 0, 0, 0, uint8_t(firstId >> 8), uint8_t(firstId)};
    bson_oid_init_from_data(&oid, raw);
    BSON_APPEND_OID(&b, "_id", &oid);
    bson_t control, min, max, data, col;
    BSON_APPEND_DOCUMENT_BEGIN(&b, "control", &control);
    BSON_APPEND_INT32(&control, "version", 1);
    BSON_APPEND_DOCUMENT_BEGIN(&control, "min", &min);
    BSON_APPEND_DATE_TIME(&min, "t", baseMs);
    bson_append_document_end(&control, &min);
    BSON_APPEND_DOCUMENT_BEGIN(&control, "max", &max);
    BSON_APPEND_DATE_TIME(&max, "t", baseMs + (count - 1) * 60000);
    bson_append_document_end(&control, &max);
    bson_append_document_end(&b, &control);
    BSON_APPEND_UTF8(&b, "meta", sensor.constData());
    BSON_APPEND_DOCUMENT_BEGIN(&b, "data", &data);
    const auto column = [&](const char *name, auto add, bool sparse) {
        BSON_APPEND_DOCUMENT_BEGIN(&data, name, &col);
        for (int i = 0; i < count; ++i)
            if (!sparse || i % 2 == 0)
                add(&col, QByteArray::number(i).constData(), i);
        bson_append_document_end(&data, &col);
    };
    column(
        "_id", [&](bson_t *c, const char *k, int i) { BSON_APPEND_INT32(c, k, firstId + i); },
        false);
    column(
        "t",
        [&](bson_t *c, const char *k, int i) {
            BSON_APPEND_DATE_TIME(c, k, baseMs + qint64(i) * 60000);
        },
        false);
    column(
        "temp", [&](bson_t *c, const char *k, int i) { BSON_APPEND_DOUBLE(c, k, 20.0 + i); },
        false);
    column(
        "humidity", [&](bson_t *c, const char *k, int i) { BSON_APPEND_INT32(c, k, i); }, true);
    bson_append_document_end(&b, &data);
    return docBytes(&b);
}

} // namespace ferry::test

#include "support/dump_fixtures.h"
#include "stores/stores.h"

#include <QFile>
#include <QtTest>

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
            docs.view(i, &view);
            ids.append(intField(&view, "_id"));
        }
    }
}

// open → openReader → next until the end; the first error on the way.
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
    auto ids = readIds(**reader);
    return ids ? Error() : ids.error();
}

} // namespace ferry::test

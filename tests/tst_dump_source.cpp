#include "endpoints/source.h"
#include "support/test_services.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <functional>

using namespace Qt::StringLiterals;
using namespace ferry;

namespace {

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
QByteArray numberedBson(int n, int lateCount = 0)
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
Result<QList<int>> readIds(DocumentReader &reader, int batch = 1000)
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

// QVERIFY2 evaluates its message even on success, when error() must not be called.
template <class T> const char *why(const Result<T> &result)
{
    static QByteArray text;
    text = result ? QByteArray() : result.error().message.toUtf8();
    return text.constData();
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

} // namespace

class DumpSourceTest : public QObject {
    Q_OBJECT

private slots:
    void mflixFiles_data();
    void mflixFiles();
    void mflixTheaterValues();
    void extendedJsonForms_data();
    void extendedJsonForms();
    void dumpFolder();
    void nestedDatabaseFolder();
    void severalDatabasesRefused();
    void singleBsonFile();
    void resume_data();
    void resume();
    void sampleFindsLateFields_data();
    void sampleFindsLateFields();
    void filter_data();
    void filter();
    void unsupportedFilter_data();
    void unsupportedFilter();
    void badInput_data();
    void badInput();
    void readSpeed();
};

void DumpSourceTest::mflixFiles_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("collection");
    QTest::addColumn<int>("count");
    QTest::newRow("theaters") << u"sample_mflix/theaters.json"_s << u"theaters"_s << 1564;
    QTest::newRow("users") << u"sample_mflix/users.json"_s << u"users"_s << 185;
    QTest::newRow("sessions") << u"sample_mflix/sessions.json"_s << u"sessions"_s << 1;
}

void DumpSourceTest::mflixFiles()
{
    QFETCH(QString, file);
    QFETCH(QString, collection);
    QFETCH(int, count);
    const QString path = test::sharedDataset(file);
    QVERIFY2(QFileInfo::exists(path), qPrintable(path + u" missing (FERRY_SHARED_DIR?)"_s));
    auto source = openSource(path);
    QVERIFY(source);
    const Status opened = source->open();
    QVERIFY2(opened, why(opened));
    auto list = source->listCollections();
    QVERIFY2(list, why(list));
    QCOMPARE(list->size(), 1);
    QCOMPARE(list->first().name, collection);
    QCOMPARE(list->first().count, qint64(count));
    QVERIFY(list->first().exact);

    auto reader = source->openReader(collection, {});
    QVERIFY2(reader, why(reader));
    DocBatch batch;
    qint64 read = 0;
    while (true) {
        auto more = (*reader)->next(batch, 100);
        QVERIFY2(more, why(more));
        if (!*more)
            break;
        QVERIFY(batch.size() <= 100);
        read += qint64(batch.size());
    }
    QCOMPARE(read, qint64(count));
    QCOMPARE((*reader)->progress(), 1.0);
}

void DumpSourceTest::mflixTheaterValues()
{
    auto source = openSource(test::sharedDataset(u"sample_mflix/theaters.json"_s));
    QVERIFY(source && source->open());
    auto reader = source->openReader(u"theaters"_s, {});
    QVERIFY(reader);
    DocBatch batch;
    auto more = (*reader)->next(batch, 2);
    QVERIFY(more && *more);
    QCOMPARE(batch.size(), size_t(2));
    bson_t first;
    QVERIFY(batch.view(0, &first));
    bson_iter_t it, city, id, theaterId, lng;
    QVERIFY(bson_iter_init(&it, &first));
    QVERIFY(bson_iter_find_descendant(&it, "location.address.city", &city));
    QCOMPARE(QString::fromUtf8(bson_iter_utf8(&city, nullptr)), u"Bloomington"_s);
    QVERIFY(bson_iter_init_find(&id, &first, "_id") && BSON_ITER_HOLDS_OID(&id));
    char hex[25];
    bson_oid_to_string(bson_iter_oid(&id), hex);
    QCOMPARE(QByteArray(hex), QByteArray("59a47286cfa9a3a73e51e72c"));
    QVERIFY(bson_iter_init_find(&theaterId, &first, "theaterId"));
    QVERIFY(BSON_ITER_HOLDS_INT32(&theaterId));
    QCOMPARE(bson_iter_int32(&theaterId), 1000);
    QVERIFY(bson_iter_init(&it, &first));
    QVERIFY(bson_iter_find_descendant(&it, "location.geo.coordinates.0", &lng));
    QVERIFY(BSON_ITER_HOLDS_DOUBLE(&lng));
    QCOMPARE(bson_iter_double(&lng), -93.24565);

    // The equality filter works on real data too.
    ReadOptions options;
    options.filter = uR"({"location.address.state": "MN"})"_s;
    auto filtered = source->openReader(u"theaters"_s, options);
    QVERIFY2(filtered, why(filtered));
    qint64 mn = 0;
    while (true) {
        auto got = (*filtered)->next(batch, 500);
        QVERIFY(got);
        if (!*got)
            break;
        mn += qint64(batch.size());
    }
    QVERIFY2(mn > 10 && mn < 1564, qPrintable(QString::number(mn)));
}

void DumpSourceTest::extendedJsonForms_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("fileName");
    const QByteArray canonical =
        R"({"_id":{"$oid":"59a47286cfa9a3a73e51e72c"},"d":{"$date":{"$numberLong":"123"}},"n":{"$numberInt":"7"},"big":{"$numberLong":"5000000000"}})";
    const QByteArray relaxed =
        R"({"_id":{"$oid":"59a47286cfa9a3a73e51e72c"},"d":{"$date":"1970-01-01T00:00:00.123Z"},"n":7,"big":5000000000})";
    const QByteArray v1 =
        R"({"_id":{"$oid":"59a47286cfa9a3a73e51e72c"},"d":{"$date":123},"n":7,"big":{"$numberLong":"5000000000"}})";
    QTest::newRow("canonical v2 lines") << canonical + '\n' + canonical + '\n' << u"c.json"_s;
    QTest::newRow("relaxed v2 lines, no final newline")
        << relaxed + '\n' + relaxed << u"r.ndjson"_s;
    QTest::newRow("v1 lines, CRLF") << v1 + "\r\n" + v1 + "\r\n" << u"v1.jsonl"_s;
    QTest::newRow("array") << '[' + canonical + ',' + relaxed + ']' << u"a.json"_s;
    QTest::newRow("array, pretty")
        << "[\n  {\n    \"_id\": {\"$oid\": \"59a47286cfa9a3a73e51e72c\"},\n    \"d\": {\"$date\": "
           "123},\n    \"n\": 7, \"big\": 5000000000\n  },\n  " +
               v1 + "\n]\n"
        << u"p.json"_s;
    QTest::newRow("pretty documents back to back")
        << QByteArray(
               "{\n \"_id\": {\"$oid\": \"59a47286cfa9a3a73e51e72c\"},\n \"d\": {\"$date\": "
               "123},\n "
               "\"n\": 7, \"big\": 5000000000\n}\n{\n \"_id\": {\"$oid\": "
               "\"59a47286cfa9a3a73e51e72c\"}, \"d\": {\"$date\": 123}, \"n\": 7,\n \"big\": "
               "5000000000, \"s\": \"a } in a \\\" string {\"\n}\n")
        << u"b.json"_s;
}

void DumpSourceTest::extendedJsonForms()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, fileName);
    QTemporaryDir dir;
    const QString path = dir.filePath(fileName);
    writeFile(path, text);
    auto source = openSource(path);
    QVERIFY(source);
    auto list = source->listCollections();
    QVERIFY2(list, why(list));
    QCOMPARE(list->first().count, qint64(2));
    auto reader = source->openReader(QFileInfo(fileName).completeBaseName(), {});
    QVERIFY2(reader, why(reader));
    DocBatch batch;
    auto more = (*reader)->next(batch, 10);
    QVERIFY2(more, why(more));
    QCOMPARE(batch.size(), size_t(2));
    for (size_t i = 0; i < batch.size(); ++i) {
        bson_t doc;
        QVERIFY(batch.view(i, &doc));
        bson_iter_t it;
        QVERIFY(bson_iter_init_find(&it, &doc, "_id") && BSON_ITER_HOLDS_OID(&it));
        QVERIFY(bson_iter_init_find(&it, &doc, "d") && BSON_ITER_HOLDS_DATE_TIME(&it));
        QCOMPARE(bson_iter_date_time(&it), int64_t(123));
        QVERIFY(bson_iter_init_find(&it, &doc, "n") && BSON_ITER_HOLDS_INT32(&it));
        QCOMPARE(bson_iter_int32(&it), 7);
        QVERIFY(bson_iter_init_find(&it, &doc, "big") && BSON_ITER_HOLDS_INT64(&it));
        QCOMPARE(bson_iter_int64(&it), int64_t(5000000000));
    }
    more = (*reader)->next(batch, 10);
    QVERIFY2(more, why(more));
    QVERIFY(!*more);
}

void DumpSourceTest::dumpFolder()
{
    QTemporaryDir dir;
    writeFile(dir.filePath(u"users.bson"_s), numberedBson(3));
    writeFile(dir.filePath(u"users.metadata.json"_s), R"({"indexes":[],"uuid":"x"})");
    writeFile(dir.filePath(u"empty.bson"_s), {});
    writeFile(dir.filePath(u"empty.metadata.json"_s), "{}");
    writeFile(dir.filePath(u"exported.json"_s), numberedNdjson(4));
    writeFile(dir.filePath(u"prelude.json"_s), R"({"ServerVersion":"6.0"})");
    writeFile(dir.filePath(u"notes.txt"_s), "not a collection");
    auto source = openSource(dir.path());
    QVERIFY(source);
    const Status opened = source->open();
    QVERIFY2(opened, why(opened));
    auto list = source->listCollections();
    QVERIFY2(list, why(list));
    QStringList names;
    QList<qint64> counts;
    for (const CollectionInfo &info : *list) {
        names << info.name;
        counts << info.count;
        QVERIFY(info.exact);
    }
    QCOMPARE(names, (QStringList{u"empty"_s, u"exported"_s, u"users"_s}));
    QCOMPARE(counts, (QList<qint64>{0, 4, 3}));

    auto empty = source->openReader(u"empty"_s, {});
    QVERIFY(empty);
    DocBatch batch;
    auto more = (*empty)->next(batch, 10);
    QVERIFY(more && !*more);
    auto users = source->openReader(u"users"_s, {});
    QVERIFY(users);
    auto ids = readIds(**users, 2);
    QVERIFY(ids);
    QCOMPARE(*ids, (QList<int>{0, 1, 2}));
}

void DumpSourceTest::nestedDatabaseFolder()
{
    QTemporaryDir dir;
    QVERIFY(QDir(dir.path()).mkpath(u"mydb"_s));
    writeFile(dir.filePath(u"mydb/orders.bson"_s), numberedBson(5));
    auto source = openSource(dir.path());
    QVERIFY(source);
    auto list = source->listCollections();
    QVERIFY2(list, why(list));
    QCOMPARE(list->size(), 1);
    QCOMPARE(list->first().name, u"orders"_s);
    QCOMPARE(list->first().count, qint64(5));
}

void DumpSourceTest::severalDatabasesRefused()
{
    QTemporaryDir dir;
    QVERIFY(QDir(dir.path()).mkpath(u"db1"_s));
    QVERIFY(QDir(dir.path()).mkpath(u"db2"_s));
    writeFile(dir.filePath(u"db1/a.bson"_s), numberedBson(1));
    writeFile(dir.filePath(u"db2/b.bson"_s), numberedBson(1));
    auto source = openSource(dir.path());
    const Status s = source->open();
    QVERIFY(!s);
    QCOMPARE(s.error().code, ErrorCode::Usage);
    QVERIFY2(s.error().message.contains(u"db1"_s) && s.error().message.contains(u"db2"_s), why(s));
}

void DumpSourceTest::singleBsonFile()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"people.bson"_s);
    writeFile(path, numberedBson(250));
    auto source = openSource(path);
    auto list = source->listCollections();
    QVERIFY2(list, why(list));
    QCOMPARE(list->size(), 1);
    QCOMPARE(list->first().name, u"people"_s);
    QCOMPARE(list->first().count, qint64(250));
    auto reader = source->openReader(u"people"_s, {});
    QVERIFY(reader);
    // maxBytes stops a batch early (each document is ~60 bytes).
    DocBatch batch;
    auto more = (*reader)->next(batch, 1000, 600);
    QVERIFY(more && *more);
    QVERIFY2(batch.size() >= 10 && batch.size() < 20, qPrintable(QString::number(batch.size())));
    bson_t doc;
    QVERIFY(batch.view(3, &doc));
    QCOMPARE(intField(&doc, "nested.k"), 3);
}

void DumpSourceTest::resume_data()
{
    QTest::addColumn<QString>("fileName");
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<int>("total");
    QTest::newRow("bson") << u"c.bson"_s << numberedBson(20000) << 20000;
    QTest::newRow("ndjson") << u"c.json"_s << numberedNdjson(5000) << 5000;
    QByteArray array = numberedNdjson(3000);
    array.replace("}\n{", "},\n{");
    QTest::newRow("json array") << u"c.json"_s << "[\n" + array + "]\n" << 3000;
}

void DumpSourceTest::resume()
{
    QFETCH(QString, fileName);
    QFETCH(QByteArray, content);
    QFETCH(int, total);
    QTemporaryDir dir;
    const QString path = dir.filePath(fileName);
    writeFile(path, content);
    auto source = openSource(path);
    QVERIFY(source && source->open());
    const QString collection = u"c"_s;

    auto first = source->openReader(collection, {});
    QVERIFY(first);
    DocBatch batch;
    int seen = 0;
    const int stopAt = total / 3;
    while (seen < stopAt) {
        auto more = (*first)->next(batch, 700);
        QVERIFY2(more && *more, more ? "ended early" : why(more));
        seen += int(batch.size());
    }
    const QByteArray position = (*first)->position();
    const double progress = (*first)->progress();
    QVERIFY2(progress > 0.2 && progress < 0.6, qPrintable(QString::number(progress)));

    ReadOptions options;
    options.resumeFrom = position;
    auto second = source->openReader(collection, options);
    QVERIFY2(second, why(second));
    auto rest = readIds(**second, 999);
    QVERIFY2(rest, why(rest));
    QCOMPARE(rest->size(), total - seen);
    for (int i = 0; i < rest->size(); ++i)
        QCOMPARE(rest->at(i), seen + i);
    QCOMPARE((*second)->progress(), 1.0);

    // A position beyond the file is refused, not read as an empty collection.
    options.resumeFrom = QByteArray::number(qint64(content.size()) + 10);
    auto beyond = source->openReader(collection, options);
    QVERIFY(!beyond);
    QCOMPARE(beyond.error().code, ErrorCode::Usage);
}

void DumpSourceTest::sampleFindsLateFields_data()
{
    QTest::addColumn<QString>("fileName");
    QTest::addColumn<QByteArray>("content");
    QTest::newRow("bson") << u"s.bson"_s << numberedBson(20000, 200);
    QByteArray json = numberedNdjson(20000);
    // The last 1% of documents carry a field no earlier document has.
    QList<QByteArray> lines = json.split('\n');
    for (int i = 19800; i < 20000; ++i)
        lines[i].replace("}", ",\"late\":true}");
    QTest::newRow("ndjson") << u"s.json"_s << lines.join('\n');
}

void DumpSourceTest::sampleFindsLateFields()
{
    QFETCH(QString, fileName);
    QFETCH(QByteArray, content);
    QTemporaryDir dir;
    writeFile(dir.filePath(fileName), content);
    auto source = openSource(dir.path());
    QVERIFY(source && source->open());

    auto sample = source->sample(u"s"_s, 1000);
    QVERIFY2(sample, why(sample));
    QCOMPARE(sample->size(), size_t(1000));
    int late = 0;
    int maxId = -1;
    QList<int> ids;
    for (const BsonDoc &doc : *sample) {
        bson_iter_t it;
        late += bson_iter_init_find(&it, doc.get(), "late") ? 1 : 0;
        ids << intField(doc.get(), "_id");
        maxId = std::max(maxId, ids.last());
    }
    QVERIFY2(late > 0, "no document from the last 1% was sampled");
    QVERIFY(maxId > 15000);
    QVERIFY(std::is_sorted(ids.begin(), ids.end()));

    auto again = source->sample(u"s"_s, 1000);
    QVERIFY(again);
    QList<int> againIds;
    for (const BsonDoc &doc : *again)
        againIds << intField(doc.get(), "_id");
    QCOMPARE(againIds, ids);

    auto all = source->sample(u"s"_s, -1);
    QVERIFY(all);
    QCOMPARE(all->size(), size_t(20000));
    auto filtered = source->sample(u"s"_s, 50, uR"({"group": 3})"_s);
    QVERIFY(filtered);
    QCOMPARE(filtered->size(), size_t(50));
    for (const BsonDoc &doc : *filtered)
        QCOMPARE(intField(doc.get(), "group"), 3);
}

void DumpSourceTest::filter_data()
{
    QTest::addColumn<QString>("filter");
    QTest::addColumn<int>("expected");
    // 100 documents: _id 0..99, group = _id % 10, nested.k = _id, name "user<_id>".
    QTest::newRow("empty") << QString() << 100;
    QTest::newRow("equality") << uR"({"group": 3})"_s << 10;
    QTest::newRow("equality as double") << uR"({"group": 3.0})"_s << 10;
    QTest::newRow("string equality") << uR"({"name": "user42"})"_s << 1;
    QTest::newRow("dotted") << uR"({"nested.k": 42})"_s << 1;
    QTest::newRow("$eq") << uR"({"group": {"$eq": 3}})"_s << 10;
    QTest::newRow("$ne") << uR"({"group": {"$ne": 3}})"_s << 90;
    QTest::newRow("range") << uR"({"_id": {"$gte": 10, "$lt": 20}})"_s << 10;
    QTest::newRow("$gt/$lte") << uR"({"nested.k": {"$gt": 90, "$lte": 95}})"_s << 5;
    QTest::newRow("$in") << uR"({"group": {"$in": [1, 2]}})"_s << 20;
    QTest::newRow("$nin") << uR"({"group": {"$nin": [1, 2]}})"_s << 80;
    QTest::newRow("$exists true") << uR"({"late": {"$exists": true}})"_s << 5;
    QTest::newRow("$exists false") << uR"({"late": {"$exists": false}})"_s << 95;
    QTest::newRow("missing equals null") << uR"({"late": null})"_s << 95;
    QTest::newRow("$or") << uR"({"$or": [{"group": 1}, {"_id": 2}]})"_s << 11;
    QTest::newRow("$and") << uR"({"$and": [{"group": 1}, {"_id": {"$lt": 50}}]})"_s << 5;
    QTest::newRow("type bracket") << uR"({"name": {"$gt": 5}})"_s << 0;
    QTest::newRow("strings compare") << uR"({"name": {"$lt": "user2"}})"_s << 12;
}

void DumpSourceTest::filter()
{
    QFETCH(QString, filter);
    QFETCH(int, expected);
    QTemporaryDir dir;
    writeFile(dir.filePath(u"f.bson"_s), numberedBson(100, 5));
    auto source = openSource(dir.path());
    ReadOptions options;
    options.filter = filter;
    auto reader = source->openReader(u"f"_s, options);
    QVERIFY2(reader, why(reader));
    auto ids = readIds(**reader, 7);
    QVERIFY2(ids, why(ids));
    QCOMPARE(ids->size(), expected);
}

void DumpSourceTest::unsupportedFilter_data()
{
    QTest::addColumn<QString>("filter");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("$regex") << uR"({"name": {"$regex": "^u"}})"_s << u"regular expression"_s;
    QTest::newRow("$elemMatch") << uR"({"a": {"$elemMatch": {"b": 1}}})"_s << u"$elemMatch"_s;
    QTest::newRow("$where") << uR"({"$where": "true"})"_s << u"$where"_s;
    QTest::newRow("not JSON") << uR"({"name": )"_s << u"not a valid Extended JSON"_s;
}

void DumpSourceTest::unsupportedFilter()
{
    QFETCH(QString, filter);
    QFETCH(QString, mentions);
    QTemporaryDir dir;
    writeFile(dir.filePath(u"f.bson"_s), numberedBson(3));
    auto source = openSource(dir.path());
    ReadOptions options;
    options.filter = filter;
    auto reader = source->openReader(u"f"_s, options);
    QVERIFY(!reader);
    QCOMPARE(reader.error().code, ErrorCode::Usage);
    QVERIFY2(reader.error().message.contains(mentions), why(reader));
    auto sample = source->sample(u"f"_s, 10, filter);
    QVERIFY(!sample);
    QCOMPARE(sample.error().code, ErrorCode::Usage);
}

void DumpSourceTest::badInput_data()
{
    QTest::addColumn<QString>("fileName");
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("collection");
    QTest::addColumn<int>("code");
    QTest::addColumn<QStringList>("mentions");

    const QByteArray three = numberedBson(3);
    const QByteArray fourth = numberedBson(4).mid(three.size());
    const QString at = QString::number(three.size());
    QTest::newRow("bson truncated mid-document")
        << u"users.bson"_s << three + fourth.left(12) << u"users"_s << int(ErrorCode::Parse)
        << QStringList{u"users.bson"_s, u"byte "_s + at, u"truncated"_s,
                       QString::number(fourth.size()) + u" bytes"_s, u"12 remain"_s};
    QTest::newRow("bson truncated in a length prefix")
        << u"users.bson"_s << three + fourth.left(2) << u"users"_s << int(ErrorCode::Parse)
        << QStringList{u"users.bson"_s, u"byte "_s + at, u"truncated"_s};
    QByteArray badLength = three + fourth;
    badLength[three.size()] = 2;
    badLength[three.size() + 1] = 0;
    QTest::newRow("bson impossible length")
        << u"users.bson"_s << badLength << u"users"_s << int(ErrorCode::Parse)
        << QStringList{u"users.bson"_s, u"byte "_s + at, u"damaged"_s};
    QByteArray badType = three + fourth;
    badType[three.size() + 4] = char(0x7f - 0x80); // an element type byte no BSON has
    QTest::newRow("bson corrupt document")
        << u"users.bson"_s << badType << u"users"_s << int(ErrorCode::Parse)
        << QStringList{u"users.bson"_s, u"byte "_s + at, u"not valid BSON"_s};
    QByteArray noTerminator = three + fourth;
    noTerminator[noTerminator.size() - 1] = 'x';
    QTest::newRow("bson document without terminator")
        << u"users.bson"_s << noTerminator << u"users"_s << int(ErrorCode::Parse)
        << QStringList{u"users.bson"_s, u"byte "_s + at};

    const QByteArray good = "{\"a\": 1}\n{\"a\": 2}\n";
    QTest::newRow("json bad value on line 3")
        << u"users.json"_s << good + "{\"a\": tru}\n{\"a\": 4}\n"
        << u"users"_s << int(ErrorCode::Parse)
        << QStringList{u"users.json"_s, u"line 3"_s, u"byte 18"_s};
    QTest::newRow("json missing brace on line 3")
        << u"users.json"_s << good + "{\"a\": {\"b\": 1}\n{\"a\": 4}\n"
        << u"users"_s << int(ErrorCode::Parse) << QStringList{u"users.json"_s, u"line 3"_s};
    QTest::newRow("json unterminated string on line 2")
        << u"users.json"_s << QByteArray("{\"a\": 1}\n{\"a\": \"x}\n{\"a\": 3}\n") << u"users"_s
        << int(ErrorCode::Parse) << QStringList{u"users.json"_s, u"line 2"_s};
    QTest::newRow("json not a document") << u"users.json"_s << good + "42\n"
                                         << u"users"_s << int(ErrorCode::Parse)
                                         << QStringList{u"users.json"_s, u"line 3"_s, u"'4'"_s};
    QTest::newRow("json array truncated")
        << u"users.json"_s << QByteArray("[{\"a\": 1},\n{\"a\": 2},\n") << u"users"_s
        << int(ErrorCode::Parse) << QStringList{u"users.json"_s, u"line 3"_s, u"truncated"_s};
    QTest::newRow("json array missing comma")
        << u"users.json"_s << QByteArray("[{\"a\": 1}\n{\"a\": 2}]") << u"users"_s
        << int(ErrorCode::Parse) << QStringList{u"users.json"_s, u"line 2"_s, u"','"_s};
    QTest::newRow("json pretty document cut off")
        << u"users.json"_s << QByteArray("{\n \"a\": 1\n}\n{\n \"a\": [1,\n") << u"users"_s
        << int(ErrorCode::Parse) << QStringList{u"users.json"_s, u"line 4"_s, u"truncated"_s};
    QTest::newRow("unknown collection")
        << u"users.json"_s << good << u"people"_s << int(ErrorCode::NotFound)
        << QStringList{u"people"_s, u"users"_s};
    QTest::newRow("missing path") << QString() << QByteArray() << u"users"_s
                                  << int(ErrorCode::NotFound)
                                  << QStringList{u"no-such-dump"_s, u"does not exist"_s};
    QTest::newRow("not a dump file") << u"users.csv"_s << QByteArray("a,b\n") << u"users"_s
                                     << int(ErrorCode::Usage) << QStringList{u"users.csv"_s};
}

void DumpSourceTest::badInput()
{
    QFETCH(QString, fileName);
    QFETCH(QByteArray, content);
    QFETCH(QString, collection);
    QFETCH(int, code);
    QFETCH(QStringList, mentions);
    QTemporaryDir dir;
    QString path = dir.filePath(u"no-such-dump"_s);
    if (!fileName.isEmpty()) {
        path = dir.filePath(fileName);
        writeFile(path, content);
    }
    // Both as a single file and inside a dump folder.
    const QStringList targets = fileName.endsWith(u".csv"_s) || fileName.isEmpty()
                                    ? QStringList{path}
                                    : QStringList{path, dir.path()};
    for (const QString &target : targets) {
        const Error error = firstError(target, collection);
        QVERIFY2(error.isError(), qPrintable(u"no error for "_s + target));
        QCOMPARE(int(error.code), code);
        for (const QString &m : mentions)
            QVERIFY2(error.message.contains(m),
                     qPrintable(u"\""_s + error.message + u"\" does not mention "_s + m));
    }
}

void DumpSourceTest::readSpeed()
{
    // A manual measurement, not a check: FERRY_BENCH=1 ./tst_dump_source readSpeed
    if (qEnvironmentVariableIsEmpty("FERRY_BENCH"))
        QSKIP("set FERRY_BENCH=1 to measure the .bson read speed");
    QTemporaryDir dir;
    const int n = 2'000'000;
    writeFile(dir.filePath(u"big.bson"_s), numberedBson(n));
    writeFile(dir.filePath(u"lines.json"_s), numberedNdjson(n / 4));
    {
        // Baseline on the same machine load: libbson's own file reader, plus validation.
        QElapsedTimer timer;
        timer.start();
        bson_reader_t *raw = bson_reader_new_from_file(
            dir.filePath(u"big.bson"_s).toLocal8Bit().constData(), nullptr);
        QVERIFY(raw);
        qint64 docs = 0;
        bool eof = false;
        while (const bson_t *doc = bson_reader_read(raw, &eof))
            docs += bson_validate(doc, BSON_VALIDATE_NONE, nullptr) ? 1 : 0;
        bson_reader_destroy(raw);
        const double s = double(timer.nsecsElapsed()) / 1e9;
        qInfo("libbson bson_reader + validate: %lld docs in %.3f s: %.2f M docs/s", docs, s,
              double(docs) / s / 1e6);
    }
    auto source = openSource(dir.path());
    QVERIFY(source && source->open());
    for (const QString &collection : {u"big"_s, u"big"_s, u"lines"_s}) {
        auto reader = source->openReader(collection, {});
        QVERIFY(reader);
        QElapsedTimer timer;
        timer.start();
        DocBatch batch;
        qint64 docs = 0;
        while (true) {
            auto more = (*reader)->next(batch, 10000);
            QVERIFY(more);
            if (!*more)
                break;
            docs += qint64(batch.size());
        }
        const double s = double(timer.nsecsElapsed()) / 1e9;
        qInfo("%s: %lld docs in %.3f s: %.2f M docs/s", qPrintable(collection), docs, s,
              double(docs) / s / 1e6);
    }
}

QTEST_GUILESS_MAIN(DumpSourceTest)
#include "tst_dump_source.moc"

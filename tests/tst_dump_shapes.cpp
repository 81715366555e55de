// Every shape mongodump, mongoexport and mongoimport users hold, built here byte by byte
// (MongoDB's tools are not installable on these machines; the formats' specs are).
#include "stores/common/source.h"
#include "support/dump_fixtures.h"

#include <QDir>
#include <QTemporaryDir>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace ferry;
using namespace ferry::test;

namespace {

struct ReadAll {
    QList<BsonDoc> docs;
    QStringList bad; // reasons of unreadable entries
    qint64 generated = 0;
};

Result<ReadAll> readAll(Source &source, const QString &collection, int batchSize = 2,
                        const QByteArray &resume = {}, QByteArray *positionAfterFirst = nullptr)
{
    ReadOptions options;
    options.resumeFrom = resume;
    auto reader = source.openReader(collection, options);
    if (!reader)
        return reader.error();
    ReadAll all;
    DocBatch batch;
    bool first = true;
    while (true) {
        auto more = (*reader)->next(batch, batchSize);
        if (!more)
            return more.error();
        if (!*more)
            return all;
        all.generated += batch.generatedKeys();
        for (size_t i = 0; i < batch.size(); ++i) {
            bson_t view;
            if (batch.view(i, &view))
                all.docs.append(BsonDoc(&view));
            else
                all.bad.append(batch.unreadableAt(i)->reason);
        }
        if (first && positionAfterFirst)
            *positionAfterFirst = (*reader)->position();
        first = false;
    }
}

QString json(const BsonDoc &doc)
{
    char *text = bson_as_relaxed_extended_json(doc.get(), nullptr);
    const QString out = QString::fromUtf8(text);
    bson_free(text);
    return out;
}

QList<int> ids(const ReadAll &all)
{
    QList<int> out;
    for (const BsonDoc &d : all.docs)
        out << intField(d.get(), "_id");
    return out;
}

QByteArray numbered(int from, int count)
{
    QByteArray out;
    for (int i = from; i < from + count; ++i) {
        const BsonDoc d = fromJson("{\"_id\": " + QByteArray::number(i) + ", \"v\": \"x" +
                                   QByteArray::number(i) + "\"}");
        out += bytesOf(d);
    }
    return out;
}

} // namespace

class DumpShapesTest : public QObject {
    Q_OBJECT

private slots:
    void gzipFolder();
    void archive_data();
    void archive();
    void archiveResumeInsideBlock();
    void percentEncodedNames();
    void timeSeries();
    void compressedBucketsRefused();
    void views();
    void shellSyntax_data();
    void shellSyntax();
    void malformedWrappersStayErrors();
    void jsonWithBomGzipAndArray();
    void corruptDocumentInTheMiddle();
    void brokenFrameIsOneEntry();
    void badJsonLineGoesOn();
    void missingIdsAreDeterministic();
};

void DumpShapesTest::gzipFolder()
{
    QTemporaryDir dir;
    writeFile(dir.filePath(u"users.bson.gz"_s), gzipped(numberedBson(50)));
    writeFile(dir.filePath(u"users.metadata.json.gz"_s), gzipped(R"({"indexes":[]})"));
    writeFile(dir.filePath(u"events.json.gz"_s), gzipped(numberedNdjson(7)));
    auto source = openSource(dir.path());
    QVERIFY(source);
    const Status opened = source->open();
    QVERIFY2(opened, why(opened));
    auto list = source->listCollections();
    QVERIFY2(list, why(list));
    QCOMPARE(list->size(), 2);
    QCOMPARE(list->at(0).name, u"events"_s);
    QCOMPARE(list->at(0).count, 7);
    QCOMPARE(list->at(1).name, u"users"_s);
    QCOMPARE(list->at(1).count, 50);
    QByteArray mid;
    auto all = readAll(*source, u"users"_s, 20, {}, &mid);
    QVERIFY2(all, why(all));
    QCOMPARE(all->docs.size(), 50);
    QCOMPARE(intField(all->docs.at(49).get(), "nested.k"), 49);
    // Resume from an offset in the uncompressed stream.
    auto rest = readAll(*source, u"users"_s, 20, mid);
    QVERIFY2(rest, why(rest));
    QCOMPARE(ids(*rest).first(), 20);
    QCOMPARE(rest->docs.size(), 30);
    auto sample = source->sample(u"users"_s, 5);
    QVERIFY2(sample, why(sample));
    QCOMPARE(int(sample->size()), 5);
}

void DumpShapesTest::archive_data()
{
    QTest::addColumn<bool>("gzip");
    QTest::newRow("plain") << false;
    QTest::newRow("gzip") << true;
}

void DumpShapesTest::archive()
{
    QFETCH(bool, gzip);
    // Three collections whose blocks interleave, plus a view and a system collection.
    const QByteArray archive = archiveBytes(
        {{u"shop.orders"_s, R"({"indexes":[]})"},
         {u"shop.users"_s, R"({"indexes":[]})"},
         {u"shop.items"_s, R"({"indexes":[]})"},
         {u"shop.recent"_s, R"({"options":{"viewOn":"orders","pipeline":[]},"type":"view"})"},
         {u"shop.system.js"_s, R"({})"},
         {u"admin.system.version"_s, R"({})"}},
        {{u"shop.orders"_s, numbered(0, 3)},
         {u"shop.users"_s, numbered(100, 2)},
         {u"shop.orders"_s, numbered(3, 2)},
         {u"shop.items"_s, numbered(200, 4)},
         {u"shop.users"_s, numbered(102, 1)},
         {u"admin.system.version"_s, numbered(1, 1)},
         {u"shop.orders"_s, numbered(5, 1)}},
        {{u"shop.recent"_s, u"view"_s}});
    QTemporaryDir dir;
    const QString path = dir.filePath(gzip ? u"shop.archive.gz"_s : u"shop.archive"_s);
    writeFile(path, gzip ? gzipped(archive) : archive);
    auto source = openSource(path);
    const Status opened = source->open();
    QVERIFY2(opened, why(opened));
    auto list = source->listCollections();
    QVERIFY2(list, why(list));
    QStringList names;
    QList<qint64> counts;
    for (const CollectionInfo &c : *list) {
        names << c.name;
        counts << c.count;
    }
    QCOMPARE(names, (QStringList{u"items"_s, u"orders"_s, u"users"_s}));
    QCOMPARE(counts, (QList<qint64>{4, 6, 3}));
    QStringList skipped;
    for (const SkippedCollection &c : source->skippedCollections())
        skipped << c.name + u':' + c.kind;
    skipped.sort();
    QCOMPARE(skipped, (QStringList{u"admin.system.version:system"_s, u"recent:view"_s,
                                   u"system.js:system"_s}));
    auto orders = readAll(*source, u"orders"_s);
    QVERIFY2(orders, why(orders));
    QCOMPARE(ids(*orders), (QList<int>{0, 1, 2, 3, 4, 5}));
    auto users = readAll(*source, u"users"_s);
    QVERIFY2(users, why(users));
    QCOMPARE(ids(*users), (QList<int>{100, 101, 102}));
}

void DumpShapesTest::archiveResumeInsideBlock()
{
    const QByteArray archive = archiveBytes(
        {{u"db.a"_s, "{}"}, {u"db.b"_s, "{}"}},
        {{u"db.a"_s, numbered(0, 5)}, {u"db.b"_s, numbered(50, 5)}, {u"db.a"_s, numbered(5, 5)}});
    QTemporaryDir dir;
    const QString path = dir.filePath(u"x.archive"_s);
    writeFile(path, archive);
    auto source = openSource(path);
    QVERIFY(source->open());
    // Every batch boundary is a resume point: inside a block, and between blocks.
    for (int batch : {1, 2, 3, 5, 7}) {
        QByteArray mid;
        auto first = readAll(*source, u"a"_s, batch, {}, &mid);
        QVERIFY2(first, why(first));
        QCOMPARE(first->docs.size(), 10);
        auto rest = readAll(*source, u"a"_s, batch, mid);
        QVERIFY2(rest, why(rest));
        QList<int> expected;
        for (int i = batch; i < 10; ++i)
            expected << i;
        QCOMPARE(ids(*rest), expected);
    }
}

void DumpShapesTest::percentEncodedNames()
{
    QTemporaryDir dir;
    writeFile(dir.filePath(u"caf%C3%A9s.bson"_s), numberedBson(2));
    writeFile(dir.filePath(u"a%2Fb.json"_s), numberedNdjson(1));
    auto source = openSource(dir.path());
    auto list = source->listCollections();
    QVERIFY2(list, why(list));
    QCOMPARE(list->size(), 2);
    QCOMPARE(list->at(0).name, u"a/b"_s);
    QCOMPARE(list->at(1).name, u"cafés"_s);
    auto all = readAll(*source, u"cafés"_s);
    QVERIFY2(all, why(all));
    QCOMPARE(all->docs.size(), 2);
}

void DumpShapesTest::timeSeries()
{
    QTemporaryDir dir;
    writeFile(dir.filePath(u"weather.metadata.json"_s),
              R"({"options":{"timeseries":{"timeField":"t","metaField":"sensor",)"
              R"("granularity":"minutes"}},"type":"timeseries","collectionName":"weather"})");
    writeFile(dir.filePath(u"system.buckets.weather.bson"_s),
              bucketBson(0, 3, "north", 1700000000000) + bucketBson(10, 2, "south", 1700001000000));
    auto source = openSource(dir.path());
    const Status opened = source->open();
    QVERIFY2(opened, why(opened));
    auto list = source->listCollections();
    QVERIFY2(list, why(list));
    QCOMPARE(list->size(), 1);
    QCOMPARE(list->first().name, u"weather"_s);
    QCOMPARE(list->first().count, 5);
    auto all = readAll(*source, u"weather"_s, 100);
    QVERIFY2(all, why(all));
    QCOMPARE(ids(*all), (QList<int>{0, 1, 2, 10, 11}));
    QCOMPARE(json(all->docs.at(1)),
             uR"({ "_id" : 1, "t" : { "$date" : "2023-11-14T22:14:20Z" }, "sensor" : "north", )"
             uR"("temp" : 21.0 })"_s);
    QCOMPARE(json(all->docs.at(2)),
             uR"({ "_id" : 2, "t" : { "$date" : "2023-11-14T22:15:20Z" }, "sensor" : "north", )"
             uR"("temp" : 22.0, "humidity" : 2 })"_s);
    QCOMPARE(intField(all->docs.at(3).get(), "humidity"), 0);
    QCOMPARE(json(all->docs.at(4)).contains(u"\"south\""_s), true);
}

void DumpShapesTest::compressedBucketsRefused()
{
    bson_t b = BSON_INITIALIZER, control, data;
    BSON_APPEND_DOCUMENT_BEGIN(&b, "control", &control);
    BSON_APPEND_INT32(&control, "version", 2);
    bson_append_document_end(&b, &control);
    BSON_APPEND_DOCUMENT_BEGIN(&b, "data", &data);
    const uint8_t column[] = {0x09, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00};
    bson_append_binary(&data, "t", 1, bson_subtype_t(7), column, sizeof column);
    bson_append_document_end(&b, &data);
    QTemporaryDir dir;
    writeFile(dir.filePath(u"m.metadata.json"_s),
              R"({"options":{"timeseries":{"timeField":"t"}},"type":"timeseries"})");
    writeFile(dir.filePath(u"system.buckets.m.bson"_s),
              QByteArray(reinterpret_cast<const char *>(bson_get_data(&b)), qsizetype(b.len)));
    bson_destroy(&b);
    auto source = openSource(dir.path());
    auto all = readAll(*source, u"m"_s);
    QVERIFY(!all);
    QVERIFY2(all.error().message.contains(u"\"m\""_s) &&
                 all.error().message.contains(u"mongoexport"_s),
             why(all));
}

void DumpShapesTest::views()
{
    QTemporaryDir dir;
    writeFile(dir.filePath(u"orders.bson"_s), numberedBson(2));
    writeFile(dir.filePath(u"big_orders.metadata.json"_s),
              R"({"options":{"viewOn":"orders","pipeline":[{"$match":{"total":{"$gt":10}}}]}})");
    auto source = openSource(dir.path());
    auto list = source->listCollections();
    QVERIFY2(list, why(list));
    QCOMPARE(list->size(), 1);
    const QList<SkippedCollection> skipped = source->skippedCollections();
    QCOMPARE(skipped.size(), 1);
    QCOMPARE(skipped.first().name, u"big_orders"_s);
    QCOMPARE(skipped.first().kind, u"view"_s);
    QVERIFY(skipped.first().reason.contains(u"orders"_s));
}

void DumpShapesTest::shellSyntax_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("expected"); // canonical Extended JSON of the document
    const auto row = [](const char *name, const char *text, const QString &expected) {
        QTest::newRow(name) << QByteArray(text) << expected;
    };
    row("unquoted keys", R"({_id: 1, x: "1"})",
        uR"({ "_id" : { "$numberInt" : "1" }, "x" : "1" })"_s);
    row("single quotes", R"({'_id': 'a', 'q': 'it\'s "ok"'})",
        uR"({ "_id" : "a", "q" : "it's \"ok\"" })"_s);
    row("ObjectId", R"({_id: ObjectId("5f1d7f0b2c3a4b5c6d7e8f90")})",
        uR"({ "_id" : { "$oid" : "5f1d7f0b2c3a4b5c6d7e8f90" } })"_s);
    row("ISODate", R"({_id: 1, d: ISODate("2020-01-02T03:04:05.006Z")})",
        uR"({ "_id" : { "$numberInt" : "1" }, "d" : { "$date" : { "$numberLong" : "1577934245006" } } })"_s);
    row("ISODate date only", R"({_id: 1, d: ISODate("2020-01-02")})",
        uR"({ "_id" : { "$numberInt" : "1" }, "d" : { "$date" : { "$numberLong" : "1577923200000" } } })"_s);
    row("new Date(n) and Date(n)", R"({_id: 1, a: new Date(86400000), b: Date(0)})",
        uR"({ "_id" : { "$numberInt" : "1" }, "a" : { "$date" : { "$numberLong" : "86400000" } }, "b" : { "$date" : { "$numberLong" : "0" } } })"_s);
    row("numbers",
        R"({_id: NumberInt(7), l: NumberLong("5000000000"), m: NumberLong(5), d: NumberDecimal("1.50")})",
        uR"({ "_id" : { "$numberInt" : "7" }, "l" : { "$numberLong" : "5000000000" }, "m" : { "$numberLong" : "5" }, "d" : { "$numberDecimal" : "1.50" } })"_s);
    row("NaN Infinity hex", R"({_id: 0x1F, n: NaN, i: Infinity, j: -Infinity})",
        uR"({ "_id" : { "$numberInt" : "31" }, "n" : { "$numberDouble" : "NaN" }, "i" : { "$numberDouble" : "Infinity" }, "j" : { "$numberDouble" : "-Infinity" } })"_s);
    row("BinData UUID",
        R"({_id: 1, b: BinData(0, "AQID"), u: UUID("0123456789abcdef0123456789abcdef")})",
        uR"({ "_id" : { "$numberInt" : "1" }, "b" : { "$binary" : { "base64" : "AQID", "subType" : "00" } }, "u" : { "$binary" : { "base64" : "ASNFZ4mrze8BI0VniavN7w==", "subType" : "04" } } })"_s);
    row("Timestamp MinKey MaxKey undefined",
        R"({_id: 1, t: Timestamp(10, 2), lo: MinKey, hi: MaxKey(), u: undefined})",
        uR"({ "_id" : { "$numberInt" : "1" }, "t" : { "$timestamp" : { "t" : 10, "i" : 2 } }, "lo" : { "$minKey" : 1 }, "hi" : { "$maxKey" : 1 }, "u" : { "$undefined" : true } })"_s);
    row("comments and trailing commas", "{ // a comment\n _id: 1, /* inline */ a: [1, 2,],\n}",
        uR"({ "_id" : { "$numberInt" : "1" }, "a" : [ { "$numberInt" : "1" }, { "$numberInt" : "2" } ] })"_s);
    row("regex literal", R"({_id: 1, r: /ab+c/i})",
        uR"({ "_id" : { "$numberInt" : "1" }, "r" : { "$regularExpression" : { "pattern" : "ab+c", "options" : "i" } } })"_s);
}

void DumpShapesTest::shellSyntax()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, expected);
    QTemporaryDir dir;
    const QString path = dir.filePath(u"docs.json"_s);
    writeFile(path, text + "\n");
    auto source = openSource(path);
    auto all = readAll(*source, u"docs"_s);
    QVERIFY2(all, why(all));
    QVERIFY2(all->bad.isEmpty(), qPrintable(all->bad.join(u'\n')));
    QCOMPARE(all->docs.size(), 1);
    char *canonical = bson_as_canonical_extended_json(all->docs.first().get(), nullptr);
    const QString got = QString::fromUtf8(canonical);
    bson_free(canonical);
    QCOMPARE(got, expected);
}

void DumpShapesTest::malformedWrappersStayErrors()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"docs.json"_s);
    writeFile(path, "{\"_id\": 1}\n{\"_id\": 2, \"a\": {\"$numberInt\": \"1.5\"}}\n"
                    "{_id: 3, b: ISODate()}\n{\"_id\": 4}\n");
    auto source = openSource(path);
    auto all = readAll(*source, u"docs"_s);
    QVERIFY2(all, why(all));
    QCOMPARE(ids(*all), (QList<int>{1, 4}));
    QCOMPARE(all->bad.size(), 2);
    QVERIFY2(all->bad.at(0).contains(u"line 2"_s), qPrintable(all->bad.at(0)));
    QVERIFY2(all->bad.at(1).contains(u"line 3"_s) && all->bad.at(1).contains(u"ISODate"_s),
             qPrintable(all->bad.at(1)));
}

void DumpShapesTest::jsonWithBomGzipAndArray()
{
    QTemporaryDir dir;
    const QByteArray pretty = "\xEF\xBB\xBF[\n  {\n    \"_id\": 1,\n    \"a\": 'x'\n  },\n"
                              "  {\n    _id: 2\n  }\n]\n";
    writeFile(dir.filePath(u"pretty.json.gz"_s), gzipped(pretty));
    // Content, not the name, says what a file is.
    writeFile(dir.filePath(u"noext"_s), gzipped(numberedNdjson(3)));
    auto source = openSource(dir.filePath(u"pretty.json.gz"_s));
    auto all = readAll(*source, u"pretty"_s);
    QVERIFY2(all, why(all));
    QCOMPARE(ids(*all), (QList<int>{1, 2}));
    auto other = openSource(dir.filePath(u"noext"_s));
    auto list = other->listCollections();
    QVERIFY2(list, why(list));
    QCOMPARE(list->first().count, 3);
}

void DumpShapesTest::corruptDocumentInTheMiddle()
{
    QByteArray bytes = numbered(0, 2);
    const qsizetype at = bytes.size();
    QByteArray bad = numbered(2, 1);
    bad[4] = char(0x7f - 0x80 + 0x10); // an element type no BSON has, frame intact
    bytes += bad + numbered(3, 2);
    QTemporaryDir dir;
    writeFile(dir.filePath(u"c.bson"_s), bytes);
    auto source = openSource(dir.filePath(u"c.bson"_s));
    auto list = source->listCollections();
    QVERIFY2(list, why(list));
    QCOMPARE(list->first().count, 5);
    auto all = readAll(*source, u"c"_s);
    QVERIFY2(all, why(all));
    QCOMPARE(ids(*all), (QList<int>{0, 1, 3, 4}));
    QCOMPARE(all->bad.size(), 1);
    QVERIFY2(all->bad.first().contains(u"byte %1"_s.arg(at)), qPrintable(all->bad.first()));
}

void DumpShapesTest::brokenFrameIsOneEntry()
{
    QByteArray bytes = numbered(0, 3);
    const qsizetype at = bytes.size();
    QByteArray tail = numbered(3, 3);
    tail[0] = char(0xff); // an impossible length: nothing after it can be framed
    tail[3] = char(0x7f);
    bytes += tail;
    QTemporaryDir dir;
    writeFile(dir.filePath(u"f.bson"_s), bytes);
    auto source = openSource(dir.filePath(u"f.bson"_s));
    auto all = readAll(*source, u"f"_s);
    QVERIFY2(all, why(all));
    QCOMPARE(ids(*all), (QList<int>{0, 1, 2}));
    QCOMPARE(all->bad.size(), 1);
    QVERIFY2(all->bad.first().contains(u"byte %1"_s.arg(at)) &&
                 all->bad.first().contains(QString::number(tail.size()) + u" bytes"_s),
             qPrintable(all->bad.first()));
    // Truncated: the last document claims more than remains.
    writeFile(dir.filePath(u"t.bson"_s), numbered(0, 2) + numbered(2, 1).left(9));
    auto truncated = openSource(dir.filePath(u"t.bson"_s));
    auto rest = readAll(*truncated, u"t"_s);
    QVERIFY2(rest, why(rest));
    QCOMPARE(ids(*rest), (QList<int>{0, 1}));
    QCOMPARE(rest->bad.size(), 1);
    QVERIFY2(rest->bad.first().contains(u"truncated"_s), qPrintable(rest->bad.first()));
}

void DumpShapesTest::badJsonLineGoesOn()
{
    QTemporaryDir dir;
    writeFile(dir.filePath(u"j.json"_s),
              "{\"_id\": 1}\n{\"_id\": 2, \"a\": tru}\n{\"_id\": 3, \"a\": {\"b\": 1}\n"
              "{\"_id\": 4, \"s\": \"x}\ngarbage line\n{\"_id\": 5}\n");
    auto source = openSource(dir.filePath(u"j.json"_s));
    auto list = source->listCollections();
    QVERIFY2(list, why(list));
    QCOMPARE(list->first().count, 6);
    auto all = readAll(*source, u"j"_s);
    QVERIFY2(all, why(all));
    QCOMPARE(ids(*all), (QList<int>{1, 5}));
    QCOMPARE(all->bad.size(), 4);
    for (int line = 2; line <= 5; ++line)
        QVERIFY2(all->bad.at(line - 2).contains(u"line %1"_s.arg(line)),
                 qPrintable(all->bad.at(line - 2)));
}

void DumpShapesTest::missingIdsAreDeterministic()
{
    QTemporaryDir dir;
    // Two identical documents stay two documents.
    writeFile(dir.filePath(u"n.json"_s), "{\"a\": 1}\n{\"a\": 1}\n{\"_id\": 7, \"a\": 2}\n");
    auto source = openSource(dir.filePath(u"n.json"_s));
    auto first = readAll(*source, u"n"_s);
    auto second = readAll(*source, u"n"_s, 1);
    QVERIFY2(first && second, why(first));
    QCOMPARE(first->generated, 2);
    QCOMPARE(first->docs.size(), 3);
    QStringList a, b;
    for (const BsonDoc &d : first->docs)
        a << json(d);
    for (const BsonDoc &d : second->docs)
        b << json(d);
    QCOMPARE(a, b);
    QVERIFY(a.at(0).startsWith(u"{ \"_id\" : { \"$oid\""_s));
    QVERIFY(a.at(0) != a.at(1));
    QCOMPARE(intField(first->docs.at(2).get(), "_id"), 7);
    // The sample inference sees carries the same keys.
    writeFile(dir.filePath(u"n.bson"_s), bytesOf(fromJson("{\"a\": 1}")));
    auto bsonSource = openSource(dir.filePath(u"n.bson"_s));
    auto sample = bsonSource->sample(u"n"_s, 10);
    auto read = readAll(*bsonSource, u"n"_s);
    QVERIFY2(sample && read, why(sample));
    QCOMPARE(json(sample->front()), json(read->docs.first()));
}

QTEST_GUILESS_MAIN(DumpShapesTest)
#include "tst_dump_shapes.moc"

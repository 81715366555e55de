#include "stores/common/source.h"
#include "support/dump_fixtures.h"
#include "support/test_services.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <functional>

#include <fcntl.h>
#include <sys/stat.h>

using namespace Qt::StringLiterals;
using namespace ferry;
using namespace ferry::test;

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
    void severalDatabasesQualified();
    void singleBsonFile();
    void resume_data();
    void resume();
    void sampleFindsLateFields_data();
    void sampleFindsLateFields();
    void countsFollowTheFile();
    void jsonSampleFollowsTheFile();
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

void DumpSourceTest::severalDatabasesQualified()
{
    // A dump root: one folder per database; system databases, system collections, the oplog
    // and stray files are listed as skipped, never an error.
    QTemporaryDir dir;
    for (const QString db : {u"db1"_s, u"db2"_s, u"admin"_s, u"local"_s})
        QVERIFY(QDir(dir.path()).mkpath(db));
    writeFile(dir.filePath(u"db1/a.bson"_s), numberedBson(1));
    writeFile(dir.filePath(u"db2/b.bson"_s), numberedBson(2));
    writeFile(dir.filePath(u"db2/system.js.bson"_s), numberedBson(1));
    writeFile(dir.filePath(u"admin/system.users.bson"_s), numberedBson(1));
    writeFile(dir.filePath(u"local/oplog.rs.bson"_s), numberedBson(1));
    writeFile(dir.filePath(u"oplog.bson"_s), numberedBson(1));
    writeFile(dir.filePath(u"prelude.json"_s), "{}");
    writeFile(dir.filePath(u"README.txt"_s), "notes");
    auto source = openSource(dir.path());
    const Status s = source->open();
    QVERIFY2(s, why(s));
    auto list = source->listCollections();
    QVERIFY2(list, why(list));
    QStringList names;
    for (const CollectionInfo &info : *list)
        names << info.name;
    QCOMPARE(names, (QStringList{u"db1.a"_s, u"db2.b"_s}));
    QStringList skipped;
    for (const SkippedCollection &c : source->skippedCollections()) {
        skipped << c.name;
        QVERIFY2(!c.reason.isEmpty(), qPrintable(c.name));
    }
    skipped.sort();
    QCOMPARE(skipped, (QStringList{u"README.txt"_s, u"admin.system.users"_s, u"db2.system.js"_s,
                                   u"local.oplog.rs"_s, u"oplog"_s, u"prelude.json"_s}));
    auto reader = source->openReader(u"db2.b"_s, {});
    QVERIFY2(reader, why(reader));
    auto ids = readIds(**reader);
    QVERIFY(ids);
    QCOMPARE(*ids, (QList<int>{0, 1}));
    // Asking for a skipped one says why.
    auto refused = source->openReader(u"admin.system.users"_s, {});
    QVERIFY(!refused);
    QVERIFY2(refused.error().message.contains(u"admin"_s), why(refused));
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

// One padded document of exactly `size` bytes: {s: "xxx…"}.
static QByteArray paddedDoc(int size)
{
    const int text = size - 13; // int32 length, type, "s\0", int32 string length, NUL, end
    QByteArray d;
    auto le32 = [&d](int32_t v) {
        for (int i = 0; i < 4; ++i)
            d += char((v >> (8 * i)) & 0xff);
    };
    le32(size);
    d += '\x02';
    d += QByteArray("s", 2);
    le32(text + 1);
    d += QByteArray(text, 'x');
    d += '\0';
    d += '\0';
    return d;
}

// The count and the sample offsets of a .bson file are remembered between sources of one
// process (inference, then the run, then validation): they must follow the file when it
// changes, even a same-size rewrite within one tick of the modification time.
void DumpSourceTest::countsFollowTheFile()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"c.bson"_s);
    auto countOf = [&]() -> qint64 {
        auto source = openSource(path);
        auto list = source->listCollections();
        return list && list->size() == 1 ? list->first().count : -1;
    };
    writeFile(path, numberedBson(500));
    QCOMPARE(countOf(), qint64(500));
    {
        auto source = openSource(path);
        auto few = source->sample(u"c"_s, 20);
        QVERIFY2(few, why(few));
        QCOMPARE(few->size(), size_t(20));
        QList<int> ids;
        for (const BsonDoc &doc : *few)
            ids << intField(doc.get(), "_id");
        QVERIFY(std::is_sorted(ids.begin(), ids.end()));
        QVERIFY2(ids.first() < 50 && ids.last() > 450, "the sample is not spread over the file");
    }
    writeFile(path, numberedBson(510));
    QCOMPARE(countOf(), qint64(510));

    writeFile(path, paddedDoc(100) + paddedDoc(100));
    QCOMPARE(countOf(), qint64(2));
    {
        // Same size, same inode, same modification time: a rewrite within one clock tick.
        struct stat before {};
        QCOMPARE(::stat(QFile::encodeName(path).constData(), &before), 0);
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadWrite));
        QCOMPARE(file.write(paddedDoc(200)), qint64(200));
        file.close();
        const struct timespec times[2] = {before.st_atim, before.st_mtim};
        QCOMPARE(::utimensat(AT_FDCWD, QFile::encodeName(path).constData(), times, 0), 0);
    }
    QCOMPARE(countOf(), qint64(1));
    auto source = openSource(path);
    auto one = source->sample(u"c"_s, 5);
    QVERIFY2(one, why(one));
    QCOMPARE(one->size(), size_t(1));
}

// Extended JSON files are sampled from the same remembered walk: spread over the file,
// parsed as the read parses (shell syntax included), and a bad line makes the sample fall
// back to the full read instead of skipping it.
void DumpSourceTest::jsonSampleFollowsTheFile()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"j.json"_s);
    QByteArray lines;
    for (int i = 0; i < 300; ++i)
        lines += i % 2 ? QByteArray("{\"_id\": ") + QByteArray::number(i) + "}\n"
                       : QByteArray("{_id: NumberInt(") + QByteArray::number(i) + ")}\n";
    writeFile(path, lines);
    auto source = openSource(path);
    auto list = source->listCollections();
    QVERIFY2(list, why(list));
    QCOMPARE(list->first().count, qint64(300));
    auto few = source->sample(u"j"_s, 20);
    QVERIFY2(few, why(few));
    QCOMPARE(few->size(), size_t(20));
    QList<int> ids;
    for (const BsonDoc &doc : *few)
        ids << intField(doc.get(), "_id");
    QVERIFY(std::is_sorted(ids.begin(), ids.end()));
    QVERIFY2(ids.first() < 30 && ids.last() > 270, "the sample is not spread over the file");

    writeFile(path, lines + "{\"_id\": 300, oops\n{\"_id\": 301}\n");
    auto again = openSource(path);
    auto listed = again->listCollections();
    QVERIFY2(listed, why(listed));
    QCOMPARE(listed->first().count, qint64(302));
    QVERIFY(!listed->first().exact);
    auto all = again->sample(u"j"_s, 1000);
    QVERIFY2(all, why(all));
    QCOMPARE(all->size(), size_t(301)); // every readable document, read in full
}

QTEST_GUILESS_MAIN(DumpSourceTest)
#include "tst_dump_source.moc"

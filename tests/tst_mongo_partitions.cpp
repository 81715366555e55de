// A live collection cut into partitions by ranges of _id: with _ids of every type bracket
// (minKey, null, NaN and other numbers of three kinds, strings, documents, binData,
// ObjectIds, booleans, dates, timestamps, maxKey), the slices read one after the other give
// exactly the whole read, in order: disjoint, nothing missing, ranges crossing brackets.
// With a filter, with more partitions than documents, resumed from a position (even after
// the collection changed), and through ferry-cli into PostgreSQL, 4 processes at once and
// one of them killed and resumed. On the wire peer, which orders and brackets _ids as the
// server does.
#include "stores/common/source.h"
#include "stores/stores.h"
#include "support/cli_runner.h"
#include "support/sql_reader.h"
#include "support/test_services.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <mongoc/mongoc.h>

using namespace Qt::StringLiterals;
using namespace ferry;
using namespace ferry::test;

namespace {

std::unique_ptr<Source> openSource(const QString &uri)
{
    auto endpoint = Endpoint::parse(uri);
    if (!endpoint)
        return nullptr;
    auto source = makeSource(*endpoint);
    if (!source || !(*source)->open())
        return nullptr;
    return std::move(*source);
}

// The _id of each document as canonical Extended JSON, in the order read.
struct Read {
    QStringList ids;
    QString error;
    QByteArray position; // after the first `stopAfter` batches, when asked to stop
};

Read readIds(DocumentReader &reader, int batchSize = 7, int stopAfter = -1)
{
    Read out;
    DocBatch batch;
    for (int b = 0; b != stopAfter; ++b) {
        auto more = reader.next(batch, batchSize);
        if (!more) {
            out.error = more.error().message;
            return out;
        }
        if (!*more)
            break;
        for (size_t i = 0; i < batch.size(); ++i) {
            bson_t doc;
            bson_iter_t id;
            batch.view(i, &doc);
            bson_t one = BSON_INITIALIZER;
            if (bson_iter_init_find(&id, &doc, "_id"))
                bson_append_iter(&one, "_id", 3, &id);
            char *json = bson_as_canonical_extended_json(&one, nullptr);
            out.ids << QString::fromUtf8(json);
            bson_free(json);
            bson_destroy(&one);
        }
    }
    out.position = reader.position();
    return out;
}

Read readSlice(Source &source, const QString &collection, int k, int n, const QString &filter = {},
               const QByteArray &resumeFrom = {}, int stopAfter = -1)
{
    ReadOptions ro;
    ro.filter = filter;
    ro.partition = k;
    ro.partitions = n;
    ro.resumeFrom = resumeFrom;
    auto reader = source.openReader(collection, ro);
    if (!reader) {
        Read failed;
        failed.error = reader.error().message;
        return failed;
    }
    return readIds(**reader, 3, stopAfter);
}

// One document per line, the _ids in no particular order (the read's order is the sort's
// doing), spanning every type bracket an _id can have.
QStringList mixedIds()
{
    QStringList ids = {u"{\"$maxKey\": 1}"_s,
                       u"{\"$minKey\": 1}"_s,
                       u"null"_s,
                       u"{\"$numberDouble\": \"NaN\"}"_s,
                       u"{\"$numberDouble\": \"-Infinity\"}"_s,
                       u"false"_s,
                       u"true"_s};
    // No int 0 or 1: the peer's store (a Python dict) would take them for false and true.
    for (int i = 0; i < 12; ++i) {
        ids << u"{\"$numberInt\": \"%1\"}"_s.arg(13 - i);
        ids << u"\"key-%1\""_s.arg(i, 2, 10, QLatin1Char('0'));
        ids << u"{\"$oid\": \"65a0000000000000000000%1\"}"_s.arg(i, 2, 10, QLatin1Char('0'));
    }
    for (int i = 0; i < 8; ++i)
        ids << u"{\"$numberDouble\": \"%1.5\"}"_s.arg(i);
    for (int i = 0; i < 3; ++i) {
        ids << u"{\"$numberLong\": \"10000000000%1\"}"_s.arg(i);
        ids << u"{\"$binary\": {\"base64\": \"%1\", \"subType\": \"00\"}}"_s.arg(
            QString::fromLatin1(QByteArray(size_t(i + 1), 'x').toBase64()));
        ids << u"{\"$timestamp\": {\"t\": 170000000%1, \"i\": 1}}"_s.arg(i);
    }
    for (int i = 0; i < 4; ++i) {
        ids << u"{\"part\": %1}"_s.arg(i);
        ids << u"{\"$date\": {\"$numberLong\": \"170000000000%1\"}}"_s.arg(i);
    }
    return ids;
}

bool writeLines(const QString &path, const QStringList &ids)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return false;
    for (qsizetype i = 0; i < ids.size(); ++i)
        f.write(u"{\"_id\": %1, \"n\": %2, \"even\": %3}\n"_s.arg(ids[i])
                    .arg(i)
                    .arg(i % 2 == 0 ? u"true"_s : u"false"_s)
                    .toUtf8());
    return true;
}

} // namespace

class TestMongoPartitions : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void slicesAddUpToTheWholeRead_data();
    void slicesAddUpToTheWholeRead();
    void resumesAfterEveryId();
    void resumedSliceKeepsItsBounds();
    void resumeOfAnotherSliceIsRefused();
    void cliMixedIdsPartitionsEqualOneRun();
    void cliConcurrentPartitionsIntoPostgres();

private:
    QTemporaryDir m_dir;
    QString m_uri;
    int m_docs = 0;
    int m_keyedDocs = 0;
};

void TestMongoPartitions::initTestCase()
{
    QVERIFY2(!cliPath().isEmpty(), "FERRY_CLI is not set: run the tests through ctest");
    m_uri = mongoUri(u"parts_%1"_s.arg(QCoreApplication::applicationPid()));
    QVERIFY2(!m_uri.isEmpty(), "The Mongo peer is not running: run the tests through ctest");
    const QStringList ids = mixedIds();
    m_docs = int(ids.size());
    const QString mixed = m_dir.filePath(u"mixed.json"_s);
    QVERIFY(writeLines(mixed, ids));
    QVERIFY(loadJsonIntoMongo(m_uri, u"mixed"_s, mixed));
    // Three documents for more partitions than documents; one for a read that changes.
    const QString few = m_dir.filePath(u"few.json"_s);
    QVERIFY(writeLines(few, {u"\"b\""_s, u"1"_s, u"{\"$oid\": \"65a000000000000000000001\"}"_s}));
    QVERIFY(loadJsonIntoMongo(m_uri, u"few"_s, few));
    QVERIFY(loadJsonIntoMongo(m_uri, u"changing"_s, mixed));
    // A SQL target needs a key: the same without the null _id.
    QStringList keyed = ids;
    keyed.removeAll(u"null"_s);
    m_keyedDocs = int(keyed.size());
    const QString cli = m_dir.filePath(u"cli.json"_s);
    QVERIFY(writeLines(cli, keyed));
    QVERIFY(loadJsonIntoMongo(m_uri, u"keyed"_s, cli));
}

void TestMongoPartitions::slicesAddUpToTheWholeRead_data()
{
    QTest::addColumn<QString>("collection");
    QTest::addColumn<QString>("filter");
    QTest::addColumn<int>("partitions");
    QTest::newRow("mixed in 4") << u"mixed"_s << QString() << 4;
    QTest::newRow("mixed in 2") << u"mixed"_s << QString() << 2;
    QTest::newRow("mixed in 9") << u"mixed"_s << QString() << 9;
    // One document a slice: a bound at every _id, of every type.
    QTest::newRow("mixed, one each") << u"mixed"_s << QString() << int(mixedIds().size());
    QTest::newRow("mixed, filtered, in 4") << u"mixed"_s << u"{\"even\": true}"_s << 4;
    QTest::newRow("3 documents in 5") << u"few"_s << QString() << 5;
    QTest::newRow("none in 3") << u"absent"_s << QString() << 3;
}

void TestMongoPartitions::slicesAddUpToTheWholeRead()
{
    QFETCH(QString, collection);
    QFETCH(QString, filter);
    QFETCH(int, partitions);
    auto source = openSource(m_uri);
    QVERIFY(source);
    QVERIFY(source->readsSlices());
    const Read whole = readSlice(*source, collection, 0, 1, filter);
    QVERIFY2(whole.error.isEmpty(), qPrintable(whole.error));
    QStringList joined;
    for (int k = 0; k < partitions; ++k) {
        const Read slice = readSlice(*source, collection, k, partitions, filter);
        QVERIFY2(slice.error.isEmpty(), qPrintable(slice.error));
        // Each slice holds its share of the documents (the bounds are positions in _id
        // order), not all nor none of them.
        const qsizetype n = whole.ids.size();
        QCOMPARE(slice.ids.size(), n * (k + 1) / partitions - n * k / partitions);
        joined += slice.ids;
    }
    // In order, one after the other, the slices are exactly the whole read: none overlaps
    // another, none leaves a gap, whatever the types on either side of a bound.
    QCOMPARE(joined, whole.ids);
    if (collection == u"mixed"_s && filter.isEmpty()) {
        QCOMPARE(whole.ids.size(), m_docs);
        QCOMPARE(whole.ids.first(), u"{ \"_id\" : { \"$minKey\" : 1 } }"_s);
        QCOMPARE(whole.ids.last(), u"{ \"_id\" : { \"$maxKey\" : 1 } }"_s);
    }
}

// Resumed after each _id in turn (minKey, null, NaN, maxKey and the rest), a read gives
// exactly what followed it.
void TestMongoPartitions::resumesAfterEveryId()
{
    auto source = openSource(m_uri);
    QVERIFY(source);
    const Read whole = readSlice(*source, u"mixed"_s, 0, 1);
    QCOMPARE(whole.ids.size(), m_docs);
    ReadOptions ro;
    auto reader = source->openReader(u"mixed"_s, ro);
    QVERIFY(reader);
    QStringList seen;
    for (;;) {
        const Read one = readIds(**reader, 1, 1);
        QVERIFY2(one.error.isEmpty(), qPrintable(one.error));
        if (one.ids.isEmpty())
            break;
        seen += one.ids;
        ro.resumeFrom = one.position;
        auto resumed = source->openReader(u"mixed"_s, ro);
        QVERIFY(resumed);
        const Read rest = readIds(**resumed);
        QVERIFY2(rest.error.isEmpty(), qPrintable(rest.error));
        QCOMPARE(rest.ids, whole.ids.mid(seen.size()));
    }
    QCOMPARE(seen, whole.ids);
}

void TestMongoPartitions::resumedSliceKeepsItsBounds()
{
    auto source = openSource(m_uri);
    QVERIFY(source);
    const Read slice = readSlice(*source, u"changing"_s, 2, 4);
    QVERIFY2(slice.error.isEmpty(), qPrintable(slice.error));
    QVERIFY(slice.ids.size() > 6);
    const Read first = readSlice(*source, u"changing"_s, 2, 4, {}, {}, 2);
    QCOMPARE(first.ids, slice.ids.mid(0, 6));
    // Documents that sort before everything move every boundary found afresh, but a resumed
    // partition keeps the range it started with: it reads exactly what it had left.
    const QString more = m_dir.filePath(u"more.json"_s);
    QStringList low;
    for (int i = 0; i < 30; ++i)
        low << QString::number(-1000 - i);
    QVERIFY(writeLines(more, low));
    QVERIFY(loadJsonIntoMongo(m_uri, u"changing"_s, more));
    const Read rest = readSlice(*source, u"changing"_s, 2, 4, {}, first.position);
    QVERIFY2(rest.error.isEmpty(), qPrintable(rest.error));
    QCOMPARE(first.ids + rest.ids, slice.ids);
    // Found afresh, the bounds have moved.
    const Read fresh = readSlice(*source, u"changing"_s, 2, 4);
    QVERIFY(fresh.ids != slice.ids);
}

void TestMongoPartitions::resumeOfAnotherSliceIsRefused()
{
    auto source = openSource(m_uri);
    QVERIFY(source);
    const Read first = readSlice(*source, u"mixed"_s, 1, 4, {}, {}, 1);
    QVERIFY(!first.position.isEmpty());
    const Read other = readSlice(*source, u"mixed"_s, 2, 4, {}, first.position);
    QVERIFY2(other.error.contains(u"partition 2/4"_s), qPrintable(other.error));
}

namespace {

QString checkpointCounts(SqlReader &db, const QString &collection, const QString &schema)
{
    return db.scalar(
        u"SELECT group_concat(written, ',') FROM (SELECT written FROM "
        "%1_ferry_checkpoints WHERE key LIKE '%2#%' ORDER BY key)"_s.arg(schema, collection));
}

QString quarters(int n)
{
    return u"%1,%2,%3,%4"_s.arg(n / 4).arg(n / 2 - n / 4).arg(n * 3 / 4 - n / 2).arg(n - n * 3 / 4);
}

} // namespace

// The mixed _ids into SQLite, one partition after another (SQLite takes one writer at a
// time); partition 1 killed after its first batch and resumed.
void TestMongoPartitions::cliMixedIdsPartitionsEqualOneRun()
{
    const QString single = u"sqlite:"_s + m_dir.filePath(u"single.sqlite"_s);
    const QString parted = u"sqlite:"_s + m_dir.filePath(u"parted.sqlite"_s);
    CliResult r = runFerryCli(
        {u"migrate"_s, u"--source"_s, m_uri, u"--target"_s, single, u"--collection"_s, u"keyed"_s});
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    const QString project = m_dir.filePath(u"parted.ferry"_s);
    r = runFerryCli({u"infer"_s, u"--source"_s, m_uri, u"--target"_s, parted, u"--collection"_s,
                     u"keyed"_s, u"-o"_s, project});
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    const QStringList batch = {u"--batch-size"_s, u"4"_s};
    r = runFerryCli(QStringList{u"run"_s, project, u"--partition"_s, u"1/4"_s} + batch, 120000,
                    {u"FERRY_TEST_CRASH_AT=batch-committed:1"_s});
    QVERIFY2(r.exitCode == -2, qPrintable(r.describe()));
    for (int k = 0; k < 4; ++k) {
        QStringList args = {u"run"_s, project, u"--partition"_s, u"%1/4"_s.arg(k)};
        if (k == 1)
            args << u"--resume"_s;
        r = runFerryCli(args + batch);
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    }
    r = runFerryCli({u"finish"_s, project});
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));

    SqlReader a(single);
    SqlReader b(parted);
    QVERIFY2(a.ok(), qPrintable(a.error()));
    QVERIFY2(b.ok(), qPrintable(b.error()));
    QCOMPARE(b.scalar(u"SELECT count(*) FROM keyed"_s), QString::number(m_keyedDocs));
    QCOMPARE(b.scalar(u"SELECT count(DISTINCT n) FROM keyed"_s), QString::number(m_keyedDocs));
    QCOMPARE(b.tableChecksum(u"keyed"_s), a.tableChecksum(u"keyed"_s));
    // Each partition moved its quarter: the slices really split the collection.
    QCOMPARE(checkpointCounts(b, u"keyed"_s, QString()), quarters(m_keyedDocs));
}

// Four processes at once into one PostgreSQL database.
void TestMongoPartitions::cliConcurrentPartitionsIntoPostgres()
{
    const QString numbers = m_dir.filePath(u"numbers.json"_s);
    QStringList ids;
    for (int i = 0; i < 1000; ++i)
        ids << QString::number((i * 7919) % 1000);
    QVERIFY(writeLines(numbers, ids));
    QVERIFY(loadJsonIntoMongo(m_uri, u"numbers"_s, numbers));
    const QString single = freshTarget(u"postgresql"_s, u"single"_s, m_dir.path());
    const QString parted = freshTarget(u"postgresql"_s, u"parted"_s, m_dir.path());
    CliResult r = runFerryCli({u"migrate"_s, u"--source"_s, m_uri, u"--target"_s, single,
                               u"--collection"_s, u"numbers"_s});
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    const QString project = m_dir.filePath(u"numbers.ferry"_s);
    r = runFerryCli({u"infer"_s, u"--source"_s, m_uri, u"--target"_s, parted, u"--collection"_s,
                     u"numbers"_s, u"-o"_s, project});
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    const CliResult four = runPartitionsAtOnce(project, 4, {u"--batch-size"_s, u"50"_s}, 120000);
    QVERIFY2(four.exitCode == 0, qPrintable(four.describe()));
    r = runFerryCli({u"finish"_s, project});
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    SqlReader a(single);
    SqlReader b(parted);
    QVERIFY2(a.ok(), qPrintable(a.error()));
    QVERIFY2(b.ok(), qPrintable(b.error()));
    QCOMPARE(b.scalar(u"SELECT count(DISTINCT _id) FROM numbers"_s), u"1000"_s);
    QCOMPARE(b.tableChecksum(u"numbers"_s), a.tableChecksum(u"numbers"_s));
    QCOMPARE(b.scalar(u"SELECT string_agg(written::text, ',' ORDER BY key) FROM "
                      "ferry._ferry_checkpoints WHERE key LIKE 'numbers#%'"_s),
             quarters(1000));
}

QTEST_GUILESS_MAIN(TestMongoPartitions)
#include "tst_mongo_partitions.moc"

#include "stores/common/source.h"
#include "stores/stores.h"
#include "support/dump_fixtures.h"
#include "support/test_services.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QtTest>

#include <mongoc/mongoc.h>

using namespace Qt::StringLiterals;
using namespace ferry;

namespace {

template <class T> const char *why(const Result<T> &result)
{
    // QVERIFY2 evaluates its message even on success, when error() must not be called.
    static QByteArray text;
    text = result ? QByteArray() : result.error().message.toUtf8();
    return text.constData();
}

std::unique_ptr<Source> sourceFor(const QString &uri)
{
    auto endpoint = Endpoint::parse(uri);
    if (!endpoint)
        return nullptr;
    auto source = makeSource(*endpoint);
    return source ? std::move(*source) : nullptr;
}

int32_t intField(const bson_t *doc, const char *key)
{
    bson_iter_t it;
    return bson_iter_init_find(&it, doc, key) ? bson_iter_int32(&it) : -1;
}

Result<QList<int>> readIds(DocumentReader &reader, int batchSize, int maxBatches = INT_MAX)
{
    QList<int> ids;
    DocBatch batch;
    for (int b = 0; b < maxBatches; ++b) {
        auto more = reader.next(batch, batchSize);
        if (!more)
            return more.error();
        if (!*more)
            break;
        if (batch.size() > size_t(batchSize))
            return Error(ErrorCode::Internal, u"batch larger than asked for"_s);
        for (size_t i = 0; i < batch.size(); ++i) {
            bson_t doc;
            batch.view(i, &doc);
            ids << intField(&doc, "_id");
        }
    }
    return ids;
}

QList<int> range(int from, int to)
{
    QList<int> out;
    for (int i = from; i < to; ++i)
        out << i;
    return out;
}

} // namespace

constexpr int kPeople = 2500;

class MongoSourceTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void listCollections();
    void viewsTimeseriesAndSystemCollections();
    void readsAllInIdOrder();
    void readerOutlivesSource();
    void resumesAfterPosition_data();
    void resumesAfterPosition();
    void filter_data();
    void filter();
    void invalidFilter();
    void sample();
    void unreachableServer();
    void wrongPassword();
    void uriWithoutDatabase();
    void ndjsonIsNotASource();

private:
    QString m_uri;
};

void MongoSourceTest::initTestCase()
{
    const QString database = u"ferry_src_%1"_s.arg(QCoreApplication::applicationPid());
    m_uri = test::mongoUri(database);
    if (m_uri.isEmpty())
        QFAIL("Mongo peer not running: run through ctest");
    mongoc_init();
    bson_error_t error;
    mongoc_client_t *client = mongoc_client_new(m_uri.toUtf8().constData());
    QVERIFY(client);
    mongoc_collection_t *people =
        mongoc_client_get_collection(client, database.toUtf8().constData(), "people");
    // Inserted in shuffled _id order so that reading in _id order is really the sort's doing.
    std::vector<BsonDoc> docs{size_t(kPeople)};
    const bson_t *pointers[kPeople];
    for (int k = 0; k < kPeople; ++k) {
        const int i = (k * 7919) % kPeople;
        bson_t *doc = docs[size_t(k)].get();
        pointers[k] = doc;
        BSON_APPEND_INT32(doc, "_id", i);
        BSON_APPEND_INT32(doc, "group", i % 10);
        BSON_APPEND_UTF8(doc, "name", QByteArray("person" + QByteArray::number(i)).constData());
    }
    const bool ok =
        mongoc_collection_insert_many(people, pointers, size_t(kPeople), nullptr, nullptr, &error);
    mongoc_collection_destroy(people);
    mongoc_client_destroy(client);
    QVERIFY2(ok, error.message);
}

void MongoSourceTest::listCollections()
{
    auto source = sourceFor(m_uri);
    QVERIFY(source);
    const Status opened = source->open();
    QVERIFY2(opened, qPrintable(opened.error().message));
    auto list = source->listCollections();
    QVERIFY2(list, why(list));
    QCOMPARE(list->size(), 1);
    QCOMPARE(list->first().name, u"people"_s);
    QCOMPARE(list->first().count, qint64(kPeople));
    QVERIFY(!list->first().exact);
}

// A database as a MongoDB 5 server lists it: a view (and system.views), a time-series
// collection beside its system.buckets.*, and a system collection. Only the plain and the
// time-series collections are offered; the time-series one is read under its own name.
void MongoSourceTest::viewsTimeseriesAndSystemCollections()
{
    const QByteArray database =
        "ferry_kinds_" + QByteArray::number(QCoreApplication::applicationPid());
    const QString uri = test::mongoUri(QString::fromUtf8(database));
    mongoc_client_t *client = mongoc_client_new(uri.toUtf8().constData());
    QVERIFY(client);
    mongoc_database_t *db = mongoc_client_get_database(client, database.constData());
    bson_error_t error;
    const auto create = [&](const char *name, const char *optionsJson) {
        BsonDoc options = test::fromJson(QByteArray(optionsJson));
        mongoc_collection_t *c = mongoc_database_create_collection(db, name, options.get(), &error);
        if (c)
            mongoc_collection_destroy(c);
        return c != nullptr;
    };
    QVERIFY2(create("orders", "{}"), error.message);
    QVERIFY2(create("big_orders",
                    R"({"viewOn": "orders", "pipeline": [{"$match": {"n": {"$gt": 1}}}]})"),
             error.message);
    QVERIFY2(create("weather", R"({"timeseries": {"timeField": "t", "metaField": "sensor"}})"),
             error.message);
    QVERIFY2(create("system.js", "{}"), error.message);
    QVERIFY2(create("_ferry_checkpoints", "{}"), error.message); // left by a run into here
    mongoc_collection_t *weather = mongoc_database_get_collection(db, "weather");
    for (int i = 0; i < 3; ++i) {
        BsonDoc doc;
        BSON_APPEND_INT32(doc.get(), "_id", i);
        BSON_APPEND_DATE_TIME(doc.get(), "t", 1700000000000LL + i * 60000);
        BSON_APPEND_UTF8(doc.get(), "sensor", "a");
        BSON_APPEND_DOUBLE(doc.get(), "temp", 20.5 + i);
        QVERIFY2(mongoc_collection_insert_one(weather, doc.get(), nullptr, nullptr, &error),
                 error.message);
    }
    mongoc_collection_destroy(weather);
    mongoc_database_destroy(db);
    mongoc_client_destroy(client);

    auto source = sourceFor(uri);
    QVERIFY(source);
    const Status opened = source->open();
    QVERIFY2(opened, qPrintable(opened.error().message));
    auto list = source->listCollections();
    QVERIFY2(list, why(list));
    QStringList names;
    for (const CollectionInfo &info : *list)
        names << info.name + (info.timeseries ? u" (time-series)"_s : QString());
    QCOMPARE(names, (QStringList{u"orders"_s, u"weather (time-series)"_s}));
    QHash<QString, QString> skipped;
    for (const SkippedCollection &s : source->skippedCollections())
        skipped.insert(s.name, s.kind);
    QCOMPARE(skipped.value(u"big_orders"_s), u"view"_s);
    QCOMPARE(skipped.value(u"system.buckets.weather"_s), u"timeseries-buckets"_s);
    QCOMPARE(skipped.value(u"system.views"_s), u"system"_s);
    QCOMPARE(skipped.value(u"system.js"_s), u"system"_s);
    QCOMPARE(skipped.value(u"_ferry_checkpoints"_s), u"ferry"_s);
    QCOMPARE(skipped.size(), 5);
    for (const SkippedCollection &s : source->skippedCollections())
        QVERIFY2(!s.reason.isEmpty(), qPrintable(s.name));
    const auto view =
        std::find_if(source->skippedCollections().cbegin(), source->skippedCollections().cend(),
                     [](const SkippedCollection &s) { return s.kind == u"view"_s; });
    QVERIFY2(view->reason.contains(u"orders"_s), qPrintable(view->reason));

    // Read through the collection's own name: measurements, not buckets.
    auto reader = source->openReader(u"weather"_s, {});
    QVERIFY2(reader, why(reader));
    auto ids = readIds(**reader, 10);
    QVERIFY2(ids, why(ids));
    QCOMPARE(*ids, range(0, 3));
    // Asked for by name (e.g. --collection), the buckets are refused with what to do instead.
    auto buckets = source->openReader(u"system.buckets.weather"_s, {});
    QVERIFY(!buckets);
    QVERIFY2(buckets.error().message.contains(u"Migrate \"weather\""_s),
             qPrintable(buckets.error().message));
}

void MongoSourceTest::readsAllInIdOrder()
{
    auto source = sourceFor(m_uri);
    QVERIFY(source && source->open());
    auto reader = source->openReader(u"people"_s, {});
    QVERIFY2(reader, why(reader));
    auto ids = readIds(**reader, 300);
    QVERIFY2(ids, why(ids));
    QCOMPARE(*ids, range(0, kPeople));
    QCOMPARE((*reader)->progress(), 1.0);
}

void MongoSourceTest::readerOutlivesSource()
{
    auto source = sourceFor(m_uri);
    QVERIFY(source && source->open());
    auto reader = source->openReader(u"people"_s, {});
    QVERIFY(reader);
    source.reset();
    auto ids = readIds(**reader, 1000);
    QVERIFY2(ids, why(ids));
    QCOMPARE(ids->size(), kPeople);
}

void MongoSourceTest::resumesAfterPosition_data()
{
    QTest::addColumn<QString>("filter");
    QTest::addColumn<QList<int>>("expectedAll");
    QTest::newRow("no filter") << QString() << range(0, kPeople);
    QList<int> group3;
    for (int i = 3; i < kPeople; i += 10)
        group3 << i;
    QTest::newRow("with filter") << uR"({"group": 3})"_s << group3;
}

void MongoSourceTest::resumesAfterPosition()
{
    QFETCH(QString, filter);
    QFETCH(QList<int>, expectedAll);
    auto source = sourceFor(m_uri);
    QVERIFY(source && source->open());
    ReadOptions options;
    options.filter = filter;
    auto first = source->openReader(u"people"_s, options);
    QVERIFY(first);
    auto head = readIds(**first, 70, 2);
    QVERIFY2(head, why(head));
    QCOMPARE(head->size(), 140);
    const QByteArray position = (*first)->position();
    QVERIFY(!position.isEmpty());

    options.resumeFrom = position;
    auto second = source->openReader(u"people"_s, options);
    QVERIFY2(second, why(second));
    auto tail = readIds(**second, 500);
    QVERIFY2(tail, why(tail));
    QCOMPARE(*head + *tail, expectedAll);

    options.resumeFrom = "12345"; // a dump offset is not a server position
    auto wrong = source->openReader(u"people"_s, options);
    QVERIFY(!wrong);
    QCOMPARE(wrong.error().code, ErrorCode::Usage);
}

void MongoSourceTest::filter_data()
{
    QTest::addColumn<QString>("filter");
    QTest::addColumn<int>("expected");
    QTest::newRow("equality") << uR"({"group": 7})"_s << 250;
    QTest::newRow("range") << uR"({"_id": {"$gte": 100, "$lt": 150}})"_s << 50;
    QTest::newRow("canonical ext json") << uR"({"_id": {"$numberInt": "42"}})"_s << 1;
    QTest::newRow("nothing") << uR"({"group": 11})"_s << 0;
}

void MongoSourceTest::filter()
{
    QFETCH(QString, filter);
    QFETCH(int, expected);
    auto source = sourceFor(m_uri);
    QVERIFY(source && source->open());
    ReadOptions options;
    options.filter = filter;
    auto reader = source->openReader(u"people"_s, options);
    QVERIFY2(reader, why(reader));
    auto ids = readIds(**reader, 100);
    QVERIFY2(ids, why(ids));
    QCOMPARE(ids->size(), expected);
}

void MongoSourceTest::invalidFilter()
{
    auto source = sourceFor(m_uri);
    QVERIFY(source && source->open());
    ReadOptions options;
    options.filter = uR"({"group": )"_s;
    auto reader = source->openReader(u"people"_s, options);
    QVERIFY(!reader);
    QCOMPARE(reader.error().code, ErrorCode::Usage);
    QVERIFY2(reader.error().message.contains(u"people"_s) &&
                 reader.error().message.contains(u"Extended JSON"_s),
             qPrintable(reader.error().message));
}

void MongoSourceTest::sample()
{
    auto source = sourceFor(m_uri);
    QVERIFY(source && source->open());
    auto sample = source->sample(u"people"_s, 100);
    QVERIFY2(sample, why(sample));
    QCOMPARE(sample->size(), size_t(100));
    QSet<int> ids;
    for (const BsonDoc &doc : *sample)
        ids.insert(intField(doc.get(), "_id"));
    QCOMPARE(ids.size(), 100);

    auto all = source->sample(u"people"_s, -1);
    QVERIFY2(all, why(all));
    QCOMPARE(all->size(), size_t(kPeople));

    auto filtered = source->sample(u"people"_s, 10, uR"({"group": 2})"_s);
    QVERIFY2(filtered, why(filtered));
    QCOMPARE(filtered->size(), size_t(10));
    for (const BsonDoc &doc : *filtered)
        QCOMPARE(intField(doc.get(), "group"), 2);
}

void MongoSourceTest::unreachableServer()
{
    // Port 1 on loopback: nothing listens there, so the connection is refused at once.
    auto source = sourceFor(u"mongodb://127.0.0.1:1/ferry"_s);
    QVERIFY(source);
    QElapsedTimer timer;
    timer.start();
    const Status s = source->open();
    QVERIFY(!s);
    QVERIFY2(timer.elapsed() < 8000, qPrintable(QString::number(timer.elapsed())));
    QCOMPARE(s.error().code, ErrorCode::Connect);
    QVERIFY2(s.error().message.contains(u"127.0.0.1:1"_s), qPrintable(s.error().message));
    auto list = source->listCollections();
    QVERIFY(!list);
    QCOMPARE(list.error().code, ErrorCode::Connect);
}

void MongoSourceTest::wrongPassword()
{
    QString uri = m_uri;
    uri.replace(u"mongodb://"_s, u"mongodb://ferry:Sup3rSecretPw@"_s);
    auto source = sourceFor(uri);
    QVERIFY(source);
    const Status s = source->open();
    if (s)
        QSKIP("the Mongo peer does not check credentials");
    QCOMPARE(s.error().code, ErrorCode::Auth);
    QVERIFY2(!s.error().message.contains(u"Sup3rSecretPw"_s), qPrintable(s.error().message));
    QVERIFY2(!s.error().where.contains(u"Sup3rSecretPw"_s), qPrintable(s.error().where));
    QVERIFY2(s.error().message.contains(u"password"_s), qPrintable(s.error().message));
}

void MongoSourceTest::uriWithoutDatabase()
{
    QString uri = m_uri;
    uri.truncate(uri.lastIndexOf(u'/'));
    auto source = sourceFor(uri);
    QVERIFY(source);
    const Status s = source->open();
    QVERIFY(!s);
    QCOMPARE(s.error().code, ErrorCode::Usage);
    QVERIFY2(s.error().message.contains(u"database"_s), qPrintable(s.error().message));
}

void MongoSourceTest::ndjsonIsNotASource()
{
    // An export folder is read back through dump:, which knows its files; the factory
    // says so instead of guessing.
    auto endpoint = Endpoint::parse(u"ndjson:/tmp/export"_s);
    QVERIFY(endpoint);
    auto source = makeSource(*endpoint);
    QVERIFY(!source);
    QCOMPARE(source.error().code, ErrorCode::Usage);
    QVERIFY(source.error().message.contains(u"dump:"_s));
}

QTEST_GUILESS_MAIN(MongoSourceTest)
#include "tst_mongo_source.moc"

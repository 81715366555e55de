#include "stores/postgres/postgres_source.h"
#include "support/document_checks.h"
#include "support/relational_fixture.h"
#include "support/test_services.h"

#include <QThread>
#include <QtTest>

using namespace ferry;
using ferry::test::findPath;
using ferry::test::RelationalFixture;

class PostgresSourceTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void listsTablesWithExactCounts();
    void connectAndNotFoundErrors();
    void mapsTypes();
    void keysBecomeIds();
    void resumesAfterPosition_data();
    void resumesAfterPosition();
    void filterIsAppliedAndValidated();
    void sampleSpreadsOrReadsAll();

private:
    PostgresSource source() const { return PostgresSource(*Endpoint::parse(m_uri)); }
    std::vector<BsonDoc> readTable(const QString &table, int batchSize = 1000);

    QString m_uri;
};

void PostgresSourceTest::initTestCase()
{
    m_uri = test::freshPostgresDatabase(QStringLiteral("src"));
    if (m_uri.isEmpty())
        QFAIL("No PostgreSQL test server: run the tests through ctest (the services fixture "
              "starts one) or set FERRY_SERVICES_DIR.");
    const QString error = RelationalFixture::createPostgres(m_uri);
    QVERIFY2(error.isEmpty(), qPrintable(error));
}

std::vector<BsonDoc> PostgresSourceTest::readTable(const QString &table, int batchSize)
{
    PostgresSource s = source();
    std::vector<BsonDoc> docs;
    auto reader = s.openReader(table, {});
    if (!reader) {
        qWarning() << reader.error().toString();
        return docs;
    }
    QString error;
    if (!test::readAll(**reader, &docs, batchSize, &error))
        qWarning() << error;
    return docs;
}

void PostgresSourceTest::listsTablesWithExactCounts()
{
    PostgresSource s = source();
    QVERIFY(s.open());
    auto list = s.listCollections();
    QVERIFY2(list, qPrintable(test::errorText(list)));
    QStringList names;
    for (const CollectionInfo &c : *list) {
        names << c.name;
        QVERIFY(c.exact);
        QCOMPARE(c.count, RelationalFixture::rowCounts().value(c.name));
    }
    QCOMPARE(names, RelationalFixture::tables()); // no _ferry_* tables
}

void PostgresSourceTest::connectAndNotFoundErrors()
{
    // Port 1 on loopback: nothing listens. The password must never show up in a message.
    PostgresSource down(*Endpoint::parse(
        QStringLiteral("postgresql://ferry:s3cretPW@127.0.0.1:1/nothing?connect_timeout=3")));
    Status s = down.open();
    QVERIFY(!s);
    QCOMPARE(s.error().code, ErrorCode::Connect);
    QVERIFY2(!s.error().toString().contains(QLatin1String("s3cretPW")),
             qPrintable(s.error().toString()));
    QVERIFY(s.error().message.contains(QLatin1String("127.0.0.1")));

    QString missingDb = m_uri;
    missingDb.truncate(missingDb.lastIndexOf(QLatin1Char('/')) + 1);
    PostgresSource noDb(*Endpoint::parse(missingDb + QStringLiteral("no_such_database_here")));
    s = noDb.open();
    QVERIFY(!s);
    QCOMPARE(s.error().code, ErrorCode::NotFound);

    PostgresSource src = source();
    auto r = src.openReader(QStringLiteral("no_such_table"), {});
    QVERIFY(!r);
    QCOMPARE(r.error().code, ErrorCode::NotFound);
    QVERIFY(r.error().message.contains(QLatin1String("no_such_table")));
}

void PostgresSourceTest::mapsTypes()
{
    bson_iter_t it;
    const auto experiments = readTable(QStringLiteral("experiments"));
    QCOMPARE(experiments.size(), size_t(5));
    const bson_t *first = experiments[0].get();
    QVERIFY(findPath(first, "name", &it) && BSON_ITER_HOLDS_UTF8(&it));
    QCOMPARE(QString::fromUtf8(bson_iter_utf8(&it, nullptr)), RelationalFixture::unicodeName());
    QVERIFY(findPath(first, "description", &it) && BSON_ITER_HOLDS_NULL(&it));
    QVERIFY(findPath(first, "created_at", &it) && BSON_ITER_HOLDS_DATE_TIME(&it));
    QCOMPARE(bson_iter_date_time(&it), RelationalFixture::experimentCreatedMs(1));
    QVERIFY(findPath(first, "archived", &it) && BSON_ITER_HOLDS_BOOL(&it));
    QVERIFY(!bson_iter_bool(&it));
    QVERIFY(findPath(experiments[1].get(), "archived", &it) && bson_iter_bool(&it));
    QVERIFY(findPath(first, "budget", &it) && BSON_ITER_HOLDS_DECIMAL128(&it));
    bson_decimal128_t dec;
    bson_iter_decimal128(&it, &dec);
    char digits[BSON_DECIMAL128_STRING];
    bson_decimal128_to_string(&dec, digits);
    QCOMPARE(QString::fromLatin1(digits), RelationalFixture::budgetDigits());
    // json → embedded document, array, scalar, null
    QVERIFY(findPath(first, "settings.opt.name", &it) && BSON_ITER_HOLDS_UTF8(&it));
    QVERIFY(findPath(first, "settings.layers.1", &it) && BSON_ITER_HOLDS_INT32(&it));
    QCOMPARE(bson_iter_int32(&it), 32);
    QVERIFY(findPath(first, "settings.lr", &it) && BSON_ITER_HOLDS_DOUBLE(&it));
    QVERIFY(findPath(experiments[1].get(), "settings", &it) && BSON_ITER_HOLDS_ARRAY(&it));
    QVERIFY(findPath(experiments[2].get(), "settings", &it) && BSON_ITER_HOLDS_UTF8(&it));
    QVERIFY(findPath(experiments[3].get(), "settings", &it) && BSON_ITER_HOLDS_NULL(&it));
    // text[] → array with its NULL kept
    QVERIFY(findPath(first, "labels", &it) && BSON_ITER_HOLDS_ARRAY(&it));
    QVERIFY(findPath(first, "labels.1", &it) && BSON_ITER_HOLDS_UTF8(&it));
    QCOMPARE(QString::fromUtf8(bson_iter_utf8(&it, nullptr)), QStringLiteral("b c"));
    QVERIFY(findPath(first, "labels.2", &it) && BSON_ITER_HOLDS_NULL(&it));
    QVERIFY(findPath(experiments[1].get(), "labels", &it) && BSON_ITER_HOLDS_ARRAY(&it));

    const auto runs = readTable(QStringLiteral("runs"));
    QVERIFY(findPath(runs[1].get(), "artifact", &it) && BSON_ITER_HOLDS_BINARY(&it));
    bson_subtype_t subtype;
    uint32_t len;
    const uint8_t *data;
    bson_iter_binary(&it, &subtype, &len, &data);
    QCOMPARE(subtype, BSON_SUBTYPE_BINARY);
    QCOMPARE(QByteArray(reinterpret_cast<const char *>(data), len), RelationalFixture::artifact(2));

    const auto metrics = readTable(QStringLiteral("metrics"), 33);
    QCOMPARE(metrics.size(), size_t(200));
    QVERIFY(findPath(metrics[6].get(), "step", &it) && BSON_ITER_HOLDS_INT64(&it));
    QCOMPARE(bson_iter_int64(&it), RelationalFixture::metricStep(7));
    // A BIGINT column is int64 in every document, small values included.
    QVERIFY(findPath(metrics[5].get(), "step", &it) && BSON_ITER_HOLDS_INT64(&it));
    QCOMPARE(bson_iter_int64(&it), RelationalFixture::metricStep(6));
    QVERIFY(findPath(metrics[5].get(), "value", &it) && BSON_ITER_HOLDS_DOUBLE(&it));
    QCOMPARE(bson_iter_double(&it), RelationalFixture::metricValue(6));
    QVERIFY(findPath(metrics[5].get(), "timestamp", &it) && BSON_ITER_HOLDS_DATE_TIME(&it));
    QCOMPARE(bson_iter_date_time(&it), 1700000000000LL + 6 * 1000 + 7);

    const auto versions = readTable(QStringLiteral("model_versions"));
    QVERIFY(findPath(versions[0].get(), "uuid", &it) && BSON_ITER_HOLDS_BINARY(&it));
    bson_iter_binary(&it, &subtype, &len, &data);
    QCOMPARE(subtype, BSON_SUBTYPE_UUID);
    QCOMPARE(QByteArray(reinterpret_cast<const char *>(data), len).toHex(),
             RelationalFixture::modelVersionUuid(1).remove(QLatin1Char('-')).toLatin1());
}

void PostgresSourceTest::keysBecomeIds()
{
    bson_iter_t it;
    const auto experiments = readTable(QStringLiteral("experiments"));
    QVERIFY(findPath(experiments[0].get(), "_id", &it) && BSON_ITER_HOLDS_INT64(&it)); // bigint
    QVERIFY(!findPath(experiments[0].get(), "id", &it));
    const auto models = readTable(QStringLiteral("registered_models"));
    QVERIFY(findPath(models[2].get(), "_id", &it) && BSON_ITER_HOLDS_UTF8(&it));
    const auto params = readTable(QStringLiteral("params"));
    QCOMPARE(params.size(), size_t(60));
    QVERIFY(findPath(params[0].get(), "_id.run_id", &it) && BSON_ITER_HOLDS_INT32(&it));
    QVERIFY(findPath(params[0].get(), "_id.key", &it) && BSON_ITER_HOLDS_UTF8(&it));
    // A keyless table: each row gets an ObjectId derived from its place in the table, the
    // same on the next read (a re-run finds it), different for every row.
    const auto tags = readTable(QStringLiteral("tags"));
    QCOMPARE(tags.size(), size_t(40));
    const auto again = readTable(QStringLiteral("tags"), 7);
    QCOMPARE(again.size(), tags.size());
    QSet<QByteArray> ids;
    for (size_t i = 0; i < tags.size(); ++i) {
        QVERIFY(findPath(tags[i].get(), "_id", &it) && BSON_ITER_HOLDS_OID(&it));
        const QByteArray id(reinterpret_cast<const char *>(bson_iter_oid(&it)->bytes), 12);
        ids.insert(id);
        QVERIFY(findPath(again[i].get(), "_id", &it));
        QCOMPARE(QByteArray(reinterpret_cast<const char *>(bson_iter_oid(&it)->bytes), 12), id);
    }
    QCOMPARE(ids.size(), qsizetype(tags.size()));
}

void PostgresSourceTest::resumesAfterPosition_data()
{
    QTest::addColumn<QString>("table");
    QTest::addColumn<int>("firstBatch");
    QTest::newRow("integer key") << QStringLiteral("metrics") << 50;
    QTest::newRow("composite key") << QStringLiteral("params") << 17;
    QTest::newRow("text key") << QStringLiteral("registered_models") << 1;
    QTest::newRow("ctid") << QStringLiteral("tags") << 13;
    QTest::newRow("junction") << QStringLiteral("resource_dependencies") << 4;
}

void PostgresSourceTest::resumesAfterPosition()
{
    QFETCH(QString, table);
    QFETCH(int, firstBatch);
    const auto all = readTable(table);
    PostgresSource s = source();
    auto reader = s.openReader(table, {});
    QVERIFY(reader);
    DocBatch batch;
    QVERIFY(*(*reader)->next(batch, firstBatch));
    QCOMPARE(int(batch.size()), firstBatch);
    const QByteArray position = (*reader)->position();

    ReadOptions options;
    options.resumeFrom = position;
    auto resumed = s.openReader(table, options);
    QVERIFY2(resumed, qPrintable(test::errorText(resumed)));
    std::vector<BsonDoc> rest;
    // Read on another thread: readers carry their own connection.
    bool ok = false;
    QThread *t = QThread::create([&] { ok = test::readAll(**resumed, &rest, 7); });
    t->start();
    QVERIFY(t->wait(30000));
    delete t;
    QVERIFY(ok);
    QCOMPARE(rest.size() + size_t(firstBatch), all.size());
    for (size_t i = 0; i < rest.size(); ++i)
        QVERIFY2(bson_equal(rest[i].get(), all[i + size_t(firstBatch)].get()),
                 qPrintable(test::toJson(rest[i].get())));
}

void PostgresSourceTest::filterIsAppliedAndValidated()
{
    PostgresSource s = source();
    ReadOptions options;
    options.filter = QStringLiteral("key = 'loss' AND step < 100");
    auto reader = s.openReader(QStringLiteral("metrics"), options);
    QVERIFY2(reader, qPrintable(test::errorText(reader)));
    std::vector<BsonDoc> docs;
    QVERIFY(test::readAll(**reader, &docs));
    QCOMPARE(docs.size(), size_t(4));

    for (const char *bad :
         {"step <", "1=1; DROP TABLE metrics", "1=1 /* x */", "nosuchcolumn = 1"}) {
        options.filter = QString::fromLatin1(bad);
        auto r = s.openReader(QStringLiteral("metrics"), options);
        QVERIFY2(!r, bad);
        QCOMPARE(r.error().code, ErrorCode::Usage);
        QVERIFY2(r.error().message.contains(QLatin1String("\"metrics\"")),
                 qPrintable(r.error().message));
    }
}

void PostgresSourceTest::sampleSpreadsOrReadsAll()
{
    PostgresSource s = source();
    auto some = s.sample(QStringLiteral("metrics"), 20);
    QVERIFY2(some, qPrintable(test::errorText(some)));
    QCOMPARE(some->size(), size_t(20));
    auto all = s.sample(QStringLiteral("metrics"), -1);
    QVERIFY(all);
    QCOMPARE(all->size(), size_t(200));
    auto filtered = s.sample(QStringLiteral("metrics"), 1000, QStringLiteral("run_id = 1"));
    QVERIFY(filtered);
    QCOMPARE(filtered->size(), size_t(10));
    auto bad = s.sample(QStringLiteral("metrics"), 10, QStringLiteral("run_id ="));
    QVERIFY(!bad);
    QCOMPARE(bad.error().code, ErrorCode::Usage);
}

QTEST_GUILESS_MAIN(PostgresSourceTest)
#include "tst_postgres_source.moc"

#include "stores/sqlite/sqlite_source.h"
#include "support/document_checks.h"
#include "support/relational_fixture.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QThread>
#include <QtTest>

using namespace ferry;
using ferry::test::findPath;
using ferry::test::RelationalFixture;

class SqliteSourceTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void listsTablesWithExactCounts();
    void missingFileAndTable();
    void mapsTypes();
    void keysBecomeIds();
    void readsInBatchesAcrossThreads();
    void resumesAfterPosition_data();
    void resumesAfterPosition();
    void filterIsAppliedAndValidated();
    void sampleSpreadsOrReadsAll();
    void nullKeysGetIdsAndResume();

private:
    SqliteSource source() const
    {
        return SqliteSource(*Endpoint::parse(QStringLiteral("sqlite:") + m_path));
    }
    std::vector<BsonDoc> readTable(const QString &table, int batchSize = 1000);

    QTemporaryDir m_dir;
    QString m_path;
};

void SqliteSourceTest::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_path = m_dir.filePath(QStringLiteral("tracking.sqlite"));
    const QString error = RelationalFixture::createSqlite(m_path);
    QVERIFY2(error.isEmpty(), qPrintable(error));
}

std::vector<BsonDoc> SqliteSourceTest::readTable(const QString &table, int batchSize)
{
    SqliteSource s = source();
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

void SqliteSourceTest::listsTablesWithExactCounts()
{
    SqliteSource s = source();
    QVERIFY(s.open());
    auto list = s.listCollections();
    QVERIFY2(list, qPrintable(test::errorText(list)));
    QStringList names;
    for (const CollectionInfo &c : *list) {
        names << c.name;
        QVERIFY(c.exact);
        QCOMPARE(c.count, RelationalFixture::rowCounts().value(c.name));
    }
    QCOMPARE(names, RelationalFixture::tables()); // no sqlite_*, no _ferry_*
}

void SqliteSourceTest::missingFileAndTable()
{
    SqliteSource missing(*Endpoint::parse(m_dir.filePath(QStringLiteral("nope.sqlite"))));
    Status s = missing.open();
    QVERIFY(!s);
    QCOMPARE(s.error().code, ErrorCode::NotFound);
    QVERIFY2(s.error().message.contains(QLatin1String("nope.sqlite")),
             qPrintable(s.error().toString()));

    SqliteSource src = source();
    auto r = src.openReader(QStringLiteral("no_such_table"), {});
    QVERIFY(!r);
    QCOMPARE(r.error().code, ErrorCode::NotFound);
    QVERIFY(r.error().message.contains(QLatin1String("no_such_table")));
}

void SqliteSourceTest::mapsTypes()
{
    const auto experiments = readTable(QStringLiteral("experiments"));
    QCOMPARE(experiments.size(), size_t(5));
    const bson_t *first = experiments[0].get();
    bson_iter_t it;
    QVERIFY(findPath(first, "name", &it) && BSON_ITER_HOLDS_UTF8(&it));
    QCOMPARE(QString::fromUtf8(bson_iter_utf8(&it, nullptr)), RelationalFixture::unicodeName());
    QVERIFY(findPath(first, "description", &it) && BSON_ITER_HOLDS_NULL(&it));
    QVERIFY(findPath(first, "created_at", &it) && BSON_ITER_HOLDS_DATE_TIME(&it));
    QCOMPARE(bson_iter_date_time(&it), RelationalFixture::experimentCreatedMs(1));
    QVERIFY(findPath(first, "archived", &it) && BSON_ITER_HOLDS_BOOL(&it));
    QCOMPARE(bson_iter_bool(&it), false);
    QVERIFY(findPath(first, "budget", &it) && BSON_ITER_HOLDS_DECIMAL128(&it));
    bson_decimal128_t dec;
    bson_iter_decimal128(&it, &dec);
    char digits[BSON_DECIMAL128_STRING];
    bson_decimal128_to_string(&dec, digits);
    QCOMPARE(QString::fromLatin1(digits), RelationalFixture::budgetDigits());

    const auto runs = readTable(QStringLiteral("runs"));
    QCOMPARE(runs.size(), size_t(20));
    QVERIFY(findPath(runs[1].get(), "artifact", &it) && BSON_ITER_HOLDS_BINARY(&it));
    bson_subtype_t subtype;
    uint32_t len;
    const uint8_t *data;
    bson_iter_binary(&it, &subtype, &len, &data);
    QCOMPARE(subtype, BSON_SUBTYPE_BINARY);
    QCOMPARE(QByteArray(reinterpret_cast<const char *>(data), len), RelationalFixture::artifact(2));
    QVERIFY(findPath(runs[0].get(), "artifact", &it) && BSON_ITER_HOLDS_NULL(&it));

    const auto metrics = readTable(QStringLiteral("metrics"));
    QCOMPARE(metrics.size(), size_t(200));
    QVERIFY(findPath(metrics[6].get(), "step", &it) && BSON_ITER_HOLDS_INT64(&it));
    QCOMPARE(bson_iter_int64(&it), RelationalFixture::metricStep(7));
    // A BIGINT column is int64 in every document, small values included.
    QVERIFY(findPath(metrics[5].get(), "step", &it) && BSON_ITER_HOLDS_INT64(&it));
    QCOMPARE(bson_iter_int64(&it), RelationalFixture::metricStep(6));
    QVERIFY(findPath(metrics[5].get(), "value", &it) && BSON_ITER_HOLDS_DOUBLE(&it));
    QCOMPARE(bson_iter_double(&it), RelationalFixture::metricValue(6));
    QVERIFY(findPath(metrics[5].get(), "timestamp", &it) && BSON_ITER_HOLDS_DATE_TIME(&it));

    const auto versions = readTable(QStringLiteral("model_versions"));
    QVERIFY(findPath(versions[0].get(), "uuid", &it) && BSON_ITER_HOLDS_BINARY(&it));
    bson_iter_binary(&it, &subtype, &len, &data);
    QCOMPARE(subtype, BSON_SUBTYPE_UUID);
    QCOMPARE(len, 16u);
    QCOMPARE(QByteArray(reinterpret_cast<const char *>(data), len).toHex(),
             RelationalFixture::modelVersionUuid(1).remove(QLatin1Char('-')).toLatin1());
}

void SqliteSourceTest::keysBecomeIds()
{
    bson_iter_t it;
    const auto runs = readTable(QStringLiteral("runs"));
    QVERIFY(findPath(runs[0].get(), "_id", &it) && BSON_ITER_HOLDS_INT32(&it));
    QCOMPARE(bson_iter_int32(&it), 1);
    QVERIFY(!findPath(runs[0].get(), "id", &it)); // renamed, not duplicated
    QVERIFY(findPath(runs[0].get(), "experiment_id", &it));

    const auto models = readTable(QStringLiteral("registered_models"));
    QVERIFY(findPath(models[0].get(), "_id", &it) && BSON_ITER_HOLDS_UTF8(&it));
    QCOMPARE(QString::fromUtf8(bson_iter_utf8(&it, nullptr)), QStringLiteral("model-1"));

    const auto params = readTable(QStringLiteral("params"));
    QCOMPARE(params.size(), size_t(60));
    QVERIFY(findPath(params[0].get(), "_id.run_id", &it) && BSON_ITER_HOLDS_INT32(&it));
    QVERIFY(findPath(params[0].get(), "_id.key", &it) && BSON_ITER_HOLDS_UTF8(&it));
    QVERIFY(!findPath(params[0].get(), "run_id", &it));
    QVERIFY(findPath(params[0].get(), "value", &it));

    const auto deps = readTable(QStringLiteral("resource_dependencies"));
    QCOMPARE(qint64(deps.size()),
             RelationalFixture::rowCounts().value(QStringLiteral("resource_dependencies")));
    QVERIFY(findPath(deps[0].get(), "_id.depends_on_id", &it));

    const auto tags = readTable(QStringLiteral("tags"));
    QCOMPARE(tags.size(), size_t(40));
    // No key: an ObjectId derived from the table and the rowid, the same on every read, so
    // a re-run into MongoDB never duplicates the row.
    QVERIFY(findPath(tags[0].get(), "_id", &it) && BSON_ITER_HOLDS_OID(&it));
    QVERIFY(findPath(tags[0].get(), "value", &it) && BSON_ITER_HOLDS_UTF8(&it));
    const auto again = readTable(QStringLiteral("tags"), 7);
    QCOMPARE(again.size(), tags.size());
    QSet<QByteArray> ids;
    for (size_t i = 0; i < tags.size(); ++i) {
        bson_iter_t a, b;
        QVERIFY(findPath(tags[i].get(), "_id", &a) && findPath(again[i].get(), "_id", &b));
        const QByteArray idA(reinterpret_cast<const char *>(bson_iter_oid(&a)->bytes), 12);
        QCOMPARE(idA, QByteArray(reinterpret_cast<const char *>(bson_iter_oid(&b)->bytes), 12));
        ids.insert(idA);
    }
    QCOMPARE(ids.size(), qsizetype(tags.size()));
}

void SqliteSourceTest::readsInBatchesAcrossThreads()
{
    // The orchestrator opens readers on its thread and reads them on another one.
    SqliteSource s = source();
    auto reader = s.openReader(QStringLiteral("metrics"), {});
    QVERIFY(reader);
    std::vector<size_t> sizes;
    bool ok = true;
    QThread *t = QThread::create([&] {
        DocBatch batch;
        for (;;) {
            auto more = (*reader)->next(batch, 64);
            if (!more) {
                ok = false;
                return;
            }
            if (!*more)
                return;
            sizes.push_back(batch.size());
        }
    });
    t->start();
    QVERIFY(t->wait(30000));
    delete t;
    QVERIFY(ok);
    QCOMPARE(sizes, (std::vector<size_t>{64, 64, 64, 8}));
    QCOMPARE((*reader)->progress(), 1.0);
}

void SqliteSourceTest::resumesAfterPosition_data()
{
    QTest::addColumn<QString>("table");
    QTest::addColumn<int>("firstBatch");
    QTest::newRow("integer key") << QStringLiteral("metrics") << 50;
    QTest::newRow("composite key") << QStringLiteral("params") << 17;
    QTest::newRow("text key") << QStringLiteral("registered_models") << 1;
    QTest::newRow("rowid") << QStringLiteral("tags") << 13;
}

void SqliteSourceTest::resumesAfterPosition()
{
    QFETCH(QString, table);
    QFETCH(int, firstBatch);
    const auto all = readTable(table);
    SqliteSource s = source();
    auto reader = s.openReader(table, {});
    QVERIFY(reader);
    DocBatch batch;
    QVERIFY(*(*reader)->next(batch, firstBatch));
    QCOMPARE(int(batch.size()), firstBatch);
    const QByteArray position = (*reader)->position();
    QVERIFY(!position.isEmpty());

    ReadOptions options;
    options.resumeFrom = position;
    auto resumed = s.openReader(table, options);
    QVERIFY2(resumed, qPrintable(test::errorText(resumed)));
    QCOMPARE((*resumed)->position(), position); // before reading, still where it started
    std::vector<BsonDoc> rest;
    QVERIFY(test::readAll(**resumed, &rest, 7));
    QCOMPARE(rest.size() + size_t(firstBatch), all.size());
    for (size_t i = 0; i < rest.size(); ++i)
        QVERIFY2(bson_equal(rest[i].get(), all[i + size_t(firstBatch)].get()),
                 qPrintable(test::toJson(rest[i].get())));

    options.resumeFrom = QByteArrayLiteral("[1,2,3,4,5]");
    auto bad = s.openReader(table, options);
    QVERIFY(!bad);
    QCOMPARE(bad.error().code, ErrorCode::Usage);
}

void SqliteSourceTest::filterIsAppliedAndValidated()
{
    SqliteSource s = source();
    ReadOptions options;
    options.filter = QStringLiteral("key = 'loss' AND step < 100");
    auto reader = s.openReader(QStringLiteral("metrics"), options);
    QVERIFY2(reader, qPrintable(test::errorText(reader)));
    std::vector<BsonDoc> docs;
    QVERIFY(test::readAll(**reader, &docs));
    QCOMPARE(docs.size(), size_t(4)); // odd ids 1..9 with step id*10, but id 7's step is huge

    for (const char *bad :
         {"step <", "1; DROP TABLE metrics", "1 -- comment", "nosuchcolumn = 1"}) {
        options.filter = QString::fromLatin1(bad);
        auto r = s.openReader(QStringLiteral("metrics"), options);
        QVERIFY2(!r, bad);
        QCOMPARE(r.error().code, ErrorCode::Usage);
        QVERIFY2(r.error().message.contains(QLatin1String("metrics")),
                 qPrintable(r.error().message));
    }
}

void SqliteSourceTest::sampleSpreadsOrReadsAll()
{
    SqliteSource s = source();
    auto some = s.sample(QStringLiteral("metrics"), 20);
    QVERIFY(some);
    QCOMPARE(some->size(), size_t(20));
    auto all = s.sample(QStringLiteral("metrics"), -1);
    QVERIFY(all);
    QCOMPARE(all->size(), size_t(200));
    // Spread: a random sample of 20 out of 200 is practically never the first 20 ids.
    bool beyondStart = false;
    for (const BsonDoc &d : *some) {
        bson_iter_t it;
        if (findPath(d.get(), "_id", &it) && bson_iter_as_int64(&it) > 20)
            beyondStart = true;
    }
    QVERIFY(beyondStart);
    auto filtered = s.sample(QStringLiteral("metrics"), 1000, QStringLiteral("run_id = 1"));
    QVERIFY(filtered);
    QCOMPARE(filtered->size(), size_t(10));
}

// SQLite lets a TEXT primary key hold NULL, more than once. Those rows still become
// documents, with an ObjectId derived from their rowid (the same on every read), and a read
// interrupted among them resumes without losing or repeating a row.
void SqliteSourceTest::nullKeysGetIdsAndResume()
{
    const QString path = m_dir.filePath(QStringLiteral("null-keys.sqlite"));
    {
        QSqlDatabase db =
            QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("nk"));
        db.setDatabaseName(path);
        QVERIFY(db.open());
        QSqlQuery q(db);
        QVERIFY(q.exec(QStringLiteral("CREATE TABLE codes (code TEXT PRIMARY KEY, v INTEGER)")));
        QVERIFY(q.exec(QStringLiteral("INSERT INTO codes VALUES ('b', 1), (NULL, 2), ('a', 3), "
                                      "(NULL, 4), (NULL, 5), ('c', 6)")));
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("nk"));
    SqliteSource s(*Endpoint::parse(QStringLiteral("sqlite:") + path));
    // Reads from `from` in batches of `batchSize`; with `stopAt`, stops after the first batch
    // and gives its position there.
    auto read = [&](const QByteArray &from, int batchSize, std::vector<BsonDoc> *docs,
                    QByteArray *stopAt, qint64 *generated) {
        ReadOptions options;
        options.resumeFrom = from;
        auto reader = s.openReader(QStringLiteral("codes"), options);
        if (!reader)
            return false;
        DocBatch batch;
        for (;;) {
            auto more = (*reader)->next(batch, batchSize);
            if (!more)
                return false;
            if (!*more)
                return true;
            *generated += batch.generatedKeys();
            for (BsonDoc &d : test::toDocs(batch))
                docs->push_back(std::move(d));
            if (stopAt) {
                *stopAt = (*reader)->position();
                return true;
            }
        }
    };
    std::vector<BsonDoc> all;
    qint64 generated = 0;
    QVERIFY(read({}, 100, &all, nullptr, &generated));
    QCOMPARE(all.size(), size_t(6));
    QCOMPARE(generated, qint64(3));
    QSet<QByteArray> ids;
    bson_iter_t it;
    for (const BsonDoc &d : all) {
        QVERIFY(findPath(d.get(), "_id", &it));
        if (BSON_ITER_HOLDS_OID(&it)) {
            ids.insert(QByteArray(reinterpret_cast<const char *>(bson_iter_oid(&it)->bytes), 12));
            // The key's column stays, as null, under its own name.
            QVERIFY(findPath(d.get(), "code", &it) && BSON_ITER_HOLDS_NULL(&it));
        } else {
            QVERIFY(BSON_ITER_HOLDS_UTF8(&it));
            QVERIFY(!findPath(d.get(), "code", &it));
        }
    }
    QCOMPARE(ids.size(), 3);

    // Stopped after the second row (the first NULL key), resumed: the other four, once.
    std::vector<BsonDoc> first, rest;
    QByteArray position;
    qint64 ignored = 0;
    QVERIFY(read({}, 2, &first, &position, &ignored));
    QCOMPARE(first.size(), size_t(2));
    QVERIFY(read(position, 100, &rest, nullptr, &ignored));
    QCOMPARE(rest.size(), size_t(4));
    for (size_t i = 0; i < rest.size(); ++i)
        QVERIFY2(bson_equal(rest[i].get(), all[i + 2].get()),
                 qPrintable(test::toJson(rest[i].get())));
}

QTEST_GUILESS_MAIN(SqliteSourceTest)
#include "tst_sqlite_source.moc"

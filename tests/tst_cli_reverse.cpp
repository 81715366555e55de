// The other directions through the real ferry-cli: tables of SQLite or PostgreSQL into the
// other relational database (same column names, foreign keys added after the data), and
// into MongoDB / NDJSON as documents, with child tables embedded as arrays on request.
#include "support/cli_runner.h"
#include "support/relational_fixture.h"
#include "support/sql_reader.h"
#include "support/test_services.h"

#include <bson/bson.h>
#include <mongoc/mongoc.h>

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>

using namespace ferry::test;

namespace {

// All documents of a collection (the Mongo peer is small; so is the fixture).
QList<QByteArray> readCollection(const QString &uri, const QString &database,
                                 const QString &collection)
{
    QList<QByteArray> out;
    mongoc_client_t *client = mongoc_client_new(uri.toUtf8().constData());
    mongoc_collection_t *c = mongoc_client_get_collection(client, database.toUtf8().constData(),
                                                          collection.toUtf8().constData());
    bson_t filter = BSON_INITIALIZER;
    mongoc_cursor_t *cursor = mongoc_collection_find_with_opts(c, &filter, nullptr, nullptr);
    const bson_t *doc;
    while (mongoc_cursor_next(cursor, &doc))
        out.append(QByteArray(reinterpret_cast<const char *>(bson_get_data(doc)), int(doc->len)));
    mongoc_cursor_destroy(cursor);
    bson_destroy(&filter);
    mongoc_collection_destroy(c);
    mongoc_client_destroy(client);
    return out;
}

bool viewOf(const QByteArray &bytes, bson_t *doc)
{
    return bson_init_static(doc, reinterpret_cast<const uint8_t *>(bytes.constData()),
                            size_t(bytes.size()));
}

// The document whose _id is `id` (an integer key).
QByteArray docWithId(const QList<QByteArray> &docs, qint64 id)
{
    for (const QByteArray &d : docs) {
        bson_t doc;
        bson_iter_t it;
        if (viewOf(d, &doc) && bson_iter_init_find(&it, &doc, "_id") &&
            (BSON_ITER_HOLDS_INT32(&it) || BSON_ITER_HOLDS_INT64(&it)) &&
            bson_iter_as_int64(&it) == id)
            return d;
    }
    return {};
}

bool find(const QByteArray &bytes, const char *path, bson_iter_t *out)
{
    bson_t doc;
    bson_iter_t root;
    return viewOf(bytes, &doc) && bson_iter_init(&root, &doc) &&
           bson_iter_find_descendant(&root, path, out);
}

// Values as text in a form both sides agree on: timestamps as UTC milliseconds (SQLite keeps
// what was written, "… HH:MM:SS.zzzZ" or "…T…"), everything else as it is.
QString normalized(const QString &v)
{
    if (v.size() >= 19 && v[4] == QLatin1Char('-') && v[10] != QLatin1Char('-')) {
        QString iso = v;
        iso[10] = QLatin1Char('T');
        const QDateTime t = QDateTime::fromString(iso, Qt::ISODateWithMs);
        if (t.isValid())
            return QString::number(t.toMSecsSinceEpoch());
    }
    return v;
}

} // namespace

class TestCliReverse : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void sqliteToPostgres();
    void postgresToSqlite();
    void sqliteToMongo();
    void sqliteToMongoEmbedded();
    void sqliteToNdjsonAndBack();
    void postgresToMongoEmbedded();
    void embedSpecErrors();
    void embeddedKeylessParentsCountGeneratedKeys();

private:
    QTemporaryDir m_dir;
    QString m_sqlite;
};

void TestCliReverse::initTestCase()
{
    QVERIFY2(!cliPath().isEmpty(), "FERRY_CLI is not set: run the tests through ctest");
    QVERIFY(m_dir.isValid());
    m_sqlite = m_dir.filePath(QStringLiteral("fixture.sqlite"));
    const QString error = RelationalFixture::createSqlite(m_sqlite);
    QVERIFY2(error.isEmpty(), qPrintable(error));
}

void TestCliReverse::sqliteToPostgres()
{
    const QString target = freshPostgresDatabase(QStringLiteral("reverse_pg"));
    QVERIFY2(!target.isEmpty(), "PostgreSQL is not running: run the tests through ctest");
    const CliResult r =
        runFerryCli({QStringLiteral("migrate"), QStringLiteral("--source"),
                     QStringLiteral("sqlite:") + m_sqlite, QStringLiteral("--target"), target});
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));

    SqlReader db(target);
    QVERIFY2(db.ok(), qPrintable(db.error()));
    QCOMPARE(db.tables(), RelationalFixture::tables());
    const QMap<QString, qint64> counts = RelationalFixture::rowCounts();
    for (auto it = counts.cbegin(); it != counts.cend(); ++it)
        QCOMPARE(db.scalar(QStringLiteral("SELECT count(*) FROM %1").arg(it.key())),
                 QString::number(it.value()));
    // Column names as in the source: the key stays `id`, no `_id` appears.
    QCOMPARE(db.columns(QStringLiteral("runs")),
             (QStringList{QStringLiteral("id"), QStringLiteral("experiment_id"),
                          QStringLiteral("name"), QStringLiteral("status"),
                          QStringLiteral("started_at"), QStringLiteral("artifact")}));
    // Types in the spirit of pgloader's defaults.
    const auto typeOf = [&db](const char *table, const char *column) {
        return db.scalar(QStringLiteral("SELECT data_type FROM information_schema.columns WHERE "
                                        "table_name = '%1' AND column_name = '%2'")
                             .arg(QLatin1String(table), QLatin1String(column)));
    };
    QCOMPARE(typeOf("experiments", "budget"), QStringLiteral("numeric"));
    QCOMPARE(typeOf("experiments", "archived"), QStringLiteral("boolean"));
    QCOMPARE(typeOf("experiments", "created_at"), QStringLiteral("timestamp with time zone"));
    QCOMPARE(typeOf("runs", "artifact"), QStringLiteral("bytea"));
    QCOMPARE(typeOf("metrics", "step"), QStringLiteral("bigint"));
    QCOMPARE(typeOf("model_versions", "uuid"), QStringLiteral("uuid"));
    QCOMPARE(typeOf("runs", "id"), QStringLiteral("integer"));

    // Spot values.
    QCOMPARE(db.scalar(QStringLiteral("SELECT budget FROM experiments WHERE id = 1")),
             RelationalFixture::budgetDigits());
    QCOMPARE(db.scalar(QStringLiteral("SELECT name FROM experiments WHERE id = 1")),
             RelationalFixture::unicodeName());
    QCOMPARE(db.scalar(QStringLiteral("SELECT uuid FROM model_versions WHERE id = 4")),
             RelationalFixture::modelVersionUuid(4));
    QCOMPARE(db.scalar(QStringLiteral("SELECT (extract(epoch FROM created_at) * 1000)::bigint "
                                      "FROM experiments WHERE id = 3")),
             QString::number(RelationalFixture::experimentCreatedMs(3)));
    QCOMPARE(db.scalar(QStringLiteral("SELECT step FROM metrics WHERE id = 7")),
             QString::number(RelationalFixture::metricStep(7)));
    QCOMPARE(db.scalar(QStringLiteral("SELECT encode(artifact, 'hex') FROM runs WHERE id = 4")),
             QString::fromLatin1(RelationalFixture::artifact(4).toHex()));
    QCOMPARE(db.scalar(QStringLiteral("SELECT archived FROM experiments WHERE id = 2")),
             QStringLiteral("t"));

    // Foreign keys: every single-column one of the source, created after the data, valid.
    QCOMPARE(db.scalar(QStringLiteral("SELECT count(*) FROM pg_constraint WHERE contype = 'f' "
                                      "AND convalidated")),
             QStringLiteral("8"));
    QCOMPARE(db.scalar(QStringLiteral("SELECT confrelid::regclass::text FROM pg_constraint "
                                      "WHERE conrelid = 'metrics'::regclass AND contype = 'f'")),
             QStringLiteral("runs"));
    const QList<QStringList> orphan = db.rows(QStringLiteral(
        "INSERT INTO metrics (id, run_id, key) VALUES (99999, 424242, 'orphan') RETURNING id"));
    QVERIFY(orphan.isEmpty());
    QVERIFY2(db.error().contains(QLatin1String("foreign key")), qPrintable(db.error()));

    // A second run finds the tables (and their rows) there: it adds nothing, constraints
    // included, since they belong to tables it did not create; tables are moved in order of
    // their references, so tags (which refers to runs) comes after the keyed tables.
    const CliResult again =
        runFerryCli({QStringLiteral("migrate"), QStringLiteral("--source"),
                     QStringLiteral("sqlite:") + m_sqlite, QStringLiteral("--target"), target});
    // tags has no key: a rerun cannot skip its existing rows, and says so instead of
    // appending them twice.
    QVERIFY2(again.exitCode != 0, qPrintable(again.describe()));
    QVERIFY2(again.stdErr.contains("no primary key"), qPrintable(again.describe()));
    QCOMPARE(db.scalar(QStringLiteral("SELECT count(*) FROM tags")), QStringLiteral("40"));
    QCOMPARE(db.scalar(QStringLiteral("SELECT count(*) FROM pg_constraint WHERE contype = 'f'")),
             QStringLiteral("8"));
    QCOMPARE(db.scalar(QStringLiteral("SELECT count(*) FROM metrics")), QStringLiteral("200"));
}

void TestCliReverse::postgresToSqlite()
{
    const QString source = freshPostgresDatabase(QStringLiteral("reverse_src"));
    QVERIFY2(!source.isEmpty(), "PostgreSQL is not running: run the tests through ctest");
    const QString error = RelationalFixture::createPostgres(source);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    const QString target = QStringLiteral("sqlite:") + m_dir.filePath(QStringLiteral("pg.sqlite"));
    const CliResult r = runFerryCli({QStringLiteral("migrate"), QStringLiteral("--source"), source,
                                     QStringLiteral("--target"), target});
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    SqlReader db(target);
    QVERIFY2(db.ok(), qPrintable(db.error()));
    QCOMPARE(db.tables(), RelationalFixture::tables());
    const QMap<QString, qint64> counts = RelationalFixture::rowCounts();
    for (auto it = counts.cbegin(); it != counts.cend(); ++it)
        QCOMPARE(db.scalar(QStringLiteral("SELECT count(*) FROM %1").arg(it.key())),
                 QString::number(it.value()));
    QCOMPARE(db.scalar(QStringLiteral("SELECT name FROM experiments WHERE id = 1")),
             RelationalFixture::unicodeName());
    QCOMPARE(db.scalar(QStringLiteral("SELECT budget FROM experiments WHERE id = 1")),
             RelationalFixture::budgetDigits());
    QCOMPARE(db.scalar(QStringLiteral("SELECT step FROM metrics WHERE id = 7")),
             QString::number(RelationalFixture::metricStep(7)));
}

void TestCliReverse::sqliteToMongo()
{
    const QString database = QStringLiteral("reverse_%1").arg(QCoreApplication::applicationPid());
    const QString uri = mongoUri(database);
    QVERIFY2(!uri.isEmpty(), "The Mongo peer is not running: run the tests through ctest");
    const CliResult r =
        runFerryCli({QStringLiteral("migrate"), QStringLiteral("--source"),
                     QStringLiteral("sqlite:") + m_sqlite, QStringLiteral("--target"), uri});
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    const QMap<QString, qint64> counts = RelationalFixture::rowCounts();
    for (auto it = counts.cbegin(); it != counts.cend(); ++it)
        QCOMPARE(readCollection(uri, database, it.key()).size(), qsizetype(it.value()));

    // Types read back equal the source: Decimal128, binary subtype 4, date.
    const QList<QByteArray> experiments =
        readCollection(uri, database, QStringLiteral("experiments"));
    const QByteArray e1 = docWithId(experiments, 1);
    QVERIFY(!e1.isEmpty());
    bson_iter_t it;
    QVERIFY(find(e1, "budget", &it) && BSON_ITER_HOLDS_DECIMAL128(&it));
    bson_decimal128_t dec;
    bson_iter_decimal128(&it, &dec);
    char digits[BSON_DECIMAL128_STRING];
    bson_decimal128_to_string(&dec, digits);
    QCOMPARE(QString::fromLatin1(digits), RelationalFixture::budgetDigits());
    QVERIFY(find(e1, "created_at", &it) && BSON_ITER_HOLDS_DATE_TIME(&it));
    QCOMPARE(bson_iter_date_time(&it), RelationalFixture::experimentCreatedMs(1));
    QVERIFY(find(e1, "name", &it) && BSON_ITER_HOLDS_UTF8(&it));
    QCOMPARE(QString::fromUtf8(bson_iter_utf8(&it, nullptr)), RelationalFixture::unicodeName());

    const QByteArray v2 =
        docWithId(readCollection(uri, database, QStringLiteral("model_versions")), 2);
    QVERIFY(find(v2, "uuid", &it) && BSON_ITER_HOLDS_BINARY(&it));
    bson_subtype_t subtype;
    uint32_t len = 0;
    const uint8_t *bytes = nullptr;
    bson_iter_binary(&it, &subtype, &len, &bytes);
    QCOMPARE(int(subtype), int(BSON_SUBTYPE_UUID));
    QCOMPARE(QByteArray(reinterpret_cast<const char *>(bytes), int(len)).toHex(),
             RelationalFixture::modelVersionUuid(2).remove(QLatin1Char('-')).toLatin1());
}

void TestCliReverse::sqliteToMongoEmbedded()
{
    const QString database =
        QStringLiteral("reverse_embed_%1").arg(QCoreApplication::applicationPid());
    const QString uri = mongoUri(database);
    QVERIFY2(!uri.isEmpty(), "The Mongo peer is not running: run the tests through ctest");
    const QString project = m_dir.filePath(QStringLiteral("embed.ferry"));
    const CliResult r = runFerryCli(
        {QStringLiteral("migrate"), QStringLiteral("--source"),
         QStringLiteral("sqlite:") + m_sqlite, QStringLiteral("--target"), uri,
         QStringLiteral("--embed"), QStringLiteral("params:runs"), QStringLiteral("--embed"),
         QStringLiteral("tags:runs"), QStringLiteral("--embed"),
         QStringLiteral("resource_dependencies:resources"), QStringLiteral("--batch-size"),
         QStringLiteral("7"), QStringLiteral("--save-project"), project});
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    // Embedded tables are not collections of their own.
    QVERIFY(readCollection(uri, database, QStringLiteral("params")).isEmpty());
    QVERIFY(readCollection(uri, database, QStringLiteral("tags")).isEmpty());
    QVERIFY(readCollection(uri, database, QStringLiteral("resource_dependencies")).isEmpty());
    QFile saved(project);
    QVERIFY(saved.open(QIODevice::ReadOnly));
    const QByteArray projectJson = saved.readAll();
    QVERIFY(projectJson.contains("\"embeddings\": ["));
    QVERIFY(projectJson.contains("\"child\": \"resource_dependencies\""));

    const QList<QByteArray> runs = readCollection(uri, database, QStringLiteral("runs"));
    QCOMPARE(runs.size(), qsizetype(20));
    for (int id = 1; id <= 20; ++id) {
        const QByteArray run = docWithId(runs, id);
        QVERIFY2(!run.isEmpty(), qPrintable(QString::number(id)));
        bson_iter_t it, arr;
        QVERIFY(find(run, "params", &it) && BSON_ITER_HOLDS_ARRAY(&it));
        QVERIFY(bson_iter_recurse(&it, &arr));
        int n = 0;
        while (bson_iter_next(&arr)) {
            bson_iter_t key, value;
            QVERIFY(BSON_ITER_HOLDS_DOCUMENT(&arr));
            bson_iter_t sub;
            bson_iter_recurse(&arr, &sub);
            key = sub;
            QVERIFY(bson_iter_find_descendant(&key, "_id.key", &value) ||
                    bson_iter_find(&key, "key"));
            bson_iter_recurse(&arr, &sub);
            QVERIFY(bson_iter_find(&sub, "value"));
            QCOMPARE(QString::fromUtf8(bson_iter_utf8(&sub, nullptr)),
                     QString::number(id * 10 + n));
            ++n;
        }
        QCOMPARE(n, 3);
        QVERIFY(find(run, "tags", &it) && BSON_ITER_HOLDS_ARRAY(&it));
        QVERIFY(bson_iter_recurse(&it, &arr));
        n = 0;
        while (bson_iter_next(&arr)) {
            bson_iter_t sub;
            bson_iter_recurse(&arr, &sub);
            QVERIFY(bson_iter_find(&sub, "key"));
            QCOMPARE(QString::fromUtf8(bson_iter_utf8(&sub, nullptr)),
                     QStringLiteral("tag%1").arg(n));
            ++n;
        }
        QCOMPARE(n, 2);
    }
    // The junction: an array of the ids each resource depends on.
    const QList<QByteArray> resources = readCollection(uri, database, QStringLiteral("resources"));
    QCOMPARE(resources.size(), qsizetype(10));
    for (int id = 1; id <= 10; ++id) {
        QList<qint64> expected;
        if (id >= 2)
            expected.append(id - 1);
        if (id >= 2 && id % 3 == 0)
            expected.append(1);
        std::sort(expected.begin(), expected.end());
        bson_iter_t it, arr;
        QVERIFY(find(docWithId(resources, id), "resource_dependencies", &it) &&
                BSON_ITER_HOLDS_ARRAY(&it));
        QVERIFY(bson_iter_recurse(&it, &arr));
        QList<qint64> got;
        while (bson_iter_next(&arr)) {
            QVERIFY(BSON_ITER_HOLDS_INT32(&arr) || BSON_ITER_HOLDS_INT64(&arr));
            got.append(bson_iter_as_int64(&arr));
        }
        std::sort(got.begin(), got.end());
        QCOMPARE(got, expected);
    }
}

void TestCliReverse::sqliteToNdjsonAndBack()
{
    const QString dir = m_dir.filePath(QStringLiteral("export"));
    CliResult r = runFerryCli({QStringLiteral("migrate"), QStringLiteral("--source"),
                               QStringLiteral("sqlite:") + m_sqlite, QStringLiteral("--target"),
                               QStringLiteral("ndjson:") + dir});
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    const QString back = QStringLiteral("sqlite:") + m_dir.filePath(QStringLiteral("back.sqlite"));
    r = runFerryCli({QStringLiteral("migrate"), QStringLiteral("--source"),
                     QStringLiteral("dump:") + dir, QStringLiteral("--target"), back});
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));

    SqlReader original(QStringLiteral("sqlite:") + m_sqlite);
    SqlReader copy(back);
    QVERIFY2(original.ok() && copy.ok(), qPrintable(original.error() + copy.error()));
    const QMap<QString, qint64> counts = RelationalFixture::rowCounts();
    for (auto it = counts.cbegin(); it != counts.cend(); ++it) {
        const QString &table = it.key();
        QCOMPARE(copy.scalar(QStringLiteral("SELECT count(*) FROM %1").arg(table)),
                 QString::number(it.value()));
        QStringList common;
        const QStringList copied = copy.columns(table);
        for (const QString &c : original.columns(table))
            if (copied.contains(c))
                common.append(QLatin1Char('"') + c + QLatin1Char('"'));
        if (common.isEmpty())
            continue;
        const QString sql =
            QStringLiteral("SELECT %1 FROM %2").arg(common.join(QLatin1String(", ")), table);
        const auto canonical = [](QList<QStringList> rows) {
            QStringList out;
            for (QStringList &row : rows) {
                for (QString &v : row)
                    v = normalized(v);
                out.append(row.join(QChar(0x1f)));
            }
            out.sort();
            return out;
        };
        QCOMPARE(canonical(copy.rows(sql)), canonical(original.rows(sql)));
    }
}

// The keyed child reads of embedding, through PostgreSQL's cursor instead of SQLite's.
void TestCliReverse::postgresToMongoEmbedded()
{
    const QString source = freshPostgresDatabase(QStringLiteral("reverse_embed"));
    QVERIFY2(!source.isEmpty(), "PostgreSQL is not running: run the tests through ctest");
    const QString error = RelationalFixture::createPostgres(source);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    const QString database =
        QStringLiteral("reverse_pg_%1").arg(QCoreApplication::applicationPid());
    const QString uri = mongoUri(database);
    const CliResult r = runFerryCli({QStringLiteral("migrate"), QStringLiteral("--source"), source,
                                     QStringLiteral("--target"), uri, QStringLiteral("--embed"),
                                     QStringLiteral("model_versions:registered_models:versions"),
                                     QStringLiteral("--batch-size"), QStringLiteral("2")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    QVERIFY(readCollection(uri, database, QStringLiteral("model_versions")).isEmpty());
    const QList<QByteArray> models =
        readCollection(uri, database, QStringLiteral("registered_models"));
    QCOMPARE(models.size(), qsizetype(3));
    int total = 0;
    for (const QByteArray &m : models) {
        bson_iter_t it, arr;
        QVERIFY(find(m, "versions", &it) && BSON_ITER_HOLDS_ARRAY(&it));
        QVERIFY(bson_iter_recurse(&it, &arr));
        int n = 0;
        while (bson_iter_next(&arr)) {
            bson_iter_t sub;
            bson_iter_recurse(&arr, &sub);
            QVERIFY(bson_iter_find(&sub, "uuid"));
            QVERIFY(BSON_ITER_HOLDS_BINARY(&sub));
            ++n;
        }
        QCOMPARE(n, 2); // 6 versions over 3 models (text keys)
        total += n;
    }
    QCOMPARE(total, 6);
}

void TestCliReverse::embedSpecErrors()
{
    const QString uri = mongoUri(QStringLiteral("reverse_bad"));
    CliResult r = runFerryCli({QStringLiteral("migrate"), QStringLiteral("--source"),
                               QStringLiteral("sqlite:") + m_sqlite, QStringLiteral("--target"),
                               uri, QStringLiteral("--embed"), QStringLiteral("nosuch:runs")});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.stdErr.contains("nosuch"), qPrintable(r.describe()));
    // runs has no foreign key to resources: the run stops with a message naming both.
    r = runFerryCli({QStringLiteral("migrate"), QStringLiteral("--source"),
                     QStringLiteral("sqlite:") + m_sqlite, QStringLiteral("--target"), uri,
                     QStringLiteral("--embed"), QStringLiteral("runs:resources")});
    QVERIFY2(r.exitCode != 0, qPrintable(r.describe()));
    QVERIFY2(r.stdErr.contains("foreign key"), qPrintable(r.describe()));
}

// Parents without a key get generated _ids as they are read; embedding rebuilds the batch's
// documents afterwards, and the report must still count those keys.
void TestCliReverse::embeddedKeylessParentsCountGeneratedKeys()
{
    const QString source =
        QStringLiteral("sqlite:") + m_dir.filePath(QStringLiteral("keyless.sqlite"));
    {
        SqlReader db(source);
        QVERIFY2(db.ok(), qPrintable(db.error()));
        const QString failed = db.execute(
            {QStringLiteral("CREATE TABLE runs (code TEXT NOT NULL UNIQUE, name TEXT)"),
             QStringLiteral("CREATE TABLE tags (run_code TEXT NOT NULL REFERENCES runs(code), "
                            "tag TEXT)"),
             QStringLiteral("INSERT INTO runs VALUES ('a', 'first'), ('b', 'second'), "
                            "('c', 'third')"),
             QStringLiteral("INSERT INTO tags VALUES ('a', 'x'), ('a', 'y'), ('c', 'z')")});
        QVERIFY2(failed.isEmpty(), qPrintable(failed));
    }
    const QString report = m_dir.filePath(QStringLiteral("keyless.report.json"));
    const CliResult r = runFerryCli(
        {QStringLiteral("migrate"), QStringLiteral("--source"), source, QStringLiteral("--target"),
         QStringLiteral("ndjson:") + m_dir.filePath(QStringLiteral("keyless")),
         QStringLiteral("--embed"), QStringLiteral("tags:runs"), QStringLiteral("--report"),
         report});
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    const QJsonArray collections = readJson(report).value(QStringLiteral("collections")).toArray();
    QCOMPARE(collections.size(), qsizetype(1));
    const QJsonObject runs = collections.first().toObject();
    QCOMPARE(runs.value(QStringLiteral("written")).toInteger(), 3);
    QCOMPARE(runs.value(QStringLiteral("generated_keys")).toInteger(), 3);
}

QTEST_GUILESS_MAIN(TestCliReverse)
#include "tst_cli_reverse.moc"

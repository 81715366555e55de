// End to end through the real ferry-cli executable: MongoDB's public sample data (files
// nobody here wrote) into SQLite and PostgreSQL, and the same data through a live wire peer.
#include "support/cli_runner.h"
#include "support/sql_reader.h"
#include "support/test_services.h"

#include <ferry_version.h>

#include <bson/bson.h>
#include <mongoc/mongoc.h>

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

#include <utility>

using namespace ferry::test;

class TestCliMigrate : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void versionIsTheProjectVersion();
    void sampleDataset_data();
    void sampleDataset();
    void coordinatesComeBackAsNumbers_data();
    void coordinatesComeBackAsNumbers();
    void countsReadAsWords();
    void liveMongoGivesSameTables();
    void projectRoundTripAndRun();
    void secretsNeverPrinted();
    void badInput_data();
    void badInput();

private:
    QString targetFor(const QString &kind, const QString &name);
    QTemporaryDir m_dir;
    QString m_dataset;
};

void TestCliMigrate::initTestCase()
{
    QVERIFY2(!cliPath().isEmpty(), "FERRY_CLI is not set: run the tests through ctest");
    QVERIFY(m_dir.isValid());
    m_dataset = sharedDataset(QStringLiteral("sample_mflix"));
    QVERIFY2(QFile::exists(m_dataset + QStringLiteral("/theaters.json")), qPrintable(m_dataset));
}

QString TestCliMigrate::targetFor(const QString &kind, const QString &name)
{
    return freshTarget(kind, name, m_dir.path());
}

void TestCliMigrate::versionIsTheProjectVersion()
{
    const CliResult r = runFerryCli({QStringLiteral("--version")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    QCOMPARE(r.stdOut, QByteArray("ferry-cli " FERRY_VERSION "\n"));
}

void TestCliMigrate::sampleDataset_data()
{
    QTest::addColumn<QString>("kind");
    QTest::newRow("sqlite") << QStringLiteral("sqlite");
    QTest::newRow("postgresql") << QStringLiteral("postgresql");
}

void TestCliMigrate::sampleDataset()
{
    QFETCH(QString, kind);
    const QString target = targetFor(kind, QStringLiteral("mflix"));
    const QString report = m_dir.filePath(kind + QStringLiteral("-report.json"));
    const CliResult r = runFerryCli(
        {QStringLiteral("migrate"), QStringLiteral("--source"), QStringLiteral("dump:") + m_dataset,
         QStringLiteral("--target"), target, QStringLiteral("--report"), report});
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));

    const QJsonObject rep = readJson(report);
    QCOMPARE(rep.value(QStringLiteral("ferry_report")).toInt(), 1);
    QCOMPARE(rep.value(QStringLiteral("ferry_version")).toString(), QStringLiteral(FERRY_VERSION));
    QCOMPARE(rep.value(QStringLiteral("status")).toString(), QStringLiteral("completed"));
    const QHash<QString, qint64> expected = {{QStringLiteral("theaters"), 1564},
                                             {QStringLiteral("users"), 185},
                                             {QStringLiteral("sessions"), 1}};
    const QJsonArray collections = rep.value(QStringLiteral("collections")).toArray();
    QCOMPARE(collections.size(), expected.size());
    for (const QJsonValue &v : collections) {
        const QJsonObject c = v.toObject();
        const QString name = c.value(QStringLiteral("name")).toString();
        QVERIFY2(expected.contains(name), qPrintable(name));
        const qint64 n = expected.value(name);
        QCOMPARE(c.value(QStringLiteral("source_count")).toInteger(), n);
        QCOMPARE(c.value(QStringLiteral("read")).toInteger(), n);
        QCOMPARE(c.value(QStringLiteral("written")).toInteger(), n);
        QCOMPARE(c.value(QStringLiteral("rejected")).toInteger(), 0);
        const QJsonObject root = c.value(QStringLiteral("tables")).toArray().first().toObject();
        QCOMPARE(root.value(QStringLiteral("name")).toString(), name);
        QCOMPARE(root.value(QStringLiteral("rows")).toInteger(), n);
    }

    SqlReader db(target);
    QVERIFY2(db.ok(), qPrintable(db.error()));
    QCOMPARE(db.scalar(QStringLiteral("SELECT count(*) FROM theaters")), QStringLiteral("1564"));
    QCOMPARE(db.scalar(QStringLiteral("SELECT location_address_city FROM theaters WHERE "
                                      "theaterid = 1000")),
             QStringLiteral("Bloomington"));
    // geo.coordinates, a [lon, lat] pair, stays in the theater's row: a double precision[]
    // on PostgreSQL, a JSON array on SQLite; no child table of two rows per theater.
    QVERIFY2(!db.tables().contains(QStringLiteral("theaters_location_geo_coordinates")),
             qPrintable(db.tables().join(QLatin1Char(','))));
    const bool pg = kind == QLatin1String("postgresql");
    const QString element = pg ? QStringLiteral("location_geo_coordinates[%1]")
                               : QStringLiteral("json_extract(location_geo_coordinates, '$[%1]')");
    for (const auto &[position, value] : {std::pair{0, "-93.24565"}, std::pair{1, "44.85466"}})
        QCOMPARE(db.scalar(QStringLiteral("SELECT %1 FROM theaters WHERE _id = "
                                          "'59a47286cfa9a3a73e51e72c'")
                               .arg(element.arg(pg ? position + 1 : position))),
                 QLatin1String(value));
    QCOMPARE(db.scalar(pg ? QStringLiteral("SELECT count(*) FROM theaters WHERE "
                                           "cardinality(location_geo_coordinates) = 2")
                          : QStringLiteral("SELECT count(*) FROM theaters WHERE "
                                           "json_array_length(location_geo_coordinates) = 2")),
             QStringLiteral("1564"));
    QCOMPARE(db.scalar(QStringLiteral("SELECT email FROM users WHERE name = 'Ned Stark'")),
             QStringLiteral("sean_bean@gameofthron.es"));
    QCOMPARE(db.scalar(QStringLiteral("SELECT name FROM users WHERE _id = "
                                      "'59b99db4cfa9a34dcd7885b6'")),
             QStringLiteral("Ned Stark"));
}

void TestCliMigrate::coordinatesComeBackAsNumbers_data()
{
    sampleDataset_data();
}

// The way back: the array column (PostgreSQL array, SQLite JSON) becomes an array of
// numbers again in the documents, not a string holding one.
void TestCliMigrate::coordinatesComeBackAsNumbers()
{
    QFETCH(QString, kind);
    const QString target = targetFor(kind, QStringLiteral("geo"));
    CliResult r =
        runFerryCli({QStringLiteral("migrate"), QStringLiteral("--source"),
                     QStringLiteral("dump:") + m_dataset + QStringLiteral("/theaters.json"),
                     QStringLiteral("--target"), target});
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    const QString back = m_dir.filePath(kind + QStringLiteral("-back"));
    r = runFerryCli({QStringLiteral("migrate"), QStringLiteral("--source"), target,
                     QStringLiteral("--target"), QStringLiteral("ndjson:") + back,
                     QStringLiteral("--collection"), QStringLiteral("theaters")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    QFile file(back + QStringLiteral("/theaters.json"));
    QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.fileName()));
    int checked = 0;
    while (!file.atEnd()) {
        const QByteArray line = file.readLine();
        bson_error_t error;
        bson_t *doc = bson_new_from_json(reinterpret_cast<const uint8_t *>(line.constData()),
                                         line.size(), &error);
        QVERIFY2(doc, error.message);
        bson_iter_t it;
        bson_iter_t id;
        const bool found = bson_iter_init_find(&id, doc, "_id") &&
                           bson_iter_init_find(&it, doc, "location_geo_coordinates");
        const bool isArray = found && BSON_ITER_HOLDS_ARRAY(&it);
        const bool first = found && BSON_ITER_HOLDS_UTF8(&id) &&
                           qstrcmp(bson_iter_utf8(&id, nullptr), "59a47286cfa9a3a73e51e72c") == 0;
        bson_iter_t element;
        double lon = 0;
        int numbers = 0;
        if (isArray && bson_iter_recurse(&it, &element)) {
            while (bson_iter_next(&element)) {
                if (BSON_ITER_HOLDS_DOUBLE(&element)) {
                    if (numbers == 0)
                        lon = bson_iter_double(&element);
                    ++numbers;
                }
            }
        }
        bson_destroy(doc);
        QVERIFY2(isArray && numbers == 2, line.constData());
        if (first)
            QCOMPARE(lon, -93.24565);
        ++checked;
    }
    QCOMPARE(checked, 1564);
}

// What ferry-cli prints for people: proper singular and plural, counts grouped by
// thousands (the C locale would group none; "," then).
void TestCliMigrate::countsReadAsWords()
{
    const QStringList cLocale = {QStringLiteral("LC_ALL=C"), QStringLiteral("LANG=C")};
    const QString theaters = QStringLiteral("dump:") + m_dataset + QStringLiteral("/theaters.json");
    const QString target =
        QStringLiteral("sqlite:") + m_dir.filePath(QStringLiteral("words.sqlite"));
    const QString project = m_dir.filePath(QStringLiteral("words.ferry"));
    CliResult r = runFerryCli({QStringLiteral("infer"), QStringLiteral("--source"), theaters,
                               QStringLiteral("--target"), target, QStringLiteral("-o"), project},
                              300000, cLocale);
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    QVERIFY2(r.stdOut.contains("(1 collection)."), qPrintable(r.describe()));
    r = runFerryCli({QStringLiteral("run"), project}, 300000, cLocale);
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    QVERIFY2(r.stdOut.contains("theaters: 1,564 read, 1,564 written") &&
                 r.stdOut.contains("table theaters: 1,564 rows"),
             qPrintable(r.describe()));
    QVERIFY2(!r.stdOut.contains("(s)") && !r.stdErr.contains("(s)"), qPrintable(r.describe()));
}

void TestCliMigrate::liveMongoGivesSameTables()
{
    const QString database = QStringLiteral("mflix_%1").arg(QCoreApplication::applicationPid());
    const QString uri = mongoUri(database);
    QVERIFY2(!uri.isEmpty(), "Mongo peer not running: run the tests through ctest (scripts/test)");
    for (const QString name : {QStringLiteral("theaters"), QStringLiteral("users")})
        QVERIFY(loadJsonIntoMongo(uri, name,
                                  m_dataset + QLatin1Char('/') + name + QStringLiteral(".json")));

    const QString fromDump =
        QStringLiteral("sqlite:") + m_dir.filePath(QStringLiteral("dump.sqlite"));
    const QString fromLive =
        QStringLiteral("sqlite:") + m_dir.filePath(QStringLiteral("live.sqlite"));
    for (const QString name : {QStringLiteral("theaters"), QStringLiteral("users")}) {
        const CliResult a = runFerryCli({QStringLiteral("migrate"), QStringLiteral("--source"),
                                         QStringLiteral("dump:") + m_dataset + QLatin1Char('/') +
                                             name + QStringLiteral(".json"),
                                         QStringLiteral("--target"), fromDump,
                                         QStringLiteral("--sample"), QStringLiteral("all")});
        QVERIFY2(a.exitCode == 0, qPrintable(a.describe()));
    }
    // Both sides see every document, in different orders ($sample is random): the mapping,
    // column order included, must not depend on that order.
    const CliResult b =
        runFerryCli({QStringLiteral("migrate"), QStringLiteral("--source"), uri,
                     QStringLiteral("--target"), fromLive, QStringLiteral("--batch-size"),
                     QStringLiteral("300"), QStringLiteral("--sample"), QStringLiteral("all")});
    QVERIFY2(b.exitCode == 0, qPrintable(b.describe()));

    SqlReader dump(fromDump);
    SqlReader live(fromLive);
    const QStringList tables = dump.tables();
    QVERIFY2(tables.contains(QStringLiteral("theaters")) &&
                 dump.columns(QStringLiteral("theaters"))
                     .contains(QStringLiteral("location_geo_coordinates")),
             qPrintable(tables.join(QLatin1Char(','))));
    QCOMPARE(live.tables(), tables);
    for (const QString &t : tables) {
        QCOMPARE(live.columns(t), dump.columns(t));
        QCOMPARE(live.tableChecksum(t), dump.tableChecksum(t));
    }
}

void TestCliMigrate::projectRoundTripAndRun()
{
    const QString project = m_dir.filePath(QStringLiteral("users.ferry"));
    const QString target =
        QStringLiteral("sqlite:") + m_dir.filePath(QStringLiteral("users.sqlite"));
    const CliResult infer = runFerryCli(
        {QStringLiteral("infer"), QStringLiteral("--source"), QStringLiteral("dump:") + m_dataset,
         QStringLiteral("--target"), target, QStringLiteral("--collection"),
         QStringLiteral("users"), QStringLiteral("-o"), project});
    QVERIFY2(infer.exitCode == 0, qPrintable(infer.describe()));
    QFile f(project);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray first = f.readAll();
    QVERIFY(first.contains("\"format\": \"ferry-project\""));

    const QString report = m_dir.filePath(QStringLiteral("users-run.json"));
    const CliResult run =
        runFerryCli({QStringLiteral("run"), project, QStringLiteral("--report"), report});
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    const QJsonObject c =
        readJson(report).value(QStringLiteral("collections")).toArray().first().toObject();
    QCOMPARE(c.value(QStringLiteral("written")).toInteger(), 185);

    // Running again skips every existing row and writes none.
    const CliResult again =
        runFerryCli({QStringLiteral("run"), project, QStringLiteral("--report"), report});
    QVERIFY2(again.exitCode == 0, qPrintable(again.describe()));
    const QJsonObject c2 =
        readJson(report).value(QStringLiteral("collections")).toArray().first().toObject();
    QCOMPARE(c2.value(QStringLiteral("written")).toInteger(), 0);
    QCOMPARE(c2.value(QStringLiteral("skipped_existing")).toInteger(), 185);
    SqlReader db(target);
    QCOMPARE(db.scalar(QStringLiteral("SELECT count(*) FROM users")), QStringLiteral("185"));
}

void TestCliMigrate::secretsNeverPrinted()
{
    // The throwaway cluster trusts loopback, so any password connects: it must still never
    // show up in anything Ferry writes.
    QString target = targetFor(QStringLiteral("postgresql"), QStringLiteral("secret"));
    target.replace(QStringLiteral("postgresql://postgres@"),
                   QStringLiteral("postgresql://postgres:Sup3rSecretPw@"));
    const QString report = m_dir.filePath(QStringLiteral("secret-report.json"));
    const QString project = m_dir.filePath(QStringLiteral("secret.ferry"));
    const CliResult r =
        runFerryCli({QStringLiteral("migrate"), QStringLiteral("--source"),
                     QStringLiteral("dump:") + m_dataset + QStringLiteral("/users.json"),
                     QStringLiteral("--target"), target, QStringLiteral("--report"), report,
                     QStringLiteral("--save-project"), project});
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    QVERIFY(!r.stdOut.contains("Sup3rSecretPw"));
    QVERIFY(!r.stdErr.contains("Sup3rSecretPw"));
    for (const QString &path : {report, project}) {
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray text = f.readAll();
        QVERIFY2(!text.contains("Sup3rSecretPw"), qPrintable(path));
        QVERIFY2(text.contains("127.0.0.1"), qPrintable(path));
    }
    // A refused connection echoes the URI in libpq's message: redacted too.
    const CliResult bad =
        runFerryCli({QStringLiteral("migrate"), QStringLiteral("--source"),
                     QStringLiteral("dump:") + m_dataset + QStringLiteral("/users.json"),
                     QStringLiteral("--target"),
                     QStringLiteral("postgresql://u:Sup3rSecretPw@127.0.0.1:1/db")});
    QCOMPARE(bad.exitCode, 3);
    QVERIFY(!bad.stdErr.contains("Sup3rSecretPw"));
}

void TestCliMigrate::badInput_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("mentions");
    const QString sqlite = QStringLiteral("sqlite:") + m_dir.filePath(QStringLiteral("bad.sqlite"));
    QTest::newRow("unknown collection") << QStringList{QStringLiteral("migrate"),
                                                       QStringLiteral("--source"),
                                                       QStringLiteral("dump:") + m_dataset,
                                                       QStringLiteral("--target"),
                                                       sqlite,
                                                       QStringLiteral("--collection"),
                                                       QStringLiteral("nosuch")}
                                        << 2 << QStringLiteral("nosuch");
    QTest::newRow("unreachable mongo")
        << QStringList{QStringLiteral("list"), QStringLiteral("--source"),
                       QStringLiteral("mongodb://127.0.0.1:1/db?serverSelectionTimeoutMS=500")}
        << 3 << QStringLiteral("127.0.0.1");
    QTest::newRow("missing dump path")
        << QStringList{QStringLiteral("list"), QStringLiteral("--source"),
                       QStringLiteral("dump:/nonexistent/x")}
        << 2 << QStringLiteral("/nonexistent/x");
    QTest::newRow("unknown option")
        << QStringList{QStringLiteral("run"), QStringLiteral("x.ferry"),
                       QStringLiteral("--bach-size"), QStringLiteral("5")}
        << 2 << QStringLiteral("--bach-size");
    QTest::newRow("missing project file")
        << QStringList{QStringLiteral("run"), m_dir.filePath(QStringLiteral("none.ferry"))} << 2
        << QStringLiteral("none.ferry");
}

void TestCliMigrate::badInput()
{
    QFETCH(QStringList, args);
    QFETCH(int, exitCode);
    QFETCH(QString, mentions);
    const CliResult r = runFerryCli(args);
    QVERIFY2(r.exitCode == exitCode, qPrintable(r.describe()));
    QVERIFY2(QString::fromUtf8(r.stdErr).contains(mentions), qPrintable(r.describe()));
}

QTEST_GUILESS_MAIN(TestCliMigrate)
#include "tst_cli_migrate.moc"

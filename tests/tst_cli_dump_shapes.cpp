// Every dump shape through the real ferry-cli into SQLite and PostgreSQL: what was read is
// written, skipped or rejected, never lost, and the values arrive.
#include "support/cli_runner.h"
#include "support/dump_fixtures.h"
#include "support/sql_reader.h"
#include "support/test_services.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace ferry;
using namespace ferry::test;

namespace {

QByteArray numbered(int from, int count)
{
    QByteArray out;
    for (int i = from; i < from + count; ++i)
        out += bytesOf(fromJson("{\"_id\": " + QByteArray::number(i) + ", \"v\": \"x" +
                                QByteArray::number(i) + "\"}"));
    return out;
}

QHash<QString, QJsonObject> collectionsOf(const QJsonObject &report)
{
    QHash<QString, QJsonObject> out;
    for (const QJsonValue &v : report.value(u"collections"_s).toArray())
        out.insert(v.toObject().value(u"name"_s).toString(), v.toObject());
    return out;
}

// One `ferry-cli migrate --source dump:… --target … --report …` into a fresh target.
struct Migrated {
    QString target;
    QString report;
    QHash<QString, QJsonObject> collections; // the report's, by name
    QString failure;                         // set when the run did not exit 0
};

Migrated migrateDump(const QString &kind, const QString &name, const QString &source,
                     const QString &dir, const QStringList &extra = {})
{
    Migrated m;
    m.target = freshTarget(kind, name, dir);
    m.report = dir + u"/"_s + kind + u"-"_s + name + u".report.json"_s;
    const CliResult r = runFerryCli(QStringList{u"migrate"_s, u"--source"_s, u"dump:"_s + source,
                                                u"--target"_s, m.target, u"--report"_s, m.report} +
                                    extra);
    if (r.exitCode != 0)
        m.failure = r.describe();
    else
        m.collections = collectionsOf(readJson(m.report));
    return m;
}

// written + skipped + rejected == read, and the expected numbers.
bool countsAddUp(const QJsonObject &c, qint64 read, qint64 written, qint64 rejected, QString *why)
{
    const qint64 r = c.value(u"read"_s).toInteger();
    const qint64 w = c.value(u"written"_s).toInteger();
    const qint64 s = c.value(u"skipped_existing"_s).toInteger();
    const qint64 j = c.value(u"rejected"_s).toInteger();
    *why = QString::fromUtf8(QJsonDocument(c).toJson(QJsonDocument::Compact));
    return w + s + j == r && r == read && w == written && j == rejected;
}

QList<QJsonObject> rejectLines(const QString &path)
{
    QFile f(path);
    QList<QJsonObject> out;
    if (!f.open(QIODevice::ReadOnly))
        return out;
    for (const QByteArray &line : f.readAll().split('\n'))
        if (!line.isEmpty())
            out << QJsonDocument::fromJson(line).object();
    return out;
}

} // namespace

class CliDumpShapesTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void archive_data();
    void archive();
    void gzipRootWithTimeSeries_data();
    void gzipRootWithTimeSeries();
    void shellJsonWithoutIds_data();
    void shellJsonWithoutIds();
    void generatedKeysBesideRepeatedIds_data();
    void generatedKeysBesideRepeatedIds();
    void corruptDocuments_data();
    void corruptDocuments();

private:
    void kinds();
    QTemporaryDir m_dir;
};

void CliDumpShapesTest::initTestCase()
{
    QVERIFY2(!cliPath().isEmpty(), "FERRY_CLI is not set: run the tests through ctest");
    QVERIFY(m_dir.isValid());
}

void CliDumpShapesTest::kinds()
{
    QTest::addColumn<QString>("kind");
    QTest::newRow("sqlite") << u"sqlite"_s;
    QTest::newRow("postgresql") << u"postgresql"_s;
}

void CliDumpShapesTest::archive_data()
{
    kinds();
}

void CliDumpShapesTest::archive()
{
    QFETCH(QString, kind);
    const QByteArray bytes =
        archiveBytes({{u"shop.orders"_s, "{}"}, {u"shop.users"_s, "{}"}, {u"shop.items"_s, "{}"}},
                     {{u"shop.orders"_s, numbered(0, 30)},
                      {u"shop.users"_s, numbered(100, 20)},
                      {u"shop.items"_s, numbered(200, 10)},
                      {u"shop.orders"_s, numbered(30, 15)},
                      {u"shop.users"_s, numbered(120, 5)}});
    const QString path = m_dir.filePath(kind + u".archive.gz"_s);
    writeFile(path, gzipped(bytes));
    const Migrated m =
        migrateDump(kind, u"archive"_s, path, m_dir.path(), {u"--batch-size"_s, u"7"_s});
    QVERIFY2(m.failure.isEmpty(), qPrintable(m.failure));
    const QString &target = m.target;
    const auto &colls = m.collections;
    QCOMPARE(colls.size(), 3);
    QString why;
    QVERIFY2(countsAddUp(colls.value(u"orders"_s), 45, 45, 0, &why), qPrintable(why));
    QVERIFY2(countsAddUp(colls.value(u"users"_s), 25, 25, 0, &why), qPrintable(why));
    QVERIFY2(countsAddUp(colls.value(u"items"_s), 10, 10, 0, &why), qPrintable(why));
    SqlReader db(target);
    QVERIFY2(db.ok(), qPrintable(db.error()));
    QCOMPARE(db.scalar(u"SELECT v FROM orders WHERE _id = 44"_s), u"x44"_s);
    QCOMPARE(db.scalar(u"SELECT count(*) FROM users"_s), u"25"_s);
}

void CliDumpShapesTest::gzipRootWithTimeSeries_data()
{
    kinds();
}

void CliDumpShapesTest::gzipRootWithTimeSeries()
{
    QFETCH(QString, kind);
    // mongodump --gzip of a server with two databases, a time-series collection, a view and
    // the admin database.
    const QString root = m_dir.filePath(kind + u"-root"_s);
    for (const QString db : {u"app"_s, u"metrics"_s, u"admin"_s})
        QVERIFY(QDir(root).mkpath(db));
    writeFile(root + u"/app/caf%C3%A9s.bson.gz"_s, gzipped(numberedBson(12)));
    writeFile(root + u"/app/caf%C3%A9s.metadata.json.gz"_s, gzipped("{\"indexes\":[]}"));
    writeFile(root + u"/app/busy.metadata.json.gz"_s,
              gzipped(R"({"options":{"viewOn":"cafés","pipeline":[]},"type":"view"})"));
    writeFile(root + u"/metrics/weather.metadata.json.gz"_s,
              gzipped(R"({"options":{"timeseries":{"timeField":"t","metaField":"sensor"}},)"
                      R"("type":"timeseries"})"));
    writeFile(root + u"/metrics/system.buckets.weather.bson.gz"_s,
              gzipped(bucketBson(0, 4, "north", 1700000000000) +
                      bucketBson(10, 3, "south", 1700001000000)));
    writeFile(root + u"/admin/system.version.bson.gz"_s, gzipped(numberedBson(1)));
    const CliResult list = runFerryCli({u"list"_s, u"--source"_s, u"dump:"_s + root});
    QVERIFY2(list.exitCode == 0, qPrintable(list.describe()));
    QVERIFY2(list.stdOut.contains("app.cafés\t12"), qPrintable(list.describe()));
    QVERIFY2(list.stdOut.contains("metrics.weather\t7"), qPrintable(list.describe()));
    QVERIFY2(list.stdErr.contains("app.busy") && list.stdErr.contains("admin.system.version"),
             qPrintable(list.describe()));
    const Migrated m = migrateDump(kind, u"root"_s, root, m_dir.path());
    QVERIFY2(m.failure.isEmpty(), qPrintable(m.failure));
    const QString &target = m.target;
    const auto &colls = m.collections;
    QCOMPARE(colls.size(), 2);
    QString why;
    QVERIFY2(countsAddUp(colls.value(u"app.cafés"_s), 12, 12, 0, &why), qPrintable(why));
    QVERIFY2(countsAddUp(colls.value(u"metrics.weather"_s), 7, 7, 0, &why), qPrintable(why));
    const QString weather = colls.value(u"metrics.weather"_s)
                                .value(u"tables"_s)
                                .toArray()
                                .first()
                                .toObject()
                                .value(u"name"_s)
                                .toString();
    SqlReader db(target);
    QVERIFY2(db.ok(), qPrintable(db.error()));
    QCOMPARE(db.scalar(u"SELECT sensor FROM \"%1\" WHERE _id = 11"_s.arg(weather)), u"south"_s);
    // temp is an SQLite keyword: the column is temp_ there.
    const QString temp = kind == u"sqlite"_s ? u"temp_"_s : u"temp"_s;
    QCOMPARE(db.scalar(u"SELECT %2 FROM \"%1\" WHERE _id = 12"_s.arg(weather, temp)), u"22"_s);
    QCOMPARE(db.scalar(u"SELECT count(humidity) FROM \"%1\""_s.arg(weather)), u"4"_s);
}

void CliDumpShapesTest::shellJsonWithoutIds_data()
{
    kinds();
}

void CliDumpShapesTest::shellJsonWithoutIds()
{
    QFETCH(QString, kind);
    const QString path = m_dir.filePath(kind + u"-people.json"_s);
    writeFile(path, "\xEF\xBB\xBF{name: 'Ann', born: ISODate(\"1990-05-01\"), n: NumberLong(5)}\n"
                    "{name: 'Bob', born: new Date(0), n: 0x10}\n"
                    "{name: 'Bob', born: new Date(0), n: 0x10}\n"
                    "{\"_id\": 3, \"name\": \"Cy\", \"n\": 1}\n");
    const QString project = m_dir.filePath(kind + u"-people.ferry"_s);
    const Migrated m =
        migrateDump(kind, u"people"_s, path, m_dir.path(), {u"--save-project"_s, project});
    QVERIFY2(m.failure.isEmpty(), qPrintable(m.failure));
    const QString &target = m.target;
    const QString &report = m.report;
    const QJsonObject c = m.collections.value(kind + u"-people"_s);
    QString why;
    QVERIFY2(countsAddUp(c, 4, 4, 0, &why), qPrintable(why));
    QCOMPARE(c.value(u"generated_keys"_s).toInteger(), 3);
    SqlReader db(target);
    QVERIFY2(db.ok(), qPrintable(db.error()));
    const QString table =
        c.value(u"tables"_s).toArray().first().toObject().value(u"name"_s).toString();
    QCOMPARE(db.scalar(u"SELECT count(*) FROM \"%1\" WHERE name = 'Bob' AND n = 16"_s.arg(table)),
             u"2"_s);
    // A second run finds the same keys: nothing is written twice.
    const CliResult again = runFerryCli({u"run"_s, project, u"--report"_s, report});
    QVERIFY2(again.exitCode == 0, qPrintable(again.describe()));
    const QJsonObject c2 = collectionsOf(readJson(report)).value(kind + u"-people"_s);
    QCOMPARE(c2.value(u"skipped_existing"_s).toInteger(), 4);
    QCOMPARE(db.scalar(u"SELECT count(*) FROM \"%1\""_s.arg(table)), u"4"_s);
}

void CliDumpShapesTest::generatedKeysBesideRepeatedIds_data()
{
    kinds();
}

// A batch whose repeated _id is dropped is swapped for a subset of itself; the documents that
// got a generated key in that batch must still be counted.
void CliDumpShapesTest::generatedKeysBesideRepeatedIds()
{
    QFETCH(QString, kind);
    const QString path = m_dir.filePath(kind + u"-mixed.json"_s);
    writeFile(path, "{\"name\": \"no id\"}\n"
                    "{\"_id\": 7, \"name\": \"first\"}\n"
                    "{\"name\": \"no id either\"}\n"
                    "{\"_id\": 7, \"name\": \"again\"}\n");
    const Migrated m = migrateDump(kind, u"mixed"_s, path, m_dir.path());
    QVERIFY2(m.failure.isEmpty(), qPrintable(m.failure));
    const QJsonObject c = m.collections.value(kind + u"-mixed"_s);
    QString why;
    QVERIFY2(countsAddUp(c, 4, 3, 0, &why), qPrintable(why));
    QCOMPARE(c.value(u"skipped_existing"_s).toInteger(), 1);
    QCOMPARE(c.value(u"generated_keys"_s).toInteger(), 2);
}

void CliDumpShapesTest::corruptDocuments_data()
{
    kinds();
}

void CliDumpShapesTest::corruptDocuments()
{
    QFETCH(QString, kind);
    const QString dir = m_dir.filePath(kind + u"-corrupt"_s);
    QVERIFY(QDir().mkpath(dir));
    // users.bson: a corrupt document (frame intact) in the middle; tail.bson: a broken frame
    // after two good documents; lines.json: a line that does not parse.
    QByteArray users = numbered(0, 3);
    const qsizetype badAt = users.size();
    QByteArray bad = numbered(3, 1);
    bad[4] = char(0x1a); // no BSON type has this byte
    users += bad + numbered(4, 3);
    writeFile(dir + u"/users.bson"_s, users);
    QByteArray tail = numbered(0, 2);
    const qsizetype brokenAt = tail.size();
    tail += QByteArray("\xff\xff\xff\x7f", 4) + numbered(2, 2);
    writeFile(dir + u"/tail.bson"_s, tail);
    writeFile(dir + u"/lines.json"_s, "{\"_id\": 1}\n{\"_id\": 2, oops}\n{\"_id\": 3}\n");

    // --on-error stop (the default): the first one stops the run with the offset.
    const QString stopTarget = freshTarget(kind, u"corrupt_stop"_s, m_dir.path());
    const CliResult stop = runFerryCli({u"migrate"_s, u"--source"_s, u"dump:"_s + dir,
                                        u"--target"_s, stopTarget, u"--collection"_s, u"users"_s});
    QCOMPARE(stop.exitCode, 4);
    QVERIFY2(stop.stdErr.contains("byte " + QByteArray::number(badAt)),
             qPrintable(stop.describe()));

    const QString target = freshTarget(kind, u"corrupt"_s, m_dir.path());
    const QString report = m_dir.filePath(kind + u"-corrupt.json"_s);
    const CliResult r = runFerryCli({u"migrate"_s, u"--source"_s, u"dump:"_s + dir, u"--target"_s,
                                     target, u"--report"_s, report, u"--on-error"_s, u"reject"_s,
                                     u"--batch-size"_s, u"2"_s});
    QVERIFY2(r.exitCode == 1, qPrintable(r.describe()));
    const QJsonObject rep = readJson(report);
    QCOMPARE(rep.value(u"status"_s).toString(), u"completed_with_rejects"_s);
    const auto colls = collectionsOf(rep);
    QString why;
    QVERIFY2(countsAddUp(colls.value(u"users"_s), 7, 6, 1, &why), qPrintable(why));
    QVERIFY2(countsAddUp(colls.value(u"tail"_s), 3, 2, 1, &why), qPrintable(why));
    QVERIFY2(countsAddUp(colls.value(u"lines"_s), 3, 2, 1, &why), qPrintable(why));
    SqlReader db(target);
    QCOMPARE(db.scalar(u"SELECT v FROM users WHERE _id = 6"_s), u"x6"_s);
    const QList<QJsonObject> rejects = rejectLines(rep.value(u"reject_file"_s).toString());
    QCOMPARE(rejects.size(), 3);
    QHash<QString, QJsonObject> byCollection;
    for (const QJsonObject &o : rejects)
        byCollection.insert(o.value(u"collection"_s).toString(), o);
    const QJsonObject u = byCollection.value(u"users"_s);
    QVERIFY(u.value(u"reason"_s).toString().contains(u"byte %1"_s.arg(badAt)));
    QCOMPARE(QByteArray::fromBase64(u.value(u"document"_s)
                                        .toObject()
                                        .value(u"$binary"_s)
                                        .toObject()
                                        .value(u"base64"_s)
                                        .toString()
                                        .toLatin1()),
             bad);
    const QJsonObject t = byCollection.value(u"tail"_s);
    QVERIFY(t.value(u"reason"_s).toString().contains(u"byte %1"_s.arg(brokenAt)));
    const QJsonObject l = byCollection.value(u"lines"_s);
    QCOMPARE(l.value(u"document"_s).toString(), u"{\"_id\": 2, oops}"_s);
    QVERIFY(l.value(u"reason"_s).toString().contains(u"line 2"_s));
}

QTEST_GUILESS_MAIN(CliDumpShapesTest)
#include "tst_cli_dump_shapes.moc"

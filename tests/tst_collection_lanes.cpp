// Collections that do not reference each other move side by side into PostgreSQL: the tables
// equal a one-at-a-time run, a collection that references another starts after it, a failing
// collection stops the others and fails the run, and a run killed twice (SIGKILL, with lanes
// mid-collection) and resumed equals the one-at-a-time run.
#include "core/endpoint.h"
#include "project/project_file.h"
#include "run/migration_run.h"
#include "support/cli_runner.h"
#include "support/generated_dump.h"
#include "support/sql_reader.h"
#include "support/test_services.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

using namespace ferry::test;

class TestCollectionLanes : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void collectionsMoveSideBySide();
    void failingCollectionStopsTheOthers();
    void cancelStopsEveryLane();
    void killedTwiceEqualsSerialRun();

private:
    // A project for the dump into a new database (its URI in m_targets): notes._id
    // references items._id.
    QString project(const QString &name);
    void compareWithSerial(const QString &target);

    QTemporaryDir m_dir;
    QString m_dumpDir;
    QString m_serial;
    QHash<QString, QString> m_targets;
    static constexpr int Docs = 60000;
    static constexpr int Notes = 3000;
    const QStringList m_tables{u"items"_qs,      u"items_tags"_qs, u"parts"_qs,
                               u"parts_tags"_qs, u"notes"_qs,      u"notes_tags"_qs};
};

void TestCollectionLanes::initTestCase()
{
    QVERIFY2(!cliPath().isEmpty(), "FERRY_CLI is not set: run the tests through ctest");
    m_dumpDir = m_dir.filePath(u"dump"_qs);
    QVERIFY(QDir().mkpath(m_dumpDir));
    QVERIFY(writeItemsDump(m_dumpDir + u"/items.bson"_qs, Docs));
    QVERIFY(writeItemsDump(m_dumpDir + u"/parts.bson"_qs, Docs));
    QVERIFY(writeItemsDump(m_dumpDir + u"/notes.bson"_qs, Notes));
    const QString serialProject = project(u"serial"_qs);
    m_serial = m_targets.value(u"serial"_qs);
    const CliResult r = runFerryCli({u"run"_qs, serialProject, u"--jobs"_qs, u"1"_qs});
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    QVERIFY2(!r.stdErr.contains("at a time"), r.stdErr.constData());
}

QString TestCollectionLanes::project(const QString &name)
{
    const QString target = freshTarget(u"postgresql"_qs, name, m_dir.path());
    m_targets.insert(name, target);
    const QString path = m_dir.filePath(name + u".ferry"_qs);
    const CliResult r = runFerryCli({u"infer"_qs, u"--source"_qs, u"dump:"_qs + m_dumpDir,
                                     u"--target"_qs, target, u"-o"_qs, path});
    if (r.exitCode != 0) {
        qWarning("%s", qPrintable(r.describe()));
        return path;
    }
    const QString referenced =
        addProjectReference(path, u"notes"_qs, u"_id"_qs, u"items"_qs, u"_id"_qs);
    if (!referenced.isEmpty())
        qWarning("%s", qPrintable(referenced));
    return path;
}

void TestCollectionLanes::compareWithSerial(const QString &target)
{
    const QString differs = differentTables(m_serial, target, m_tables);
    QVERIFY2(differs.isEmpty(), qPrintable(differs));
    SqlReader x(m_serial);
    SqlReader y(target);
    QCOMPARE(y.scalar(u"SELECT count(*) FROM parts"_qs), QString::number(Docs));
    QCOMPARE(y.scalar(u"SELECT count(*) FROM notes"_qs), QString::number(Notes));
    // Both runs end with the same keys and the reference as a foreign key.
    const QString constraints =
        u"SELECT string_agg(conrelid::regclass::text || ':' || contype::text, ',' ORDER BY "
        u"conrelid::regclass::text, contype) FROM "
        "pg_constraint WHERE connamespace = 'public'::regnamespace"_qs;
    QCOMPARE(y.scalar(constraints), x.scalar(constraints));
    QVERIFY2(y.scalar(constraints).contains(u"notes:f"_qs), qPrintable(y.scalar(constraints)));
}

void TestCollectionLanes::collectionsMoveSideBySide()
{
    const QString path = project(u"lanes"_qs);
    const QString report = m_dir.filePath(u"lanes.json"_qs);
    const CliResult r =
        runFerryCli({u"run"_qs, path, u"--jobs"_qs, u"4"_qs, u"--report"_qs, report});
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    QVERIFY2(r.stdErr.contains("Moving up to 3 collections at a time."), r.stdErr.constData());
    compareWithSerial(m_targets.value(u"lanes"_qs));
    const QJsonArray collections = readJson(report).value(u"collections"_qs).toArray();
    QCOMPARE(collections.size(), 3);
    for (const QJsonValue &c : collections) {
        QCOMPARE(c.toObject().value(u"status"_qs).toString(), u"completed"_qs);
        QCOMPARE(c.toObject().value(u"read"_qs).toInteger(),
                 c.toObject().value(u"written"_qs).toInteger());
    }
    // Parts started while items was still moving: its tables came before items' keys, which
    // are built when items' last batch is in.
    const qsizetype partsBegan = r.stdErr.indexOf("Created table parts.");
    const qsizetype itemsEnded = r.stdErr.indexOf("items: adding the primary keys after the load.");
    QVERIFY2(partsBegan >= 0 && itemsEnded >= 0, r.stdErr.constData());
    QVERIFY2(partsBegan < itemsEnded, r.stdErr.constData());
    // notes references items: its tables come only once items is in, keys and all.
    const qsizetype notesBegan = r.stdErr.indexOf("Created table notes.");
    QVERIFY2(notesBegan > itemsEnded, r.stdErr.constData());
}

void TestCollectionLanes::failingCollectionStopsTheOthers()
{
    const QString path = project(u"failing"_qs);
    SqlReader db(m_targets.value(u"failing"_qs));
    QVERIFY2(db.ok(), qPrintable(db.error()));
    // parts meets a table of the same name that cannot take its rows.
    const QString made =
        db.execute({u"CREATE TABLE parts (_id integer PRIMARY KEY, name date)"_qs});
    QVERIFY2(made.isEmpty(), qPrintable(made));
    const QString report = m_dir.filePath(u"failing.json"_qs);
    const CliResult r = runFerryCli({u"run"_qs, path, u"--jobs"_qs, u"2"_qs, u"--batch-size"_qs,
                                     u"500"_qs, u"--report"_qs, report});
    QCOMPARE(r.exitCode, 4);
    const QJsonObject json = readJson(report);
    QCOMPARE(json.value(u"status"_qs).toString(), u"failed"_qs);
    QHash<QString, QJsonObject> byName;
    for (const QJsonValue &c : json.value(u"collections"_qs).toArray())
        byName.insert(c.toObject().value(u"name"_qs).toString(), c.toObject());
    QCOMPARE(byName.value(u"parts"_qs).value(u"status"_qs).toString(), u"failed"_qs);
    QVERIFY2(r.stdErr.contains("Table \"parts\" already exists"), r.stdErr.constData());
    // items began first and was moving when parts failed as it began: it stops at its next
    // batch and says why. (Were it done already, it would stand completed.)
    const QJsonObject items = byName.value(u"items"_qs);
    const QString itemsStatus = items.value(u"status"_qs).toString();
    QVERIFY2(itemsStatus == u"cancelled"_qs || itemsStatus == u"completed"_qs,
             qPrintable(itemsStatus));
    if (itemsStatus == u"cancelled"_qs) {
        QVERIFY2(items.value(u"read"_qs).toInteger() < Docs, qPrintable(r.describe()));
        QVERIFY2(QJsonDocument(items).toJson().contains("Stopped because collection parts failed."),
                 QJsonDocument(items).toJson().constData());
        // notes waits for items, which never finished: it never started.
        QVERIFY2(!byName.contains(u"notes"_qs), qPrintable(r.describe()));
    }
}

void TestCollectionLanes::cancelStopsEveryLane()
{
    using namespace ferry;
    const QString path = project(u"cancel"_qs);
    auto loaded = ProjectFile::load(path);
    QVERIFY2(loaded, qPrintable(loaded ? QString() : loaded.error().message));
    Project p = *loaded;
    p.options.batchSize = 1000;
    const auto source = Endpoint::parse(u"dump:"_qs + m_dumpDir);
    const auto target = Endpoint::parse(m_targets.value(u"cancel"_qs));
    QVERIFY(source && target);
    RunRequest request;
    request.jobs = 4;
    MigrationRun run(p, *source, *target, request);
    // Cancelled as soon as anything is read, as a user pressing Cancel: in this thread, so
    // the run sees it at the next batch of every lane.
    connect(&run, &MigrationRun::progress, &run, [&run](const RunProgress &progress) {
        for (const CollectionProgress &c : progress.collections)
            if (c.read > 0)
                run.requestCancel();
    });
    run.start();
    QCOMPARE(run.exitCode(), 4);
    const RunReport &report = run.report();
    QCOMPARE(report.status, u"cancelled"_qs);
    QVERIFY(!report.collections.empty());
    for (const CollectionReport &c : report.collections) {
        QVERIFY2(c.name != u"notes"_qs, "notes waits for items and never began");
        QCOMPARE(c.status, u"cancelled"_qs);
        QVERIFY(c.read < Docs);
    }
}

void TestCollectionLanes::killedTwiceEqualsSerialRun()
{
    const QString path = project(u"killed"_qs);
    const QString target = m_targets.value(u"killed"_qs);
    const QStringList args{u"run"_qs,          path,      u"--resume"_qs, u"--jobs"_qs, u"2"_qs,
                           u"--batch-size"_qs, u"1000"_qs};
    // Killed at the 25th batch committed by either lane, then again 25 batches later.
    for (int kill = 0; kill < 2; ++kill) {
        const CliResult r =
            runFerryCli(args, 300000, {u"FERRY_TEST_CRASH_AT=batch-committed:25"_qs});
        QVERIFY2(r.exitCode == -2, qPrintable(r.describe()));
        QVERIFY2(r.stdErr.contains("Moving up to 2 collections at a time."), r.stdErr.constData());
    }
    SqlReader db(target);
    QVERIFY2(db.ok(), qPrintable(db.error()));
    // Killed with both lanes mid-collection: each has committed some batches, neither all.
    const QString progress = u"SELECT read || '/' || finished FROM ferry._ferry_checkpoints "
                             "WHERE key = '%1'"_qs;
    for (const QString &table : {u"items"_qs, u"parts"_qs}) {
        const QStringList state = db.scalar(progress.arg(table)).split(u'/');
        QVERIFY2(state.size() == 2 && state[0].toInt() > 0 && state[1] == u"false"_qs,
                 qPrintable(table + u": "_qs + state.join(u'/')));
    }
    const QString report = m_dir.filePath(u"killed.json"_qs);
    const CliResult done = runFerryCli(args + QStringList{u"--report"_qs, report});
    QVERIFY2(done.exitCode == 0, qPrintable(done.describe()));
    compareWithSerial(target);
    // Three attempts, one run: every collection registered under the first attempt's id,
    // which the report names (and `rollback` would undo as one).
    const QList<QStringList> runs = db.rows(u"SELECT DISTINCT run_id FROM ferry._ferry_runs"_qs);
    QCOMPARE(runs.size(), 1);
    QCOMPARE(runs.front().value(0), readJson(report).value(u"run_id"_qs).toString());
    QCOMPARE(db.scalar(u"SELECT count(DISTINCT collection) FROM ferry._ferry_runs"_qs), u"3"_qs);
}

QTEST_GUILESS_MAIN(TestCollectionLanes)
#include "tst_collection_lanes.moc"

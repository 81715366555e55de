// One collection split across processes, and one process writing with several connections:
// 4 partitions at once give the tables a single run gives; a partition killed with SIGKILL
// and resumed alone changes nothing; finish adds the keys and foreign keys; a --jobs 4 run
// killed twice and resumed equals a clean run.
#include "support/cli_runner.h"
#include "support/generated_dump.h"
#include "support/sql_reader.h"
#include "support/test_services.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <csignal>

using namespace ferry::test;

class TestPartitions : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void fourPartitionsEqualOneRun();
    void killedPartitionResumesAlone();
    void finishAddsKeysAndForeignKeys();
    void parallelRunKilledTwiceEqualsCleanRun();

private:
    QString target(const QString &name)
    {
        return freshTarget(u"postgresql"_qs, name, m_dir.path());
    }
    QString inferProject(const QString &source, const QString &tgt, const QString &name);
    // Starts `args`, waits until it has committed some batches, kills it; false if it ended.
    bool killMidway(const QStringList &args);
    void compareTables(const QString &a, const QString &b);

    QString m_dump; // generated .bson: items with 0–2 tags each
    QString m_clean;
    QTemporaryDir m_dir;
    static constexpr int Docs = 300000; // enough batches to be killed midway
};

void TestPartitions::initTestCase()
{
    QVERIFY2(!cliPath().isEmpty(), "FERRY_CLI is not set: run the tests through ctest");
    m_dump = m_dir.filePath(u"items.bson"_qs);
    QVERIFY(writeItemsDump(m_dump, Docs));
    m_clean = target(u"clean"_qs);
    const CliResult r = runFerryCli({u"migrate"_qs, u"--source"_qs, u"dump:"_qs + m_dump,
                                     u"--target"_qs, m_clean, u"--jobs"_qs, u"1"_qs});
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
}

QString TestPartitions::inferProject(const QString &source, const QString &tgt, const QString &name)
{
    const QString project = m_dir.filePath(name + u".ferry"_qs);
    const CliResult r =
        runFerryCli({u"infer"_qs, u"--source"_qs, source, u"--target"_qs, tgt, u"-o"_qs, project});
    if (r.exitCode != 0)
        qWarning("%s", qPrintable(r.describe()));
    return project;
}

bool TestPartitions::killMidway(const QStringList &args)
{
    QProcess p;
    p.start(cliPath(), args);
    if (!p.waitForStarted())
        return false;
    p.setReadChannel(QProcess::StandardError); // what waitForReadyRead() waits for
    QByteArray err;
    // The first progress line comes after the first committed batch; kill there, while most
    // of the batches are still to come.
    while (p.state() == QProcess::Running && !err.contains(" written")) {
        p.waitForReadyRead(2000);
        err += p.readAllStandardError();
    }
    const bool running = p.state() == QProcess::Running;
    if (running)
        ::kill(pid_t(p.processId()), SIGKILL);
    p.waitForFinished();
    return running;
}

void TestPartitions::compareTables(const QString &a, const QString &b)
{
    const QString differs = differentTables(a, b, {u"items"_qs, u"items_tags"_qs});
    QVERIFY2(differs.isEmpty(), qPrintable(differs));
    SqlReader x(a);
    QCOMPARE(x.scalar(u"SELECT count(*) FROM items"_qs), QString::number(Docs));
}

void TestPartitions::fourPartitionsEqualOneRun()
{
    const QString tgt = target(u"four"_qs);
    const QString project = inferProject(u"dump:"_qs + m_dump, tgt, u"four"_qs);
    const CliResult four = runPartitionsAtOnce(project, 4);
    QVERIFY2(four.exitCode == 0, qPrintable(four.describe()));
    const CliResult r = runFerryCli({u"finish"_qs, project});
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    compareTables(m_clean, tgt);
    SqlReader db(tgt);
    // Each partition moved a part, none moved all: the slices really split the file.
    const QString written =
        db.scalar(u"SELECT max(written) FROM ferry._ferry_checkpoints WHERE key LIKE 'items#%'"_qs);
    QVERIFY2(written.toInt() > 0 && written.toInt() < Docs, qPrintable(written));
}

void TestPartitions::killedPartitionResumesAlone()
{
    const QString tgt = target(u"killed"_qs);
    const QString project = inferProject(u"dump:"_qs + m_dump, tgt, u"killed"_qs);
    const QStringList batch = {u"--batch-size"_qs, u"1000"_qs};
    CliResult r =
        runFerryCli(QStringList{u"run"_qs, project, u"--partition"_qs, u"0/2"_qs} + batch);
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    QVERIFY2(killMidway(QStringList{u"run"_qs, project, u"--partition"_qs, u"1/2"_qs} + batch),
             "partition 1/2 finished before it could be killed");
    // finish refuses while a partition has not finished.
    r = runFerryCli({u"finish"_qs, project});
    QVERIFY2(r.exitCode != 0, qPrintable(r.describe()));
    QVERIFY2(r.stdErr.contains("1/2"), qPrintable(r.describe()));
    r = runFerryCli(QStringList{u"run"_qs, project, u"--partition"_qs, u"1/2"_qs, u"--resume"_qs} +
                    batch);
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    // Partition 0 resumed again: already finished, nothing changes.
    r = runFerryCli(QStringList{u"run"_qs, project, u"--partition"_qs, u"0/2"_qs, u"--resume"_qs} +
                    batch);
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    r = runFerryCli({u"finish"_qs, project});
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    compareTables(m_clean, tgt);
}

void TestPartitions::finishAddsKeysAndForeignKeys()
{
    // Two collections, items referencing shops, as mongoexport files in one folder.
    const QString folder = m_dir.filePath(u"shop"_qs);
    QVERIFY(QDir().mkpath(folder));
    {
        QFile shops(folder + u"/shops.json"_qs);
        QFile items(folder + u"/items.json"_qs);
        QVERIFY(shops.open(QIODevice::WriteOnly) && items.open(QIODevice::WriteOnly));
        for (int i = 0; i < 50; ++i)
            shops.write(u"{\"_id\": %1, \"name\": \"shop %1\"}\n"_qs.arg(i).toUtf8());
        for (int i = 0; i < 3000; ++i)
            items.write(u"{\"_id\": %1, \"shop_id\": %2, \"tags\": [\"a\", \"b\"]}\n"_qs.arg(i)
                            .arg(i % 50)
                            .toUtf8());
    }
    const QString tgt = target(u"fk"_qs);
    const QString project = inferProject(u"dump:"_qs + folder, tgt, u"fk"_qs);
    const QString referenced =
        addProjectReference(project, u"items"_qs, u"shop_id"_qs, u"shops"_qs, u"_id"_qs);
    QVERIFY2(referenced.isEmpty(), qPrintable(referenced));

    for (int k = 0; k < 3; ++k) {
        const CliResult r = runFerryCli({u"run"_qs, project, u"--partition"_qs, u"%1/3"_qs.arg(k),
                                         u"--batch-size"_qs, u"500"_qs});
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    }
    SqlReader db(tgt);
    const QString constraints = u"SELECT count(*) FROM pg_constraint WHERE contype = '%1' AND "
                                "conrelid::regclass::text IN ('items', 'items_tags', 'shops')"_qs;
    // Before finish: no keys, no foreign keys, the keys waiting in their table.
    QCOMPARE(db.scalar(constraints.arg(u"p"_qs)), u"0"_qs);
    QCOMPARE(db.scalar(constraints.arg(u"f"_qs)), u"0"_qs);
    QCOMPARE(db.scalar(u"SELECT count(*) FROM ferry._ferry_pending_keys"_qs), u"3"_qs);
    const CliResult r = runFerryCli({u"finish"_qs, project});
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    QCOMPARE(db.scalar(constraints.arg(u"p"_qs)), u"3"_qs);
    QCOMPARE(db.scalar(constraints.arg(u"f"_qs)), u"1"_qs);
    QCOMPARE(db.scalar(u"SELECT count(*) FROM ferry._ferry_pending_keys"_qs), u"0"_qs);
    QCOMPARE(db.scalar(u"SELECT count(*) FROM items"_qs), u"3000"_qs);
    QCOMPARE(db.scalar(u"SELECT count(*) FROM items_tags"_qs), u"6000"_qs);
    // Again: nothing left to do, nothing breaks.
    const CliResult again = runFerryCli({u"finish"_qs, project});
    QVERIFY2(again.exitCode == 0, qPrintable(again.describe()));
}

void TestPartitions::parallelRunKilledTwiceEqualsCleanRun()
{
    const QString tgt = target(u"parallel"_qs);
    const QString project = inferProject(u"dump:"_qs + m_dump, tgt, u"parallel"_qs);
    const QStringList args = {u"run"_qs,          project,   u"--resume"_qs, u"--jobs"_qs, u"4"_qs,
                              u"--batch-size"_qs, u"1000"_qs};
    int kills = 0;
    for (int attempt = 0; attempt < 2; ++attempt)
        kills += killMidway(args) ? 1 : 0;
    QVERIFY2(kills == 2, "the run finished before it could be killed twice");
    SqlReader db(tgt);
    // Batches committed by several writers, recorded one row each, out of order or not.
    const QString batchRows = db.scalar(u"SELECT count(*) FROM ferry._ferry_batches"_qs);
    QVERIFY2(batchRows.toInt() > 0, qPrintable(batchRows));
    const QString report = m_dir.filePath(u"parallel.json"_qs);
    const CliResult r = runFerryCli(args + QStringList{u"--report"_qs, report});
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    const QJsonObject c = readJson(report).value(u"collections"_qs).toArray().first().toObject();
    QCOMPARE(c.value(u"read"_qs).toInteger(), Docs);
    QCOMPARE(c.value(u"written"_qs).toInteger(), Docs);
    compareTables(m_clean, tgt);
    QCOMPARE(db.scalar(u"SELECT count(*) FROM ferry._ferry_batches"_qs), u"0"_qs);
    QCOMPARE(db.scalar(u"SELECT count(*) FROM pg_constraint WHERE contype = 'p' AND "
                       "conrelid::regclass::text IN ('items', 'items_tags')"_qs),
             u"2"_qs);
}

QTEST_GUILESS_MAIN(TestPartitions)
#include "tst_partitions.moc"

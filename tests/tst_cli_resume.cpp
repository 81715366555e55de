// Nothing lost, nothing doubled: dry runs leave the target alone, a run killed with SIGKILL
// resumes to exactly what an uninterrupted run gives, and bad documents are accounted for.
#include "support/cli_runner.h"
#include "support/generated_dump.h"
#include "support/sql_reader.h"
#include "support/test_services.h"

#include <bson/bson.h>

#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <csignal>

using namespace ferry::test;

class TestCliResume : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void dryRunLeavesTargetUnchanged_data();
    void dryRunLeavesTargetUnchanged();
    void killAndResume_data();
    void killAndResume();
    void rejectsAreCountedAndWritten();

private:
    QString target(const QString &kind, const QString &name);
    QString m_big; // generated .bson dump
    QTemporaryDir m_dir;
};

void TestCliResume::initTestCase()
{
    QVERIFY2(!cliPath().isEmpty(), "FERRY_CLI is not set: run the tests through ctest");
    m_big = m_dir.filePath(QStringLiteral("items.bson"));
    QVERIFY(writeItemsDump(m_big, 300000));
}

QString TestCliResume::target(const QString &kind, const QString &name)
{
    return freshTarget(kind, name, m_dir.path());
}

void TestCliResume::dryRunLeavesTargetUnchanged_data()
{
    QTest::addColumn<QString>("kind");
    QTest::newRow("sqlite") << QStringLiteral("sqlite");
    QTest::newRow("postgresql") << QStringLiteral("postgresql");
}

void TestCliResume::dryRunLeavesTargetUnchanged()
{
    QFETCH(QString, kind);
    const QString tgt = target(kind, QStringLiteral("dry"));
    const QString project = m_dir.filePath(kind + QStringLiteral("-dry.ferry"));
    const QString dataset = sharedDataset(QStringLiteral("sample_mflix/theaters.json"));
    CliResult r = runFerryCli({QStringLiteral("infer"), QStringLiteral("--source"),
                               QStringLiteral("dump:") + dataset, QStringLiteral("--target"), tgt,
                               QStringLiteral("-o"), project});
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    const QString report = m_dir.filePath(kind + QStringLiteral("-dry.json"));
    r = runFerryCli({QStringLiteral("dry-run"), project, QStringLiteral("--report"), report});
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));

    const QJsonObject c =
        readJson(report).value(QStringLiteral("collections")).toArray().first().toObject();
    const QJsonObject dry = c.value(QStringLiteral("dry_run")).toObject();
    QVERIFY2(!dry.isEmpty(), "the report has no dry_run section");
    QVERIFY(dry.value(QStringLiteral("ddl"))
                .toArray()
                .first()
                .toString()
                .contains(QStringLiteral("CREATE TABLE")));
    const QJsonArray tables = dry.value(QStringLiteral("tables")).toArray();
    // 1,000 sampled of 1,564 theaters; their coordinates are a column, not a child table.
    QCOMPARE(tables.size(), 1);
    QCOMPARE(tables.at(0).toObject().value(QStringLiteral("predicted_rows")).toInteger(), 1564);
    QVERIFY(!tables.at(0).toObject().value(QStringLiteral("sample_rows")).toArray().isEmpty());

    SqlReader db(tgt);
    QVERIFY2(db.ok(), qPrintable(db.error()));
    QCOMPARE(db.tables(), QStringList());
    QCOMPARE(
        db.scalar(kind == QLatin1String("sqlite")
                      ? QStringLiteral("SELECT count(*) FROM sqlite_master WHERE type = 'table'")
                      : QStringLiteral("SELECT count(*) FROM information_schema.tables WHERE "
                                       "table_schema = 'public'")),
        QStringLiteral("0"));
}

void TestCliResume::killAndResume_data()
{
    QTest::addColumn<QString>("kind");
    QTest::newRow("sqlite") << QStringLiteral("sqlite");
    QTest::newRow("postgresql") << QStringLiteral("postgresql");
}

void TestCliResume::killAndResume()
{
    QFETCH(QString, kind);
    const QString clean = target(kind, QStringLiteral("clean"));
    const QString killed = target(kind, QStringLiteral("killed"));
    const QStringList common = {QStringLiteral("--batch-size"), QStringLiteral("2000")};

    CliResult r = runFerryCli(QStringList{QStringLiteral("migrate"), QStringLiteral("--source"),
                                          QStringLiteral("dump:") + m_big,
                                          QStringLiteral("--target"), clean} +
                              common);
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));

    const QString project = m_dir.filePath(kind + QStringLiteral("-killed.ferry"));
    r = runFerryCli({QStringLiteral("infer"), QStringLiteral("--source"),
                     QStringLiteral("dump:") + m_big, QStringLiteral("--target"), killed,
                     QStringLiteral("-o"), project});
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));

    // Kill at several points: each time after the run has reported committed progress.
    int kills = 0;
    for (int attempt = 0; attempt < 3; ++attempt) {
        QProcess p;
        p.start(cliPath(),
                QStringList{QStringLiteral("run"), project, QStringLiteral("--resume")} + common);
        QVERIFY(p.waitForStarted());
        QByteArray err;
        bool sawProgress = false;
        while (p.state() == QProcess::Running && !sawProgress) {
            p.waitForReadyRead(2000);
            err += p.readAllStandardError();
            // Two progress lines: the second comes after at least one committed batch.
            sawProgress = err.count("progress:") >= 2 || err.contains("written, ");
        }
        if (p.state() == QProcess::Running) {
            ::kill(pid_t(p.processId()), SIGKILL);
            ++kills;
        }
        p.waitForFinished();
    }
    QVERIFY2(kills > 0, "the run finished before it could be killed once");

    const QString report = m_dir.filePath(kind + QStringLiteral("-resumed.json"));
    r = runFerryCli(QStringList{QStringLiteral("run"), project, QStringLiteral("--resume"),
                                QStringLiteral("--report"), report} +
                    common);
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    const QJsonObject c =
        readJson(report).value(QStringLiteral("collections")).toArray().first().toObject();
    QCOMPARE(c.value(QStringLiteral("read")).toInteger(), 300000);
    QCOMPARE(c.value(QStringLiteral("written")).toInteger() +
                 c.value(QStringLiteral("skipped_existing")).toInteger() +
                 c.value(QStringLiteral("rejected")).toInteger(),
             300000);

    SqlReader a(clean);
    SqlReader b(killed);
    const QStringList tables = a.tables();
    QCOMPARE(b.tables(), tables);
    QCOMPARE(tables.size(), 2);
    for (const QString &t : tables) {
        QCOMPARE(b.scalar(QStringLiteral("SELECT count(*) FROM %1").arg(t)),
                 a.scalar(QStringLiteral("SELECT count(*) FROM %1").arg(t)));
        QCOMPARE(b.tableChecksum(t), a.tableChecksum(t));
    }
    QCOMPARE(a.scalar(QStringLiteral("SELECT count(*) FROM items")), QStringLiteral("300000"));
    // Document i has i % 3 tags: 0 + 1 + 2 for every 3 documents.
    QCOMPARE(a.scalar(QStringLiteral("SELECT count(*) FROM items_tags")), QStringLiteral("300000"));
}

void TestCliResume::rejectsAreCountedAndWritten()
{
    // age is an int everywhere but in two documents; a strict mapping must refuse those two
    // and keep the rest.
    const QString path = m_dir.filePath(QStringLiteral("people.json"));
    {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        for (int i = 0; i < 50; ++i)
            f.write(QStringLiteral("{\"_id\": %1, \"age\": %2}\n").arg(i).arg(20 + i).toUtf8());
        f.write("{\"_id\": 50, \"age\": \"forty\"}\n");
        f.write("{\"_id\": 51, \"age\": {\"years\": 3}}\n");
    }
    const QString tgt = QStringLiteral("sqlite:") + m_dir.filePath(QStringLiteral("people.sqlite"));
    const QString project = m_dir.filePath(QStringLiteral("people.ferry"));
    // Infer from the clean part only, so the mapping says integer.
    CliResult r = runFerryCli({QStringLiteral("infer"), QStringLiteral("--source"),
                               QStringLiteral("dump:") + path, QStringLiteral("--target"), tgt,
                               QStringLiteral("-o"), project});
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    QFile pf(project);
    QVERIFY(pf.open(QIODevice::ReadWrite));
    QByteArray text = pf.readAll();
    // Whatever inference chose for the mixed field, the user insists on integer.
    const qsizetype at = text.indexOf("\"source\": \"age\"");
    QVERIFY(at > 0);
    const qsizetype typeAt = text.indexOf("\"type\": \"", at);
    const qsizetype typeEnd = text.indexOf('"', typeAt + 9);
    text.replace(typeAt, typeEnd - typeAt + 1, "\"type\": \"integer\"");
    pf.resize(0);
    pf.write(text);
    pf.close();

    const QString report = m_dir.filePath(QStringLiteral("people-report.json"));
    r = runFerryCli({QStringLiteral("run"), project, QStringLiteral("--on-error"),
                     QStringLiteral("reject"), QStringLiteral("--report"), report});
    QCOMPARE(r.exitCode, 1);
    const QJsonObject rep = readJson(report);
    QCOMPARE(rep.value(QStringLiteral("status")).toString(),
             QStringLiteral("completed_with_rejects"));
    const QJsonObject c = rep.value(QStringLiteral("collections")).toArray().first().toObject();
    QCOMPARE(c.value(QStringLiteral("read")).toInteger(), 52);
    QCOMPARE(c.value(QStringLiteral("written")).toInteger(), 50);
    QCOMPARE(c.value(QStringLiteral("rejected")).toInteger(), 2);

    QFile rejects(m_dir.filePath(QStringLiteral("people-report.rejects.ndjson")));
    QVERIFY2(rejects.open(QIODevice::ReadOnly), qPrintable(rejects.fileName()));
    const QList<QByteArray> lines = rejects.readAll().trimmed().split('\n');
    QCOMPARE(lines.size(), 2);
    QVERIFY2(lines[0].contains("age") && lines[0].contains("forty"), lines[0].constData());
    QVERIFY2(lines[1].contains("years"), lines[1].constData());

    // With --on-error stop the same run stops at the first bad document and says which.
    const QString strict =
        QStringLiteral("sqlite:") + m_dir.filePath(QStringLiteral("people2.sqlite"));
    r = runFerryCli({QStringLiteral("run"), project, QStringLiteral("--target"), strict});
    QCOMPARE(r.exitCode, 4);
    QVERIFY2(r.stdErr.contains("age"), qPrintable(r.describe()));
}

QTEST_GUILESS_MAIN(TestCliResume)
#include "tst_cli_resume.moc"

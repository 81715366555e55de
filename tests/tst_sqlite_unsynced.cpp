// A SQLite file Ferry creates is filled without waiting for the disk at each commit: a run
// that ends leaves it durable and unmarked; a run killed with SIGKILL resumes on the same
// boot to the clean result; after a restart of the computer the resume is refused, with
// what to do, instead of building on writes that may be lost.
#include "support/cli_runner.h"
#include "support/generated_dump.h"
#include "support/sql_reader.h"
#include "support/test_services.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace ferry::test;

class TestSqliteUnsynced : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void finishedFileIsUnmarked();
    void killedRunResumesOnTheSameBoot();
    void resumeAfterRestartIsRefused();

private:
    QStringList migrate(const QString &file) const
    {
        return {u"migrate"_qs,  u"--source"_qs,       u"dump:"_qs + m_dump,
                u"--target"_qs, u"sqlite:"_qs + file, u"--batch-size"_qs,
                u"1000"_qs};
    }
    // A run of `file` killed right after its fifth batch committed.
    void killAfterFiveBatches(const QString &file);

    QTemporaryDir m_dir;
    QString m_dump;
    QString m_clean;
    static constexpr int Docs = 20000;
    const QString m_mark = u"SELECT count(*) FROM sqlite_master WHERE name = '_ferry_unsynced'"_qs;
};

void TestSqliteUnsynced::initTestCase()
{
    QVERIFY2(!cliPath().isEmpty(), "FERRY_CLI is not set: run the tests through ctest");
    m_dump = m_dir.filePath(u"items.bson"_qs);
    QVERIFY(writeItemsDump(m_dump, Docs));
    m_clean = m_dir.filePath(u"clean.sqlite"_qs);
    const CliResult r = runFerryCli(migrate(m_clean));
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
}

void TestSqliteUnsynced::finishedFileIsUnmarked()
{
    SqlReader db(u"sqlite:"_qs + m_clean);
    QVERIFY2(db.ok(), qPrintable(db.error()));
    QCOMPARE(db.scalar(m_mark), u"0"_qs);
    QCOMPARE(db.scalar(u"SELECT count(*) FROM items"_qs), QString::number(Docs));
}

void TestSqliteUnsynced::killAfterFiveBatches(const QString &file)
{
    const CliResult killed =
        runFerryCli(migrate(file), 300000, {u"FERRY_TEST_CRASH_AT=batch-committed:5"_qs});
    QVERIFY2(killed.exitCode == -2, qPrintable(killed.describe()));
    SqlReader db(u"sqlite:"_qs + file);
    QVERIFY2(db.ok(), qPrintable(db.error()));
    // The mark was there before the first write that did not wait, and stays with the file.
    QCOMPARE(db.scalar(m_mark), u"1"_qs);
    QCOMPARE(db.scalar(u"SELECT count(*) FROM items"_qs), u"5000"_qs);
}

void TestSqliteUnsynced::killedRunResumesOnTheSameBoot()
{
    const QString file = m_dir.filePath(u"killed.sqlite"_qs);
    killAfterFiveBatches(file);
    const CliResult resumed = runFerryCli(migrate(file) << u"--resume"_qs);
    QVERIFY2(resumed.exitCode == 0, qPrintable(resumed.describe()));
    const QString differs = differentTables(u"sqlite:"_qs + m_clean, u"sqlite:"_qs + file,
                                            {u"items"_qs, u"items_tags"_qs});
    QVERIFY2(differs.isEmpty(), qPrintable(differs));
    SqlReader db(u"sqlite:"_qs + file);
    QCOMPARE(db.scalar(m_mark), u"0"_qs);
}

void TestSqliteUnsynced::resumeAfterRestartIsRefused()
{
    const QString file = m_dir.filePath(u"restarted.sqlite"_qs);
    killAfterFiveBatches(file);
    {
        // As the file would read after the computer restarted: filled under another boot.
        SqlReader db(u"sqlite:"_qs + file);
        const QString changed =
            db.execute({u"UPDATE _ferry_unsynced SET boot_id = 'an-earlier-boot'"_qs});
        QVERIFY2(changed.isEmpty(), qPrintable(changed));
    }
    const CliResult resumed = runFerryCli(migrate(file) << u"--resume"_qs);
    QVERIFY2(resumed.exitCode != 0, qPrintable(resumed.describe()));
    QVERIFY2(resumed.stdErr.contains("the computer has restarted since"),
             qPrintable(resumed.describe()));
    QVERIFY2(resumed.stdErr.contains("Delete the file and run again without --resume"),
             qPrintable(resumed.describe()));
    // Refused before anything was written: the rows of the killed run are as they were.
    SqlReader db(u"sqlite:"_qs + file);
    QCOMPARE(db.scalar(u"SELECT count(*) FROM items"_qs), u"5000"_qs);
    QCOMPARE(db.scalar(m_mark), u"1"_qs);
}

QTEST_GUILESS_MAIN(TestSqliteUnsynced)
#include "tst_sqlite_unsynced.moc"

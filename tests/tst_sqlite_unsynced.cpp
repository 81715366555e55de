// A SQLite file Ferry creates is filled without waiting for the disk at each commit, under a
// record of the boot beside it: a run that ends leaves it durable and the record gone; a run
// killed with SIGKILL resumes on the same boot to the clean result; after a restart of the
// computer the resume is refused, with what to do; a second load cannot write under the
// record; a file with a database of its own, and a dry run, are never filled that way.
#include "support/cli_runner.h"
#include "support/generated_dump.h"
#include "support/sql_reader.h"
#include "support/test_services.h"

#include <QTemporaryDir>
#include <QtTest>

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

using namespace ferry::test;

class TestSqliteUnsynced : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void finishedFileIsUnmarked();
    void killedRunResumesOnTheSameBoot();
    void resumeAfterRestartIsRefused();
    void secondLoadIsRefused();
    void fileOfItsOwnIsNotRecorded();
    void dryRunLeavesNoRecord();
    void recordOfADeletedFileIsReplaced();

private:
    QStringList migrate(const QString &file) const
    {
        return {u"migrate"_qs,  u"--source"_qs,       u"dump:"_qs + m_dump,
                u"--target"_qs, u"sqlite:"_qs + file, u"--batch-size"_qs,
                u"1000"_qs};
    }
    // A run of `file` killed right after its fifth batch committed.
    void killAfterFiveBatches(const QString &file);
    // The same, then the record made to read as after a restart of the computer.
    void killThenRestart(const QString &file);

    QTemporaryDir m_dir;
    QString m_dump;
    QString m_clean;
    static constexpr int Docs = 20000;
    static QString record(const QString &file) { return file + u"-ferry-unsynced"_qs; }
};

void TestSqliteUnsynced::initTestCase()
{
    QVERIFY2(!cliPath().isEmpty(), "FERRY_CLI is not set: run the tests through ctest");
    if (!QFile::exists(u"/proc/sys/kernel/random/boot_id"_qs))
        QSKIP("this system does not tell its boot: SQLite files are filled the usual way");
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
    QVERIFY(!QFile::exists(record(m_clean)));
    QCOMPARE(db.scalar(u"SELECT count(*) FROM items"_qs), QString::number(Docs));
}

void TestSqliteUnsynced::killAfterFiveBatches(const QString &file)
{
    const CliResult killed =
        runFerryCli(migrate(file), 300000, {u"FERRY_TEST_CRASH_AT=batch-committed:5"_qs});
    QVERIFY2(killed.exitCode == -2, qPrintable(killed.describe()));
    SqlReader db(u"sqlite:"_qs + file);
    QVERIFY2(db.ok(), qPrintable(db.error()));
    // The record was there before the first write that did not wait, and stays.
    QFile r(record(file));
    QVERIFY(r.open(QIODevice::ReadOnly));
    QVERIFY2(r.readAll().trimmed().size() >= 32, "the record holds the boot id");
    QCOMPARE(db.scalar(u"SELECT count(*) FROM items"_qs), u"5000"_qs);
}

void TestSqliteUnsynced::killThenRestart(const QString &file)
{
    killAfterFiveBatches(file);
    if (QTest::currentTestFailed())
        return;
    QFile r(record(file));
    QVERIFY(r.open(QIODevice::WriteOnly | QIODevice::Truncate));
    r.write("an-earlier-boot\n");
}

void TestSqliteUnsynced::killedRunResumesOnTheSameBoot()
{
    const QString file = m_dir.filePath(u"killed.sqlite"_qs);
    killAfterFiveBatches(file);
    if (QTest::currentTestFailed())
        return;
    const CliResult resumed = runFerryCli(migrate(file) << u"--resume"_qs);
    QVERIFY2(resumed.exitCode == 0, qPrintable(resumed.describe()));
    const QString differs = differentTables(u"sqlite:"_qs + m_clean, u"sqlite:"_qs + file,
                                            {u"items"_qs, u"items_tags"_qs});
    QVERIFY2(differs.isEmpty(), qPrintable(differs));
    QVERIFY(!QFile::exists(record(file)));
}

void TestSqliteUnsynced::resumeAfterRestartIsRefused()
{
    const QString file = m_dir.filePath(u"restarted.sqlite"_qs);
    killThenRestart(file);
    if (QTest::currentTestFailed())
        return;
    const CliResult resumed = runFerryCli(migrate(file) << u"--resume"_qs);
    QVERIFY2(resumed.exitCode != 0, qPrintable(resumed.describe()));
    QVERIFY2(resumed.stdErr.contains("the computer has restarted since"),
             qPrintable(resumed.describe()));
    QVERIFY2(resumed.stdErr.contains("Delete the file and start the load again, not with --resume"),
             qPrintable(resumed.describe()));
    // Refused before anything was written: the rows of the killed run are as they were.
    SqlReader db(u"sqlite:"_qs + file);
    QCOMPARE(db.scalar(u"SELECT count(*) FROM items"_qs), u"5000"_qs);
    QVERIFY(QFile::exists(record(file)));
}

void TestSqliteUnsynced::secondLoadIsRefused()
{
    const QString file = m_dir.filePath(u"busy.sqlite"_qs);
    killAfterFiveBatches(file);
    if (QTest::currentTestFailed())
        return;
    // This test holds the record's lock, as a load still running would.
    const int fd = ::open(QFile::encodeName(record(file)).constData(), O_RDONLY);
    QVERIFY(fd >= 0 && ::flock(fd, LOCK_EX | LOCK_NB) == 0);
    const CliResult second = runFerryCli(migrate(file) << u"--resume"_qs);
    ::close(fd);
    QVERIFY2(second.exitCode != 0, qPrintable(second.describe()));
    QVERIFY2(second.stdErr.contains("Another load is filling"), qPrintable(second.describe()));
    // Once it is free, the resume goes through.
    const CliResult resumed = runFerryCli(migrate(file) << u"--resume"_qs);
    QVERIFY2(resumed.exitCode == 0, qPrintable(resumed.describe()));
    QVERIFY(!QFile::exists(record(file)));
}

void TestSqliteUnsynced::fileOfItsOwnIsNotRecorded()
{
    const QString file = m_dir.filePath(u"own.sqlite"_qs);
    {
        SqlReader db(u"sqlite:"_qs + file);
        const QString made = db.execute(
            {u"CREATE TABLE notes (body TEXT)"_qs, u"INSERT INTO notes VALUES ('mine')"_qs});
        QVERIFY2(made.isEmpty(), qPrintable(made));
    }
    const CliResult killed =
        runFerryCli(migrate(file), 300000, {u"FERRY_TEST_CRASH_AT=batch-committed:5"_qs});
    QVERIFY2(killed.exitCode == -2, qPrintable(killed.describe()));
    QVERIFY2(!QFile::exists(record(file)), "a file that held a database is filled the usual way");
    SqlReader db(u"sqlite:"_qs + file);
    QCOMPARE(db.scalar(u"SELECT body FROM notes"_qs), u"mine"_qs);
    QCOMPARE(db.scalar(u"SELECT count(*) FROM items"_qs), u"5000"_qs);
}

void TestSqliteUnsynced::dryRunLeavesNoRecord()
{
    const QString file = m_dir.filePath(u"dry.sqlite"_qs);
    const QString project = m_dir.filePath(u"dry.ferry"_qs);
    const CliResult inferred =
        runFerryCli({u"infer"_qs, u"--source"_qs, u"dump:"_qs + m_dump, u"--target"_qs,
                     u"sqlite:"_qs + file, u"-o"_qs, project});
    QVERIFY2(inferred.exitCode == 0, qPrintable(inferred.describe()));
    const CliResult dry = runFerryCli({u"dry-run"_qs, project});
    QVERIFY2(dry.exitCode == 0, qPrintable(dry.describe()));
    QVERIFY(!QFile::exists(record(file)));
    QVERIFY(!QFile::exists(file));
}

void TestSqliteUnsynced::recordOfADeletedFileIsReplaced()
{
    const QString file = m_dir.filePath(u"deleted.sqlite"_qs);
    killThenRestart(file);
    if (QTest::currentTestFailed())
        return;
    // The user did as the refusal says: deleted the file (and not the record beside it).
    QVERIFY(QFile::remove(file));
    const CliResult fresh = runFerryCli(migrate(file));
    QVERIFY2(fresh.exitCode == 0, qPrintable(fresh.describe()));
    QVERIFY(!QFile::exists(record(file)));
    const QString differs = differentTables(u"sqlite:"_qs + m_clean, u"sqlite:"_qs + file,
                                            {u"items"_qs, u"items_tags"_qs});
    QVERIFY2(differs.isEmpty(), qPrintable(differs));
}

QTEST_GUILESS_MAIN(TestSqliteUnsynced)
#include "tst_sqlite_unsynced.moc"

// `ferry-cli rollback` through the real executable: a run into an empty database is undone
// table by table; a run into a table that already held rows loses exactly what it added;
// without --confirm nothing changes.
#include "support/cli_runner.h"
#include "support/sql_reader.h"
#include "support/test_services.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

using namespace ferry::test;

class TestRollback : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void targets_data();
    void createdTablesDropped_data() { targets_data(); }
    void createdTablesDropped();
    void addedRowsRemoved_data() { targets_data(); }
    void addedRowsRemoved();

private:
    QString target(const QString &kind, const QString &name);
    QString writeUsers(const QString &name, int from, int to);
    QTemporaryDir m_dir;
};

void TestRollback::initTestCase()
{
    QVERIFY2(!cliPath().isEmpty(), "FERRY_CLI is not set: run the tests through ctest");
    QVERIFY(m_dir.isValid());
}

void TestRollback::targets_data()
{
    QTest::addColumn<QString>("kind");
    QTest::newRow("sqlite") << QStringLiteral("sqlite");
    QTest::newRow("postgresql") << QStringLiteral("postgresql");
}

QString TestRollback::target(const QString &kind, const QString &name)
{
    if (kind == QLatin1String("sqlite"))
        return QStringLiteral("sqlite:") + m_dir.filePath(name + QStringLiteral(".sqlite"));
    return freshPostgresDatabase(name);
}

// A dump folder with one collection `people` of documents from..to (each with a tags array).
QString TestRollback::writeUsers(const QString &name, int from, int to)
{
    const QString dir = m_dir.filePath(name);
    QDir().mkpath(dir);
    QFile f(dir + QStringLiteral("/people.json"));
    if (!f.open(QIODevice::WriteOnly))
        return {};
    for (int i = from; i < to; ++i)
        f.write(QStringLiteral("{\"_id\": %1, \"name\": \"p%1\", \"tags\": [\"a\", \"b%1\"]}\n")
                    .arg(i)
                    .toUtf8());
    return dir;
}

void TestRollback::createdTablesDropped()
{
    QFETCH(QString, kind);
    const QString uri = target(kind, QStringLiteral("rb_created"));
    QVERIFY(!uri.isEmpty());
    SqlReader db(uri);
    QVERIFY2(db.ok(), qPrintable(db.error()));
    db.rows(QStringLiteral("CREATE TABLE keep_me (id integer PRIMARY KEY)"));
    const QString dump = writeUsers(QStringLiteral("created"), 0, 50);
    const QString project = m_dir.filePath(kind + QStringLiteral("-created.ferry"));
    CliResult r = runFerryCli({QStringLiteral("infer"), QStringLiteral("--source"),
                               QStringLiteral("dump:") + dump, QStringLiteral("--target"), uri,
                               QStringLiteral("-o"), project});
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    r = runFerryCli({QStringLiteral("run"), project});
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    const QStringList after = db.tables();
    QVERIFY2(after.size() >= 3, qPrintable(after.join(u',')));
    const bool pg = kind != QLatin1String("sqlite");
    if (pg) { // Ferry's tables are in its own schema, none among the user's
        QCOMPARE(db.scalar(QStringLiteral("SELECT count(*) FROM pg_tables WHERE schemaname = "
                                          "'public' AND tablename LIKE '\\_ferry%'")),
                 QStringLiteral("0"));
        QVERIFY(db.scalar(QStringLiteral("SELECT count(*) FROM pg_tables WHERE schemaname = "
                                         "'ferry'"))
                    .toInt() >= 2);
    }

    // Without --confirm: the plan, and nothing changes.
    r = runFerryCli({QStringLiteral("rollback"), project});
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    QVERIFY2(r.stdOut.contains("people"), qPrintable(r.describe()));
    QCOMPARE(db.tables(), after);
    QCOMPARE(db.scalar(QStringLiteral("SELECT count(*) FROM people")), QStringLiteral("50"));

    r = runFerryCli({QStringLiteral("rollback"), project, QStringLiteral("--confirm")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    QCOMPARE(db.tables(), QStringList{QStringLiteral("keep_me")});
    const QString bookkeeping =
        kind == QLatin1String("sqlite")
            ? QStringLiteral("SELECT count(*) FROM sqlite_master WHERE name LIKE '\\_ferry%' "
                             "ESCAPE '\\'")
            : QStringLiteral("SELECT count(*) FROM pg_tables WHERE tablename LIKE '\\_ferry%'");
    QCOMPARE(db.scalar(bookkeeping), QStringLiteral("0"));
    if (pg) // and the schema made for them
        QCOMPARE(db.scalar(QStringLiteral("SELECT count(*) FROM pg_namespace WHERE nspname = "
                                          "'ferry'")),
                 QStringLiteral("0"));
}

void TestRollback::addedRowsRemoved()
{
    QFETCH(QString, kind);
    const QString uri = target(kind, QStringLiteral("rb_added"));
    QVERIFY(!uri.isEmpty());
    // The first run creates the tables and 30 rows; the second (skip existing) adds 20 more
    // from a source that overlaps the first on 10 documents.
    const QString first = writeUsers(QStringLiteral("first"), 0, 30);
    const QString project = m_dir.filePath(kind + QStringLiteral("-added.ferry"));
    CliResult r = runFerryCli({QStringLiteral("infer"), QStringLiteral("--source"),
                               QStringLiteral("dump:") + first, QStringLiteral("--target"), uri,
                               QStringLiteral("-o"), project});
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    r = runFerryCli({QStringLiteral("run"), project});
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    SqlReader db(uri);
    const QString child = db.tables().filter(QStringLiteral("people_")).value(0);
    QVERIFY2(!child.isEmpty(), qPrintable(db.tables().join(u',')));
    const QString rootSum = db.tableChecksum(QStringLiteral("people"));
    const QString childSum = db.tableChecksum(child);

    const QString second = writeUsers(QStringLiteral("second"), 20, 50);
    r = runFerryCli({QStringLiteral("run"), project, QStringLiteral("--source"),
                     QStringLiteral("dump:") + second});
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    QCOMPARE(db.scalar(QStringLiteral("SELECT count(*) FROM people")), QStringLiteral("50"));

    r = runFerryCli({QStringLiteral("rollback"), project, QStringLiteral("--confirm")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    QVERIFY2(r.stdOut.contains("20"), qPrintable(r.describe()));
    QCOMPARE(db.scalar(QStringLiteral("SELECT count(*) FROM people")), QStringLiteral("30"));
    QCOMPARE(db.tableChecksum(QStringLiteral("people")), rootSum);
    QCOMPARE(db.tableChecksum(child), childSum);

    // Rolling back again undoes the first run: its tables go.
    r = runFerryCli({QStringLiteral("rollback"), project, QStringLiteral("--confirm")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    QVERIFY2(db.tables().isEmpty(), qPrintable(db.tables().join(u',')));
}

QTEST_GUILESS_MAIN(TestRollback)
#include "tst_rollback.moc"

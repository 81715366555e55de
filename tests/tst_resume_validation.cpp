// A resumed run checks its counts like any other: the root table of a run that created it
// must hold every document the run (and the attempt it resumes) wrote. Rows that vanished
// from the target between the kill and the resume make the resumed run say `mismatches`
// with both counts and exit 1, instead of `completed`. And what a run reads from a SQL
// source is held against the source's own count.
#include "support/cli_runner.h"
#include "support/generated_dump.h"
#include "support/sql_reader.h"
#include "support/test_services.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

using namespace ferry::test;

class TestResumeValidation : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void resumedRunValidatesCounts_data();
    void resumedRunValidatesCounts();
    void sqlSourcesAreCounted_data();
    void sqlSourcesAreCounted();

private:
    QTemporaryDir m_dir;
    QString m_dump;
};

namespace {

constexpr int kDocuments = 3000;

} // namespace

void TestResumeValidation::initTestCase()
{
    QVERIFY2(!cliPath().isEmpty(), "FERRY_CLI is not set: run the tests through ctest");
    m_dump = m_dir.filePath(QStringLiteral("items.bson"));
    QVERIFY(writeItemsDump(m_dump, kDocuments));
}

void TestResumeValidation::resumedRunValidatesCounts_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<bool>("damage");
    QTest::newRow("sqlite") << QStringLiteral("sqlite") << false;
    QTest::newRow("sqlite, rows lost") << QStringLiteral("sqlite") << true;
    QTest::newRow("postgresql") << QStringLiteral("postgresql") << false;
    QTest::newRow("postgresql, rows lost") << QStringLiteral("postgresql") << true;
}

void TestResumeValidation::resumedRunValidatesCounts()
{
    QFETCH(QString, kind);
    QFETCH(bool, damage);
    const QString name = kind + (damage ? QStringLiteral("_lost") : QStringLiteral("_clean"));
    const QString target = freshTarget(kind, name, m_dir.path());
    const QString project = m_dir.filePath(name + QStringLiteral(".ferry"));
    CliResult r = runFerryCli({QStringLiteral("infer"), QStringLiteral("--source"),
                               QStringLiteral("dump:") + m_dump, QStringLiteral("--target"), target,
                               QStringLiteral("-o"), project});
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    // One writer, so the crash point after the first committed batch is the one that kills.
    const QStringList options = {QStringLiteral("--batch-size"), QStringLiteral("500"),
                                 QStringLiteral("--jobs"), QStringLiteral("1")};
    r = runFerryCli(QStringList{QStringLiteral("run"), project} + options, 120000,
                    {QStringLiteral("FERRY_TEST_CRASH_AT=batch-committed:1")});
    QVERIFY2(r.exitCode == -2, qPrintable(QStringLiteral("not killed: ") + r.describe()));

    SqlReader db(target);
    QCOMPARE(db.scalar(QStringLiteral("SELECT count(*) FROM items")), QStringLiteral("500"));
    if (damage) {
        db.rows(QStringLiteral("DELETE FROM items WHERE name IN ('item-1', 'item-2', 'item-3')"));
        QVERIFY2(db.error().isEmpty(), qPrintable(db.error()));
        QCOMPARE(db.scalar(QStringLiteral("SELECT count(*) FROM items")), QStringLiteral("497"));
    }

    const QString report = m_dir.filePath(name + QStringLiteral(".report.json"));
    r = runFerryCli(QStringList{QStringLiteral("run"), project, QStringLiteral("--resume"),
                                QStringLiteral("--report"), report} +
                    options);
    const QJsonObject json = readJson(report);
    const QJsonObject c = json.value(QStringLiteral("collections")).toArray().first().toObject();
    QCOMPARE(c.value(QStringLiteral("read")).toInteger(), kDocuments);
    QCOMPARE(c.value(QStringLiteral("written")).toInteger(), kDocuments);
    const QJsonObject validation = c.value(QStringLiteral("validation")).toObject();
    QCOMPARE(validation.value(QStringLiteral("counts")).toString(), QStringLiteral("root table"));
    if (!damage) {
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
        QCOMPARE(json.value(QStringLiteral("status")).toString(), QStringLiteral("completed"));
        QVERIFY(c.value(QStringLiteral("mismatches")).toArray().isEmpty());
        return;
    }
    QVERIFY2(r.exitCode == 1, qPrintable(r.describe()));
    QCOMPARE(json.value(QStringLiteral("status")).toString(), QStringLiteral("mismatches"));
    QCOMPARE(c.value(QStringLiteral("status")).toString(), QStringLiteral("mismatches"));
    bool counted = false;
    for (const QJsonValue &v : c.value(QStringLiteral("mismatches")).toArray()) {
        const QJsonObject m = v.toObject();
        // Counts in messages carry thousands separators ("3,000 rows").
        auto text = [&m](const char *key) {
            return m.value(QLatin1String(key)).toString().remove(QLatin1Char(','));
        };
        counted = counted || (m.value(QStringLiteral("table")).toString() == u"items" &&
                              text("expected") == QStringLiteral("%1 rows").arg(kDocuments) &&
                              text("found") == QStringLiteral("%1 rows").arg(kDocuments - 3));
    }
    QVERIFY2(counted, qPrintable(r.describe()));
}

void TestResumeValidation::sqlSourcesAreCounted_data()
{
    QTest::addColumn<QString>("kind");
    QTest::newRow("sqlite") << QStringLiteral("sqlite");
    QTest::newRow("postgresql") << QStringLiteral("postgresql");
}

// What a run reads from a SQL table is held against the table's own count, taken when the
// read starts and when it ends.
void TestResumeValidation::sqlSourcesAreCounted()
{
    QFETCH(QString, kind);
    const QString source = freshTarget(kind, kind + QStringLiteral("_source"), m_dir.path());
    CliResult r =
        runFerryCli({QStringLiteral("migrate"), QStringLiteral("--source"),
                     QStringLiteral("dump:") + m_dump, QStringLiteral("--target"), source});
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    const QString target =
        freshTarget(QStringLiteral("sqlite"), kind + QStringLiteral("_copy"), m_dir.path());
    const QString report = m_dir.filePath(kind + QStringLiteral("_copy.json"));
    r = runFerryCli({QStringLiteral("migrate"), QStringLiteral("--source"), source,
                     QStringLiteral("--target"), target, QStringLiteral("--collection"),
                     QStringLiteral("items"), QStringLiteral("--report"), report});
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    const QJsonObject json = readJson(report);
    QCOMPARE(json.value(QStringLiteral("status")).toString(), QStringLiteral("completed"));
    const QJsonObject c = json.value(QStringLiteral("collections")).toArray().first().toObject();
    QCOMPARE(c.value(QStringLiteral("name")).toString(), QStringLiteral("items"));
    QCOMPARE(c.value(QStringLiteral("read")).toInteger(), kDocuments);
    QCOMPARE(c.value(QStringLiteral("source_count")).toInteger(), kDocuments);
    const QJsonObject counts = c.value(QStringLiteral("source_counts")).toObject();
    QCOMPARE(counts.value(QStringLiteral("at_start")).toInteger(), kDocuments);
    QCOMPARE(counts.value(QStringLiteral("at_end")).toInteger(), kDocuments);
}

QTEST_GUILESS_MAIN(TestResumeValidation)
#include "tst_resume_validation.moc"

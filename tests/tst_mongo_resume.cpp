// A resumed read of a live collection continues through the _id index's own order across
// every BSON type bracket: killed at each boundary between ints, strings, documents,
// ObjectIds and dates, the run still ends with every document. On the wire peer, which
// brackets types as the server does ($gt matches only its own bracket).
#include "support/cli_runner.h"
#include "support/sql_reader.h"
#include "support/test_services.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

using namespace ferry::test;

class TestMongoResume : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void mixedIdTypesSurviveKills();

private:
    QTemporaryDir m_dir;
};

void TestMongoResume::mixedIdTypesSurviveKills()
{
    QVERIFY2(!cliPath().isEmpty(), "FERRY_CLI is not set: run the tests through ctest");
    const QString database = QStringLiteral("mixed_ids_%1").arg(QCoreApplication::applicationPid());
    const QString uri = mongoUri(database);
    QVERIFY2(!uri.isEmpty(), "The Mongo peer is not running: run the tests through ctest");

    // Four documents per type bracket, in the order the _id index keeps them: a batch of
    // four ends exactly at each boundary.
    const QString input = m_dir.filePath(QStringLiteral("mixed.json"));
    {
        QFile f(input);
        QVERIFY(f.open(QIODevice::WriteOnly));
        QStringList ids;
        for (int i = 0; i < 4; ++i) {
            ids << QString::number(i * 10);
            ids << QStringLiteral("\"key-%1\"").arg(i);
            ids << QStringLiteral("{\"part\": %1}").arg(i);
            ids << QStringLiteral("{\"$oid\": \"65a0000000000000000000%1\"}")
                       .arg(i, 2, 10, QLatin1Char('0'));
            ids << QStringLiteral("{\"$date\": \"2024-01-0%1T00:00:00Z\"}").arg(i + 1);
        }
        for (qsizetype i = 0; i < ids.size(); ++i)
            f.write(QStringLiteral("{\"_id\": %1, \"n\": %2}\n").arg(ids[i]).arg(i).toUtf8());
    }
    QVERIFY(loadJsonIntoMongo(uri, QStringLiteral("mixed"), input));

    const QString target =
        QStringLiteral("sqlite:") + m_dir.filePath(QStringLiteral("mixed.sqlite"));
    const QString project = m_dir.filePath(QStringLiteral("mixed.ferry"));
    CliResult r = runFerryCli({QStringLiteral("infer"), QStringLiteral("--source"), uri,
                               QStringLiteral("--target"), target, QStringLiteral("-o"), project});
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));

    const QStringList common = {QStringLiteral("--batch-size"), QStringLiteral("4")};
    // Killed after the first committed batch of each run: after the ints, the strings, the
    // documents and the ObjectIds, one bracket further each time.
    for (int kill = 0; kill < 4; ++kill) {
        QStringList args = {QStringLiteral("run"), project};
        if (kill > 0)
            args << QStringLiteral("--resume");
        r = runFerryCli(args + common, 120000,
                        {QStringLiteral("FERRY_TEST_CRASH_AT=batch-committed:1")});
        QVERIFY2(
            r.exitCode == -2,
            qPrintable(QStringLiteral("run %1 was not killed: %2").arg(kill).arg(r.describe())));
    }
    const QString report = m_dir.filePath(QStringLiteral("mixed.json.report"));
    r = runFerryCli(QStringList{QStringLiteral("run"), project, QStringLiteral("--resume"),
                                QStringLiteral("--report"), report} +
                    common);
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    const QJsonObject c =
        readJson(report).value(QStringLiteral("collections")).toArray().first().toObject();
    QCOMPARE(c.value(QStringLiteral("read")).toInteger(), 20);
    QCOMPARE(c.value(QStringLiteral("written")).toInteger(), 20);

    SqlReader db(target);
    QCOMPARE(db.scalar(QStringLiteral("SELECT count(*) FROM mixed")), QStringLiteral("20"));
    QCOMPARE(db.scalar(QStringLiteral("SELECT count(DISTINCT n) FROM mixed")),
             QStringLiteral("20"));
}

QTEST_GUILESS_MAIN(TestMongoResume)
#include "tst_mongo_resume.moc"

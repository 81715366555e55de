// A PostgreSQL *source* that restarts in the middle of a run does not stop it: the read
// opens again after the last key it handed out, the log says the source went away, and the
// target ends with every row once. The test restarts a cluster of its own, never the shared
// one other tests are using; the target is SQLite, which the restart cannot touch.
#include "support/adversarial_pg_cluster.h"
#include "support/cli_runner.h"
#include "support/sql_reader.h"
#include "support/test_services.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

using namespace ferry::test;

class TestPgSourceRestart : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void restartMidRead();

private:
    QTemporaryDir m_dir;
    AdversarialPgCluster m_cluster;
};

namespace {

// Enough rows for the run to go on for seconds after its first progress line (2 s in).
constexpr int kRows = 600000;

qint64 readIn(const QByteArray &progressLine)
{
    static const QRegularExpression re(QStringLiteral("^progress: items ([\\d,]+)/"));
    const auto m = re.match(QString::fromUtf8(progressLine));
    return m.hasMatch() ? m.captured(1).remove(QLatin1Char(',')).toLongLong() : -1;
}

} // namespace

void TestPgSourceRestart::initTestCase()
{
    QVERIFY2(!cliPath().isEmpty(), "FERRY_CLI is not set: run the tests through ctest");
    QString error;
    QVERIFY2(m_cluster.create(&error), qPrintable(error));
    SqlReader admin(m_cluster.uri());
    QVERIFY2(admin.ok(), qPrintable(admin.error()));
    admin.rows(QStringLiteral("CREATE DATABASE shop"));
    QVERIFY2(admin.error().isEmpty(), qPrintable(admin.error()));
    SqlReader shop(m_cluster.uri(QStringLiteral("shop")));
    shop.rows(QStringLiteral("CREATE TABLE items (id integer PRIMARY KEY, name text NOT NULL, "
                             "price double precision)"));
    shop.rows(QStringLiteral("INSERT INTO items SELECT i, 'item-' || i, i * 0.5 FROM "
                             "generate_series(1, %1) AS i")
                  .arg(kRows));
    QVERIFY2(shop.error().isEmpty(), qPrintable(shop.error()));
}

void TestPgSourceRestart::restartMidRead()
{
    const QString source = m_cluster.uri(QStringLiteral("shop"));
    const QString target = QStringLiteral("sqlite:") + m_dir.filePath(QStringLiteral("t.sqlite"));
    const QString project = m_dir.filePath(QStringLiteral("shop.ferry"));
    const QString report = m_dir.filePath(QStringLiteral("shop.json"));
    CliResult r = runFerryCli({QStringLiteral("infer"), QStringLiteral("--source"), source,
                               QStringLiteral("--target"), target, QStringLiteral("-o"), project});
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));

    QProcess run;
    run.setProgram(cliPath());
    run.setArguments({QStringLiteral("run"), project, QStringLiteral("--batch-size"),
                      QStringLiteral("2000"), QStringLiteral("--report"), report});
    QByteArray stderrText;
    bool restarted = false;
    QString restartError;
    // Restart at the first progress line that shows the read under way, not done.
    connect(&run, &QProcess::readyReadStandardError, this, [&] {
        run.setReadChannel(QProcess::StandardError);
        while (run.canReadLine()) {
            const QByteArray line = run.readLine();
            stderrText += line;
            const qint64 read = readIn(line);
            if (!restarted && read > 0 && read < kRows / 2) {
                restarted = true;
                if (!m_cluster.restart(&restartError))
                    restartError += QStringLiteral(" (restart)");
            }
        }
    });
    run.start();
    QVERIFY(run.waitForStarted());
    QVERIFY2(run.waitForFinished(300000), stderrText.constData());
    stderrText += run.readAllStandardError();
    QVERIFY2(restartError.isEmpty(), qPrintable(restartError));
    QVERIFY2(restarted, qPrintable(QStringLiteral("no progress line showed the read under way, "
                                                  "so nothing was restarted mid-run:\n") +
                                   QString::fromUtf8(stderrText)));
    const QString err = QString::fromUtf8(stderrText);
    QVERIFY2(run.exitCode() == 0, qPrintable(err));
    QVERIFY2(err.contains(QStringLiteral("items: the source went away (")), qPrintable(err));

    const QJsonObject c =
        readJson(report).value(QStringLiteral("collections")).toArray().first().toObject();
    QCOMPARE(c.value(QStringLiteral("status")).toString(), QStringLiteral("completed"));
    QCOMPARE(c.value(QStringLiteral("read")).toInteger(), kRows);
    QCOMPARE(c.value(QStringLiteral("source_count")).toInteger(), kRows);
    SqlReader db(target);
    QCOMPARE(db.scalar(QStringLiteral("SELECT count(*) FROM items")), QString::number(kRows));
    QCOMPARE(db.scalar(QStringLiteral("SELECT count(DISTINCT id) FROM items")),
             QString::number(kRows));
    QCOMPARE(db.scalar(QStringLiteral("SELECT sum(id) FROM items")),
             QString::number(qint64(kRows) * (kRows + 1) / 2));
}

QTEST_GUILESS_MAIN(TestPgSourceRestart)
#include "tst_pg_source_restart.moc"

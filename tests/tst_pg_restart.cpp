// Nothing lost when PostgreSQL restarts in the middle of a run: the run either reconnects
// and finishes, or stops with exit 4 and a clear message and `run --resume` finishes it;
// either way the tables equal those of a run nobody disturbed. The test restarts a cluster
// of its own, never the shared one other tests are using.
#include "support/adversarial_pg_cluster.h"
#include "support/cli_runner.h"
#include "support/sql_reader.h"
#include "support/test_services.h"

#include <bson/bson.h>

#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

using namespace ferry::test;

class TestPgRestart : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void restartMidRun();

private:
    QTemporaryDir m_dir;
    QString m_dump;
    AdversarialPgCluster m_cluster;
};

namespace {

constexpr int kDocuments = 200000;

// Deterministic documents with an array, so the restart can also fall between the root
// rows and the child rows of one batch.
bool writeDump(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return false;
    for (int i = 0; i < kDocuments; ++i) {
        bson_t doc, tags;
        bson_init(&doc);
        BSON_APPEND_INT32(&doc, "_id", i);
        const QByteArray name = "item-" + QByteArray::number(i);
        BSON_APPEND_UTF8(&doc, "name", name.constData());
        BSON_APPEND_DOUBLE(&doc, "price", i * 0.5);
        BSON_APPEND_ARRAY_BEGIN(&doc, "tags", &tags);
        for (int t = 0; t < i % 4; ++t) {
            const QByteArray key = QByteArray::number(t);
            bson_append_int32(&tags, key.constData(), -1, (i + t) % 101);
        }
        bson_append_array_end(&doc, &tags);
        f.write(reinterpret_cast<const char *>(bson_get_data(&doc)), doc.len);
        bson_destroy(&doc);
    }
    return f.flush();
}

qint64 writtenIn(const QByteArray &progressLine)
{
    // Counts are grouped by thousands, with the locale's separator.
    static const QRegularExpression re(QStringLiteral(" (\\d[\\d,.\\x{a0}\\x{202f}]*) written"));
    static const QRegularExpression separators(QStringLiteral("\\D"));
    const auto m = re.match(QString::fromUtf8(progressLine));
    return m.hasMatch() ? m.captured(1).remove(separators).toLongLong() : -1;
}

} // namespace

void TestPgRestart::initTestCase()
{
    QVERIFY2(!cliPath().isEmpty(), "FERRY_CLI is not set: run the tests through ctest");
    QString error;
    QVERIFY2(m_cluster.create(&error), qPrintable(error));
    m_dump = m_dir.filePath(QStringLiteral("items.bson"));
    QVERIFY(writeDump(m_dump));
    SqlReader admin(m_cluster.uri());
    QVERIFY2(admin.ok(), qPrintable(admin.error()));
    admin.rows(QStringLiteral("CREATE DATABASE clean"));
    admin.rows(QStringLiteral("CREATE DATABASE restarted"));
    QVERIFY2(admin.error().isEmpty(), qPrintable(admin.error()));
}

void TestPgRestart::restartMidRun()
{
    const QStringList batch{QStringLiteral("--batch-size"), QStringLiteral("2000")};
    const QString clean = m_cluster.uri(QStringLiteral("clean"));
    const QString target = m_cluster.uri(QStringLiteral("restarted"));
    CliResult r = runFerryCli(QStringList{QStringLiteral("migrate"), QStringLiteral("--source"),
                                          QStringLiteral("dump:") + m_dump,
                                          QStringLiteral("--target"), clean} +
                              batch);
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));

    const QString project = m_dir.filePath(QStringLiteral("restarted.ferry"));
    r = runFerryCli({QStringLiteral("infer"), QStringLiteral("--source"),
                     QStringLiteral("dump:") + m_dump, QStringLiteral("--target"), target,
                     QStringLiteral("-o"), project});
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));

    QProcess run;
    run.setProgram(cliPath());
    run.setArguments(QStringList{QStringLiteral("run"), project} + batch);
    QByteArray stderrText;
    bool restarted = false;
    QString restartError;
    // Restart as soon as the run reports committed rows, so it happens mid-run, not before
    // the first batch or after the last.
    connect(&run, &QProcess::readyReadStandardError, this, [&] {
        run.setReadChannel(QProcess::StandardError);
        while (run.canReadLine()) {
            const QByteArray line = run.readLine();
            stderrText += line;
            if (!restarted && line.startsWith("progress:") && writtenIn(line) > 0 &&
                writtenIn(line) < kDocuments) {
                restarted = true;
                if (!m_cluster.restart(&restartError))
                    restartError += QStringLiteral(" (restart)");
            }
        }
    });
    run.start();
    QVERIFY(run.waitForStarted());
    QVERIFY2(run.waitForFinished(180000), stderrText.constData());
    stderrText += run.readAllStandardError();
    QVERIFY2(restartError.isEmpty(), qPrintable(restartError));
    QVERIFY2(restarted,
             qPrintable(QStringLiteral("the run ended before it reported committed rows, so "
                                       "nothing was restarted mid-run:\n") +
                        QString::fromUtf8(stderrText)));
    // The server is back whatever the run did (pg_ctl -w waited for it).
    QVERIFY(m_cluster.isReady());

    const int exitCode = run.exitCode();
    QVERIFY2(
        exitCode == 0 || exitCode == 4,
        qPrintable(QStringLiteral("exit %1: %2").arg(exitCode).arg(QString::fromUtf8(stderrText))));
    // Checked last, so that resume and the final tables are checked whatever the message.
    bool clearMessage = true;
    if (exitCode == 4) {
        // Stopping is fine if it says the connection was lost and that the run can resume
        // (PostgresSink's message for ErrorCode::Connect), not that the data was refused.
        clearMessage = stderrText.contains("connection to PostgreSQL was lost") &&
                       stderrText.contains("resume");
        r = runFerryCli({QStringLiteral("run"), project, QStringLiteral("--resume"),
                         QStringLiteral("--batch-size"), QStringLiteral("2000")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    }
    qInfo("run exit code after the restart: %d\n%s", exitCode, stderrText.constData());

    SqlReader expected(clean);
    SqlReader actual(target);
    QVERIFY2(expected.ok() && actual.ok(), qPrintable(expected.error() + actual.error()));
    const QStringList tables = expected.tables();
    QCOMPARE(actual.tables(), tables);
    QVERIFY(tables.size() >= 2);
    for (const QString &t : tables) {
        const QString count = QStringLiteral("SELECT count(*) FROM \"%1\"").arg(t);
        QCOMPARE(actual.scalar(count), expected.scalar(count));
        QCOMPARE(actual.tableChecksum(t), expected.tableChecksum(t));
    }
    QCOMPARE(actual.scalar(QStringLiteral("SELECT count(*) FROM items")),
             QString::number(kDocuments));
    QVERIFY2(clearMessage,
             qPrintable(QStringLiteral("the run stopped without saying that the "
                                       "connection was lost and that it can resume:\n") +
                        QString::fromUtf8(stderrText)));
}

QTEST_GUILESS_MAIN(TestPgRestart)
#include "tst_pg_restart.moc"

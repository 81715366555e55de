// A source that goes away in the middle of a run does not stop it: a cursor the server
// dropped, a connection it closed. The read opens again just after the last document, with
// the backoff and the log lines a lost target gets, and past the retry window it gives up
// with a clear error. And a run never says `completed` when it read fewer documents than the
// source holds; a collection that changed during the run gets a warning with both counts.
// Against the Mongo wire peer, whose faults are set per collection (mongo_peer.py).
#include "run/reopening_reader.h"
#include "stores/mongo/mongo_source.h"
#include "support/cli_runner.h"
#include "support/sql_reader.h"
#include "support/test_services.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

using namespace ferry;
using namespace ferry::test;

class TestSourceReconnect : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void readSurvivesFault_data();
    void readSurvivesFault();
    void givesUpAfterRetryWindow();
    void cursorEndingEarlyIsNotCompleted();
    void collectionGrowingDuringRunWarns();

private:
    // A collection of `count` documents {_id: i, n: i, name} in a database of its own, and a
    // project that moves it to a fresh SQLite file.
    struct Setup {
        QString uri;
        QString project;
        QString target;
        QString report;
    };
    Setup makeCollection(const QString &name, int count);
    CliResult runProject(const Setup &s);

    QTemporaryDir m_dir;
};

namespace {

constexpr int kDocuments = 2000;
constexpr int kBatch = 200; // find + 9 getMores for the whole collection

QJsonObject firstCollection(const QString &report)
{
    return readJson(report).value(QStringLiteral("collections")).toArray().first().toObject();
}

} // namespace

void TestSourceReconnect::initTestCase()
{
    QVERIFY2(!cliPath().isEmpty(), "FERRY_CLI is not set: run the tests through ctest");
    QVERIFY2(!mongoUri(QStringLiteral("x")).isEmpty(),
             "The Mongo peer is not running: run the tests through ctest");
}

TestSourceReconnect::Setup TestSourceReconnect::makeCollection(const QString &name, int count)
{
    Setup s;
    const QString database =
        QStringLiteral("%1_%2").arg(name).arg(QCoreApplication::applicationPid());
    s.uri = mongoUri(database);
    const QString input = m_dir.filePath(name + QStringLiteral(".json"));
    QFile f(input);
    if (!f.open(QIODevice::WriteOnly))
        return {};
    for (int i = 0; i < count; ++i)
        f.write(
            QStringLiteral("{\"_id\": %1, \"n\": %1, \"name\": \"item-%1\"}\n").arg(i).toUtf8());
    f.close();
    if (!loadJsonIntoMongo(s.uri, QStringLiteral("items"), input))
        return {};
    s.target = QStringLiteral("sqlite:") + m_dir.filePath(name + QStringLiteral(".sqlite"));
    s.project = m_dir.filePath(name + QStringLiteral(".ferry"));
    s.report = m_dir.filePath(name + QStringLiteral(".report.json"));
    // Inferred before any fault is set: the faults count the reads of the run alone.
    const CliResult r =
        runFerryCli({QStringLiteral("infer"), QStringLiteral("--source"), s.uri,
                     QStringLiteral("--target"), s.target, QStringLiteral("-o"), s.project});
    if (r.exitCode != 0) {
        qWarning("%s", qPrintable(r.describe()));
        return {};
    }
    return s;
}

CliResult TestSourceReconnect::runProject(const Setup &s)
{
    return runFerryCli({QStringLiteral("run"), s.project, QStringLiteral("--batch-size"),
                        QString::number(kBatch), QStringLiteral("--report"), s.report});
}

void TestSourceReconnect::readSurvivesFault_data()
{
    QTest::addColumn<QString>("action");
    QTest::addColumn<int>("after");
    QTest::addColumn<int>("times");
    // A cursor dropped twice (as after a long pause), and a connection closed in the middle.
    QTest::newRow("cursor killed") << QStringLiteral("killCursor") << 3 << 2;
    QTest::newRow("connection dropped") << QStringLiteral("hangUp") << 4 << 1;
}

void TestSourceReconnect::readSurvivesFault()
{
    QFETCH(QString, action);
    QFETCH(int, after);
    QFETCH(int, times);
    const Setup s = makeCollection(action.toLower(), kDocuments);
    QVERIFY(!s.project.isEmpty());
    const QString why = setMongoPeerFault(s.uri, QStringLiteral("items"),
                                          {{QStringLiteral("action"), action},
                                           {QStringLiteral("after"), after},
                                           {QStringLiteral("times"), times}});
    QVERIFY2(why.isEmpty(), qPrintable(why));

    const CliResult r = runProject(s);
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    // Said in the log as a lost target is, once per loss.
    const QString err = QString::fromUtf8(r.stdErr);
    QCOMPARE(err.count(QStringLiteral("items: the source went away (")), times);
    QVERIFY2(err.contains(QStringLiteral("reconnecting, attempt 1.")), qPrintable(err));

    const QJsonObject c = firstCollection(s.report);
    QCOMPARE(c.value(QStringLiteral("status")).toString(), QStringLiteral("completed"));
    QCOMPARE(c.value(QStringLiteral("read")).toInteger(), kDocuments);
    QCOMPARE(c.value(QStringLiteral("written")).toInteger(), kDocuments);
    QCOMPARE(c.value(QStringLiteral("source_count")).toInteger(), kDocuments);
    // Nothing skipped, nothing twice.
    SqlReader db(s.target);
    QCOMPARE(db.scalar(QStringLiteral("SELECT count(*) FROM items")), QString::number(kDocuments));
    QCOMPARE(db.scalar(QStringLiteral("SELECT count(DISTINCT n) FROM items")),
             QString::number(kDocuments));
    QCOMPARE(db.scalar(QStringLiteral("SELECT sum(n) FROM items")),
             QString::number(qint64(kDocuments) * (kDocuments - 1) / 2));
}

// The engine's reader on its own, with a short window: the connection drops at every read
// after the first, so each reopen fails too, and the reader stops with an error that says
// it gave up, after telling each attempt.
void TestSourceReconnect::givesUpAfterRetryWindow()
{
    const Setup s = makeCollection(QStringLiteral("gives_up"), 500);
    QVERIFY(!s.project.isEmpty());
    MongoSource source(Endpoint::parse(s.uri).value());
    QVERIFY(source.open());
    auto opened = source.openReader(QStringLiteral("items"), ReadOptions());
    QVERIFY2(opened, qPrintable(opened ? QString() : opened.error().message));
    ReopeningReader reader(source, QStringLiteral("items"), ReadOptions(), std::move(*opened));
    reader.setRetryBudget(1.0);
    int notices = 0;
    reader.setRetryNotifier([&notices](int attempt, const Error &e) {
        QCOMPARE(attempt, notices);
        QCOMPARE(e.code, ErrorCode::Connect);
        ++notices;
    });

    DocBatch batch;
    auto first = reader.next(batch, 100);
    QVERIFY(first && *first);
    QCOMPARE(batch.size(), size_t(100));
    const QByteArray position = reader.position();

    const QString why = setMongoPeerFault(s.uri, QStringLiteral("items"),
                                          {{QStringLiteral("action"), QStringLiteral("hangUp")},
                                           {QStringLiteral("after"), 0},
                                           {QStringLiteral("times"), -1}});
    QVERIFY2(why.isEmpty(), qPrintable(why));
    auto second = reader.next(batch, 100);
    (void)setMongoPeerFault(s.uri, QStringLiteral("items"), {{QStringLiteral("times"), 0}});
    QVERIFY2(!second, "the read went on although every read of the collection was refused");
    QCOMPARE(second.error().code, ErrorCode::Connect);
    QVERIFY2(second.error().message.startsWith(QStringLiteral("Gave up reading \"items\"")),
             qPrintable(second.error().message));
    QVERIFY2(second.error().message.contains(QStringLiteral("--resume")),
             qPrintable(second.error().message));
    QVERIFY(notices >= 1);
    QCOMPARE(batch.size(), size_t(0));
    // Still just after the last document handed out: a resume continues from there.
    QCOMPARE(reader.position(), position);
}

// A cursor that ends early hands over fewer documents than the collection holds, without any
// error: the run must not call that completed.
void TestSourceReconnect::cursorEndingEarlyIsNotCompleted()
{
    const Setup s = makeCollection(QStringLiteral("ends_early"), kDocuments);
    QVERIFY(!s.project.isEmpty());
    const QString why = setMongoPeerFault(s.uri, QStringLiteral("items"),
                                          {{QStringLiteral("action"), QStringLiteral("endCursor")},
                                           {QStringLiteral("after"), 2},
                                           {QStringLiteral("times"), 1}});
    QVERIFY2(why.isEmpty(), qPrintable(why));

    const CliResult r = runProject(s);
    QVERIFY2(r.exitCode == 1, qPrintable(r.describe()));
    const QJsonObject report = readJson(s.report);
    QCOMPARE(report.value(QStringLiteral("status")).toString(), QStringLiteral("mismatches"));
    const QJsonObject c = firstCollection(s.report);
    QCOMPARE(c.value(QStringLiteral("status")).toString(), QStringLiteral("mismatches"));
    QCOMPARE(c.value(QStringLiteral("read")).toInteger(), 2 * kBatch);
    QCOMPARE(c.value(QStringLiteral("source_count")).toInteger(), kDocuments);
    const QJsonObject first = c.value(QStringLiteral("mismatches")).toArray().first().toObject();
    QCOMPARE(first.value(QStringLiteral("expected")).toString(),
             QStringLiteral("%1 documents in the source").arg(kDocuments));
    QCOMPARE(first.value(QStringLiteral("found")).toString(),
             QStringLiteral("%1 read").arg(2 * kBatch));
    const QString said = QStringLiteral("items: %1 documents were read but the source holds %2")
                             .arg(2 * kBatch)
                             .arg(kDocuments);
    QVERIFY2(QString::fromUtf8(r.stdErr).contains(said), qPrintable(r.describe()));
    QVERIFY2(QString::fromUtf8(r.stdOut).contains(said), qPrintable(r.describe()));
}

// Documents added behind the read (lower _ids) while it runs: the counts at the start and at
// the end differ, which is a warning naming both, not a failed check.
void TestSourceReconnect::collectionGrowingDuringRunWarns()
{
    const Setup s = makeCollection(QStringLiteral("grows"), kDocuments);
    QVERIFY(!s.project.isEmpty());
    QJsonArray added;
    for (int i = 1; i <= 5; ++i)
        added.append(QJsonObject{{QStringLiteral("_id"), -i},
                                 {QStringLiteral("n"), -i},
                                 {QStringLiteral("name"), QStringLiteral("late")}});
    const QString why =
        setMongoPeerFault(s.uri, QStringLiteral("items"),
                          {{QStringLiteral("action"), QStringLiteral("addDocuments")},
                           {QStringLiteral("after"), 3},
                           {QStringLiteral("times"), 1},
                           {QStringLiteral("documents"), added}});
    QVERIFY2(why.isEmpty(), qPrintable(why));

    const CliResult r = runProject(s);
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    const QJsonObject c = firstCollection(s.report);
    QCOMPARE(c.value(QStringLiteral("status")).toString(), QStringLiteral("completed"));
    QCOMPARE(c.value(QStringLiteral("read")).toInteger(), kDocuments);
    const QJsonObject counts = c.value(QStringLiteral("source_counts")).toObject();
    QCOMPARE(counts.value(QStringLiteral("at_start")).toInteger(), kDocuments);
    QCOMPARE(counts.value(QStringLiteral("at_end")).toInteger(), kDocuments + 5);
    const QString said = QStringLiteral("the source held %1 documents when the read started and "
                                        "%2 when it ended; %1 were read")
                             .arg(kDocuments)
                             .arg(kDocuments + 5);
    bool warned = false;
    for (const QJsonValue &w : c.value(QStringLiteral("warnings")).toArray())
        warned = warned || w.toString().contains(said);
    QVERIFY2(warned, qPrintable(r.describe()));
}

QTEST_GUILESS_MAIN(TestSourceReconnect)
#include "tst_source_reconnect.moc"

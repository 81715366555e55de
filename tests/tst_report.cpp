#include "run/report.h"

#include <ferry_version.h>

#include <QFile>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace ferry;
using namespace Qt::StringLiterals;

namespace {

template <class T> QByteArray why(const Result<T> &r)
{
    return r.ok() ? QByteArray() : r.error().toString().toUtf8();
}

RunReport sampleReport()
{
    RunReport r;
    r.command = u"run"_s;
    r.runId = u"20240501-120000-ab12"_s;
    r.status = RunReport::statusName(RunStatus::CompletedWithRejects);
    r.durationSeconds = 1.9;
    r.source = u"mongodb://reader:***@db1/shop"_s;
    r.target = u"postgresql://writer@pg/shop"_s;

    CollectionReport users;
    users.name = u"users"_s;
    users.status = RunReport::statusName(RunStatus::Completed);
    users.sourceCount = 185;
    users.read = 185;
    users.written = 185;
    users.tables = {{u"users"_s, 185}, {u"users_tags"_s, 412}};
    users.docsPerSecond = 9500.0;

    CollectionReport orders;
    orders.name = u"orders"_s;
    orders.status = RunReport::statusName(RunStatus::CompletedWithRejects);
    orders.read = 10;
    orders.written = 7;
    orders.skippedExisting = 1;
    orders.rejected = 2;
    orders.warnings = {u"field \"total\" had 2 values that are not numbers"_s};
    orders.docsPerSecond = 1234.5;
    orders.mismatches = QJsonArray{QJsonObject{{u"_id"_s, u"x1"_s}, {u"field"_s, u"total"_s}}};
    orders.extra = QJsonObject{{u"unknown_fields"_s, QJsonObject{{u"notes.extra"_s, 3}}}};

    r.collections = {users, orders};
    r.rejectFile = u"/tmp/run.rejects.ndjson"_s;
    r.extra = QJsonObject{{u"errors"_s, QJsonArray{u"one"_s}}};
    return r;
}

// Positions of `keys` in `json`, searched one after the other from `from`; -1 if a key is
// missing or comes earlier than the one before it.
qsizetype keysInOrder(const QByteArray &json, const QList<QByteArray> &keys, qsizetype from = 0)
{
    qsizetype at = from;
    for (const QByteArray &key : keys) {
        at = json.indexOf("\"" + key + "\":", at);
        if (at < 0) {
            qWarning("key %s missing or out of order", key.constData());
            return -1;
        }
    }
    return at;
}

} // namespace

class TestReport : public QObject {
    Q_OBJECT

private slots:
    void documentedKeyOrder();
    void parsesBack();
    void unknownSourceCountIsNull();
    void secretsAreRedacted_data();
    void secretsAreRedacted();
    void emptyCollectionsAndSave();
    void rejectsNonReports_data();
    void rejectsNonReports();
};

void TestReport::documentedKeyOrder()
{
    const QByteArray json = sampleReport().toJson();
    QVERIFY(json.startsWith("{\n  \"ferry_report\": 1,\n  \"ferry_version\": \"" FERRY_VERSION
                            "\",\n  \"command\": \"run\",\n"));
    QVERIFY(json.endsWith("}\n"));
    QVERIFY(keysInOrder(json, {"ferry_report", "ferry_version", "command", "run_id", "status",
                               "duration_s", "source", "target", "collections", "reject_file",
                               "errors"}) > 0);
    const qsizetype collections = json.indexOf("\"collections\":");
    const QList<QByteArray> collectionKeys{"name",     "status",           "source_count", "read",
                                           "written",  "skipped_existing", "rejected",     "tables",
                                           "warnings", "docs_per_s"};
    const qsizetype firstEnd = keysInOrder(json, collectionKeys, collections);
    QVERIFY(firstEnd > 0);
    QVERIFY(keysInOrder(json, collectionKeys + QList<QByteArray>{"mismatches", "unknown_fields"},
                        firstEnd) > 0);
    QVERIFY(json.contains("\"docs_per_s\": 9500.0"));
    QVERIFY(json.contains("\"duration_s\": 1.9,"));
    QVERIFY(json.contains("{\n          \"name\": \"users_tags\",\n          \"rows\": 412"));
    // The documented keys are not repeated by `extra`.
    QCOMPARE(json.count("\"reject_file\""), 1);
}

void TestReport::parsesBack()
{
    const RunReport report = sampleReport();
    const QByteArray json = report.toJson();
    const Result<RunReport> parsed = RunReport::fromJson(json);
    QVERIFY2(parsed.ok(), why(parsed).constData());
    QCOMPARE(parsed->collections.size(), report.collections.size());
    QVERIFY(parsed->collections[0] == report.collections[0]);
    QVERIFY(parsed->collections[1] == report.collections[1]);
    QVERIFY(parsed.value() == report);
    QCOMPARE(parsed->toJson(), json);
}

void TestReport::unknownSourceCountIsNull()
{
    RunReport report;
    report.collections.push_back({});
    const QByteArray json = report.toJson();
    QVERIFY(json.contains("\"source_count\": null"));
    const Result<RunReport> parsed = RunReport::fromJson(json);
    QVERIFY(parsed.ok());
    QCOMPARE(parsed->collections[0].sourceCount, -1);
}

void TestReport::secretsAreRedacted_data()
{
    QTest::addColumn<QString>("uri");
    QTest::addColumn<QString>("secret");
    QTest::newRow("mongodb") << u"mongodb://user:pw123@host/db"_s << u"pw123"_s;
    QTest::newRow("postgresql") << u"postgresql://alice:s3cr3t@localhost:5432/shop"_s
                                << u"s3cr3t"_s;
    QTest::newRow("libpq keywords") << u"host=db password=t0ps3cret"_s << u"t0ps3cret"_s;
}

void TestReport::secretsAreRedacted()
{
    QFETCH(QString, uri);
    QFETCH(QString, secret);
    RunReport report = sampleReport();
    report.source = uri;
    report.target = uri;
    report.collections[1].warnings << u"could not connect to %1"_s.arg(uri);
    const QByteArray json = report.toJson();
    QVERIFY2(!json.contains(secret.toUtf8()), json.constData());
    QVERIFY(json.contains("***"));
}

void TestReport::emptyCollectionsAndSave()
{
    RunReport report;
    report.command = u"validate"_s;
    report.status = RunReport::statusName(RunStatus::Failed);
    const QByteArray json = report.toJson();
    QVERIFY(json.contains("\"collections\": []\n}"));
    QVERIFY(!json.contains("reject_file"));
    QVERIFY(!QJsonDocument::fromJson(json).isNull());

    QTemporaryDir dir;
    const QString path = dir.filePath(u"report.json"_s);
    QVERIFY(report.save(path).ok());
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), json);
    QVERIFY(!report.save(dir.filePath(u"no/such/dir/report.json"_s)).ok());
}

void TestReport::rejectsNonReports_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::newRow("not json") << QByteArray("{\"ferry_report\": ");
    QTest::newRow("array") << QByteArray("[]");
    QTest::newRow("no marker") << QByteArray(R"({"command": "run"})");
    QTest::newRow("newer") << QByteArray(R"({"ferry_report": 2})");
    QTest::newRow("bad collection") << QByteArray(R"({"ferry_report": 1, "collections": [3]})");
}

void TestReport::rejectsNonReports()
{
    QFETCH(QByteArray, json);
    const Result<RunReport> parsed = RunReport::fromJson(json);
    QVERIFY(!parsed.ok());
    QCOMPARE(parsed.error().code, ErrorCode::Parse);
}

QTEST_GUILESS_MAIN(TestReport)
#include "tst_report.moc"

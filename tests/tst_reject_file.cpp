#include "run/reject_file.h"

#include <bson/bson.h>

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace ferry;
using namespace Qt::StringLiterals;

namespace {

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QList<QJsonObject> lines(const QString &path)
{
    QList<QJsonObject> out;
    const QList<QByteArray> raw = readAll(path).split('\n');
    for (const QByteArray &line : raw) {
        if (line.isEmpty())
            continue;
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(line, &error);
        if (error.error != QJsonParseError::NoError || !doc.isObject())
            qWarning("not a JSON object line: %s", line.constData());
        out << doc.object();
    }
    return out;
}

// A valid header whose only element claims a string far longer than the document.
QByteArray corruptElement()
{
    const char bytes[] = {0x0c, 0x00,       0x00,       0x00,       0x02, 'a',
                          0x00, char(0xff), char(0xff), char(0xff), 0x7f, 0x00};
    return QByteArray(bytes, sizeof bytes);
}

} // namespace

class TestRejectFile : public QObject {
    Q_OBJECT

private slots:
    void writesCanonicalExtendedJson();
    void createdOnFirstRejectOnly();
    void resumedFileIsCutBackToCheckpoint();
    void invalidBsonIsKeptAsBinary_data();
    void invalidBsonIsKeptAsBinary();
    void pathBesideReport_data();
    void pathBesideReport();
    void truncateAppendAndReopen();
    void unwritablePathIsAnIoError();
};

void TestRejectFile::writesCanonicalExtendedJson()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"run.rejects.ndjson"_s);
    RejectFile rejects(path);

    bson_oid_t oid;
    bson_oid_init_from_string(&oid, "5f1d7a2b9c8e4a0012345678");
    bson_t *doc = bson_new();
    BSON_APPEND_OID(doc, "_id", &oid);
    BSON_APPEND_INT32(doc, "n", 42);
    BSON_APPEND_UTF8(doc, "note", "tab\there \"quoted\"");
    QVERIFY(rejects
                .add(bson_get_data(doc), doc->len, u"orders"_s, u"value \"abc\" is not a number"_s,
                     u"total"_s)
                .ok());
    bson_destroy(doc);
    QVERIFY(rejects.flush().ok());
    QCOMPARE(rejects.count(), 1);

    const QByteArray text = readAll(path);
    QVERIFY(text.endsWith('\n'));
    QCOMPARE(text.count('\n'), 1);
    QVERIFY2(text.startsWith(R"({"collection":"orders","reason":"value \"abc\" is not a number",)"
                             R"("field":"total","document":)"),
             text.constData());

    const QList<QJsonObject> parsed = lines(path);
    QCOMPARE(parsed.size(), 1);
    const QJsonObject document = parsed[0].value(u"document").toObject();
    QCOMPARE(document.value(u"_id").toObject().value(u"$oid").toString(),
             u"5f1d7a2b9c8e4a0012345678"_s);
    QCOMPARE(document.value(u"n").toObject().value(u"$numberInt").toString(), u"42"_s);
    QCOMPARE(document.value(u"note").toString(), u"tab\there \"quoted\""_s);
    QCOMPARE(parsed[0].value(u"collection").toString(), u"orders"_s);
    QCOMPARE(parsed[0].value(u"field").toString(), u"total"_s);
}

void TestRejectFile::createdOnFirstRejectOnly()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"clean.rejects.ndjson"_s);
    {
        RejectFile rejects(path);
        QVERIFY(rejects.flush().ok());
        QVERIFY(rejects.close().ok());
        QCOMPARE(rejects.count(), 0);
        QVERIFY(!rejects.created());
    }
    QVERIFY(!QFileInfo::exists(path));

    RejectFile rejects(path);
    bson_t *doc = BCON_NEW("a", BCON_INT64(1));
    QVERIFY(rejects.add(bson_get_data(doc), doc->len, u"c"_s, u"r"_s).ok());
    bson_destroy(doc);
    QVERIFY(rejects.created());
    QVERIFY(QFileInfo::exists(path));
    QCOMPARE(rejects.path(), path);
}

// What a checkpoint records is length(); a resume cuts the file back to it, and what is
// added after the cut follows it directly.
void TestRejectFile::resumedFileIsCutBackToCheckpoint()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"run.rejects.ndjson"_s);
    bson_t *doc = BCON_NEW("_id", BCON_INT32(1));
    qint64 committed = 0;
    {
        RejectFile rejects(path);
        QCOMPARE(rejects.length(), 0);
        QVERIFY(rejects.add(bson_get_data(doc), doc->len, u"c"_s, u"first"_s).ok());
        QVERIFY(rejects.sync().ok());
        committed = rejects.length();
        QCOMPARE(committed, QFileInfo(path).size());
        QVERIFY(rejects.add(bson_get_data(doc), doc->len, u"c"_s, u"uncommitted"_s).ok());
        QVERIFY(rejects.sync().ok());
    }
    RejectFile resumed(path, RejectFile::Mode::Append);
    QVERIFY(resumed.length() > committed);
    // A file shorter than its checkpoint says is an error, and is left as it is.
    QVERIFY(!resumed.cutBackTo(resumed.length() + 1).ok());
    QVERIFY(resumed.cutBackTo(committed).ok());
    QCOMPARE(QFileInfo(path).size(), committed);
    QVERIFY(resumed.add(bson_get_data(doc), doc->len, u"c"_s, u"redone"_s).ok());
    QVERIFY(resumed.close().ok());
    bson_destroy(doc);
    const QList<QJsonObject> all = lines(path);
    QCOMPARE(all.size(), 2);
    QCOMPARE(all[0].value(u"reason"_s).toString(), u"first"_s);
    QCOMPARE(all[1].value(u"reason"_s).toString(), u"redone"_s);

    // A new run's file counts from nothing, whatever an old file at its path holds.
    RejectFile fresh(path);
    QCOMPARE(fresh.length(), 0);
}

void TestRejectFile::invalidBsonIsKeptAsBinary_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::newRow("length mismatch") << QByteArray("\x20\x00\x00\x00garbage", 11);
    QTest::newRow("too short") << QByteArray("\x01\x02", 2);
    QTest::newRow("corrupt element") << corruptElement();
}

void TestRejectFile::invalidBsonIsKeptAsBinary()
{
    QFETCH(QByteArray, bytes);
    QTemporaryDir dir;
    const QString path = dir.filePath(u"bad.ndjson"_s);
    RejectFile rejects(path);
    QVERIFY(rejects
                .add(reinterpret_cast<const uint8_t *>(bytes.constData()), uint32_t(bytes.size()),
                     u"c"_s, u"not valid BSON"_s)
                .ok());
    QVERIFY(rejects.close().ok());

    const QList<QJsonObject> parsed = lines(path);
    QCOMPARE(parsed.size(), 1);
    const QJsonObject binary = parsed[0].value(u"document").toObject().value(u"$binary").toObject();
    QCOMPARE(QByteArray::fromBase64(binary.value(u"base64").toString().toLatin1()), bytes);
    QCOMPARE(binary.value(u"subType").toString(), u"00"_s);
    QCOMPARE(parsed[0].value(u"reason").toString(), u"not valid BSON"_s);
}

void TestRejectFile::pathBesideReport_data()
{
    QTest::addColumn<QString>("report");
    QTest::addColumn<QString>("rejects");
    QTest::newRow("json") << u"/tmp/out/run.json"_s << u"/tmp/out/run.rejects.ndjson"_s;
    QTest::newRow("dotted") << u"/tmp/run.2024-05-01.json"_s
                            << u"/tmp/run.2024-05-01.rejects.ndjson"_s;
    QTest::newRow("relative") << u"report.json"_s << u"report.rejects.ndjson"_s;
}

void TestRejectFile::pathBesideReport()
{
    QFETCH(QString, report);
    QFETCH(QString, rejects);
    QCOMPARE(RejectFile::pathBesideReport(report), rejects);
}

void TestRejectFile::truncateAppendAndReopen()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"r.ndjson"_s);
    bson_t *doc = BCON_NEW("x", BCON_UTF8("y"));
    auto add = [&](RejectFile &f) {
        return f.add(bson_get_data(doc), doc->len, u"c"_s, u"r"_s).ok();
    };
    {
        RejectFile first(path);
        QVERIFY(add(first) && add(first));
    }
    QCOMPARE(lines(path).size(), 2);
    {
        RejectFile resumed(path, RejectFile::Mode::Append);
        QVERIFY(add(resumed));
    }
    QCOMPARE(lines(path).size(), 3);
    {
        RejectFile fresh(path);
        QVERIFY(add(fresh));
        QVERIFY(fresh.close().ok());
        QVERIFY(add(fresh)); // reopening after close keeps this run's lines
        QCOMPARE(fresh.count(), 2);
    }
    QCOMPARE(lines(path).size(), 2);
    bson_destroy(doc);
}

void TestRejectFile::unwritablePathIsAnIoError()
{
    QTemporaryDir dir;
    RejectFile rejects(dir.filePath(u"missing/dir/r.ndjson"_s));
    bson_t *doc = BCON_NEW("x", BCON_INT32(1));
    const Status s = rejects.add(bson_get_data(doc), doc->len, u"c"_s, u"r"_s);
    bson_destroy(doc);
    QVERIFY(!s.ok());
    QCOMPARE(s.error().code, ErrorCode::Io);
    QCOMPARE(rejects.count(), 0);
}

QTEST_GUILESS_MAIN(TestRejectFile)
#include "tst_reject_file.moc"

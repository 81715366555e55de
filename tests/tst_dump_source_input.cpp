// Filters, bad input and read speed of the dump source: what users get wrong and what
// files get broken in.
#include "stores/common/source.h"
#include "support/dump_fixtures.h"
#include "support/test_services.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <functional>

using namespace Qt::StringLiterals;
using namespace ferry;
using namespace ferry::test;

class DumpSourceInputTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void filter_data();
    void filter();
    void unsupportedFilter_data();
    void unsupportedFilter();
    void badInput_data();
    void badInput();
    void readSpeed();
};

void DumpSourceInputTest::filter_data()
{
    QTest::addColumn<QString>("filter");
    QTest::addColumn<int>("expected");
    // 100 documents: _id 0..99, group = _id % 10, nested.k = _id, name "user<_id>".
    QTest::newRow("empty") << QString() << 100;
    QTest::newRow("equality") << uR"({"group": 3})"_s << 10;
    QTest::newRow("equality as double") << uR"({"group": 3.0})"_s << 10;
    QTest::newRow("string equality") << uR"({"name": "user42"})"_s << 1;
    QTest::newRow("dotted") << uR"({"nested.k": 42})"_s << 1;
    QTest::newRow("$eq") << uR"({"group": {"$eq": 3}})"_s << 10;
    QTest::newRow("$ne") << uR"({"group": {"$ne": 3}})"_s << 90;
    QTest::newRow("range") << uR"({"_id": {"$gte": 10, "$lt": 20}})"_s << 10;
    QTest::newRow("$gt/$lte") << uR"({"nested.k": {"$gt": 90, "$lte": 95}})"_s << 5;
    QTest::newRow("$in") << uR"({"group": {"$in": [1, 2]}})"_s << 20;
    QTest::newRow("$nin") << uR"({"group": {"$nin": [1, 2]}})"_s << 80;
    QTest::newRow("$exists true") << uR"({"late": {"$exists": true}})"_s << 5;
    QTest::newRow("$exists false") << uR"({"late": {"$exists": false}})"_s << 95;
    QTest::newRow("missing equals null") << uR"({"late": null})"_s << 95;
    QTest::newRow("$or") << uR"({"$or": [{"group": 1}, {"_id": 2}]})"_s << 11;
    QTest::newRow("$and") << uR"({"$and": [{"group": 1}, {"_id": {"$lt": 50}}]})"_s << 5;
    QTest::newRow("type bracket") << uR"({"name": {"$gt": 5}})"_s << 0;
    QTest::newRow("strings compare") << uR"({"name": {"$lt": "user2"}})"_s << 12;
}

void DumpSourceInputTest::filter()
{
    QFETCH(QString, filter);
    QFETCH(int, expected);
    QTemporaryDir dir;
    writeFile(dir.filePath(u"f.bson"_s), numberedBson(100, 5));
    auto source = openSource(dir.path());
    ReadOptions options;
    options.filter = filter;
    auto reader = source->openReader(u"f"_s, options);
    QVERIFY2(reader, why(reader));
    auto ids = readIds(**reader, 7);
    QVERIFY2(ids, why(ids));
    QCOMPARE(ids->size(), expected);
}

void DumpSourceInputTest::unsupportedFilter_data()
{
    QTest::addColumn<QString>("filter");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("$regex") << uR"({"name": {"$regex": "^u"}})"_s << u"regular expression"_s;
    QTest::newRow("$elemMatch") << uR"({"a": {"$elemMatch": {"b": 1}}})"_s << u"$elemMatch"_s;
    QTest::newRow("$where") << uR"({"$where": "true"})"_s << u"$where"_s;
    QTest::newRow("not JSON") << uR"({"name": )"_s << u"not a valid Extended JSON"_s;
}

void DumpSourceInputTest::unsupportedFilter()
{
    QFETCH(QString, filter);
    QFETCH(QString, mentions);
    QTemporaryDir dir;
    writeFile(dir.filePath(u"f.bson"_s), numberedBson(3));
    auto source = openSource(dir.path());
    ReadOptions options;
    options.filter = filter;
    auto reader = source->openReader(u"f"_s, options);
    QVERIFY(!reader);
    QCOMPARE(reader.error().code, ErrorCode::Usage);
    QVERIFY2(reader.error().message.contains(mentions), why(reader));
    auto sample = source->sample(u"f"_s, 10, filter);
    QVERIFY(!sample);
    QCOMPARE(sample.error().code, ErrorCode::Usage);
}

void DumpSourceInputTest::badInput_data()
{
    QTest::addColumn<QString>("fileName");
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("collection");
    QTest::addColumn<int>("code");
    QTest::addColumn<QStringList>("mentions");

    const QByteArray three = numberedBson(3);
    const QByteArray fourth = numberedBson(4).mid(three.size());
    const QString at = QString::number(three.size());
    QTest::newRow("bson truncated mid-document")
        << u"users.bson"_s << three + fourth.left(12) << u"users"_s << int(ErrorCode::Parse)
        << QStringList{u"users.bson"_s, u"byte "_s + at, u"truncated"_s,
                       QString::number(fourth.size()) + u" bytes"_s, u"12 remain"_s};
    QTest::newRow("bson truncated in a length prefix")
        << u"users.bson"_s << three + fourth.left(2) << u"users"_s << int(ErrorCode::Parse)
        << QStringList{u"users.bson"_s, u"byte "_s + at, u"truncated"_s};
    QByteArray badLength = three + fourth;
    badLength[three.size()] = 2;
    badLength[three.size() + 1] = 0;
    QTest::newRow("bson impossible length")
        << u"users.bson"_s << badLength << u"users"_s << int(ErrorCode::Parse)
        << QStringList{u"users.bson"_s, u"byte "_s + at, u"damaged"_s};
    QByteArray badType = three + fourth;
    badType[three.size() + 4] = char(0x7f - 0x80); // an element type byte no BSON has
    QTest::newRow("bson corrupt document")
        << u"users.bson"_s << badType << u"users"_s << int(ErrorCode::Parse)
        << QStringList{u"users.bson"_s, u"byte "_s + at, u"not valid BSON"_s};
    QByteArray noTerminator = three + fourth;
    noTerminator[noTerminator.size() - 1] = 'x';
    QTest::newRow("bson document without terminator")
        << u"users.bson"_s << noTerminator << u"users"_s << int(ErrorCode::Parse)
        << QStringList{u"users.bson"_s, u"byte "_s + at};

    const QByteArray good = "{\"a\": 1}\n{\"a\": 2}\n";
    QTest::newRow("json bad value on line 3")
        << u"users.json"_s << good + "{\"a\": tru}\n{\"a\": 4}\n"
        << u"users"_s << int(ErrorCode::Parse)
        << QStringList{u"users.json"_s, u"line 3"_s, u"byte 18"_s};
    QTest::newRow("json missing brace on line 3")
        << u"users.json"_s << good + "{\"a\": {\"b\": 1}\n{\"a\": 4}\n"
        << u"users"_s << int(ErrorCode::Parse) << QStringList{u"users.json"_s, u"line 3"_s};
    QTest::newRow("json unterminated string on line 2")
        << u"users.json"_s << QByteArray("{\"a\": 1}\n{\"a\": \"x}\n{\"a\": 3}\n") << u"users"_s
        << int(ErrorCode::Parse) << QStringList{u"users.json"_s, u"line 2"_s};
    QTest::newRow("json not a document") << u"users.json"_s << good + "42\n"
                                         << u"users"_s << int(ErrorCode::Parse)
                                         << QStringList{u"users.json"_s, u"line 3"_s, u"'4'"_s};
    QTest::newRow("json array truncated")
        << u"users.json"_s << QByteArray("[{\"a\": 1},\n{\"a\": 2},\n") << u"users"_s
        << int(ErrorCode::Parse) << QStringList{u"users.json"_s, u"line 3"_s, u"truncated"_s};
    QTest::newRow("json array missing comma")
        << u"users.json"_s << QByteArray("[{\"a\": 1}\n{\"a\": 2}]") << u"users"_s
        << int(ErrorCode::Parse) << QStringList{u"users.json"_s, u"line 2"_s, u"','"_s};
    QTest::newRow("json pretty document cut off")
        << u"users.json"_s << QByteArray("{\n \"a\": 1\n}\n{\n \"a\": [1,\n") << u"users"_s
        << int(ErrorCode::Parse) << QStringList{u"users.json"_s, u"line 4"_s, u"truncated"_s};
    QTest::newRow("unknown collection")
        << u"users.json"_s << good << u"people"_s << int(ErrorCode::NotFound)
        << QStringList{u"people"_s, u"users"_s};
    QTest::newRow("missing path") << QString() << QByteArray() << u"users"_s
                                  << int(ErrorCode::NotFound)
                                  << QStringList{u"no-such-dump"_s, u"does not exist"_s};
    QTest::newRow("not a dump file") << u"users.csv"_s << QByteArray("a,b\n") << u"users"_s
                                     << int(ErrorCode::Usage) << QStringList{u"users.csv"_s};
}

void DumpSourceInputTest::badInput()
{
    QFETCH(QString, fileName);
    QFETCH(QByteArray, content);
    QFETCH(QString, collection);
    QFETCH(int, code);
    QFETCH(QStringList, mentions);
    QTemporaryDir dir;
    QString path = dir.filePath(u"no-such-dump"_s);
    if (!fileName.isEmpty()) {
        path = dir.filePath(fileName);
        writeFile(path, content);
    }
    // Both as a single file and inside a dump folder.
    const QStringList targets = fileName.endsWith(u".csv"_s) || fileName.isEmpty()
                                    ? QStringList{path}
                                    : QStringList{path, dir.path()};
    for (const QString &target : targets) {
        const Error error = firstError(target, collection);
        QVERIFY2(error.isError(), qPrintable(u"no error for "_s + target));
        QCOMPARE(int(error.code), code);
        for (const QString &m : mentions)
            QVERIFY2(error.message.contains(m),
                     qPrintable(u"\""_s + error.message + u"\" does not mention "_s + m));
    }
}

void DumpSourceInputTest::readSpeed()
{
    // A manual measurement, not a check: FERRY_BENCH=1 ./tst_dump_source readSpeed
    if (qEnvironmentVariableIsEmpty("FERRY_BENCH"))
        QSKIP("set FERRY_BENCH=1 to measure the .bson read speed");
    QTemporaryDir dir;
    const int n = 2'000'000;
    writeFile(dir.filePath(u"big.bson"_s), numberedBson(n));
    writeFile(dir.filePath(u"lines.json"_s), numberedNdjson(n / 4));
    {
        // Baseline on the same machine load: libbson's own file reader, plus validation.
        QElapsedTimer timer;
        timer.start();
        bson_reader_t *raw = bson_reader_new_from_file(
            dir.filePath(u"big.bson"_s).toLocal8Bit().constData(), nullptr);
        QVERIFY(raw);
        qint64 docs = 0;
        bool eof = false;
        while (const bson_t *doc = bson_reader_read(raw, &eof))
            docs += bson_validate(doc, BSON_VALIDATE_NONE, nullptr) ? 1 : 0;
        bson_reader_destroy(raw);
        const double s = double(timer.nsecsElapsed()) / 1e9;
        qInfo("libbson bson_reader + validate: %lld docs in %.3f s: %.2f M docs/s", docs, s,
              double(docs) / s / 1e6);
    }
    auto source = openSource(dir.path());
    QVERIFY(source && source->open());
    for (const QString &collection : {u"big"_s, u"big"_s, u"lines"_s}) {
        auto reader = source->openReader(collection, {});
        QVERIFY(reader);
        QElapsedTimer timer;
        timer.start();
        DocBatch batch;
        qint64 docs = 0;
        while (true) {
            auto more = (*reader)->next(batch, 10000);
            QVERIFY(more);
            if (!*more)
                break;
            docs += qint64(batch.size());
        }
        const double s = double(timer.nsecsElapsed()) / 1e9;
        qInfo("%s: %lld docs in %.3f s: %.2f M docs/s", qPrintable(collection), docs, s,
              double(docs) / s / 1e6);
    }
}

QTEST_GUILESS_MAIN(DumpSourceInputTest)
#include "tst_dump_source_input.moc"

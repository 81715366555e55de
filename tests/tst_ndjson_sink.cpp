#include "stores/dump/dump_source.h"
#include "stores/ndjson/ndjson_sink.h"
#include "stores/sqlite/sqlite_source.h"
#include "support/document_checks.h"
#include "support/relational_fixture.h"

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

using namespace ferry;
using ferry::test::RelationalFixture;

namespace {

CollectionMapping mappingFor(const QString &collection)
{
    CollectionMapping m;
    m.collection = collection;
    m.root.table = collection;
    return m;
}

RowBatch batchOf(const std::vector<BsonDoc> &docs, size_t from, size_t to)
{
    RowBatch b;
    for (size_t i = from; i < to && i < docs.size(); ++i)
        b.docs.append(docs[i].get());
    return b;
}

std::vector<BsonDoc> parseLines(const QString &path)
{
    std::vector<BsonDoc> out;
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return out;
    for (const QByteArray &line : f.readAll().split('\n')) {
        if (line.isEmpty())
            continue;
        bson_t doc;
        bson_error_t error;
        if (!bson_init_from_json(&doc, line.constData(), line.size(), &error)) {
            qWarning("unparsable line: %s", error.message);
            continue;
        }
        out.emplace_back(&doc);
        bson_destroy(&doc);
    }
    return out;
}

// A few documents with every type the SQL sources produce.
std::vector<BsonDoc> sampleDocs(int n)
{
    std::vector<BsonDoc> out;
    for (int i = 0; i < n; ++i) {
        BsonDoc d;
        BSON_APPEND_INT32(d.get(), "_id", i);
        BSON_APPEND_INT64(d.get(), "big", 5000000000LL + i);
        BSON_APPEND_DOUBLE(d.get(), "ratio", 1.0 / (i + 3));
        BSON_APPEND_UTF8(d.get(), "name", "Σ line\nbreak \"quoted\"");
        BSON_APPEND_DATE_TIME(d.get(), "at", 1700000000123LL + i);
        bson_decimal128_t dec;
        bson_decimal128_from_string("12345678901234567890.1234567890", &dec);
        BSON_APPEND_DECIMAL128(d.get(), "amount", &dec);
        const uint8_t uuid[16] = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, uint8_t(i)};
        BSON_APPEND_BINARY(d.get(), "uuid", BSON_SUBTYPE_UUID, uuid, 16);
        BSON_APPEND_NULL(d.get(), "nothing");
        bson_t sub;
        BSON_APPEND_DOCUMENT_BEGIN(d.get(), "sub", &sub);
        BSON_APPEND_BOOL(&sub, "ok", i % 2);
        bson_append_document_end(d.get(), &sub);
        out.push_back(std::move(d));
    }
    return out;
}

} // namespace

class NdjsonSinkTest : public QObject {
    Q_OBJECT

private slots:
    void writesCanonicalLinesAndCheckpoints();
    void resumeCutsBackToCheckpoint();
    void rejectedDocumentsAreLeftOut();
    void dryRunWritesNothing();
    void sqliteExportReadsBackIdentically();
    void largeBatchKeepsOrderAndMakesDistinctIds();
};

void NdjsonSinkTest::writesCanonicalLinesAndCheckpoints()
{
    QTemporaryDir dir;
    NdjsonSink sink(*Endpoint::parse(QStringLiteral("ndjson:") + dir.path()));
    QVERIFY(sink.open());
    const auto docs = sampleDocs(10);
    const CollectionMapping m = mappingFor(QStringLiteral("things"));
    ProjectOptions options;
    auto prepared = sink.prepare(m, options, false);
    QVERIFY(prepared);
    QVERIFY(prepared->tablesWereEmpty);
    Checkpoint cp;
    cp.runId = QStringLiteral("run-1");
    cp.position = QByteArrayLiteral("[6]");
    cp.read = 6;
    cp.rejectBytes = 321;
    auto w = sink.write(m, options, batchOf(docs, 0, 6), cp);
    QVERIFY2(w, qPrintable(test::errorText(w)));
    QCOMPARE(w->written, 6);
    auto loaded = sink.loadCheckpoint(QStringLiteral("things"));
    QVERIFY(loaded && loaded->has_value());
    QCOMPARE((*loaded)->written, 6);
    QCOMPARE((*loaded)->position, QByteArrayLiteral("[6]"));
    QCOMPARE((*loaded)->runId, QStringLiteral("run-1"));
    QCOMPARE((*loaded)->rejectBytes, 321);

    cp = **loaded;
    cp.read = 10;
    cp.position = QByteArrayLiteral("[10]");
    QVERIFY(sink.write(m, options, batchOf(docs, 6, 10), cp));
    QCOMPARE(*sink.countRows(QStringLiteral("things")), 10);

    const auto back = parseLines(sink.dataPath(QStringLiteral("things")));
    QCOMPARE(back.size(), docs.size());
    for (size_t i = 0; i < docs.size(); ++i)
        QVERIFY2(bson_equal(back[i].get(), docs[i].get()), qPrintable(test::toJson(back[i].get())));

    // The dump source (mongoexport reader) reads the export back byte for byte.
    DumpSource dump(dir.path());
    QVERIFY(dump.open());
    auto reader = dump.openReader(QStringLiteral("things"), {});
    QVERIFY2(reader, qPrintable(test::errorText(reader)));
    std::vector<BsonDoc> viaDump;
    QVERIFY(test::readAll(**reader, &viaDump));
    QCOMPARE(viaDump.size(), docs.size());
    for (size_t i = 0; i < docs.size(); ++i)
        QVERIFY2(bson_equal(viaDump[i].get(), docs[i].get()),
                 qPrintable(test::toJson(viaDump[i].get())));

    QVERIFY(sink.clearCheckpoint(QStringLiteral("things")));
    QVERIFY(!sink.loadCheckpoint(QStringLiteral("things"))->has_value());
}

void NdjsonSinkTest::resumeCutsBackToCheckpoint()
{
    QTemporaryDir dir;
    const auto docs = sampleDocs(9);
    const CollectionMapping m = mappingFor(QStringLiteral("things"));
    ProjectOptions options;
    Checkpoint cp;
    {
        NdjsonSink sink(*Endpoint::parse(QStringLiteral("ndjson:") + dir.path()));
        QVERIFY(sink.open());
        QVERIFY(sink.prepare(m, options, false));
        cp.read = 3;
        QVERIFY(sink.write(m, options, batchOf(docs, 0, 3), cp));
    }
    // A crash after the next batch's lines reached the file but before its checkpoint did.
    {
        QFile f(QDir(dir.path()).filePath(QStringLiteral("things.json")));
        QVERIFY(f.open(QIODevice::Append));
        f.write("{\"_id\" : {\"$numberInt\" : \"3\"}}\n{\"_id\" : {\"$numberInt\" : \"4\"");
    }
    NdjsonSink sink(*Endpoint::parse(QStringLiteral("ndjson:") + dir.path()));
    QVERIFY(sink.open());
    auto loaded = sink.loadCheckpoint(QStringLiteral("things"));
    QVERIFY(loaded && loaded->has_value());
    QCOMPARE((*loaded)->read, 3);
    QVERIFY(sink.prepare(m, options, true));
    cp = **loaded;
    cp.read = 9;
    QVERIFY(sink.write(m, options, batchOf(docs, 3, 9), cp));
    const auto back = parseLines(sink.dataPath(QStringLiteral("things")));
    QCOMPARE(back.size(), size_t(9));
    for (size_t i = 0; i < docs.size(); ++i)
        QVERIFY(bson_equal(back[i].get(), docs[i].get()));

    // Not resuming starts the file over.
    QVERIFY(sink.prepare(m, options, false));
    QCOMPARE(*sink.countRows(QStringLiteral("things")), 0);
}

void NdjsonSinkTest::rejectedDocumentsAreLeftOut()
{
    QTemporaryDir dir;
    NdjsonSink sink(*Endpoint::parse(QStringLiteral("ndjson:") + dir.path()));
    QVERIFY(sink.open());
    const CollectionMapping m = mappingFor(QStringLiteral("r"));
    QVERIFY(sink.prepare(m, {}, false));
    RowBatch b = batchOf(sampleDocs(5), 0, 5);
    b.rejects.push_back({1, QString(), QStringLiteral("bad")});
    b.rejects.push_back({3, QString(), QStringLiteral("bad")});
    auto w = sink.write(m, {}, b, {});
    QVERIFY(w);
    QCOMPARE(w->written, 3);
    QVERIFY(sink.probe(m, {}, b));
    const auto back = parseLines(sink.dataPath(QStringLiteral("r")));
    QCOMPARE(back.size(), size_t(3));
    bson_iter_t it;
    QVERIFY(test::findPath(back[1].get(), "_id", &it));
    QCOMPARE(bson_iter_int32(&it), 2);
}

void NdjsonSinkTest::dryRunWritesNothing()
{
    QTemporaryDir dir;
    NdjsonSink sink(*Endpoint::parse(QStringLiteral("ndjson:") + dir.path()));
    sink.setDryRun(true);
    QVERIFY(sink.open());
    const CollectionMapping m = mappingFor(QStringLiteral("dry"));
    QVERIFY(sink.prepare(m, {}, false));
    auto w = sink.write(m, {}, batchOf(sampleDocs(4), 0, 4), {});
    QVERIFY(w);
    QCOMPARE(w->written, 4);
    QVERIFY(!QFile::exists(sink.dataPath(QStringLiteral("dry"))));
    QVERIFY(!sink.loadCheckpoint(QStringLiteral("dry"))->has_value());
}

void NdjsonSinkTest::sqliteExportReadsBackIdentically()
{
    QTemporaryDir dir;
    const QString db = dir.filePath(QStringLiteral("tracking.sqlite"));
    const QString error = RelationalFixture::createSqlite(db);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    SqliteSource source(*Endpoint::parse(QStringLiteral("sqlite:") + db));
    NdjsonSink sink(
        *Endpoint::parse(QStringLiteral("ndjson:") + dir.filePath(QStringLiteral("out"))));
    QVERIFY(sink.open());
    for (const QString &table : RelationalFixture::tables()) {
        const CollectionMapping m = mappingFor(table);
        QVERIFY(sink.prepare(m, {}, false));
        auto reader = source.openReader(table, {});
        QVERIFY(reader);
        std::vector<BsonDoc> all;
        Checkpoint cp;
        DocBatch batch;
        while (*(*reader)->next(batch, 25)) {
            RowBatch rb;
            rb.docs = batch;
            for (BsonDoc &d : test::toDocs(batch))
                all.push_back(std::move(d));
            cp.position = (*reader)->position();
            cp.read += qint64(batch.size());
            auto w = sink.write(m, {}, rb, cp);
            QVERIFY(w);
            cp.written += w->written;
        }
        cp.finished = true;
        QVERIFY(sink.write(m, {}, RowBatch(), cp));
        const auto back = parseLines(sink.dataPath(table));
        QCOMPARE(back.size(), all.size());
        for (size_t i = 0; i < all.size(); ++i) {
            bson_iter_t id;
            if (bson_iter_init_find(&id, all[i].get(), "_id")) {
                QVERIFY2(bson_equal(back[i].get(), all[i].get()),
                         qPrintable(test::toJson(back[i].get())));
                continue;
            }
            // A row of a keyless table: an ObjectId is added, as a Mongo server would.
            QVERIFY(bson_iter_init_find(&id, back[i].get(), "_id") && BSON_ITER_HOLDS_OID(&id));
            bson_t rest;
            bson_init(&rest);
            bson_copy_to_excluding_noinit(back[i].get(), &rest, "_id", nullptr);
            const bool same = bson_equal(&rest, all[i].get());
            bson_destroy(&rest);
            QVERIFY2(same, qPrintable(test::toJson(back[i].get())));
        }
        QVERIFY((*sink.loadCheckpoint(table))->finished);
    }
}

// A large batch is written in parts at the same time: the lines must still come in the
// batch's order, and documents without _id get ObjectIds that never repeat across parts.
void NdjsonSinkTest::largeBatchKeepsOrderAndMakesDistinctIds()
{
    QTemporaryDir dir;
    NdjsonSink sink(*Endpoint::parse(QStringLiteral("ndjson:") + dir.path()));
    QVERIFY(sink.open());
    const CollectionMapping m = mappingFor(QStringLiteral("many"));
    ProjectOptions options;
    QVERIFY(sink.prepare(m, options, false));
    std::vector<BsonDoc> docs = sampleDocs(3000);
    for (size_t i = 0; i < docs.size(); i += 3) { // every third has no _id
        BsonDoc bare;
        bson_copy_to_excluding_noinit(docs[i].get(), bare.get(), "_id", nullptr);
        BSON_APPEND_INT32(bare.get(), "seq", int32_t(i));
        docs[i] = std::move(bare);
    }
    Checkpoint cp;
    cp.read = qint64(docs.size());
    auto w = sink.write(m, options, batchOf(docs, 0, docs.size()), cp);
    QVERIFY2(w, qPrintable(test::errorText(w)));
    QCOMPARE(w->written, qint64(docs.size()));
    const auto back = parseLines(sink.dataPath(QStringLiteral("many")));
    QCOMPARE(back.size(), docs.size());
    QSet<QByteArray> ids;
    for (size_t i = 0; i < docs.size(); ++i) {
        bson_iter_t it;
        QVERIFY(bson_iter_init_find(&it, back[i].get(), "_id"));
        if (i % 3 == 0) {
            QCOMPARE(bson_iter_type(&it), BSON_TYPE_OID);
            ids.insert(QByteArray(reinterpret_cast<const char *>(bson_iter_oid(&it)->bytes), 12));
            bson_iter_t seq;
            QVERIFY(bson_iter_init_find(&seq, back[i].get(), "seq"));
            QCOMPARE(bson_iter_int32(&seq), int32_t(i)); // in the batch's order
        } else {
            QVERIFY2(bson_equal(back[i].get(), docs[i].get()),
                     qPrintable(test::toJson(back[i].get())));
        }
    }
    QCOMPARE(ids.size(), qsizetype(1000));
}

QTEST_GUILESS_MAIN(NdjsonSinkTest)
#include "tst_ndjson_sink.moc"

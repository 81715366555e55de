#include "stores/mongo/mongo_sink.h"
#include "support/document_checks.h"
#include "support/test_services.h"

#include <mongoc/mongoc.h>

#include <QDateTime>
#include <QtTest>

using namespace ferry;

namespace {

CollectionMapping mappingFor(const QString &collection)
{
    CollectionMapping m;
    m.collection = collection;
    m.root.table = collection;
    return m;
}

RowBatch docsWithIds(int from, int to, const char *tag = "first")
{
    RowBatch b;
    for (int i = from; i < to; ++i) {
        bson_t *d = BCON_NEW("_id", BCON_INT32(i), "tag", BCON_UTF8(tag), "n", BCON_INT64(i * 2));
        b.docs.append(d);
        bson_destroy(d);
    }
    return b;
}

ProjectOptions withPolicy(ExistingRows policy)
{
    ProjectOptions o;
    o.existingRows = policy;
    return o;
}

} // namespace

class MongoSinkTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void needsDatabaseAndServer();
    void writesBatchesAndCheckpoints();
    void skipCountsExistingDocuments();
    void upsertReplacesById();
    void failNamesTheDuplicate();
    void truncateEmptiesUnlessResuming();
    void documentsWithoutIdGetOne();
    void oversizedDocumentIsRefused();
    void finishedLoadBuildsIndexes();

private:
    QString tagOf(const QString &collection, int id);

    QString m_uri;
    std::unique_ptr<MongoSink> m_sink;
};

void MongoSinkTest::initTestCase()
{
    // A database of its own, so a peer that outlived an earlier run holds nothing of it.
    m_uri = test::mongoUri(QStringLiteral("ferry_sink_%1_%2")
                               .arg(QCoreApplication::applicationPid())
                               .arg(QDateTime::currentMSecsSinceEpoch() % 100000000));
    if (m_uri.isEmpty())
        QFAIL("No Mongo wire peer: run the tests through ctest (the services fixture starts "
              "one) or set FERRY_SERVICES_DIR.");
}

void MongoSinkTest::init()
{
    m_sink = std::make_unique<MongoSink>(*Endpoint::parse(m_uri));
    Status s = m_sink->open();
    QVERIFY2(s, qPrintable(test::errorText(s)));
}

// Reads back one document's "tag" through the driver, independently of the sink.
QString MongoSinkTest::tagOf(const QString &collection, int id)
{
    mongoc_client_t *client = mongoc_client_new(m_uri.toUtf8().constData());
    mongoc_collection_t *c = mongoc_client_get_collection(
        client, m_sink->database().toUtf8().constData(), collection.toUtf8().constData());
    bson_t *filter = BCON_NEW("_id", BCON_INT32(id));
    mongoc_cursor_t *cursor = mongoc_collection_find_with_opts(c, filter, nullptr, nullptr);
    const bson_t *doc;
    QString tag;
    bson_iter_t it;
    if (mongoc_cursor_next(cursor, &doc) && bson_iter_init_find(&it, doc, "tag"))
        tag = QString::fromUtf8(bson_iter_utf8(&it, nullptr));
    mongoc_cursor_destroy(cursor);
    bson_destroy(filter);
    mongoc_collection_destroy(c);
    mongoc_client_destroy(client);
    return tag;
}

void MongoSinkTest::needsDatabaseAndServer()
{
    QString noDb = m_uri;
    noDb.truncate(noDb.lastIndexOf(QLatin1Char('/')));
    MongoSink a(*Endpoint::parse(noDb));
    Status s = a.open();
    QVERIFY(!s);
    QCOMPARE(s.error().code, ErrorCode::Usage);

    MongoSink b(*Endpoint::parse(
        QStringLiteral("mongodb://u:topsecret@127.0.0.1:1/db?serverSelectionTimeoutMS=500")));
    s = b.open();
    QVERIFY(!s);
    QCOMPARE(s.error().code, ErrorCode::Connect);
    QVERIFY2(!s.error().toString().contains(QLatin1String("topsecret")),
             qPrintable(s.error().toString()));
}

void MongoSinkTest::writesBatchesAndCheckpoints()
{
    const CollectionMapping m = mappingFor(QStringLiteral("plain"));
    const ProjectOptions o = withPolicy(ExistingRows::Skip);
    auto prepared = m_sink->prepare(m, o, false);
    QVERIFY2(prepared, qPrintable(test::errorText(prepared)));
    QVERIFY(prepared->tablesWereEmpty);
    Checkpoint cp;
    cp.runId = QStringLiteral("r1");
    cp.position = QByteArray("\x00\x01[50]", 7);
    cp.read = 50;
    auto w = m_sink->write(m, o, docsWithIds(0, 50), cp);
    QVERIFY2(w, qPrintable(test::errorText(w)));
    QCOMPARE(w->written, 50);
    QCOMPARE(w->skippedExisting, 0);
    cp.written = 50;
    cp.read = 120;
    cp.rejectBytes = 4096;
    w = m_sink->write(m, o, docsWithIds(50, 120), cp);
    QVERIFY(w);
    QCOMPARE(*m_sink->countRows(QStringLiteral("plain")), 120);

    // A new sink (a resumed process) finds the last checkpoint.
    MongoSink again(*Endpoint::parse(m_uri));
    QVERIFY(again.open());
    auto loaded = again.loadCheckpoint(QStringLiteral("plain"));
    QVERIFY2(loaded, qPrintable(test::errorText(loaded)));
    QVERIFY(loaded->has_value());
    QCOMPARE((*loaded)->runId, QStringLiteral("r1"));
    QCOMPARE((*loaded)->position, cp.position);
    QCOMPARE((*loaded)->read, 120);
    QCOMPARE((*loaded)->written, 120);
    QCOMPARE((*loaded)->rejectBytes, 4096);
    QVERIFY(!(*loaded)->finished);
    QVERIFY(again.clearCheckpoint(QStringLiteral("plain")));
    QVERIFY(!again.loadCheckpoint(QStringLiteral("plain"))->has_value());
    QVERIFY(!again.prepare(m, o, false)->tablesWereEmpty);
}

void MongoSinkTest::skipCountsExistingDocuments()
{
    const CollectionMapping m = mappingFor(QStringLiteral("skip"));
    const ProjectOptions o = withPolicy(ExistingRows::Skip);
    QVERIFY(m_sink->prepare(m, o, false));
    QVERIFY(m_sink->write(m, o, docsWithIds(0, 10), {}));
    auto w = m_sink->write(m, o, docsWithIds(5, 15, "second"), {});
    QVERIFY2(w, qPrintable(test::errorText(w)));
    QCOMPARE(w->written, 5);
    QCOMPARE(w->skippedExisting, 5);
    QCOMPARE(*m_sink->countRows(QStringLiteral("skip")), 15);
    QCOMPARE(tagOf(QStringLiteral("skip"), 7), QStringLiteral("first"));
    QCOMPARE((*m_sink->loadCheckpoint(QStringLiteral("skip")))->skippedExisting, 5);
}

void MongoSinkTest::upsertReplacesById()
{
    const CollectionMapping m = mappingFor(QStringLiteral("upsert"));
    const ProjectOptions o = withPolicy(ExistingRows::Upsert);
    QVERIFY(m_sink->prepare(m, o, false));
    QVERIFY(m_sink->write(m, o, docsWithIds(0, 10), {}));
    auto w = m_sink->write(m, o, docsWithIds(5, 15, "second"), {});
    QVERIFY2(w, qPrintable(test::errorText(w)));
    QCOMPARE(w->written, 10);
    QCOMPARE(*m_sink->countRows(QStringLiteral("upsert")), 15);
    QCOMPARE(tagOf(QStringLiteral("upsert"), 7), QStringLiteral("second"));
    QCOMPARE(tagOf(QStringLiteral("upsert"), 2), QStringLiteral("first"));
}

void MongoSinkTest::failNamesTheDuplicate()
{
    const CollectionMapping m = mappingFor(QStringLiteral("fail"));
    const ProjectOptions o = withPolicy(ExistingRows::Fail);
    QVERIFY(m_sink->prepare(m, o, false));
    QVERIFY(m_sink->write(m, o, docsWithIds(0, 10), {}));
    const RowBatch overlapping = docsWithIds(8, 12);
    Status p = m_sink->probe(m, o, overlapping);
    QVERIFY(!p);
    QCOMPARE(p.error().code, ErrorCode::Target);
    auto w = m_sink->write(m, o, overlapping, {});
    QVERIFY(!w);
    QCOMPARE(w.error().code, ErrorCode::Target);
    QVERIFY2(w.error().message.contains(QLatin1String("\"8\"")), qPrintable(w.error().message));
    QCOMPARE(*m_sink->countRows(QStringLiteral("fail")), 10); // nothing of the batch written
    // A duplicate inside one batch is found too.
    RowBatch twice = docsWithIds(20, 22);
    twice.docs.append(docsWithIds(21, 22).docs.data(0), docsWithIds(21, 22).docs.length(0));
    QVERIFY(!m_sink->probe(m, o, twice));
    QVERIFY(m_sink->probe(m, o, docsWithIds(20, 30)));
}

void MongoSinkTest::truncateEmptiesUnlessResuming()
{
    const CollectionMapping m = mappingFor(QStringLiteral("trunc"));
    const ProjectOptions o = withPolicy(ExistingRows::Truncate);
    QVERIFY(m_sink->prepare(m, o, false));
    QVERIFY(m_sink->write(m, o, docsWithIds(0, 10), {}));
    QVERIFY(m_sink->prepare(m, o, true));
    QCOMPARE(*m_sink->countRows(QStringLiteral("trunc")), 10);
    auto again = m_sink->prepare(m, o, false);
    QVERIFY(again);
    QVERIFY(!again->tablesWereEmpty);
    QCOMPARE(*m_sink->countRows(QStringLiteral("trunc")), 0);
}

void MongoSinkTest::documentsWithoutIdGetOne()
{
    const CollectionMapping m = mappingFor(QStringLiteral("noid"));
    const ProjectOptions o = withPolicy(ExistingRows::Skip);
    QVERIFY(m_sink->prepare(m, o, false));
    RowBatch b;
    for (int i = 0; i < 5; ++i) {
        bson_t *d = BCON_NEW("run_id", BCON_INT32(i), "key", BCON_UTF8("tag"));
        b.docs.append(d);
        bson_destroy(d);
    }
    auto w = m_sink->write(m, o, b, {});
    QVERIFY2(w, qPrintable(test::errorText(w)));
    QCOMPARE(w->written, 5);
    QCOMPARE(*m_sink->countRows(QStringLiteral("noid")), 5);
}

void MongoSinkTest::oversizedDocumentIsRefused()
{
    const CollectionMapping m = mappingFor(QStringLiteral("big"));
    const ProjectOptions o = withPolicy(ExistingRows::Skip);
    QVERIFY(m_sink->prepare(m, o, false));
    RowBatch b = docsWithIds(0, 3);
    const std::string huge(MongoSink::MaxDocumentBytes, 'x');
    bson_t *d = BCON_NEW("_id", BCON_UTF8("too-big"));
    bson_append_utf8(d, "payload", -1, huge.data(), int(huge.size()));
    b.docs.append(d);
    bson_destroy(d);
    Status p = m_sink->probe(m, o, b);
    QVERIFY(!p);
    QCOMPARE(p.error().code, ErrorCode::Conversion);
    QVERIFY2(p.error().message.contains(QLatin1String("too-big")) &&
                 p.error().message.contains(QLatin1String("16 MB")),
             qPrintable(p.error().message));
    auto w = m_sink->write(m, o, b, {});
    QVERIFY(!w);
    QCOMPARE(w.error().code, ErrorCode::Conversion);
    QCOMPARE(*m_sink->countRows(QStringLiteral("big")), 0);
    // Without it (what the orchestrator's split ends with) the rest goes in.
    b.rejects.push_back({3, QString(), p.error().message});
    QVERIFY(m_sink->probe(m, o, b));
    QCOMPARE(m_sink->write(m, o, b, {})->written, 3);
}

void MongoSinkTest::finishedLoadBuildsIndexes()
{
    const CollectionMapping m = mappingFor(QStringLiteral("indexed"));
    const ProjectOptions o = withPolicy(ExistingRows::Skip);
    QVERIFY(m_sink->prepare(m, o, false));
    QVERIFY(m_sink->write(m, o, docsWithIds(0, 10), {}));
    // One the user made before (by another name) is left alone.
    mongoc_client_t *client = mongoc_client_new(m_uri.toUtf8().constData());
    mongoc_collection_t *c =
        mongoc_client_get_collection(client, m_sink->database().toUtf8().constData(), "indexed");
    bson_t *cmd = BCON_NEW("createIndexes", BCON_UTF8("indexed"), "indexes", "[", "{", "key", "{",
                           "n", BCON_INT32(1), "}", "name", BCON_UTF8("mine"), "}", "]");
    bson_error_t error;
    const bool made = mongoc_collection_write_command_with_opts(c, cmd, nullptr, nullptr, &error);
    bson_destroy(cmd);
    QVERIFY2(made, error.message);

    const std::vector<IndexSpec> wanted{{{QStringLiteral("tag")}, false, {}},
                                        {{QStringLiteral("tag"), QStringLiteral("n")}, true, {}},
                                        {{QStringLiteral("n")}, true, {}}};
    auto outcome = m_sink->ensureIndexes(m, wanted);
    QVERIFY2(outcome, qPrintable(test::errorText(outcome)));
    QCOMPARE(outcome->created, 2);
    QCOMPARE(outcome->existing, 1);
    // Again: everything is there now.
    outcome = m_sink->ensureIndexes(m, wanted);
    QVERIFY2(outcome, qPrintable(test::errorText(outcome)));
    QCOMPARE(outcome->created, 0);
    QCOMPARE(outcome->existing, 3);

    QMap<QString, QPair<QString, bool>> found; // name -> (key fields, unique)
    mongoc_cursor_t *cursor = mongoc_collection_find_indexes_with_opts(c, nullptr);
    const bson_t *spec = nullptr;
    while (mongoc_cursor_next(cursor, &spec)) {
        bson_iter_t it, key;
        QStringList fields;
        if (bson_iter_init_find(&it, spec, "key") && bson_iter_recurse(&it, &key))
            while (bson_iter_next(&key))
                fields << QString::fromUtf8(bson_iter_key(&key));
        const bool unique = bson_iter_init_find(&it, spec, "unique") && bson_iter_as_bool(&it);
        QVERIFY(bson_iter_init_find(&it, spec, "name"));
        found.insert(QString::fromUtf8(bson_iter_utf8(&it, nullptr)),
                     {fields.join(QLatin1Char(',')), unique});
    }
    QVERIFY(!mongoc_cursor_error(cursor, &error));
    mongoc_cursor_destroy(cursor);
    mongoc_collection_destroy(c);
    mongoc_client_destroy(client);
    QCOMPARE(found.size(), 4);
    QCOMPARE(found.value(QStringLiteral("tag_1")), qMakePair(QStringLiteral("tag"), false));
    QCOMPARE(found.value(QStringLiteral("tag_1_n_1")), qMakePair(QStringLiteral("tag,n"), true));
    QCOMPARE(found.value(QStringLiteral("mine")), qMakePair(QStringLiteral("n"), false));
}

QTEST_GUILESS_MAIN(MongoSinkTest)
#include "tst_mongo_sink.moc"

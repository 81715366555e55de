// The services the CTest fixture starts answer the way the other tests rely on: PostgreSQL
// accepts connections and creates databases, and the Mongo wire peer answers libmongoc,
// pages a find over several getMores and hands back BSON values byte for byte.
#include "support/test_services.h"

#include <QByteArray>
#include <QSet>
#include <QStringList>
#include <QTest>

#include <mongoc/mongoc.h>

namespace ferry {

namespace {

// Owns a heap bson_t. (std::unique_ptr<bson_t> and std::vector<bson_t *> would drop
// bson_t's alignment attribute, which GCC warns about.)
class BsonPtr {
public:
    explicit BsonPtr(bson_t *doc) : m_doc(doc) {}
    ~BsonPtr() { bson_destroy(m_doc); }
    BsonPtr(const BsonPtr &) = delete;
    BsonPtr &operator=(const BsonPtr &) = delete;
    bson_t *get() const { return m_doc; }

private:
    bson_t *m_doc;
};

QString json(const bson_t *doc)
{
    char *text = bson_as_canonical_extended_json(doc, nullptr);
    const QString out = QString::fromUtf8(text);
    bson_free(text);
    return out;
}

} // namespace

class ServicesTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void postgresCreatesFreshDatabases();
    void mongoAnswersPing();
    void mongoFindPagesWithGetMore();
    void mongoListsCountsAndSamples();
    void mongoValueSurvivesRoundTrip_data();
    void mongoValueSurvivesRoundTrip();

private:
    mongoc_collection_t *freshCollection(const char *name);

    mongoc_client_t *m_client = nullptr;
    int m_getMores = 0;
};

void ServicesTest::initTestCase()
{
    mongoc_init();
    const QString uri = test::mongoUri(QStringLiteral("ferry_tst_services"));
    QVERIFY2(!uri.isEmpty(), "no Mongo peer: run this through ctest or scripts/test");
    bson_error_t error;
    mongoc_uri_t *parsed = mongoc_uri_new_with_error(uri.toUtf8().constData(), &error);
    QVERIFY2(parsed, error.message);
    m_client = mongoc_client_new_from_uri_with_error(parsed, &error);
    mongoc_uri_destroy(parsed);
    QVERIFY2(m_client, error.message);
    // Counts the getMore commands libmongoc sends, to see that paging really happened.
    mongoc_apm_callbacks_t *callbacks = mongoc_apm_callbacks_new();
    mongoc_apm_set_command_started_cb(callbacks, [](const mongoc_apm_command_started_t *event) {
        if (qstrcmp(mongoc_apm_command_started_get_command_name(event), "getMore") == 0)
            ++static_cast<ServicesTest *>(mongoc_apm_command_started_get_context(event))
                  ->m_getMores;
    });
    mongoc_client_set_apm_callbacks(m_client, callbacks, this);
    mongoc_apm_callbacks_destroy(callbacks);
}

void ServicesTest::cleanupTestCase()
{
    if (m_client)
        mongoc_client_destroy(m_client);
    mongoc_cleanup();
}

mongoc_collection_t *ServicesTest::freshCollection(const char *name)
{
    mongoc_collection_t *coll = mongoc_client_get_collection(m_client, "ferry_tst_services", name);
    mongoc_collection_drop(coll, nullptr); // "ns not found" on the first run is fine
    return coll;
}

void ServicesTest::postgresCreatesFreshDatabases()
{
    QVERIFY2(!test::postgresAdminUri().isEmpty(),
             "no PostgreSQL: run this through ctest or scripts/test");
    const QString first = test::freshPostgresDatabase(QStringLiteral("tst_services"));
    const QString second = test::freshPostgresDatabase(QStringLiteral("tst_services"));
    QVERIFY2(first.startsWith(QStringLiteral("postgresql://postgres@127.0.0.1:")),
             qPrintable(first));
    QVERIFY2(first != second, "two fresh databases got the same name");
}

void ServicesTest::mongoAnswersPing()
{
    BsonPtr ping(BCON_NEW("ping", BCON_INT32(1)));
    bson_t reply;
    bson_error_t error;
    const bool ok =
        mongoc_client_command_simple(m_client, "admin", ping.get(), nullptr, &reply, &error);
    bson_destroy(&reply);
    QVERIFY2(ok, error.message);
}

void ServicesTest::mongoFindPagesWithGetMore()
{
    mongoc_collection_t *coll = freshCollection("paging");
    constexpr int total = 250;
    const bson_t *docs[total];
    for (int i = 0; i < total; ++i)
        docs[i] = BCON_NEW("n", BCON_INT32(i), "label", BCON_UTF8("row"));
    bson_error_t error;
    // insert_many goes out as an OP_MSG document sequence, which the peer must read too.
    const bool inserted =
        mongoc_collection_insert_many(coll, docs, total, nullptr, nullptr, &error);
    for (const bson_t *doc : docs)
        bson_destroy(const_cast<bson_t *>(doc));
    QVERIFY2(inserted, error.message);

    BsonPtr filter(bson_new());
    BsonPtr opts(BCON_NEW("batchSize", BCON_INT32(100), "sort", "{", "n", BCON_INT32(-1), "}"));
    m_getMores = 0;
    mongoc_cursor_t *cursor =
        mongoc_collection_find_with_opts(coll, filter.get(), opts.get(), nullptr);
    const bson_t *doc = nullptr;
    int seen = 0;
    int expected = total - 1;
    while (mongoc_cursor_next(cursor, &doc)) {
        bson_iter_t it;
        QVERIFY(bson_iter_init_find(&it, doc, "n"));
        QCOMPARE(bson_iter_int32(&it), expected--);
        ++seen;
    }
    const bool failed = mongoc_cursor_error(cursor, &error);
    mongoc_cursor_destroy(cursor);
    mongoc_collection_destroy(coll);
    QVERIFY2(!failed, error.message);
    QCOMPARE(seen, total);
    // 100 in the first batch, then two getMores of 100 and 50.
    QCOMPARE(m_getMores, 2);
}

// What schema sampling and the source's progress need: names, counts and $sample.
void ServicesTest::mongoListsCountsAndSamples()
{
    mongoc_collection_t *coll = freshCollection("listing");
    bson_error_t error;
    for (int i = 0; i < 20; ++i) {
        BsonPtr doc(BCON_NEW("n", BCON_INT32(i), "even", BCON_BOOL(i % 2 == 0)));
        QVERIFY2(mongoc_collection_insert_one(coll, doc.get(), nullptr, nullptr, &error),
                 error.message);
    }

    char **names = mongoc_client_get_database_names_with_opts(m_client, nullptr, &error);
    QVERIFY2(names, error.message);
    QStringList databases;
    for (char **n = names; *n; ++n)
        databases << QString::fromUtf8(*n);
    bson_strfreev(names);
    QVERIFY2(databases.contains(QStringLiteral("ferry_tst_services")),
             qPrintable(databases.join(u',')));

    mongoc_database_t *db = mongoc_client_get_database(m_client, "ferry_tst_services");
    names = mongoc_database_get_collection_names_with_opts(db, nullptr, &error);
    mongoc_database_destroy(db);
    QVERIFY2(names, error.message);
    QStringList collections;
    for (char **n = names; *n; ++n)
        collections << QString::fromUtf8(*n);
    bson_strfreev(names);
    QVERIFY2(collections.contains(QStringLiteral("listing")), qPrintable(collections.join(u',')));

    BsonPtr even(BCON_NEW("even", BCON_BOOL(true)));
    QCOMPARE(mongoc_collection_count_documents(coll, even.get(), nullptr, nullptr, nullptr, &error),
             10);
    QCOMPARE(mongoc_collection_estimated_document_count(coll, nullptr, nullptr, nullptr, &error),
             20);

    BsonPtr pipeline(
        BCON_NEW("pipeline", "[", "{", "$sample", "{", "size", BCON_INT32(5), "}", "}", "]"));
    mongoc_cursor_t *cursor =
        mongoc_collection_aggregate(coll, MONGOC_QUERY_NONE, pipeline.get(), nullptr, nullptr);
    const bson_t *doc = nullptr;
    QSet<int> sampled;
    while (mongoc_cursor_next(cursor, &doc)) {
        bson_iter_t it;
        if (bson_iter_init_find(&it, doc, "n"))
            sampled.insert(bson_iter_int32(&it));
    }
    const bool failed = mongoc_cursor_error(cursor, &error);
    mongoc_cursor_destroy(cursor);
    mongoc_collection_destroy(coll);
    QVERIFY2(!failed, error.message);
    QCOMPARE(sampled.size(), 5);
}

void ServicesTest::mongoValueSurvivesRoundTrip_data()
{
    QTest::addColumn<QByteArray>("document");
    const auto add = [](const char *name, auto append) {
        bson_t doc;
        bson_init(&doc);
        BSON_APPEND_UTF8(&doc, "_id", name);
        append(&doc);
        QTest::newRow(name) << QByteArray(reinterpret_cast<const char *>(bson_get_data(&doc)),
                                          static_cast<int>(doc.len));
        bson_destroy(&doc);
    };
    add("objectId", [](bson_t *d) {
        bson_oid_t oid;
        bson_oid_init_from_string(&oid, "64fa027e6b7e3fead8000001");
        BSON_APPEND_OID(d, "v", &oid);
    });
    add("date", [](bson_t *d) { BSON_APPEND_DATE_TIME(d, "v", 1700000000123); });
    add("decimal128", [](bson_t *d) {
        bson_decimal128_t dec;
        bson_decimal128_from_string("12345.6700", &dec);
        BSON_APPEND_DECIMAL128(d, "v", &dec);
    });
    add("uuid", [](bson_t *d) {
        const uint8_t bytes[16] = {0x12, 0x34, 0x56, 0x78, 0x9a, 0xbc, 0x4d, 0xef,
                                   0x81, 0x23, 0x45, 0x67, 0x89, 0xab, 0xcd, 0xef};
        BSON_APPEND_BINARY(d, "v", BSON_SUBTYPE_UUID, bytes, sizeof bytes);
    });
    add("binary", [](bson_t *d) {
        const uint8_t bytes[3] = {0, 1, 2};
        BSON_APPEND_BINARY(d, "v", BSON_SUBTYPE_BINARY, bytes, sizeof bytes);
    });
    add("int64", [](bson_t *d) { BSON_APPEND_INT64(d, "v", 5); });
    add("nested", [](bson_t *d) {
        bson_t child;
        BSON_APPEND_DOCUMENT_BEGIN(d, "v", &child);
        BSON_APPEND_DOUBLE(&child, "x", 0.1);
        BSON_APPEND_BOOL(&child, "y", true);
        bson_append_document_end(d, &child);
    });
}

void ServicesTest::mongoValueSurvivesRoundTrip()
{
    QFETCH(QByteArray, document);
    bson_t sent;
    QVERIFY(bson_init_static(&sent, reinterpret_cast<const uint8_t *>(document.constData()),
                             static_cast<size_t>(document.size())));
    mongoc_collection_t *coll = freshCollection("types");
    bson_error_t error;
    QVERIFY2(mongoc_collection_insert_one(coll, &sent, nullptr, nullptr, &error), error.message);

    BsonPtr filter(bson_new());
    mongoc_cursor_t *cursor =
        mongoc_collection_find_with_opts(coll, filter.get(), nullptr, nullptr);
    const bson_t *doc = nullptr;
    const bool found = mongoc_cursor_next(cursor, &doc);
    const QString got = found ? json(doc) : QString();
    const bool same = found && bson_equal(doc, &sent);
    mongoc_cursor_destroy(cursor);
    mongoc_collection_destroy(coll);
    QVERIFY2(found, "the inserted document did not come back");
    QVERIFY2(same, qPrintable(QStringLiteral("sent %1, got %2").arg(json(&sent), got)));
}

} // namespace ferry

QTEST_GUILESS_MAIN(ferry::ServicesTest)
#include "tst_services.moc"

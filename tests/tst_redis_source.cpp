// The Redis source against a real redis-server (started by tests/support/services.sh): every
// value type, 10,000 keys under one prefix, binary values, a key deleted during a read,
// resume, a wrong password, an unreachable server; and migrations into SQLite, PostgreSQL
// and MongoDB (the wire peer) through the real ferry-cli.
#include "stores/redis/redis_connection.h"
#include "stores/redis/redis_source.h"
#include "support/cli_runner.h"
#include "support/document_checks.h"
#include "support/sql_reader.h"
#include "support/test_services.h"

#include <hiredis/hiredis.h>
#include <mongoc/mongoc.h>

#include <QSet>
#include <QTemporaryDir>
#include <QtTest>

using namespace ferry;
using namespace ferry::test;

namespace {

constexpr int Database = 3; // of the 64 the test server has; no other test uses Redis
constexpr int ManyKeys = 10000;

const QByteArray BinaryValue("\x00\x01\xff\xfe", 4);

std::unique_ptr<RedisConnection> connectAdmin()
{
    auto address = RedisAddress::parse(*Endpoint::parse(redisUri(Database)));
    if (!address)
        return nullptr;
    auto c = RedisConnection::open(*address);
    return c ? std::move(*c) : nullptr;
}

bool run(RedisConnection &c, const QList<QList<QByteArray>> &commands)
{
    for (qsizetype from = 0; from < commands.size(); from += 1000) {
        auto replies = c.pipeline(commands.mid(from, 1000));
        if (!replies)
            return false;
        for (const RedisReplyPtr &r : *replies)
            if (replyIsError(r.get())) {
                qWarning("redis: %s", replyBytes(r.get()).constData());
                return false;
            }
    }
    return true;
}

QByteArray fieldOf(const BsonDoc &doc, const char *path, bson_type_t *type = nullptr)
{
    bson_iter_t root, it;
    if (!bson_iter_init(&root, doc.get()) || !bson_iter_find_descendant(&root, path, &it))
        return "<missing>";
    if (type)
        *type = bson_iter_type(&it);
    size_t len = 0;
    char *json = nullptr;
    bson_t wrapper = BSON_INITIALIZER;
    bson_append_iter(&wrapper, "v", 1, &it);
    json = bson_as_relaxed_extended_json(&wrapper, &len);
    QByteArray out(json, qsizetype(len));
    bson_free(json);
    bson_destroy(&wrapper);
    return out.mid(8, out.size() - 10); // { "v" : X }
}

QString idOf(const BsonDoc &doc)
{
    bson_iter_t it;
    if (bson_iter_init_find(&it, doc.get(), "_id") && BSON_ITER_HOLDS_UTF8(&it))
        return QString::fromUtf8(bson_iter_utf8(&it, nullptr));
    return {};
}

std::vector<BsonDoc> readAll(DocumentReader &reader, int batch = 1000)
{
    std::vector<BsonDoc> out;
    DocBatch docs;
    for (;;) {
        auto more = reader.next(docs, batch);
        if (!more || !*more)
            break;
        for (size_t i = 0; i < docs.size(); ++i) {
            bson_t d;
            if (docs.view(i, &d))
                out.emplace_back(&d);
        }
    }
    return out;
}

qint64 mongoCount(const QString &uri, const QString &db, const QString &coll)
{
    mongoc_client_t *client = mongoc_client_new(uri.toUtf8().constData());
    mongoc_collection_t *c =
        mongoc_client_get_collection(client, db.toUtf8().constData(), coll.toUtf8().constData());
    bson_t filter = BSON_INITIALIZER;
    const qint64 n =
        mongoc_collection_count_documents(c, &filter, nullptr, nullptr, nullptr, nullptr);
    bson_destroy(&filter);
    mongoc_collection_destroy(c);
    mongoc_client_destroy(client);
    return n;
}

} // namespace

class TestRedisSource : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void listsCollectionsByPrefix();
    void everyValueType();
    void numbersOnlyWhenEveryValueIsOne();
    void keyDeletedDuringRead();
    void resumesAfterLastKey();
    void wrongPassword();
    void unreachableServer();
    void migrateIntoSql_data();
    void migrateIntoSql();
    void migrateIntoMongo();

private:
    std::unique_ptr<RedisSource> openSource(const QString &uri = {});
    QTemporaryDir m_dir;
};

void TestRedisSource::initTestCase()
{
    QVERIFY2(redisPort() > 0, "redis-server is not running: run the tests through ctest");
    auto c = connectAdmin();
    QVERIFY(c);
    QList<QList<QByteArray>> fill{
        {"FLUSHDB"},
        {"HSET", "users:1", "name", "Ada", "age", "36", "score", "9.5", "zip", "02134"},
        {"HSET", "users:2", "name", "Grace", "age", "41", "score", "7", "zip", "10001"},
        {"HSET", "users:3", "name", "Linus", "age", "28", "score", "8.25", "zip", "abc"},
        {"SET", "sessions:s1",
         R"({"uid": 1, "at": {"$date": "2024-01-02T03:04:05Z"}, "_id": "x"})"},
        {"SET", "sessions:s2", "not json at all"},
        {"EXPIRE", "sessions:s1", "3600"},
        {"RPUSH", "queues:jobs", "c", "a", "b"},
        {"SADD", "tags:post1", "zeta", "alpha", "mid"},
        {"ZADD", "leaderboard:daily", "10", "alice", "20.5", "bob"},
        {"XADD", "events:e1", "1-1", "kind", "login"},
        {"XADD", "events:e1", "2-1", "kind", "logout"},
        {"SET", "counter", "42"},
        {"SET", QByteArray("blobs:\xff\x01", 8), BinaryValue},
    };
    for (int i = 0; i < ManyKeys; ++i)
        fill.append({"SET", "many:" + QByteArray::number(i), "v" + QByteArray::number(i)});
    QVERIFY(run(*c, fill));
}

std::unique_ptr<RedisSource> TestRedisSource::openSource(const QString &uri)
{
    auto endpoint = Endpoint::parse(uri.isEmpty() ? redisUri(Database) : uri);
    if (!endpoint)
        return nullptr;
    auto source = std::make_unique<RedisSource>(*endpoint);
    if (Status s = source->open(); !s) {
        qWarning("%s", qPrintable(s.error().toString()));
        return nullptr;
    }
    return source;
}

void TestRedisSource::listsCollectionsByPrefix()
{
    auto source = openSource();
    QVERIFY(source);
    auto listed = source->listCollections();
    QVERIFY2(listed, qPrintable(errorText(listed)));
    QMap<QString, qint64> counts;
    for (const CollectionInfo &c : *listed)
        counts.insert(c.name, c.count);
    QCOMPARE(counts.value(QStringLiteral("users")), 3);
    QCOMPARE(counts.value(QStringLiteral("sessions")), 2);
    QCOMPARE(counts.value(QStringLiteral("many")), ManyKeys);
    QCOMPARE(counts.value(QStringLiteral("counter")), 1);
    QCOMPARE(counts.value(QStringLiteral("queues")), 1);
    QCOMPARE(counts.value(QStringLiteral("events")), 1);

    // ?match= narrows the key space.
    auto narrowed = openSource(redisUri(Database) + QStringLiteral("?match=users:*"));
    QVERIFY(narrowed);
    auto only = narrowed->listCollections();
    QVERIFY(only);
    QCOMPARE(only->size(), 1);
    QCOMPARE(only->front().name, QStringLiteral("users"));
}

void TestRedisSource::everyValueType()
{
    auto source = openSource();
    QVERIFY(source);
    const auto read = [&](const char *collection) {
        auto reader = source->openReader(QString::fromLatin1(collection), {});
        return reader ? readAll(**reader) : std::vector<BsonDoc>();
    };
    bson_type_t type;
    const auto sessions = read("sessions");
    QCOMPARE(sessions.size(), size_t(2));
    for (const BsonDoc &d : sessions) {
        if (idOf(d) == QLatin1String("s1")) {
            QCOMPARE(fieldOf(d, "uid"), QByteArray("1"));
            QCOMPARE(fieldOf(d, "at", &type),
                     QByteArray(R"({ "$date" : "2024-01-02T03:04:05Z" })"));
            QCOMPARE(fieldOf(d, "_value_id"), QByteArray(R"("x")"));
            fieldOf(d, "_expires_at", &type);
            QCOMPARE(int(type), int(BSON_TYPE_DATE_TIME));
        } else {
            QCOMPARE(fieldOf(d, "value"), QByteArray(R"("not json at all")"));
            QCOMPARE(fieldOf(d, "_expires_at"), QByteArray("<missing>"));
        }
    }
    const auto queues = read("queues");
    QCOMPARE(queues.size(), size_t(1));
    QCOMPARE(fieldOf(queues[0], "values"), QByteArray(R"([ "c", "a", "b" ])"));
    const auto tags = read("tags");
    QCOMPARE(fieldOf(tags.at(0), "members"), QByteArray(R"([ "alpha", "mid", "zeta" ])"));
    const auto board = read("leaderboard");
    QCOMPARE(
        fieldOf(board.at(0), "members"),
        QByteArray(
            R"([ { "member" : "alice", "score" : 10.0 }, { "member" : "bob", "score" : 20.5 } ])"));
    const auto events = read("events");
    QCOMPARE(fieldOf(events.at(0), "entries.1"),
             QByteArray(R"({ "id" : "2-1", "fields" : { "kind" : "logout" } })"));
    const auto counter = read("counter");
    QCOMPARE(idOf(counter.at(0)), QStringLiteral("counter"));
    QCOMPARE(fieldOf(counter.at(0), "value", &type), QByteArray("42"));
    QCOMPARE(int(type), int(BSON_TYPE_INT64));
    // Binary-safe: a value that is not UTF-8 arrives as binary, byte for byte.
    const auto blobs = read("blobs");
    QCOMPARE(blobs.size(), size_t(1));
    bson_iter_t it;
    QVERIFY(bson_iter_init_find(&it, blobs[0].get(), "value") && BSON_ITER_HOLDS_BINARY(&it));
    uint32_t len = 0;
    const uint8_t *data = nullptr;
    bson_iter_binary(&it, nullptr, &len, &data);
    QCOMPARE(QByteArray(reinterpret_cast<const char *>(data), int(len)), BinaryValue);
    // A key that is not UTF-8: its _id spells the bytes, so rows can be found by it.
    QCOMPARE(idOf(blobs[0]), QStringLiteral("\\xff\\x01"));
}

void TestRedisSource::numbersOnlyWhenEveryValueIsOne()
{
    auto source = openSource();
    QVERIFY(source);
    auto sample = source->sample(QStringLiteral("users"), -1);
    QVERIFY(sample);
    QCOMPARE(sample->size(), size_t(3));
    for (const BsonDoc &d : *sample) {
        bson_type_t type;
        fieldOf(d, "age", &type);
        QCOMPARE(int(type), int(BSON_TYPE_INT64));
        fieldOf(d, "score", &type); // 7 among 9.5 and 8.25: all doubles
        QCOMPARE(int(type), int(BSON_TYPE_DOUBLE));
        fieldOf(d, "zip", &type); // "02134" is a code, "abc" no number: strings, all of them
        QCOMPARE(int(type), int(BSON_TYPE_UTF8));
        if (idOf(d) == QLatin1String("1"))
            QCOMPARE(fieldOf(d, "zip"), QByteArray(R"("02134")"));
    }
}

void TestRedisSource::keyDeletedDuringRead()
{
    auto source = openSource();
    QVERIFY(source);
    auto reader = source->openReader(QStringLiteral("many"), {});
    QVERIFY(reader);
    DocBatch docs;
    QSet<QString> seen;
    auto more = (*reader)->next(docs, 100);
    QVERIFY(more && *more);
    for (size_t i = 0; i < docs.size(); ++i) {
        bson_t d;
        QVERIFY(docs.view(i, &d));
        seen.insert(idOf(BsonDoc(&d)));
    }
    // Delete 50 keys the reader has not handed out yet.
    auto admin = connectAdmin();
    QList<QList<QByteArray>> del;
    QSet<QString> deleted;
    for (int i = 0; i < ManyKeys && deleted.size() < 50; ++i)
        if (!seen.contains(QString::number(i))) {
            deleted.insert(QString::number(i));
            del.append({"DEL", "many:" + QByteArray::number(i)});
        }
    QVERIFY(run(*admin, del));
    for (const BsonDoc &d : readAll(**reader, 700))
        seen.insert(idOf(d));
    QCOMPARE(seen.size(), ManyKeys - 50);
    QVERIFY(!seen.intersects(deleted));
    // Put them back for the other tests.
    QList<QList<QByteArray>> put;
    for (const QString &id : deleted)
        put.append({"SET", "many:" + id.toLatin1(), "v" + id.toLatin1()});
    QVERIFY(run(*admin, put));
}

void TestRedisSource::resumesAfterLastKey()
{
    auto source = openSource();
    QVERIFY(source);
    auto first = source->openReader(QStringLiteral("many"), {});
    QVERIFY(first);
    QSet<QString> seen;
    DocBatch docs;
    for (int b = 0; b < 3; ++b) { // 3 × 333 stops inside SCAN steps
        auto more = (*first)->next(docs, 333);
        QVERIFY(more && *more);
        for (size_t i = 0; i < docs.size(); ++i) {
            bson_t d;
            QVERIFY(docs.view(i, &d));
            seen.insert(idOf(BsonDoc(&d)));
        }
    }
    ReadOptions options;
    options.resumeFrom = (*first)->position();
    auto second = source->openReader(QStringLiteral("many"), options);
    QVERIFY2(second, qPrintable(errorText(second)));
    qint64 again = 0;
    for (const BsonDoc &d : readAll(**second)) {
        again += seen.contains(idOf(d));
        seen.insert(idOf(d));
    }
    QCOMPARE(seen.size(), ManyKeys);
    QCOMPARE(again, 0); // the same server, unchanged: exactly once
    // A finished read resumes to nothing.
    options.resumeFrom = (*second)->position();
    auto third = source->openReader(QStringLiteral("many"), options);
    QVERIFY(third);
    QCOMPARE(readAll(**third).size(), size_t(0));
}

void TestRedisSource::wrongPassword()
{
    auto admin = connectAdmin();
    QVERIFY(admin);
    QVERIFY(run(*admin, {{"ACL", "SETUSER", "ferry_test", "on", ">right-secret", "~*", "+@all"}}));
    const QString uri = QStringLiteral("redis://ferry_test:wrong-secret@127.0.0.1:%1/%2")
                            .arg(redisPort())
                            .arg(Database);
    RedisSource source(*Endpoint::parse(uri));
    const Status s = source.open();
    QVERIFY(!s);
    QCOMPARE(int(s.error().code), int(ErrorCode::Auth));
    QVERIFY2(!s.error().toString().contains(QLatin1String("wrong-secret")),
             qPrintable(s.error().toString()));

    // The right one works; through the CLI, a wrong one exits 3 and prints no secret.
    RedisSource right(
        *Endpoint::parse(QString(uri).replace(QLatin1String("wrong"), QLatin1String("right"))));
    QVERIFY(right.open());
    const CliResult r = runFerryCli({QStringLiteral("list"), QStringLiteral("--source"), uri});
    QCOMPARE(r.exitCode, 3);
    QVERIFY2(!r.stdErr.contains("wrong-secret") && r.stdErr.contains("refused the login"),
             r.stdErr.constData());
    QVERIFY(run(*admin, {{"ACL", "DELUSER", "ferry_test"}}));
}

void TestRedisSource::unreachableServer()
{
    // Port 1 on loopback: nothing listens there.
    RedisSource source(*Endpoint::parse(QStringLiteral("redis://127.0.0.1:1/0")));
    const Status s = source.open();
    QVERIFY(!s);
    QCOMPARE(int(s.error().code), int(ErrorCode::Connect));
    QVERIFY2(s.error().message.contains(QLatin1String("Cannot connect to Redis")),
             qPrintable(s.error().message));
}

void TestRedisSource::migrateIntoSql_data()
{
    QTest::addColumn<QString>("kind");
    QTest::newRow("sqlite") << QStringLiteral("sqlite");
    QTest::newRow("postgresql") << QStringLiteral("postgresql");
}

void TestRedisSource::migrateIntoSql()
{
    QFETCH(QString, kind);
    const QString target = freshTarget(kind, QStringLiteral("redis_into"), m_dir.path());
    const CliResult r = runFerryCli({QStringLiteral("migrate"), QStringLiteral("--source"),
                                     redisUri(Database), QStringLiteral("--target"), target});
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    SqlReader db(target);
    QVERIFY2(db.ok(), qPrintable(db.error()));
    // Every key accounted for, per prefix.
    QCOMPARE(db.scalar(QStringLiteral("SELECT COUNT(*) FROM users")), QStringLiteral("3"));
    QCOMPARE(db.scalar(QStringLiteral("SELECT COUNT(*) FROM sessions")), QStringLiteral("2"));
    QCOMPARE(db.scalar(QStringLiteral("SELECT COUNT(*) FROM queues")), QStringLiteral("1"));
    QCOMPARE(db.scalar(QStringLiteral("SELECT COUNT(*) FROM tags")), QStringLiteral("1"));
    QCOMPARE(db.scalar(QStringLiteral("SELECT COUNT(*) FROM leaderboard")), QStringLiteral("1"));
    QCOMPARE(db.scalar(QStringLiteral("SELECT COUNT(*) FROM many")), QString::number(ManyKeys));
    // Values intact: numbers became numbers, codes stayed text, JSON became columns.
    QCOMPARE(db.scalar(QStringLiteral("SELECT age FROM users WHERE _id = '2'")),
             QStringLiteral("41"));
    QCOMPARE(db.scalar(QStringLiteral("SELECT zip FROM users WHERE _id = '1'")),
             QStringLiteral("02134"));
    QCOMPARE(db.scalar(QStringLiteral("SELECT uid FROM sessions WHERE _id = 's1'")),
             QStringLiteral("1"));
    QCOMPARE(db.scalar(QStringLiteral("SELECT value FROM many WHERE _id = '9999'")),
             QStringLiteral("v9999"));
    const QStringList tables = db.tables();
    QVERIFY2(tables.contains(QStringLiteral("queues_values")), qPrintable(tables.join(u' ')));
    QCOMPARE(db.scalar(QStringLiteral("SELECT COUNT(*) FROM queues_values")), QStringLiteral("3"));
    QCOMPARE(db.scalar(QStringLiteral("SELECT COUNT(*) FROM tags_members")), QStringLiteral("3"));
    QCOMPARE(db.scalar(QStringLiteral("SELECT COUNT(*) FROM leaderboard_members")),
             QStringLiteral("2"));
}

void TestRedisSource::migrateIntoMongo()
{
    const QString database =
        QStringLiteral("from_redis_%1").arg(QCoreApplication::applicationPid());
    const QString uri = mongoUri(database);
    QVERIFY2(!uri.isEmpty(), "The Mongo peer is not running: run the tests through ctest");
    const CliResult r = runFerryCli({QStringLiteral("migrate"), QStringLiteral("--source"),
                                     redisUri(Database), QStringLiteral("--target"), uri});
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    QCOMPARE(mongoCount(uri, database, QStringLiteral("users")), 3);
    QCOMPARE(mongoCount(uri, database, QStringLiteral("many")), ManyKeys);
    QCOMPARE(mongoCount(uri, database, QStringLiteral("events")), 1);
    QCOMPARE(mongoCount(uri, database, QStringLiteral("blobs")), 1);
}

QTEST_GUILESS_MAIN(TestRedisSource)
#include "tst_redis_source.moc"

// What a SQL → MongoDB (or NDJSON) run leaves beside the documents themselves: one integer
// type per column in every document, and the indexes of the source's keys, built after the
// load (through the real ferry-cli, into the Mongo wire peer).
#include "support/cli_runner.h"
#include "support/test_services.h"

#include <bson/bson.h>
#include <mongoc/mongoc.h>
#include <pqxx/pqxx>

#include <QDir>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

using namespace ferry::test;

namespace {

struct MongoIndex {
    QStringList key;
    bool unique = false;
};

// name → index, from listIndexes.
QMap<QString, MongoIndex> listIndexes(const QString &uri, const QString &db, const QString &coll)
{
    QMap<QString, MongoIndex> out;
    mongoc_client_t *client = mongoc_client_new(uri.toUtf8().constData());
    mongoc_collection_t *c =
        mongoc_client_get_collection(client, db.toUtf8().constData(), coll.toUtf8().constData());
    mongoc_cursor_t *cursor = mongoc_collection_find_indexes_with_opts(c, nullptr);
    const bson_t *spec;
    while (mongoc_cursor_next(cursor, &spec)) {
        bson_iter_t it, key;
        MongoIndex index;
        if (bson_iter_init_find(&it, spec, "key") && bson_iter_recurse(&it, &key))
            while (bson_iter_next(&key))
                index.key << QString::fromUtf8(bson_iter_key(&key));
        index.unique = bson_iter_init_find(&it, spec, "unique") && bson_iter_as_bool(&it);
        if (bson_iter_init_find(&it, spec, "name"))
            out.insert(QString::fromUtf8(bson_iter_utf8(&it, nullptr)), index);
    }
    mongoc_cursor_destroy(cursor);
    mongoc_collection_destroy(c);
    mongoc_client_destroy(client);
    return out;
}

// The BSON type of `field` in each document, in _id order.
QList<bson_type_t> fieldTypes(const QString &uri, const QString &db, const QString &coll,
                              const char *field)
{
    QList<bson_type_t> out;
    mongoc_client_t *client = mongoc_client_new(uri.toUtf8().constData());
    mongoc_collection_t *c =
        mongoc_client_get_collection(client, db.toUtf8().constData(), coll.toUtf8().constData());
    bson_t filter = BSON_INITIALIZER;
    bson_t *opts = BCON_NEW("sort", "{", "_id", BCON_INT32(1), "}");
    mongoc_cursor_t *cursor = mongoc_collection_find_with_opts(c, &filter, opts, nullptr);
    const bson_t *doc;
    while (mongoc_cursor_next(cursor, &doc)) {
        bson_iter_t it;
        out << (bson_iter_init_find(&it, doc, field) ? bson_iter_type(&it) : BSON_TYPE_EOD);
    }
    mongoc_cursor_destroy(cursor);
    bson_destroy(opts);
    bson_destroy(&filter);
    mongoc_collection_destroy(c);
    mongoc_client_destroy(client);
    return out;
}

// Chinook's shape, small: its keys, foreign keys (one to itself, two from a junction with
// a composite key) plus two unique constraints, one of them on a column that allows NULL.
QString createChinook(const QString &path)
{
    QSqlDatabase db =
        QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("chinook"));
    db.setDatabaseName(path);
    QString error;
    if (!db.open())
        error = db.lastError().text();
    const QStringList statements{
        QStringLiteral("CREATE TABLE Artist (ArtistId INTEGER PRIMARY KEY, Name NVARCHAR(120))"),
        QStringLiteral("CREATE TABLE Album (AlbumId INTEGER PRIMARY KEY, Title NVARCHAR(160) NOT "
                       "NULL, ArtistId INTEGER NOT NULL REFERENCES Artist(ArtistId))"),
        QStringLiteral("CREATE TABLE Genre (GenreId INTEGER PRIMARY KEY, Name NVARCHAR(120))"),
        QStringLiteral("CREATE TABLE Track (TrackId INTEGER PRIMARY KEY, Name NVARCHAR(200) NOT "
                       "NULL, AlbumId INTEGER REFERENCES Album(AlbumId), GenreId INTEGER "
                       "REFERENCES Genre(GenreId), Milliseconds INTEGER NOT NULL, Bytes INTEGER)"),
        QStringLiteral(
            "CREATE TABLE Playlist (PlaylistId INTEGER PRIMARY KEY, Name NVARCHAR(120))"),
        QStringLiteral("CREATE TABLE PlaylistTrack (PlaylistId INTEGER NOT NULL REFERENCES "
                       "Playlist(PlaylistId), TrackId INTEGER NOT NULL REFERENCES Track(TrackId), "
                       "PRIMARY KEY (PlaylistId, TrackId))"),
        QStringLiteral("CREATE TABLE Employee (EmployeeId INTEGER PRIMARY KEY, LastName "
                       "NVARCHAR(20) NOT NULL, ReportsTo INTEGER REFERENCES "
                       "Employee(EmployeeId), Email NVARCHAR(60) UNIQUE)"),
        QStringLiteral("CREATE TABLE Customer (CustomerId INTEGER PRIMARY KEY, Email NVARCHAR(60) "
                       "NOT NULL UNIQUE, SupportRepId INTEGER REFERENCES Employee(EmployeeId))"),
        QStringLiteral("INSERT INTO Artist VALUES (1, 'AC/DC'), (2, 'Accept')"),
        QStringLiteral("INSERT INTO Album VALUES (1, 'For Those About To Rock', 1), (2, 'Balls "
                       "to the Wall', 2), (3, 'Restless and Wild', 2)"),
        QStringLiteral("INSERT INTO Genre VALUES (1, 'Rock'), (2, 'Jazz')"),
        // Bytes: one value beyond int32 makes the whole column int64.
        QStringLiteral("INSERT INTO Track VALUES (1, 'For Those About To Rock', 1, 1, 343719, "
                       "11170334), (2, 'Balls to the Wall', 2, 1, 342562, 5510424), (3, 'Fast As "
                       "a Shark', 3, 1, 230619, 3990994), (4, 'Huge', 3, 2, 1, 4294967296)"),
        QStringLiteral("INSERT INTO Playlist VALUES (1, 'Music'), (2, 'Movies')"),
        QStringLiteral("INSERT INTO PlaylistTrack VALUES (1, 1), (1, 2), (2, 3), (2, 1)"),
        QStringLiteral("INSERT INTO Employee VALUES (1, 'Adams', NULL, NULL), (2, 'Edwards', 1, "
                       "NULL), (3, 'Peacock', 1, 'jane@chinook.example')"),
        QStringLiteral("INSERT INTO Customer VALUES (1, 'luisg@embraer.example', 3), (2, "
                       "'leonekohler@surfeu.example', 3)"),
    };
    for (const QString &s : statements) {
        QSqlQuery q(db);
        if (error.isEmpty() && !q.exec(s))
            error = q.lastError().text() + QStringLiteral(" in ") + s;
    }
    db.close();
    db = QSqlDatabase();
    QSqlDatabase::removeDatabase(QStringLiteral("chinook"));
    return error;
}

} // namespace

class TestMongoTargetShape : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void bigintIsLongInEveryDocument();
    void sqliteIntegerWidthByColumn();
    void chinookGetsKeyIndexes();
    void embeddedJunctionIndexed();
    void finishBuildsIndexesAndPartitionsAreRefused();

private:
    QTemporaryDir m_dir;
    QString m_chinook;
};

void TestMongoTargetShape::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY2(!mongoUri(QStringLiteral("x")).isEmpty(),
             "The Mongo peer is not running: run the tests through ctest");
    m_chinook = m_dir.filePath(QStringLiteral("chinook.sqlite"));
    const QString error = createChinook(m_chinook);
    QVERIFY2(error.isEmpty(), qPrintable(error));
}

void TestMongoTargetShape::bigintIsLongInEveryDocument()
{
    const QString pg = freshPostgresDatabase(QStringLiteral("widths"));
    QVERIFY2(!pg.isEmpty(), "PostgreSQL is not running: run the tests through ctest");
    {
        pqxx::connection c(pg.toStdString());
        pqxx::work tx(c);
        tx.exec("CREATE TABLE counters (id integer PRIMARY KEY, big bigint, small smallint)");
        tx.exec("INSERT INTO counters VALUES (1, 9007199254740993, 1), (2, -1, -2)");
        tx.commit();
    }
    const QString database = QStringLiteral("widths_%1").arg(QCoreApplication::applicationPid());
    const QString uri = mongoUri(database);
    CliResult r = runFerryCli({QStringLiteral("migrate"), QStringLiteral("--source"), pg,
                               QStringLiteral("--target"), uri});
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    QCOMPARE(fieldTypes(uri, database, QStringLiteral("counters"), "big"),
             (QList<bson_type_t>{BSON_TYPE_INT64, BSON_TYPE_INT64}));
    QCOMPARE(fieldTypes(uri, database, QStringLiteral("counters"), "small"),
             (QList<bson_type_t>{BSON_TYPE_INT32, BSON_TYPE_INT32}));
    QCOMPARE(fieldTypes(uri, database, QStringLiteral("counters"), "_id"),
             (QList<bson_type_t>{BSON_TYPE_INT32, BSON_TYPE_INT32}));

    const QString out = m_dir.filePath(QStringLiteral("ndjson"));
    r = runFerryCli({QStringLiteral("migrate"), QStringLiteral("--source"), pg,
                     QStringLiteral("--target"), QStringLiteral("ndjson:") + out});
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    QFile f(QDir(out).filePath(QStringLiteral("counters.json")));
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = f.readAll().trimmed().split('\n');
    QCOMPARE(lines.size(), 2);
    QVERIFY2(lines[0].contains(R"("big" : { "$numberLong" : "9007199254740993" })"),
             lines[0].constData());
    QVERIFY2(lines[1].contains(R"("big" : { "$numberLong" : "-1" })"), lines[1].constData());
    QVERIFY2(lines[1].contains(R"("small" : { "$numberInt" : "-2" })"), lines[1].constData());
}

void TestMongoTargetShape::sqliteIntegerWidthByColumn()
{
    const QString database = QStringLiteral("sqlwidths_%1").arg(QCoreApplication::applicationPid());
    const QString uri = mongoUri(database);
    const CliResult r =
        runFerryCli({QStringLiteral("migrate"), QStringLiteral("--source"),
                     QStringLiteral("sqlite:") + m_chinook, QStringLiteral("--target"), uri,
                     QStringLiteral("--collection"), QStringLiteral("Track")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    // INTEGER: int32 while every value fits, int64 for all once one does not.
    QCOMPARE(fieldTypes(uri, database, QStringLiteral("track"), "Milliseconds"),
             QList<bson_type_t>(4, BSON_TYPE_INT32));
    QCOMPARE(fieldTypes(uri, database, QStringLiteral("track"), "Bytes"),
             QList<bson_type_t>(4, BSON_TYPE_INT64));
}

// Collections are named after their target tables, which inference lower-cases.
void TestMongoTargetShape::chinookGetsKeyIndexes()
{
    const QString database = QStringLiteral("chinook_%1").arg(QCoreApplication::applicationPid());
    const QString uri = mongoUri(database);
    const QString project = m_dir.filePath(QStringLiteral("chinook.ferry"));
    CliResult r = runFerryCli({QStringLiteral("infer"), QStringLiteral("--source"),
                               QStringLiteral("sqlite:") + m_chinook, QStringLiteral("--target"),
                               uri, QStringLiteral("-o"), project});
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    const QJsonObject file = readJson(project);
    bool listed = false;
    for (const QJsonValue &c : file.value(QStringLiteral("collections")).toArray())
        if (c[QStringLiteral("collection")].toString() == QLatin1String("Customer"))
            listed = c[QStringLiteral("indexes")].toArray().contains(
                QJsonObject{{QStringLiteral("fields"), QJsonArray{QStringLiteral("Email")}},
                            {QStringLiteral("unique"), true}});
    QVERIFY2(listed, "the project file lists Customer's unique index on Email");

    const QString dryReport = m_dir.filePath(QStringLiteral("dry.json"));
    r = runFerryCli({QStringLiteral("dry-run"), project, QStringLiteral("--report"), dryReport});
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    QFile dry(dryReport);
    QVERIFY(dry.open(QIODevice::ReadOnly));
    QVERIFY(dry.readAll().contains(
        R"(db.track.createIndex({\"AlbumId\": 1}, {\"name\": \"AlbumId_1\"}))"));
    QVERIFY2(listIndexes(uri, database, QStringLiteral("track")).isEmpty(),
             "a dry run builds nothing");

    const QString report = m_dir.filePath(QStringLiteral("run.json"));
    r = runFerryCli({QStringLiteral("run"), project, QStringLiteral("--report"), report});
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));

    const auto track = listIndexes(uri, database, QStringLiteral("track"));
    QCOMPARE(track.value(QStringLiteral("AlbumId_1")).key, QStringList{QStringLiteral("AlbumId")});
    QCOMPARE(track.value(QStringLiteral("GenreId_1")).key, QStringList{QStringLiteral("GenreId")});
    QCOMPARE(track.size(), 3); // _id_ too
    const auto customer = listIndexes(uri, database, QStringLiteral("customer"));
    QVERIFY(customer.value(QStringLiteral("Email_1")).unique);
    QCOMPARE(customer.value(QStringLiteral("SupportRepId_1")).key,
             QStringList{QStringLiteral("SupportRepId")});
    // Two employees have no e-mail: a unique MongoDB index would take them for duplicates.
    const auto employee = listIndexes(uri, database, QStringLiteral("employee"));
    QVERIFY(employee.contains(QStringLiteral("Email_1")));
    QVERIFY(!employee.value(QStringLiteral("Email_1")).unique);
    QVERIFY(employee.contains(QStringLiteral("ReportsTo_1")));
    // The composite key is _id; its parts are indexed as the foreign keys they are.
    const auto playlistTrack = listIndexes(uri, database, QStringLiteral("playlisttrack"));
    QVERIFY(playlistTrack.contains(QStringLiteral("_id.PlaylistId_1")));
    QVERIFY(playlistTrack.contains(QStringLiteral("_id.TrackId_1")));
    QCOMPARE(listIndexes(uri, database, QStringLiteral("artist")).keys(),
             QStringList{QStringLiteral("_id_")});

    QJsonObject counts;
    for (const QJsonValue &c : readJson(report).value(QStringLiteral("collections")).toArray())
        counts.insert(c[QStringLiteral("name")].toString(), c[QStringLiteral("indexes_created")]);
    QCOMPARE(counts.value(QStringLiteral("Track")).toInt(), 2);
    QCOMPARE(counts.value(QStringLiteral("Artist")).toInt(), 0);

    // Again, into the same collections: the indexes are there, none is built twice.
    r = runFerryCli({QStringLiteral("run"), project, QStringLiteral("--report"), report});
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    for (const QJsonValue &c : readJson(report).value(QStringLiteral("collections")).toArray()) {
        if (c[QStringLiteral("name")].toString() != QLatin1String("Track"))
            continue;
        QCOMPARE(c[QStringLiteral("indexes_created")].toInt(), 0);
        QCOMPARE(c[QStringLiteral("indexes_existing")].toInt(), 2);
    }
}

void TestMongoTargetShape::embeddedJunctionIndexed()
{
    const QString database =
        QStringLiteral("chinook_embed_%1").arg(QCoreApplication::applicationPid());
    const QString uri = mongoUri(database);
    const CliResult r =
        runFerryCli({QStringLiteral("migrate"), QStringLiteral("--source"),
                     QStringLiteral("sqlite:") + m_chinook, QStringLiteral("--target"), uri,
                     QStringLiteral("--embed"), QStringLiteral("PlaylistTrack:Playlist:tracks")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    const auto playlist = listIndexes(uri, database, QStringLiteral("playlist"));
    QCOMPARE(playlist.value(QStringLiteral("tracks_1")).key, QStringList{QStringLiteral("tracks")});
}

// Partitions cannot share a document target (one checkpoint per collection), and `finish`
// builds the collections' indexes there, as a run does.
void TestMongoTargetShape::finishBuildsIndexesAndPartitionsAreRefused()
{
    const QString database = QStringLiteral("finish_%1").arg(QCoreApplication::applicationPid());
    const QString uri = mongoUri(database);
    const QString project = m_dir.filePath(QStringLiteral("finish.ferry"));
    CliResult r = runFerryCli({QStringLiteral("infer"), QStringLiteral("--source"),
                               QStringLiteral("sqlite:") + m_chinook, QStringLiteral("--target"),
                               uri, QStringLiteral("-o"), project});
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));

    r = runFerryCli(
        {QStringLiteral("run"), project, QStringLiteral("--partition"), QStringLiteral("0/2")});
    QVERIFY2(r.exitCode != 0, qPrintable(r.describe()));
    QVERIFY2(r.stdErr.contains("--partition loads PostgreSQL and SQLite targets"),
             qPrintable(r.describe()));
    QVERIFY(listIndexes(uri, database, QStringLiteral("track")).isEmpty());

    const QString report = m_dir.filePath(QStringLiteral("finish.json"));
    r = runFerryCli({QStringLiteral("finish"), project, QStringLiteral("--report"), report});
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    const auto track = listIndexes(uri, database, QStringLiteral("track"));
    QVERIFY(track.contains(QStringLiteral("AlbumId_1")));
    QVERIFY(track.contains(QStringLiteral("GenreId_1")));
    for (const QJsonValue &c : readJson(report).value(QStringLiteral("collections")).toArray()) {
        if (c[QStringLiteral("name")].toString() == QLatin1String("Track"))
            QCOMPARE(c[QStringLiteral("indexes_created")].toInt(), 2);
    }
}

QTEST_GUILESS_MAIN(TestMongoTargetShape)
#include "tst_mongo_target_shape.moc"

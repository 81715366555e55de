// One SQL table split across processes by ranges of its key: 4 `run --partition K/4`
// processes reading a PostgreSQL or SQLite source (single-column key, composite key, no key,
// a filter, fewer rows than partitions) give the target a single run gives, each row read
// by exactly one of them; a partition killed after a few batches and resumed alone changes
// nothing, and keeps its range if rows arrive meanwhile; a child table read by parent keys
// (embedding) is never sliced; keys of awkward types are cut in their own order.
#include "stores/common/sql_key_slice.h"
#include "stores/postgres/postgres_source.h"
#include "stores/sqlite/sqlite_source.h"
#include "support/cli_runner.h"
#include "support/document_checks.h"
#include "support/sql_reader.h"
#include "support/test_services.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

using namespace ferry;
using namespace ferry::test;

namespace {

constexpr int Items = 3001; // single-column key, read under a filter
constexpr int Pairs = 2000; // composite key (grp, seq)
constexpr int Loose = 1500; // no key, repeated rows
constexpr int Tiny = 2;     // fewer rows than partitions
const QString ItemsFilter = u"id % 5 <> 0"_qs;

// The same statements build both sources (PostgreSQL and SQLite read them alike).
QStringList sourceStatements()
{
    const QString rows = u"WITH RECURSIVE g(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM g "
                         "WHERE i < %1) "_qs;
    return {
        u"CREATE TABLE items (id integer PRIMARY KEY, name text, score double precision)"_qs,
        rows.arg(Items) + u"INSERT INTO items SELECT i * 3, 'item ' || i, i / 7.0 FROM g"_qs,
        u"CREATE TABLE pairs (grp text, seq integer, val text, PRIMARY KEY (grp, seq))"_qs,
        rows.arg(Pairs) +
            u"INSERT INTO pairs SELECT 'g' || (i % 5), i, 'v' || (i * 11 % 97) FROM g"_qs,
        u"CREATE TABLE loose (x integer, y text)"_qs,
        rows.arg(Loose) + u"INSERT INTO loose SELECT i % 100, 'y' || (i % 7) FROM g"_qs,
        u"CREATE TABLE tiny (id integer PRIMARY KEY, v text)"_qs,
        u"INSERT INTO tiny VALUES (1, 'one'), (2, 'two')"_qs,
    };
}

const QStringList Tables = {u"items"_qs, u"pairs"_qs, u"loose"_qs, u"tiny"_qs};

} // namespace

class TestSqlPartitions : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void sliceOffsetsCoverEveryRowOnce();
    void fourPartitionsEqualOneRun_data();
    void fourPartitionsEqualOneRun();
    void killedPartitionResumesAlone_data();
    void killedPartitionResumesAlone();
    void childReadsByParentKeyAreNotSliced_data();
    void childReadsByParentKeyAreNotSliced();
    void resumedSliceKeepsItsRange_data();
    void resumedSliceKeepsItsRange();
    void awkwardKeysAreSlicedByTheirOwnOrder_data();
    void awkwardKeysAreSlicedByTheirOwnOrder();

private:
    QString makeProject(const QString &source, const QString &target, const QString &name);
    QString cleanTarget(const QString &source);
    void compareTables(const QString &a, const QString &b);
    // Each partition's rows read per table, from the target's checkpoints.
    QMap<QString, QList<qint64>> partitionReads(const QString &target);
    void checkPartitionReads(const QString &target);

    QTemporaryDir m_dir;
    QString m_postgres;
    QString m_sqlite;
    QMap<QString, QString> m_clean; // source → target of one run without --partition
};

void TestSqlPartitions::initTestCase()
{
    QVERIFY2(!cliPath().isEmpty(), "FERRY_CLI is not set: run the tests through ctest");
    m_postgres = freshPostgresDatabase(u"sqlparts_src"_qs);
    QVERIFY2(!m_postgres.isEmpty(), "No PostgreSQL test server: run the tests through ctest");
    m_sqlite = u"sqlite:"_qs + m_dir.filePath(u"source.sqlite"_qs);
    for (const QString &uri : {m_postgres, m_sqlite}) {
        SqlReader db(uri);
        QVERIFY2(db.ok(), qPrintable(db.error()));
        const QString failed = db.execute(sourceStatements());
        QVERIFY2(failed.isEmpty(), qPrintable(failed));
        QCOMPARE(db.scalar(u"SELECT count(*) FROM pairs"_qs), QString::number(Pairs));
    }
}

void TestSqlPartitions::sliceOffsetsCoverEveryRowOnce()
{
    // Every row offset falls in exactly one slice, for tables smaller and larger than N.
    for (const qint64 rows : {0, 1, 2, 3, 4, 7, 10, 1001}) {
        QList<int> owner(rows, -1);
        for (int k = 0; k < 4; ++k) {
            const SqlSliceOffsets at = sqlSliceOffsets(rows, k, 4);
            QCOMPARE(at.first < 0, k == 0);
            QCOMPARE(at.end < 0, k == 3);
            const qint64 first = std::max<qint64>(at.first, 0);
            const qint64 end = at.end < 0 ? rows : at.end;
            QVERIFY(first <= end);
            for (qint64 r = first; r < end; ++r) {
                QCOMPARE(owner[r], -1);
                owner[r] = k;
            }
        }
        QVERIFY(!owner.contains(-1));
    }
    // More partitions than rows: the boundaries repeat and the slices between them are empty.
    const auto keyAt = [](qint64 offset) -> Result<std::optional<QVariantList>> {
        if (offset >= 2)
            return std::optional<QVariantList>();
        return std::optional<QVariantList>(QVariantList{offset * 10});
    };
    QList<qint64> sizes;
    for (int k = 0; k < 4; ++k) {
        auto range = cutSqlKeyRange(2, k, 4, keyAt);
        QVERIFY(range);
        sizes.append(range->empty ? 0 : range->rows);
    }
    QCOMPARE(sizes, (QList<qint64>{0, 1, 0, 1}));
}

QString TestSqlPartitions::makeProject(const QString &source, const QString &target,
                                       const QString &name)
{
    const QString project = m_dir.filePath(name + u".ferry"_qs);
    const CliResult r = runFerryCli(
        {u"infer"_qs, u"--source"_qs, source, u"--target"_qs, target, u"-o"_qs, project});
    if (r.exitCode != 0) {
        qWarning("%s", qPrintable(r.describe()));
        return {};
    }
    QFile pf(project);
    if (!pf.open(QIODevice::ReadOnly))
        return {};
    QJsonObject root = QJsonDocument::fromJson(pf.readAll()).object();
    pf.close();
    QJsonArray collections = root.value(u"collections"_qs).toArray();
    for (qsizetype i = 0; i < collections.size(); ++i) {
        QJsonObject c = collections.at(i).toObject();
        if (c.value(u"collection"_qs).toString() == u"items"_qs)
            c.insert(u"filter"_qs, ItemsFilter);
        collections[i] = c;
    }
    root.insert(u"collections"_qs, collections);
    if (!pf.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return {};
    pf.write(QJsonDocument(root).toJson());
    return project;
}

QString TestSqlPartitions::cleanTarget(const QString &source)
{
    if (m_clean.contains(source))
        return m_clean.value(source);
    const QString name = u"clean%1"_qs.arg(m_clean.size());
    const QString target = freshTarget(u"postgresql"_qs, name, m_dir.path());
    const QString project = makeProject(source, target, name);
    const CliResult r = runFerryCli({u"run"_qs, project});
    if (r.exitCode != 0) {
        qWarning("%s", qPrintable(r.describe()));
        return {};
    }
    m_clean.insert(source, target);
    return target;
}

void TestSqlPartitions::compareTables(const QString &a, const QString &b)
{
    const QString differs = differentTables(a, b, Tables);
    QVERIFY2(differs.isEmpty(), qPrintable(differs));
    SqlReader x(a);
    // The filter kept a fifth of the items out; the other tables came whole.
    QCOMPARE(x.scalar(u"SELECT count(*) FROM items"_qs), QString::number(Items - Items / 5));
    QCOMPARE(x.scalar(u"SELECT count(*) FROM loose"_qs), QString::number(Loose));
}

QMap<QString, QList<qint64>> TestSqlPartitions::partitionReads(const QString &target)
{
    QMap<QString, QList<qint64>> out;
    SqlReader db(target);
    const auto rows = db.rows(u"SELECT key, read, finished FROM ferry._ferry_checkpoints "
                              "WHERE key LIKE '%#%/4' ORDER BY key"_qs);
    for (const QStringList &r : rows)
        if (r.value(2) == u"t"_qs)
            out[r.value(0).section(u'#', 0, 0)].append(r.value(1).toLongLong());
    return out;
}

void TestSqlPartitions::checkPartitionReads(const QString &target)
{
    // Four finished partitions per table, whose reads add up to the table: no row was read
    // twice (the target's keys would have hidden a second copy) and none was left out.
    const QMap<QString, QList<qint64>> reads = partitionReads(target);
    const QMap<QString, qint64> expected = {{u"items"_qs, Items - Items / 5},
                                            {u"pairs"_qs, Pairs},
                                            {u"loose"_qs, Loose},
                                            {u"tiny"_qs, Tiny}};
    for (auto it = expected.cbegin(); it != expected.cend(); ++it) {
        const QList<qint64> parts = reads.value(it.key());
        QCOMPARE(parts.size(), 4);
        QCOMPARE(std::accumulate(parts.begin(), parts.end(), qint64(0)), it.value());
        // Enough rows: every slice holds some, none holds all.
        if (it.value() >= 4)
            for (const qint64 n : parts)
                QVERIFY2(n > 0 && n < it.value(), qPrintable(it.key()));
    }
}

void TestSqlPartitions::fourPartitionsEqualOneRun_data()
{
    QTest::addColumn<bool>("postgres");
    QTest::newRow("postgresql source") << true;
    QTest::newRow("sqlite source") << false;
}

void TestSqlPartitions::fourPartitionsEqualOneRun()
{
    QFETCH(bool, postgres);
    const QString source = postgres ? m_postgres : m_sqlite;
    const QString clean = cleanTarget(source);
    QVERIFY(!clean.isEmpty());
    const QString name = postgres ? u"four_pg"_qs : u"four_sqlite"_qs;
    const QString target = freshTarget(u"postgresql"_qs, name, m_dir.path());
    const QString project = makeProject(source, target, name);
    QVERIFY(!project.isEmpty());
    // The four processes at once, as on four machines.
    const CliResult four = runPartitionsAtOnce(project, 4, {u"--batch-size"_qs, u"100"_qs});
    QVERIFY2(four.exitCode == 0, qPrintable(four.describe()));
    const CliResult r = runFerryCli({u"finish"_qs, project});
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    compareTables(clean, target);
    checkPartitionReads(target);
}

void TestSqlPartitions::killedPartitionResumesAlone_data()
{
    fourPartitionsEqualOneRun_data();
}

void TestSqlPartitions::killedPartitionResumesAlone()
{
    QFETCH(bool, postgres);
    const QString source = postgres ? m_postgres : m_sqlite;
    const QString clean = cleanTarget(source);
    QVERIFY(!clean.isEmpty());
    const QString name = postgres ? u"killed_pg"_qs : u"killed_sqlite"_qs;
    const QString target = freshTarget(u"postgresql"_qs, name, m_dir.path());
    const QString project = makeProject(source, target, name);
    QVERIFY(!project.isEmpty());
    const QStringList batch = {u"--batch-size"_qs, u"50"_qs, u"--jobs"_qs, u"1"_qs};
    const auto part = [&](int k) {
        return QStringList{u"run"_qs, project, u"--partition"_qs, u"%1/4"_qs.arg(k)} + batch;
    };
    for (const int k : {0, 2, 3}) {
        const CliResult r = runFerryCli(part(k));
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    }
    // Killed (SIGKILL) right after its third batch committed, in the middle of a slice.
    CliResult r = runFerryCli(part(1), 300000, {u"FERRY_TEST_CRASH_AT=batch-committed:3"_qs});
    QVERIFY2(r.exitCode != 0, qPrintable(r.describe()));
    {
        SqlReader db(target);
        const QString position = db.scalar(u"SELECT convert_from(position, 'UTF8') FROM "
                                           "ferry._ferry_checkpoints WHERE key LIKE '%#1/4' "
                                           "AND NOT finished LIMIT 1"_qs);
        // The position carries the slice's own range, so the resumed partition keeps it.
        QVERIFY2(position.contains(u"\"from\""_qs) && position.contains(u"\"to\""_qs),
                 qPrintable(position));
    }
    r = runFerryCli(part(1) + QStringList{u"--resume"_qs});
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    // Resumed again once finished: nothing changes.
    r = runFerryCli(part(1) + QStringList{u"--resume"_qs});
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    r = runFerryCli({u"finish"_qs, project});
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    compareTables(clean, target);
    checkPartitionReads(target);
}

void TestSqlPartitions::childReadsByParentKeyAreNotSliced_data()
{
    fourPartitionsEqualOneRun_data();
}

void TestSqlPartitions::childReadsByParentKeyAreNotSliced()
{
    // Embedding reads a child table by its parents' keys: every child of those parents,
    // whichever partition the parents came from.
    QFETCH(bool, postgres);
    const auto endpoint = Endpoint::parse(postgres ? m_postgres : m_sqlite);
    QVERIFY(endpoint);
    std::unique_ptr<Source> source;
    if (postgres)
        source = std::make_unique<PostgresSource>(*endpoint);
    else
        source = std::make_unique<SqliteSource>(*endpoint);
    QVERIFY(source->open());
    ReadOptions options;
    options.keyColumn = u"grp"_qs;
    options.keyValues = {u"g1"_qs, u"g3"_qs};
    options.partition = 2;
    options.partitions = 4;
    auto reader = source->openReader(u"pairs"_qs, options);
    QVERIFY2(reader, qPrintable(reader ? QString() : reader.error().toString()));
    std::vector<BsonDoc> docs;
    QString error;
    QVERIFY2(readAll(**reader, &docs, 100, &error), qPrintable(error));
    QCOMPARE(qint64(docs.size()), qint64(2 * Pairs / 5));
}

void TestSqlPartitions::resumedSliceKeepsItsRange_data()
{
    fourPartitionsEqualOneRun_data();
}

void TestSqlPartitions::resumedSliceKeepsItsRange()
{
    // Rows inserted before a partition resumes would move boundaries cut again; the range
    // saved with its position keeps the partition to the rows it was given.
    QFETCH(bool, postgres);
    const QString uri = postgres ? m_postgres : m_sqlite;
    SqlReader db(uri);
    db.rows(u"CREATE TABLE shifting (id integer PRIMARY KEY)"_qs);
    db.rows(u"WITH RECURSIVE g(i) AS (SELECT 1000 UNION ALL SELECT i + 1 FROM g WHERE i < 1399) "
            "INSERT INTO shifting SELECT i FROM g"_qs);
    QVERIFY2(db.ok(), qPrintable(db.error()));
    const auto endpoint = Endpoint::parse(uri);
    QVERIFY(endpoint);
    std::unique_ptr<Source> source;
    if (postgres)
        source = std::make_unique<PostgresSource>(*endpoint);
    else
        source = std::make_unique<SqliteSource>(*endpoint);
    source->setKeepColumnNames(true);
    QVERIFY(source->open());
    ReadOptions options;
    options.partition = 1;
    options.partitions = 4; // rows at offsets 100…199: ids 1100…1199
    auto reader = source->openReader(u"shifting"_qs, options);
    QVERIFY(reader);
    DocBatch batch;
    auto more = (*reader)->next(batch, 30);
    QVERIFY(more && *more);
    QCOMPARE(int(batch.size()), 30);
    options.resumeFrom = (*reader)->position();
    reader->reset();
    db.rows(u"WITH RECURSIVE g(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM g WHERE i < 199) "
            "INSERT INTO shifting SELECT i FROM g"_qs);
    QVERIFY2(db.ok(), qPrintable(db.error()));
    auto resumed = source->openReader(u"shifting"_qs, options);
    QVERIFY(resumed);
    std::vector<BsonDoc> docs;
    QString error;
    QVERIFY2(readAll(**resumed, &docs, 100, &error), qPrintable(error));
    QCOMPARE(int(docs.size()), 70);
    bson_iter_t it;
    QVERIFY(bson_iter_init_find(&it, docs.front().get(), "id"));
    QCOMPARE(bson_iter_as_int64(&it), qint64(1130));
    QVERIFY(bson_iter_init_find(&it, docs.back().get(), "id"));
    QCOMPARE(bson_iter_as_int64(&it), qint64(1199));
}

void TestSqlPartitions::awkwardKeysAreSlicedByTheirOwnOrder_data()
{
    // Keys whose order or text form could differ between the boundary query and the slice
    // condition if a boundary were pasted or converted: floats at the edge of precision,
    // time stamps, bytes, case and accents under the database's collation, a composite
    // key; in SQLite one untyped key column holding integers, reals, text and blobs (ordered
    // by storage class, so each boundary must be bound with its own), and rowids with gaps.
    QTest::addColumn<bool>("postgres");
    QTest::addColumn<QStringList>("statements");
    const QString rows = u"WITH RECURSIVE g(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM g "
                         "WHERE i < 203) "_qs;
    QTest::newRow("pg float8") << true
                               << QStringList{u"CREATE TABLE awkward (k float8 PRIMARY KEY)"_qs,
                                              rows + u"INSERT INTO awkward SELECT 0.1 * i + "
                                                     "1e-300 * (i % 3) FROM g"_qs};
    QTest::newRow("pg timestamptz")
        << true
        << QStringList{u"CREATE TABLE awkward (k timestamptz PRIMARY KEY, v int)"_qs,
                       rows +
                           u"INSERT INTO awkward SELECT timestamptz '2001-02-03 04:05:06.789+05' "
                           "+ i * interval '37 minutes 0.001 seconds', i FROM g"_qs};
    QTest::newRow("pg bytea") << true
                              << QStringList{u"CREATE TABLE awkward (k bytea PRIMARY KEY)"_qs,
                                             rows + u"INSERT INTO awkward SELECT "
                                                    "decode(md5(i::text), 'hex') FROM g"_qs};
    QTest::newRow("pg text") << true
                             << QStringList{u"CREATE TABLE awkward (k text PRIMARY KEY)"_qs,
                                            rows +
                                                u"INSERT INTO awkward SELECT (ARRAY['a', 'B', "
                                                "'é', 'E', ' ', 'z'''])[1 + i % 6] || i FROM g"_qs};
    QTest::newRow("pg composite") << true
                                  << QStringList{u"CREATE TABLE awkward (a text, b numeric, "
                                                 "PRIMARY KEY (a, b))"_qs,
                                                 rows +
                                                     u"INSERT INTO awkward SELECT 'x' || (i % 4), "
                                                     "i / 7.0 FROM g"_qs};
    QTest::newRow("sqlite untyped")
        << false
        << QStringList{u"CREATE TABLE awkward (k PRIMARY KEY, v)"_qs,
                       rows + u"INSERT INTO awkward SELECT CASE i % 4 WHEN 0 THEN i WHEN 1 THEN "
                              "i + 0.5 WHEN 2 THEN 't' || i ELSE CAST('b' || i AS BLOB) END, i "
                              "FROM g"_qs};
    QTest::newRow("sqlite rowid gaps")
        << false
        << QStringList{u"CREATE TABLE awkward (v text)"_qs,
                       rows + u"INSERT INTO awkward SELECT 'v' || i FROM g"_qs,
                       u"DELETE FROM awkward WHERE rowid % 5 = 0 OR rowid < 20"_qs};
}

void TestSqlPartitions::awkwardKeysAreSlicedByTheirOwnOrder()
{
    QFETCH(bool, postgres);
    QFETCH(QStringList, statements);
    const QString uri =
        postgres ? freshPostgresDatabase(u"sqlparts_awk"_qs)
                 : u"sqlite:"_qs +
                       m_dir.filePath(u"awkward_%1.sqlite"_qs.arg(
                           QString::fromLatin1(QTest::currentDataTag()).replace(u' ', u'_')));
    {
        const QString failed = SqlReader(uri).execute(statements);
        QVERIFY2(failed.isEmpty(), qPrintable(failed));
    }
    const auto endpoint = Endpoint::parse(uri);
    QVERIFY(endpoint);
    std::unique_ptr<Source> source;
    if (postgres)
        source = std::make_unique<PostgresSource>(*endpoint);
    else
        source = std::make_unique<SqliteSource>(*endpoint);
    QVERIFY(source->open());
    const auto read = [&](int k, int n, QStringList *out) {
        ReadOptions options;
        options.partition = k;
        options.partitions = n;
        auto reader = source->openReader(u"awkward"_qs, options);
        QVERIFY2(reader, qPrintable(reader ? QString() : reader.error().toString()));
        std::vector<BsonDoc> docs;
        QString error;
        QVERIFY2(readAll(**reader, &docs, 7, &error), qPrintable(error));
        for (const BsonDoc &d : docs)
            out->append(toJson(d.get()));
    };
    QStringList whole;
    read(0, 1, &whole);
    QVERIFY(whole.size() > 100);
    for (const int n : {4, 7}) {
        QStringList parts;
        for (int k = 0; k < n; ++k) {
            QStringList slice;
            read(k, n, &slice);
            QVERIFY2(!slice.isEmpty(), qPrintable(u"slice %1/%2 is empty"_qs.arg(k).arg(n)));
            parts += slice;
        }
        // The slices in order are the whole read, row for row: disjoint, nothing left out.
        QCOMPARE(parts, whole);
    }
}

QTEST_GUILESS_MAIN(TestSqlPartitions)
#include "tst_sql_partitions.moc"

// A keyless PostgreSQL partitioned table, whose rows live in several physical tables,
// repeats ctids across them: every row still reaches SQLite, NDJSON and PostgreSQL targets
// exactly once, in one run, in a run killed mid-table and resumed, and in 4 `--partition`
// processes; generated _ids stay distinct. A keyless inheritance parent, whose ctids repeat
// in its children, gives its own rows (read with ONLY) each once under the same runs. A
// plain keyless table and an inheritance parent keep the _ids a plain table always had.
#include "core/generated_key.h"
#include "stores/postgres/postgres_source.h"
#include "support/cli_runner.h"
#include "support/document_checks.h"
#include "support/row_texts.h"
#include "support/sql_reader.h"
#include "support/test_services.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>
#include <QtTest>

using namespace ferry;
using namespace ferry::test;

namespace {

// Counts chosen so that batch ends and slice boundaries fall between rows sharing a ctid.
constexpr int Readings = 1504; // partitioned: three partitions of about 500 rows
constexpr int BaseRows = 402;  // inheritance parent's own rows; its child holds 402 more

const QStringList SourceStatements = {
    u"CREATE TABLE readings (region text NOT NULL, x integer, note text) "
    "PARTITION BY LIST (region)"_qs,
    u"CREATE TABLE readings_north PARTITION OF readings FOR VALUES IN ('north')"_qs,
    u"CREATE TABLE readings_south PARTITION OF readings FOR VALUES IN ('south')"_qs,
    u"CREATE TABLE readings_east PARTITION OF readings FOR VALUES IN ('east')"_qs,
    // Whole rows repeat: only their place tells them apart.
    u"INSERT INTO readings SELECT (ARRAY['north', 'south', 'east'])[1 + i % 3], i % 10, "
    "CASE WHEN i % 13 = 0 THEN NULL ELSE 'n' || (i % 4) END FROM generate_series(1, 1504) i"_qs,
    u"CREATE TABLE base (x integer, note text)"_qs,
    u"CREATE TABLE base_child (extra integer) INHERITS (base)"_qs,
    u"INSERT INTO base SELECT i % 10, 'b' || (i % 3) FROM generate_series(1, 402) i"_qs,
    u"INSERT INTO base_child SELECT i % 10, 'b' || (i % 3), i FROM generate_series(1, 402) i"_qs,
    u"CREATE TABLE plain (x integer)"_qs,
    u"INSERT INTO plain VALUES (7), (7), (8)"_qs,
};

QStringList columnsOf(const QString &table)
{
    return table == u"readings"_qs ? QStringList{u"region"_qs, u"x"_qs, u"note"_qs}
                                   : QStringList{u"x"_qs, u"note"_qs};
}

// On the source, an inheritance parent's rows are its own (ONLY), as pg_dump copies them.
QStringList sqlRows(const QString &uri, const QString &table, bool source = false)
{
    return sortedRowTexts(uri, columnsOf(table),
                          source && table == u"base"_qs ? u"ONLY "_qs + table : table);
}

// The rows of documents, as sqlRows() gives them, and their _ids as text.
void documentRows(const std::vector<BsonDoc> &docs, const QString &table, QStringList *rows,
                  QStringList *ids)
{
    for (const BsonDoc &d : docs) {
        QStringList cells;
        for (const QString &c : columnsOf(table))
            cells.append(fieldText(d.get(), c));
        rows->append(cells.join(u'|'));
        bson_iter_t it;
        if (bson_iter_init_find(&it, d.get(), "_id") && BSON_ITER_HOLDS_OID(&it)) {
            char hex[25];
            bson_oid_to_string(bson_iter_oid(&it), hex);
            ids->append(QString::fromLatin1(hex));
        }
    }
    rows->sort();
}

} // namespace

class TestPgKeylessPartitions : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void sourceReadsGiveEveryRowOnce_data();
    void sourceReadsGiveEveryRowOnce();
    void ordinaryTablesKeepTheirIds();
    void oneRunGivesEveryRowOnce_data();
    void oneRunGivesEveryRowOnce();
    void killedRunResumesWithEveryRowOnce_data();
    void killedRunResumesWithEveryRowOnce();
    void fourPartitionsEqualOneRun_data();
    void fourPartitionsEqualOneRun();

private:
    QString project(const QString &table, const QString &target, const QString &name);
    void checkTarget(const QString &kind, const QString &target, const QString &table);

    QTemporaryDir m_dir;
    QString m_source;
};

void TestPgKeylessPartitions::initTestCase()
{
    QVERIFY2(!cliPath().isEmpty(), "FERRY_CLI is not set: run the tests through ctest");
    m_source = freshPostgresDatabase(u"keylessparts"_qs);
    QVERIFY2(!m_source.isEmpty(), "No PostgreSQL test server: run the tests through ctest");
    SqlReader db(m_source);
    const QString failed = db.execute(SourceStatements);
    QVERIFY2(failed.isEmpty(), qPrintable(failed));
    // The premise: ctid alone does not tell these tables' rows apart.
    QCOMPARE(db.scalar(u"SELECT count(*) FROM readings"_qs), QString::number(Readings));
    QVERIFY(db.scalar(u"SELECT count(DISTINCT ctid) FROM readings"_qs).toInt() < Readings);
    // An inheritance parent read without ONLY would tie rows the same way, and copy its
    // child's rows twice.
    QCOMPARE(db.scalar(u"SELECT count(*) FROM ONLY base"_qs), QString::number(BaseRows));
    QCOMPARE(db.scalar(u"SELECT count(*) FROM base"_qs), QString::number(2 * BaseRows));
    QVERIFY(db.scalar(u"SELECT count(DISTINCT ctid) FROM base"_qs).toInt() < 2 * BaseRows);
}

void TestPgKeylessPartitions::sourceReadsGiveEveryRowOnce_data()
{
    QTest::addColumn<QString>("table");
    QTest::addColumn<int>("rows");
    QTest::newRow("partitioned") << u"readings"_qs << Readings;
    QTest::newRow("inheritance parent") << u"base"_qs << BaseRows;
}

void TestPgKeylessPartitions::sourceReadsGiveEveryRowOnce()
{
    // As documents (the shape NDJSON, MongoDB and Redis targets get): one read, slices, and a
    // read resumed from a position all give each row once, under an _id of its own.
    QFETCH(QString, table);
    QFETCH(int, rows);
    const auto endpoint = Endpoint::parse(m_source);
    QVERIFY(endpoint);
    PostgresSource source(*endpoint);
    QVERIFY(source.open());
    const auto read = [&](ReadOptions options, std::vector<BsonDoc> *docs) {
        auto reader = source.openReader(table, options);
        QVERIFY2(reader, qPrintable(errorText(reader)));
        QString error;
        QVERIFY2(readAll(**reader, docs, 100, &error), qPrintable(error));
    };
    std::vector<BsonDoc> whole;
    read(ReadOptions(), &whole);
    QStringList wholeRows, wholeIds;
    documentRows(whole, table, &wholeRows, &wholeIds);
    QCOMPARE(wholeRows, sqlRows(m_source, table, true));
    QCOMPARE(wholeIds.size(), rows);
    QCOMPARE(QSet<QString>(wholeIds.begin(), wholeIds.end()).size(), rows);

    // Slices, in order, are the whole read document for document.
    std::vector<BsonDoc> sliced;
    for (int k = 0; k < 4; ++k) {
        ReadOptions options;
        options.partition = k;
        options.partitions = 4;
        const size_t before = sliced.size();
        read(options, &sliced);
        QVERIFY(sliced.size() > before);
    }
    QCOMPARE(sliced.size(), whole.size());
    for (size_t i = 0; i < whole.size(); ++i)
        QCOMPARE(toJson(sliced[i].get()), toJson(whole[i].get()));

    // 100 rows, then the rest from the position they left: the whole read again. 100 is
    // not a multiple of the parts, so the position falls between rows sharing a ctid.
    std::vector<BsonDoc> resumed;
    ReadOptions options;
    {
        auto reader = source.openReader(table, options);
        QVERIFY(reader);
        DocBatch batch;
        auto more = (*reader)->next(batch, 100);
        QVERIFY(more && *more);
        QCOMPARE(int(batch.size()), 100);
        resumed = toDocs(batch);
        options.resumeFrom = (*reader)->position();
    }
    read(options, &resumed);
    QCOMPARE(resumed.size(), whole.size());
    for (size_t i = 0; i < whole.size(); ++i)
        QCOMPARE(toJson(resumed[i].get()), toJson(whole[i].get()));
}

void TestPgKeylessPartitions::ordinaryTablesKeepTheirIds()
{
    // Targets filled before must keep matching: a plain keyless table's generated _id is
    // still derived from its name and ctid alone. So is an inheritance parent's, read with
    // ONLY: its ctids no longer repeat.
    const auto endpoint = Endpoint::parse(m_source);
    QVERIFY(endpoint);
    PostgresSource source(*endpoint);
    QVERIFY(source.open());
    for (const auto &[table, rows] : {std::pair{"plain", 3}, std::pair{"base", BaseRows}}) {
        auto reader = source.openReader(QString::fromLatin1(table), ReadOptions());
        QVERIFY(reader);
        std::vector<BsonDoc> docs;
        QVERIFY(readAll(**reader, &docs));
        QCOMPARE(int(docs.size()), rows);
        for (int item = 1; item <= 3; ++item) {
            bson_oid_t expected;
            generatedObjectId(table, item, 0, &expected); // ctid (0,item)
            bson_iter_t it;
            QVERIFY(bson_iter_init_find(&it, docs[size_t(item - 1)].get(), "_id"));
            QVERIFY(BSON_ITER_HOLDS_OID(&it));
            QVERIFY2(bson_oid_equal(bson_iter_oid(&it), &expected), table);
        }
    }
}

QString TestPgKeylessPartitions::project(const QString &table, const QString &target,
                                         const QString &name)
{
    const QString path = m_dir.filePath(name + u".ferry"_qs);
    const CliResult r = runFerryCli({u"infer"_qs, u"--source"_qs, m_source, u"--target"_qs, target,
                                     u"--collection"_qs, table, u"-o"_qs, path});
    if (r.exitCode != 0) {
        qWarning("%s", qPrintable(r.describe()));
        return {};
    }
    return path;
}

void TestPgKeylessPartitions::checkTarget(const QString &kind, const QString &target,
                                          const QString &table)
{
    const QStringList expected = sqlRows(m_source, table, true);
    QCOMPARE(expected.size(), table == u"readings"_qs ? Readings : BaseRows);
    if (kind != u"ndjson"_qs) {
        SqlReader db(target);
        QCOMPARE(db.scalar(u"SELECT count(*) FROM %1"_qs.arg(table)),
                 QString::number(expected.size()));
        QCOMPARE(sqlRows(target, table), expected);
        return;
    }
    std::vector<BsonDoc> docs;
    QString error;
    QVERIFY2(readNdjsonFile(target.mid(7) + u'/' + table + u".json"_qs, &docs, &error),
             qPrintable(error));
    QStringList rows, ids;
    documentRows(docs, table, &rows, &ids);
    QCOMPARE(rows.size(), expected.size());
    QCOMPARE(rows, expected);
    QCOMPARE(QSet<QString>(ids.begin(), ids.end()).size(), expected.size());
}

void TestPgKeylessPartitions::oneRunGivesEveryRowOnce_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("table");
    for (const QString &kind : {u"sqlite"_qs, u"ndjson"_qs})
        for (const QString &table : {u"readings"_qs, u"base"_qs})
            QTest::newRow(qPrintable(kind + u' ' + table)) << kind << table;
}

void TestPgKeylessPartitions::oneRunGivesEveryRowOnce()
{
    QFETCH(QString, kind);
    QFETCH(QString, table);
    const QString name = u"once_%1_%2"_qs.arg(kind, table);
    const QString target = kind == u"ndjson"_qs ? u"ndjson:"_qs + m_dir.filePath(name)
                                                : freshTarget(kind, name, m_dir.path());
    const QString path = project(table, target, name);
    QVERIFY(!path.isEmpty());
    const CliResult r = runFerryCli({u"run"_qs, path});
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    checkTarget(kind, target, table);
    if (kind == u"sqlite"_qs) {
        const CliResult v = runFerryCli({u"validate"_qs, path});
        QVERIFY2(v.exitCode == 0, qPrintable(v.describe()));
    }
}

void TestPgKeylessPartitions::killedRunResumesWithEveryRowOnce_data()
{
    oneRunGivesEveryRowOnce_data();
}

void TestPgKeylessPartitions::killedRunResumesWithEveryRowOnce()
{
    QFETCH(QString, kind);
    QFETCH(QString, table);
    const QString name = u"killed_%1_%2"_qs.arg(kind, table);
    const QString target = kind == u"ndjson"_qs ? u"ndjson:"_qs + m_dir.filePath(name)
                                                : freshTarget(kind, name, m_dir.path());
    const QString path = project(table, target, name);
    QVERIFY(!path.isEmpty());
    // 5 batches of 35 rows: the crash falls between rows sharing a ctid.
    const QStringList run = {u"run"_qs, path, u"--batch-size"_qs, u"35"_qs, u"--jobs"_qs, u"1"_qs};
    CliResult r = runFerryCli(run, 300000, {u"FERRY_TEST_CRASH_AT=batch-committed:5"_qs});
    QVERIFY2(r.exitCode != 0, qPrintable(r.describe()));
    r = runFerryCli(run + QStringList{u"--resume"_qs});
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    checkTarget(kind, target, table);
}

void TestPgKeylessPartitions::fourPartitionsEqualOneRun_data()
{
    QTest::addColumn<QString>("table");
    QTest::newRow("partitioned") << u"readings"_qs;
    QTest::newRow("inheritance parent") << u"base"_qs;
}

void TestPgKeylessPartitions::fourPartitionsEqualOneRun()
{
    // Slices of a table cut by a key that repeats are still disjoint; what needs the row's
    // whole place is a partition resumed inside its slice, so partition 1 is killed midway.
    QFETCH(QString, table);
    const QString name = u"four_%1"_qs.arg(table);
    const QString target = freshTarget(u"postgresql"_qs, name, m_dir.path());
    const QString path = project(table, target, name);
    QVERIFY(!path.isEmpty());
    const auto part = [&](int k) {
        return QStringList{u"run"_qs,          path,     u"--partition"_qs, u"%1/4"_qs.arg(k),
                           u"--batch-size"_qs, u"35"_qs, u"--jobs"_qs,      u"1"_qs};
    };
    std::vector<std::unique_ptr<QProcess>> parts;
    for (const int k : {0, 2, 3}) {
        auto p = std::make_unique<QProcess>();
        p->start(cliPath(), part(k));
        QVERIFY(p->waitForStarted());
        parts.push_back(std::move(p));
    }
    CliResult killed = runFerryCli(part(1), 300000, {u"FERRY_TEST_CRASH_AT=batch-committed:2"_qs});
    QVERIFY2(killed.exitCode != 0, qPrintable(killed.describe()));
    killed = runFerryCli(part(1) + QStringList{u"--resume"_qs});
    QVERIFY2(killed.exitCode == 0, qPrintable(killed.describe()));
    for (auto &p : parts) {
        QVERIFY(p->waitForFinished(300000));
        QVERIFY2(p->exitCode() == 0, p->readAllStandardError().constData());
    }
    const CliResult r = runFerryCli({u"finish"_qs, path});
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    checkTarget(u"postgresql"_qs, target, table);
    // Each partition read a share, and the shares add up to the table.
    SqlReader db(target);
    const auto reads = db.rows(u"SELECT read FROM ferry._ferry_checkpoints WHERE key LIKE "
                               "'%#%/4' AND finished"_qs);
    QCOMPARE(reads.size(), 4);
    qint64 sum = 0;
    for (const QStringList &row : reads) {
        QVERIFY(row.value(0).toLongLong() > 0);
        sum += row.value(0).toLongLong();
    }
    QCOMPARE(sum, qint64(table == u"readings"_qs ? Readings : BaseRows));
}

QTEST_GUILESS_MAIN(TestPgKeylessPartitions)
#include "tst_pg_keyless_partitions.moc"

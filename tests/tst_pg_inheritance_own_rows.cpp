// A classic PostgreSQL inheritance parent holds its own rows only, as pg_dump copies it: its
// children are tables of their own, so a read of the parent that included them would copy
// every child row twice (once cut to the parent's columns). Migrations to SQLite and NDJSON
// give each table exactly its own rows, 4 `--partition` slices of a parent add up to its own
// rows, and a declarative partitioned table still gives all its partitions' rows.
#include "stores/postgres/postgres_source.h"
#include "support/cli_runner.h"
#include "support/document_checks.h"
#include "support/row_texts.h"
#include "support/sql_reader.h"
#include "support/test_services.h"

#include <QCryptographicHash>
#include <QFile>
#include <QSet>
#include <QTemporaryDir>
#include <QtTest>

using namespace ferry;
using namespace ferry::test;

namespace {

const QStringList SourceStatements = {
    // With a key; the child adds a column and keys of its own beside the parent's.
    u"CREATE TABLE animal (id integer PRIMARY KEY, name text)"_qs,
    u"CREATE TABLE dog (breed text) INHERITS (animal)"_qs,
    u"INSERT INTO animal SELECT i, 'a' || i FROM generate_series(1, 250) i"_qs,
    u"INSERT INTO dog SELECT i, 'd' || i, 'breed' || (i % 7) FROM generate_series(1001, 1130) i"_qs,
    // Without a key: whole rows repeat, and parent and child share ctids.
    u"CREATE TABLE base (x integer, note text)"_qs,
    u"CREATE TABLE base_child (extra integer) INHERITS (base)"_qs,
    u"INSERT INTO base SELECT i % 10, 'b' || (i % 3) FROM generate_series(1, 402) i"_qs,
    u"INSERT INTO base_child SELECT i % 10, 'c' || (i % 3), i FROM generate_series(1, 301) i"_qs,
    // Declarative partitioning: the parent holds no rows, its partitions are not listed.
    u"CREATE TABLE readings (region text NOT NULL, x integer) PARTITION BY LIST (region)"_qs,
    u"CREATE TABLE readings_north PARTITION OF readings FOR VALUES IN ('north')"_qs,
    u"CREATE TABLE readings_south PARTITION OF readings FOR VALUES IN ('south')"_qs,
    u"INSERT INTO readings SELECT (ARRAY['north', 'south'])[1 + i % 2], i FROM "
    "generate_series(1, 300) i"_qs,
};

QStringList columnsOf(const QString &table)
{
    if (table == u"animal"_qs)
        return {u"id"_qs, u"name"_qs};
    if (table == u"dog"_qs)
        return {u"id"_qs, u"name"_qs, u"breed"_qs};
    if (table == u"base"_qs)
        return {u"x"_qs, u"note"_qs};
    if (table == u"base_child"_qs)
        return {u"x"_qs, u"note"_qs, u"extra"_qs};
    return {u"region"_qs, u"x"_qs};
}

QStringList sqlRows(const QString &uri, const QString &table, const QString &relation)
{
    return sortedRowTexts(uri, columnsOf(table), relation);
}

// What the source itself says a table's own rows are, as pg_dump reads them.
QStringList ownRows(const QString &source, const QString &table)
{
    return sqlRows(source, table, table == u"readings"_qs ? table : u"ONLY "_qs + table);
}

QString checksum(const QStringList &sortedRows)
{
    return QString::fromLatin1(
        QCryptographicHash::hash(sortedRows.join(u'\n').toUtf8(), QCryptographicHash::Sha256)
            .toHex());
}

// The rows of an NDJSON file as sqlRows() gives them; a keyed table's id is its _id.
QStringList ndjsonRows(const QString &file, const QString &table, QString *error)
{
    std::vector<BsonDoc> docs;
    if (!readNdjsonFile(file, &docs, error))
        return {};
    // The child's id is no key: a primary key is not inherited.
    const bool keyed = table == u"animal"_qs;
    QStringList out;
    for (const BsonDoc &doc : docs) {
        QStringList cells;
        for (const QString &c : columnsOf(table))
            cells.append(fieldText(doc.get(), keyed && c == u"id"_qs ? u"_id"_qs : c));
        out.append(cells.join(u'|'));
    }
    out.sort();
    return out;
}

const QStringList Tables = {u"animal"_qs, u"dog"_qs, u"base"_qs, u"base_child"_qs, u"readings"_qs};

} // namespace

class TestPgInheritanceOwnRows : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void catalogCountsOwnRows();
    void readsByKeyAndSamplesGiveOwnRows();
    void migrationCopiesOwnRows_data();
    void migrationCopiesOwnRows();
    void fourPartitionsAddUpToOwnRows_data();
    void fourPartitionsAddUpToOwnRows();

private:
    QString project(const QString &target, const QString &name, const QStringList &tables);

    QTemporaryDir m_dir;
    QString m_source;
};

void TestPgInheritanceOwnRows::initTestCase()
{
    QVERIFY2(!cliPath().isEmpty(), "FERRY_CLI is not set: run the tests through ctest");
    m_source = freshPostgresDatabase(u"inhown"_qs);
    QVERIFY2(!m_source.isEmpty(), "No PostgreSQL test server: run the tests through ctest");
    SqlReader db(m_source);
    const QString failed = db.execute(SourceStatements);
    QVERIFY2(failed.isEmpty(), qPrintable(failed));
    // The premise: a parent read without ONLY gives its children's rows too.
    QCOMPARE(db.scalar(u"SELECT count(*) FROM animal"_qs), u"380"_qs);
    QCOMPARE(db.scalar(u"SELECT count(*) FROM ONLY animal"_qs), u"250"_qs);
    QCOMPARE(db.scalar(u"SELECT count(*) FROM base"_qs), u"703"_qs);
    QCOMPARE(db.scalar(u"SELECT count(*) FROM ONLY base"_qs), u"402"_qs);
}

void TestPgInheritanceOwnRows::catalogCountsOwnRows()
{
    const auto endpoint = Endpoint::parse(m_source);
    QVERIFY(endpoint);
    PostgresSource source(*endpoint);
    QVERIFY(source.open());
    auto listed = source.listCollections();
    QVERIFY2(listed, qPrintable(errorText(listed)));
    QMap<QString, qint64> rows;
    for (const CollectionInfo &c : *listed)
        rows.insert(c.name, c.count);
    QCOMPARE(rows.keys(),
             QStringList({u"animal"_qs, u"base"_qs, u"base_child"_qs, u"dog"_qs, u"readings"_qs}));
    QCOMPARE(rows.value(u"animal"_qs), 250);
    QCOMPARE(rows.value(u"dog"_qs), 130);
    QCOMPARE(rows.value(u"base"_qs), 402);
    QCOMPARE(rows.value(u"base_child"_qs), 301);
    QCOMPARE(rows.value(u"readings"_qs), 300);
    for (const QString &table : {u"animal"_qs, u"base"_qs}) {
        auto n = source.exactCount(table, QString());
        QVERIFY2(n, qPrintable(errorText(n)));
        QCOMPARE(*n, qint64(ownRows(m_source, table).size()));
        // A filter naming a child's column is refused: the parent is checked on its own.
        const auto childColumn = source.exactCount(table, u"extra > 0"_qs);
        QVERIFY(!childColumn);
        QCOMPARE(childColumn.error().code, ErrorCode::Usage);
        const auto filtered =
            source.exactCount(table, columnsOf(table).constLast() + u" IS NOT NULL"_qs);
        QVERIFY2(filtered, qPrintable(errorText(filtered)));
        QCOMPARE(*filtered, *n);
    }
}

void TestPgInheritanceOwnRows::readsByKeyAndSamplesGiveOwnRows()
{
    const auto endpoint = Endpoint::parse(m_source);
    QVERIFY(endpoint);
    PostgresSource source(*endpoint);
    QVERIFY(source.open());
    // Embedding reads a table by its parents' keys: 1001 is a dog's id, not an animal's.
    ReadOptions byKey;
    byKey.keyColumn = u"id"_qs;
    byKey.keyValues = {u"7"_qs, u"1001"_qs};
    auto reader = source.openReader(u"animal"_qs, byKey);
    QVERIFY2(reader, qPrintable(errorText(reader)));
    std::vector<BsonDoc> docs;
    QVERIFY(readAll(**reader, &docs));
    QCOMPARE(int(docs.size()), 1);
    QCOMPARE(fieldText(docs[0].get(), u"name"_qs), u"a7"_qs);
    // A filtered read and a whole sample hold the parent's rows only.
    ReadOptions filtered;
    filtered.filter = u"id > 200"_qs;
    reader = source.openReader(u"animal"_qs, filtered);
    QVERIFY2(reader, qPrintable(errorText(reader)));
    docs.clear();
    QVERIFY(readAll(**reader, &docs));
    QCOMPARE(int(docs.size()), 50);
    for (const QString &table : {u"animal"_qs, u"base"_qs}) {
        auto sample = source.sample(table, -1, QString());
        QVERIFY2(sample, qPrintable(errorText(sample)));
        QCOMPARE(qsizetype(sample->size()), ownRows(m_source, table).size());
    }
}

QString TestPgInheritanceOwnRows::project(const QString &target, const QString &name,
                                          const QStringList &tables)
{
    const QString path = m_dir.filePath(name + u".ferry"_qs);
    QStringList args = {u"infer"_qs, u"--source"_qs, m_source, u"--target"_qs,
                        target,      u"-o"_qs,       path};
    for (const QString &t : tables)
        args += QStringList{u"--collection"_qs, t};
    const CliResult r = runFerryCli(args);
    if (r.exitCode != 0) {
        qWarning("%s", qPrintable(r.describe()));
        return {};
    }
    return path;
}

void TestPgInheritanceOwnRows::migrationCopiesOwnRows_data()
{
    QTest::addColumn<QString>("kind");
    QTest::newRow("sqlite") << u"sqlite"_qs;
    QTest::newRow("ndjson") << u"ndjson"_qs;
}

void TestPgInheritanceOwnRows::migrationCopiesOwnRows()
{
    QFETCH(QString, kind);
    const QString name = u"whole_"_qs + kind;
    const QString target = kind == u"ndjson"_qs ? u"ndjson:"_qs + m_dir.filePath(name)
                                                : freshTarget(kind, name, m_dir.path());
    const QString path = project(target, name, Tables);
    QVERIFY(!path.isEmpty());
    const CliResult r = runFerryCli({u"run"_qs, path});
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    for (const QString &table : Tables) {
        const QStringList expected = ownRows(m_source, table);
        QStringList got;
        if (kind == u"ndjson"_qs) {
            QString error;
            got = ndjsonRows(target.mid(7) + u'/' + table + u".json"_qs, table, &error);
            QVERIFY2(error.isEmpty(), qPrintable(error));
        } else {
            got = sqlRows(target, table, table);
        }
        QVERIFY2(
            got.size() == expected.size(),
            qPrintable(
                u"%1: %2 rows, its own are %3"_qs.arg(table).arg(got.size()).arg(expected.size())));
        QCOMPARE(got, expected);
        QCOMPARE(checksum(got), checksum(expected));
    }
    if (kind == u"sqlite"_qs) {
        const CliResult v = runFerryCli({u"validate"_qs, path});
        QVERIFY2(v.exitCode == 0, qPrintable(v.describe()));
    }
}

void TestPgInheritanceOwnRows::fourPartitionsAddUpToOwnRows_data()
{
    QTest::addColumn<QString>("table");
    QTest::newRow("keyed parent") << u"animal"_qs;
    QTest::newRow("keyless parent") << u"base"_qs;
}

void TestPgInheritanceOwnRows::fourPartitionsAddUpToOwnRows()
{
    QFETCH(QString, table);
    const QString name = u"four_"_qs + table;
    const QString target = freshTarget(u"postgresql"_qs, name, m_dir.path());
    const QString path = project(target, name, {table});
    QVERIFY(!path.isEmpty());
    CliResult r = runPartitionsAtOnce(path, 4);
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    r = runFerryCli({u"finish"_qs, path});
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    const QStringList expected = ownRows(m_source, table);
    QCOMPARE(sqlRows(target, table, table), expected);
    SqlReader db(target);
    const auto reads = db.rows(u"SELECT read FROM ferry._ferry_checkpoints WHERE key LIKE "
                               "'%#%/4' AND finished"_qs);
    QCOMPARE(reads.size(), 4);
    qint64 sum = 0;
    for (const QStringList &row : reads) {
        QVERIFY(row.value(0).toLongLong() > 0);
        sum += row.value(0).toLongLong();
    }
    QCOMPARE(sum, qint64(expected.size()));
}

QTEST_GUILESS_MAIN(TestPgInheritanceOwnRows)
#include "tst_pg_inheritance_own_rows.moc"

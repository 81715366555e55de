// Names and declared sizes of a table-to-table copy, through the real ferry-cli into a real
// PostgreSQL and SQLite: a SQLite file whose tables have mixed-case names, two columns that
// share their first 63 bytes (PostgreSQL's limit), an empty and a symbol-only column name,
// a reserved word, NUMERIC(10,2) and NVARCHAR(40) columns, a foreign key between them, and
// declared sizes that the values do not keep to.
#include "support/cli_runner.h"
#include "support/sql_reader.h"
#include "support/test_services.h"

#include <QJsonArray>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

using namespace ferry::test;

namespace {

// 63 bytes: the two long columns differ only in their 64th.
const QString kLongStem =
    QStringLiteral("measurement_taken_by_the_sensor_in_the_north_wing_of_block_four");

QString longName(int n)
{
    return kLongStem + QString::number(n);
}

constexpr int kCustomers = 3;
constexpr int kInvoices = 5;

QString createFixture(const QString &path)
{
    QString error;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), path);
        db.setDatabaseName(path);
        if (!db.open())
            return db.lastError().text();
        QSqlQuery q(db);
        QStringList sql;
        sql << QStringLiteral("CREATE TABLE \"Customer\" (\"CustomerId\" INTEGER PRIMARY KEY, "
                              "\"FirstName\" NVARCHAR(40) NOT NULL, \"Balance\" NUMERIC(10,2), "
                              "\"%1\" TEXT, \"%2\" TEXT, \"\" TEXT, \"$$$\" TEXT, \"order\" TEXT, "
                              "\"a.b\" INTEGER)")
                   .arg(longName(1), longName(2));
        sql << QStringLiteral("CREATE TABLE \"Invoice\" (\"InvoiceId\" INTEGER PRIMARY KEY, "
                              "\"CustomerId\" INTEGER NOT NULL REFERENCES \"Customer\" "
                              "(\"CustomerId\"), \"Total\" DECIMAL(10,2) NOT NULL)");
        sql << QStringLiteral("CREATE TABLE \"Note\" (\"NoteId\" INTEGER PRIMARY KEY, "
                              "\"Body\" VARCHAR(5))");
        // SQLite holds no value to its declared size: these do not fit theirs.
        sql << QStringLiteral("CREATE TABLE \"Wide\" (\"WideId\" INTEGER PRIMARY KEY, "
                              "\"Code\" VARCHAR(3), \"Price\" NUMERIC(5,2))");
        for (int c = 1; c <= kCustomers; ++c)
            sql << QStringLiteral("INSERT INTO \"Customer\" VALUES (%1, 'Name%1 – ñ', %2, "
                                  "'one-%1', 'two-%1', 'empty-%1', 'dollars-%1', 'order-%1', %1)")
                       .arg(c)
                       .arg(QString::number(c * 1000 + 234.5));
        for (int i = 1; i <= kInvoices; ++i)
            sql << QStringLiteral("INSERT INTO \"Invoice\" VALUES (%1, %2, %3.99)")
                       .arg(i)
                       .arg((i - 1) % kCustomers + 1)
                       .arg(i * 10);
        sql << QStringLiteral("INSERT INTO \"Note\" VALUES (1, 'short'), (2, 'tiny')");
        sql << QStringLiteral("INSERT INTO \"Wide\" VALUES (1, 'abc', 1.25), (2, 'abcdef', "
                              "1234.5)");
        for (const QString &s : std::as_const(sql)) {
            if (!q.exec(s)) {
                error = s + QStringLiteral(": ") + q.lastError().text();
                break;
            }
        }
    }
    QSqlDatabase::removeDatabase(path);
    return error;
}

// Per collection of a report: read, and written + skipped + rejected.
struct Counts {
    qint64 read = -1, written = -1, skipped = -1, rejected = -1;
};

QMap<QString, Counts> reportCounts(const QString &reportPath)
{
    QMap<QString, Counts> out;
    const QJsonArray collections =
        readJson(reportPath).value(QStringLiteral("collections")).toArray();
    for (const QJsonValue &v : collections) {
        const QJsonObject c = v.toObject();
        out.insert(c.value(QStringLiteral("name")).toString(),
                   {c.value(QStringLiteral("read")).toInteger(-1),
                    c.value(QStringLiteral("written")).toInteger(-1),
                    c.value(QStringLiteral("skipped_existing")).toInteger(-1),
                    c.value(QStringLiteral("rejected")).toInteger(-1)});
    }
    return out;
}

} // namespace

class TestCliSqlNames : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void foldedIntoPostgres();
    void keptIntoPostgres();
    void foldedIntoSqlite();
    void postgresIntoSqlite();
    void projectRunsAgain();
    void resumeAfterKill();

private:
    // Migrates the fixture with `extra` options and --on-error reject; checks that every
    // row read was written, and that inference said why Wide's columns lost their sizes.
    void migrate(const QString &target, const QStringList &extra);

    QTemporaryDir m_dir;
    QString m_sqlite;
};

void TestCliSqlNames::initTestCase()
{
    QVERIFY2(!cliPath().isEmpty(), "FERRY_CLI is not set: run the tests through ctest");
    QVERIFY(m_dir.isValid());
    m_sqlite = m_dir.filePath(QStringLiteral("names.sqlite"));
    const QString error = createFixture(m_sqlite);
    QVERIFY2(error.isEmpty(), qPrintable(error));
}

void TestCliSqlNames::migrate(const QString &target, const QStringList &extra)
{
    const QString report = m_dir.filePath(QStringLiteral("report.json"));
    QFile::remove(report);
    const CliResult r =
        runFerryCli(QStringList{QStringLiteral("migrate"), QStringLiteral("--source"),
                                QStringLiteral("sqlite:") + m_sqlite, QStringLiteral("--target"),
                                target, QStringLiteral("--on-error"), QStringLiteral("reject"),
                                QStringLiteral("--report"), report} +
                    extra);
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    if (!extra.contains(QLatin1String("text")))
        QVERIFY2(r.stdErr.contains("\"Code\" is declared VARCHAR(3), but the sample holds a "
                                   "value of 6 characters; mapped to text"),
                 qPrintable(r.describe()));
    QVERIFY2(r.stdErr.contains("\"Price\" is declared NUMERIC(5,2), but the sample holds values "
                               "with up to 4 digits before the decimal point and 2 after"),
             qPrintable(r.describe()));
    const QMap<QString, Counts> counts = reportCounts(report);
    const QMap<QString, qint64> rows{{QStringLiteral("Customer"), kCustomers},
                                     {QStringLiteral("Invoice"), kInvoices},
                                     {QStringLiteral("Note"), 2},
                                     {QStringLiteral("Wide"), 2}};
    QCOMPARE(counts.keys(), rows.keys());
    for (auto it = rows.cbegin(); it != rows.cend(); ++it) {
        const Counts c = counts.value(it.key());
        QCOMPARE(c.read, it.value());
        QCOMPARE(c.written, c.read);
        QCOMPARE(c.written + c.skipped + c.rejected, c.read);
    }
}

void TestCliSqlNames::foldedIntoPostgres()
{
    const QString target = freshPostgresDatabase(QStringLiteral("names_fold"));
    QVERIFY2(!target.isEmpty(), "PostgreSQL is not running: run the tests through ctest");
    migrate(target, {});
    if (QTest::currentTestFailed())
        return;

    SqlReader db(target);
    QVERIFY2(db.ok(), qPrintable(db.error()));
    QCOMPARE(db.tables(), (QStringList{QStringLiteral("customer"), QStringLiteral("invoice"),
                                       QStringLiteral("note"), QStringLiteral("wide")}));
    const QStringList columns = db.columns(QStringLiteral("customer"));
    QCOMPARE(columns.size(), 9);
    QCOMPARE(columns.mid(0, 3),
             (QStringList{QStringLiteral("customerid"), QStringLiteral("firstname"),
                          QStringLiteral("balance")}));
    // The two long names: both there, distinct, within 63 bytes, recognisably the source's.
    QVERIFY(columns[3] != columns[4]);
    for (const QString &c : columns.mid(3, 2)) {
        QVERIFY2(c.toUtf8().size() <= 63, qPrintable(c));
        QVERIFY2(c.startsWith(kLongStem.left(50)), qPrintable(c));
    }
    // Empty and symbol-only names get a valid column; a reserved word is suffixed.
    QCOMPARE(columns.mid(5), (QStringList{QStringLiteral("field"), QStringLiteral("field_2"),
                                          QStringLiteral("order_"), QStringLiteral("a_b")}));
    QCOMPARE(db.columns(QStringLiteral("invoice")),
             (QStringList{QStringLiteral("invoiceid"), QStringLiteral("customerid"),
                          QStringLiteral("total")}));

    // Declared sizes kept.
    QCOMPARE(db.scalar(QStringLiteral("SELECT format_type(atttypid, atttypmod) FROM pg_attribute "
                                      "WHERE attrelid = 'customer'::regclass AND attname = "
                                      "'firstname'")),
             QStringLiteral("character varying(40)"));
    QCOMPARE(db.scalar(QStringLiteral("SELECT format_type(atttypid, atttypmod) FROM pg_attribute "
                                      "WHERE attrelid = 'customer'::regclass AND attname = "
                                      "'balance'")),
             QStringLiteral("numeric(10,2)"));
    QCOMPARE(db.scalar(QStringLiteral("SELECT format_type(atttypid, atttypmod) FROM pg_attribute "
                                      "WHERE attrelid = 'invoice'::regclass AND attname = "
                                      "'total'")),
             QStringLiteral("numeric(10,2)"));

    // Values arrived, each under its own column.
    QCOMPARE(
        db.rows(QStringLiteral("SELECT customerid, firstname, balance, \"%1\", \"%2\", field, "
                               "field_2, order_, a_b FROM customer ORDER BY customerid")
                    .arg(columns[3], columns[4]))
            .value(1),
        (QStringList{QStringLiteral("2"), QStringLiteral("Name2 – ñ"), QStringLiteral("2234.50"),
                     QStringLiteral("one-2"), QStringLiteral("two-2"), QStringLiteral("empty-2"),
                     QStringLiteral("dollars-2"), QStringLiteral("order-2"), QStringLiteral("2")}));
    QCOMPARE(db.scalar(QStringLiteral("SELECT sum(total) FROM invoice")), QStringLiteral("154.95"));
    QCOMPARE(db.scalar(QStringLiteral("SELECT format_type(atttypid, atttypmod) FROM pg_attribute "
                                      "WHERE attrelid = 'note'::regclass AND attname = 'body'")),
             QStringLiteral("character varying(5)"));
    // Sizes the values do not fit are widened, and the values kept whole.
    QCOMPARE(db.rows(QStringLiteral("SELECT format_type(atttypid, atttypmod) FROM pg_attribute "
                                    "WHERE attrelid = 'wide'::regclass AND attnum > 1 ORDER BY "
                                    "attnum")),
             (QList<QStringList>{{QStringLiteral("text")}, {QStringLiteral("numeric")}}));
    QCOMPARE(db.scalar(QStringLiteral("SELECT code || '/' || price FROM wide WHERE wideid = 2")),
             QStringLiteral("abcdef/1234.5"));

    // The foreign key joins the folded names, and holds.
    QCOMPARE(db.scalar(QStringLiteral("SELECT pg_get_constraintdef(oid) FROM pg_constraint WHERE "
                                      "conrelid = 'invoice'::regclass AND contype = 'f' AND "
                                      "convalidated")),
             QStringLiteral("FOREIGN KEY (customerid) REFERENCES customer(customerid)"));
}

void TestCliSqlNames::keptIntoPostgres()
{
    const QString target = freshPostgresDatabase(QStringLiteral("names_keep"));
    QVERIFY2(!target.isEmpty(), "PostgreSQL is not running: run the tests through ctest");
    migrate(target, {QStringLiteral("--names"), QStringLiteral("keep"),
                     QStringLiteral("--character-types"), QStringLiteral("text")});
    if (QTest::currentTestFailed())
        return;

    SqlReader db(target);
    QVERIFY2(db.ok(), qPrintable(db.error()));
    QCOMPARE(db.tables(), (QStringList{QStringLiteral("Customer"), QStringLiteral("Invoice"),
                                       QStringLiteral("Note"), QStringLiteral("Wide")}));
    const QStringList columns = db.columns(QStringLiteral("Customer"));
    QCOMPARE(columns.size(), 9);
    QCOMPARE(columns.mid(0, 3),
             (QStringList{QStringLiteral("CustomerId"), QStringLiteral("FirstName"),
                          QStringLiteral("Balance")}));
    QVERIFY(columns[3] != columns[4]);
    for (const QString &c : columns.mid(3, 2))
        QVERIFY2(c.toUtf8().size() <= 63 && c.startsWith(kLongStem.left(50)), qPrintable(c));
    QCOMPARE(columns.mid(5), (QStringList{QStringLiteral("field"), QStringLiteral("$$$"),
                                          QStringLiteral("order"), QStringLiteral("a.b")}));
    QCOMPARE(db.scalar(QStringLiteral("SELECT format_type(atttypid, atttypmod) FROM pg_attribute "
                                      "WHERE attrelid = '\"Customer\"'::regclass AND attname = "
                                      "'FirstName'")),
             QStringLiteral("text"));
    QCOMPARE(db.scalar(QStringLiteral("SELECT \"$$$\" || '/' || \"a.b\" FROM \"Customer\" WHERE "
                                      "\"CustomerId\" = 3")),
             QStringLiteral("dollars-3/3"));
    QCOMPARE(
        db.scalar(QStringLiteral("SELECT pg_get_constraintdef(oid) FROM pg_constraint WHERE "
                                 "conrelid = '\"Invoice\"'::regclass AND contype = 'f'")),
        QStringLiteral("FOREIGN KEY (\"CustomerId\") REFERENCES \"Customer\"(\"CustomerId\")"));
}

void TestCliSqlNames::foldedIntoSqlite()
{
    const QString target =
        QStringLiteral("sqlite:") + m_dir.filePath(QStringLiteral("folded.sqlite"));
    migrate(target, {});
    if (QTest::currentTestFailed())
        return;

    SqlReader db(target);
    QVERIFY2(db.ok(), qPrintable(db.error()));
    QCOMPARE(db.tables(), (QStringList{QStringLiteral("customer"), QStringLiteral("invoice"),
                                       QStringLiteral("note"), QStringLiteral("wide")}));
    const QStringList columns = db.columns(QStringLiteral("customer"));
    QCOMPARE(columns.size(), 9);
    QCOMPARE(columns.mid(0, 3),
             (QStringList{QStringLiteral("customerid"), QStringLiteral("firstname"),
                          QStringLiteral("balance")}));
    // SQLite has no length limit: the long names stay whole.
    QCOMPARE(columns.mid(3, 2), (QStringList{longName(1), longName(2)}));
    QCOMPARE(columns.mid(5), (QStringList{QStringLiteral("field"), QStringLiteral("field_2"),
                                          QStringLiteral("order_"), QStringLiteral("a_b")}));
    const auto typeOf = [&db](const char *table, const char *column) {
        return db.scalar(
            QStringLiteral("SELECT type FROM pragma_table_info('%1') WHERE name = '%2'")
                .arg(QLatin1String(table), QLatin1String(column)));
    };
    QCOMPARE(typeOf("customer", "firstname"), QStringLiteral("VARCHAR(40)"));
    // Exact digits as TEXT, as for every numeric on SQLite.
    QCOMPARE(typeOf("customer", "balance"), QStringLiteral("TEXT"));
    QCOMPARE(db.scalar(QStringLiteral("SELECT firstname || '/' || balance || '/' || field_2 FROM "
                                      "customer WHERE customerid = 1")),
             QStringLiteral("Name1 – ñ/1234.5/dollars-1"));
    QCOMPARE(db.scalar(QStringLiteral("SELECT count(*) FROM invoice JOIN customer USING "
                                      "(customerid)")),
             QString::number(kInvoices));
}

void TestCliSqlNames::postgresIntoSqlite()
{
    // PostgreSQL keeps "Name" and "name" apart; folded, they would be one column.
    const QString source = freshPostgresDatabase(QStringLiteral("names_pgsrc"));
    QVERIFY2(!source.isEmpty(), "PostgreSQL is not running: run the tests through ctest");
    {
        SqlReader pg(source);
        QVERIFY2(pg.ok(), qPrintable(pg.error()));
        pg.rows(QStringLiteral("CREATE TABLE \"Person\" (\"PersonId\" integer PRIMARY KEY, "
                               "\"Name\" varchar(40) NOT NULL, name text, \"Total\" "
                               "numeric(10,2), \"Code\" character(4))"));
        pg.rows(QStringLiteral("INSERT INTO \"Person\" VALUES (1, 'Ada', 'ada', 12.50, 'ab'), "
                               "(2, 'Brünhild', 'b', -99999999.99, 'abcd')"));
        QVERIFY2(pg.error().isEmpty(), qPrintable(pg.error()));
    }
    const QString target =
        QStringLiteral("sqlite:") + m_dir.filePath(QStringLiteral("from_pg.sqlite"));
    const QString report = m_dir.filePath(QStringLiteral("pg.json"));
    const CliResult r =
        runFerryCli({QStringLiteral("migrate"), QStringLiteral("--source"), source,
                     QStringLiteral("--target"), target, QStringLiteral("--report"), report});
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    const Counts c = reportCounts(report).value(QStringLiteral("Person"));
    QCOMPARE(c.read, 2);
    QCOMPARE(c.written + c.skipped + c.rejected, c.read);
    QCOMPARE(c.written, 2);

    SqlReader db(target);
    QVERIFY2(db.ok(), qPrintable(db.error()));
    QCOMPARE(db.tables(), QStringList{QStringLiteral("person")});
    QCOMPARE(
        db.columns(QStringLiteral("person")),
        (QStringList{QStringLiteral("personid"), QStringLiteral("name"), QStringLiteral("name_2"),
                     QStringLiteral("total"), QStringLiteral("code")}));
    QCOMPARE(db.rows(QStringLiteral("SELECT type FROM pragma_table_info('person')")),
             (QList<QStringList>{{QStringLiteral("INTEGER")},
                                 {QStringLiteral("VARCHAR(40)")},
                                 {QStringLiteral("TEXT")},
                                 {QStringLiteral("TEXT")},
                                 {QStringLiteral("VARCHAR(4)")}}));
    QCOMPARE(db.rows(QStringLiteral("SELECT name, name_2, total, code FROM person ORDER BY "
                                    "personid")),
             (QList<QStringList>{{QStringLiteral("Ada"), QStringLiteral("ada"),
                                  QStringLiteral("12.50"), QStringLiteral("ab  ")},
                                 {QStringLiteral("Brünhild"), QStringLiteral("b"),
                                  QStringLiteral("-99999999.99"), QStringLiteral("abcd")}}));
}

void TestCliSqlNames::projectRunsAgain()
{
    // An inferred project with folded names runs, is run again (every row found by its
    // folded key and skipped), and validates. A row added after inference that does not fit
    // its declared size is rejected with the reason, and counted, on both runs.
    const QString target = freshPostgresDatabase(QStringLiteral("names_again"));
    QVERIFY2(!target.isEmpty(), "PostgreSQL is not running: run the tests through ctest");
    const QString copy = m_dir.filePath(QStringLiteral("again.sqlite"));
    QVERIFY(QFile::copy(m_sqlite, copy));
    const QString project = m_dir.filePath(QStringLiteral("names.ferry"));
    const QString sqliteUri = QStringLiteral("sqlite:") + copy;
    CliResult r = runFerryCli({QStringLiteral("infer"), QStringLiteral("--source"), sqliteUri,
                               QStringLiteral("--target"), target, QStringLiteral("--collection"),
                               QStringLiteral("Customer"), QStringLiteral("--collection"),
                               QStringLiteral("Invoice"), QStringLiteral("--collection"),
                               QStringLiteral("Note"), QStringLiteral("-o"), project});
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    const QJsonObject options = readJson(project).value(QStringLiteral("options")).toObject();
    QCOMPARE(options.value(QStringLiteral("names")).toString(), QStringLiteral("fold"));
    QCOMPARE(options.value(QStringLiteral("character_types")).toString(),
             QStringLiteral("varchar"));
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), copy);
        db.setDatabaseName(copy);
        QVERIFY(db.open());
        QSqlQuery q(db);
        QVERIFY2(q.exec(QStringLiteral("INSERT INTO \"Note\" VALUES (3, 'longer')")),
                 qPrintable(q.lastError().text()));
    }
    QSqlDatabase::removeDatabase(copy);

    const QString report = m_dir.filePath(QStringLiteral("again.json"));
    for (int pass = 1; pass <= 2; ++pass) {
        r = runFerryCli({QStringLiteral("run"), project, QStringLiteral("--on-error"),
                         QStringLiteral("reject"), QStringLiteral("--report"), report});
        QVERIFY2(r.exitCode == 1, qPrintable(r.describe())); // done, with a reject
        const QMap<QString, Counts> counts = reportCounts(report);
        const QMap<QString, qint64> rows{{QStringLiteral("Customer"), kCustomers},
                                         {QStringLiteral("Invoice"), kInvoices},
                                         {QStringLiteral("Note"), 3}};
        for (auto it = rows.cbegin(); it != rows.cend(); ++it) {
            const Counts c = counts.value(it.key());
            QCOMPARE(c.read, it.value());
            QCOMPARE(c.written + c.skipped + c.rejected, c.read);
            QCOMPARE(c.rejected, it.key() == QLatin1String("Note") ? 1 : 0);
            QCOMPARE(c.skipped, pass == 1 ? 0 : c.read - c.rejected);
        }
        QFile rejects(readJson(report).value(QStringLiteral("reject_file")).toString());
        QVERIFY2(rejects.open(QIODevice::ReadOnly), qPrintable(rejects.fileName()));
        const QByteArray lines = rejects.readAll();
        QCOMPARE(lines.count('\n'), 1);
        QVERIFY2(lines.contains("longer") && lines.contains("varchar(5)"), lines.constData());
    }
    r = runFerryCli({QStringLiteral("validate"), project, QStringLiteral("--collection"),
                     QStringLiteral("Customer"), QStringLiteral("--collection"),
                     QStringLiteral("Invoice")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));

    SqlReader db(target);
    QVERIFY2(db.ok(), qPrintable(db.error()));
    QCOMPARE(db.scalar(QStringLiteral("SELECT count(*) FROM invoice")), QString::number(kInvoices));
    QCOMPARE(db.scalar(QStringLiteral("SELECT string_agg(body, ',' ORDER BY noteid) FROM note")),
             QStringLiteral("short,tiny"));
}

void TestCliSqlNames::resumeAfterKill()
{
    // Killed right after Invoice's first batch committed, then resumed: the saved position
    // (the source's key) and the folded target columns meet again, with no row twice.
    const QString target = freshPostgresDatabase(QStringLiteral("names_resume"));
    QVERIFY2(!target.isEmpty(), "PostgreSQL is not running: run the tests through ctest");
    const QString project = m_dir.filePath(QStringLiteral("resume.ferry"));
    CliResult r = runFerryCli({QStringLiteral("infer"), QStringLiteral("--source"),
                               QStringLiteral("sqlite:") + m_sqlite, QStringLiteral("--target"),
                               target, QStringLiteral("--collection"), QStringLiteral("Customer"),
                               QStringLiteral("--collection"), QStringLiteral("Invoice"),
                               QStringLiteral("-o"), project});
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    // One writer, so batches commit in order: Customer commits two (3 rows), Invoice's first
    // is the third.
    const QStringList run{QStringLiteral("run"),          project,
                          QStringLiteral("--batch-size"), QStringLiteral("2"),
                          QStringLiteral("--jobs"),       QStringLiteral("1"),
                          QStringLiteral("--resume")};
    r = runFerryCli(run, 300000, {QStringLiteral("FERRY_TEST_CRASH_AT=batch-committed:3")});
    QVERIFY2(r.exitCode != 0, qPrintable(r.describe()));
    {
        SqlReader db(target);
        QVERIFY2(db.ok(), qPrintable(db.error()));
        QCOMPARE(db.scalar(QStringLiteral("SELECT count(*) FROM invoice")), QStringLiteral("2"));
    }
    const QString report = m_dir.filePath(QStringLiteral("resume.json"));
    r = runFerryCli(run + QStringList{QStringLiteral("--report"), report});
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    const Counts c = reportCounts(report).value(QStringLiteral("Invoice"));
    QCOMPARE(c.written + c.skipped + c.rejected, c.read);

    SqlReader db(target);
    QVERIFY2(db.ok(), qPrintable(db.error()));
    QCOMPARE(db.scalar(QStringLiteral("SELECT count(*) || '/' || count(DISTINCT invoiceid) || '/' "
                                      "|| sum(total) FROM invoice")),
             QStringLiteral("%1/%1/154.95").arg(kInvoices));
    QCOMPARE(db.scalar(QStringLiteral("SELECT count(*) FROM customer")),
             QString::number(kCustomers));
    r = runFerryCli({QStringLiteral("validate"), project});
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
}

QTEST_GUILESS_MAIN(TestCliSqlNames)
#include "tst_cli_sql_names.moc"

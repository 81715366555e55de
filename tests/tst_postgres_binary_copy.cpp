// The PostgreSQL sink's binary COPY against the text COPY it replaces: every value it sends
// in binary must be stored exactly as text COPY of the same cell stores it, and whatever
// binary cannot carry exactly goes as text, refused (or accepted) in the very same words.

#include "stores/postgres/copy_encoder.h"
#include "stores/postgres/postgres_sink.h"
#include "support/sink_fixtures.h"
#include "support/test_services.h"

#include <QTest>

#include <pqxx/pqxx>
#include <pqxx/tablewriter>

#include <cmath>
#include <cstring>
#include <functional>
#include <limits>

using namespace ferry;
using namespace ferry::test;
using namespace Qt::StringLiterals;

using CellWriter = std::function<void(TableRows &)>;
Q_DECLARE_METATYPE(CellWriter)
Q_DECLARE_METATYPE(ferry::ColumnType)

namespace {

CellWriter text(const std::string &s)
{
    return [s](TableRows &r) { r.addText(s); };
}
CellWriter integer(int64_t v)
{
    return [v](TableRows &r) { r.addInt(v); };
}
CellWriter dbl(double v)
{
    return [v](TableRows &r) { r.addDouble(v); };
}
CellWriter ts(int64_t ms)
{
    return [ms](TableRows &r) { r.addTimestamp(ms); };
}
CellWriter bytes(CellKind kind, const std::string &s)
{
    return [kind, s](TableRows &r) { r.addBytes(kind, s.data(), s.size()); };
}
CellWriter boolean(bool v)
{
    return [v](TableRows &r) { r.addBool(v); };
}

// One table "name" (id bigint primary key, v <type>); `declared` overrides the column's SQL
// type by creating the table beforehand (an existing table the run writes into).
CollectionMapping oneColumn(const QString &name, ColumnType type, bool pgArray = false)
{
    CollectionMapping m;
    m.collection = name;
    m.root.table = name;
    m.root.columns = {column(u"id"_s, ColumnType::BigInt, ColumnRole::Value, true),
                      column(u"v"_s, type)};
    m.root.columns[1].pgArray = pgArray;
    return m;
}

RowBatch oneRow(const CellWriter &cell, int64_t id = 1)
{
    RowBatch b;
    b.tables.emplace_back(2);
    b.tables[0].beginRow(0);
    b.tables[0].addInt(id);
    cell(b.tables[0]);
    return b;
}

} // namespace

class PostgresBinaryCopyTest : public QObject {
    Q_OBJECT

private:
    QString m_uri;
    int m_tables = 0;

    std::unique_ptr<PostgresSink> openSink()
    {
        auto sink = std::make_unique<PostgresSink>(Endpoint::parse(m_uri).value());
        const Status st = sink->open();
        if (!st)
            qWarning("%s", why(st));
        return st ? std::move(sink) : nullptr;
    }
    void exec(const std::string &statement)
    {
        pqxx::connection c(m_uri.toStdString());
        pqxx::nontransaction tx(c);
        tx.exec(statement);
    }
    std::string query1(const std::string &statement)
    {
        pqxx::connection c(m_uri.toStdString());
        pqxx::nontransaction tx(c);
        tx.exec("SET TimeZone = 'UTC'");
        const pqxx::result r = tx.exec(statement);
        return r.empty() || r[0][0].is_null() ? std::string("<null>") : r[0][0].c_str();
    }
    // What text COPY of the batch's first row does to `table`: "" when it is accepted,
    // the server's message when it is refused. This is the sink's text path, line for line.
    std::string textCopy(const QString &table, const TableMapping &mapping, const RowBatch &b)
    {
        pqxx::connection c(m_uri.toStdString());
        pqxx::work tx(c);
        std::string line;
        CopyEncoder(mapping).appendRow(line, b.tables[0], 0);
        const std::vector<std::string> columns = {"\"id\"", "\"v\""};
        try {
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
            pqxx::tablewriter writer(tx, "\"" + table.toStdString() + "\"", columns.begin(),
                                     columns.end());
#pragma GCC diagnostic pop
            writer.write_raw_line(line);
            writer.complete();
            tx.commit();
            return {};
        } catch (const std::exception &e) {
            return QString::fromUtf8(e.what()).trimmed().toStdString();
        }
    }

    // `refusal` (text COPY into the twin table) is part of the sink's message about `table`.
    static bool sameWords(const QString &message, const std::string &refusal, const QString &table)
    {
        QString theirs = QString::fromStdString(refusal);
        theirs.replace(table + u"_text"_s, table);
        return !refusal.empty() && message.contains(theirs);
    }

private slots:
    void initTestCase()
    {
        m_uri = ferry::test::freshPostgresDatabase(u"bincopy"_s);
        if (m_uri.isEmpty())
            QFAIL("No PostgreSQL test server: run this test through ctest (the services_start "
                  "fixture starts one) or set FERRY_SERVICES_DIR.");
        // The sink's sessions run in a zone off UTC: what they store must not depend on it.
        exec("DO $$ BEGIN EXECUTE format('ALTER DATABASE %I SET TimeZone = %L', "
             "current_database(), 'Asia/Kolkata'); END $$");
    }

    // Each value goes through the sink (binary) and through text COPY into a twin table;
    // the two tables must hold the same value, bit for bit.
    void sameAsText_data()
    {
        QTest::addColumn<ColumnType>("type");
        QTest::addColumn<QString>("declared"); // "" = the table Ferry creates
        QTest::addColumn<CellWriter>("cell");
        QTest::addColumn<QString>("expected"); // v::text
        const double nan = std::numeric_limits<double>::quiet_NaN();
        const double inf = std::numeric_limits<double>::infinity();
        double negativeNan = -nan;
        uint64_t bits = 0;
        std::memcpy(&bits, &negativeNan, sizeof bits);
        bits |= 0x5a5a; // a payload too, as a source's NaN may carry
        std::memcpy(&negativeNan, &bits, sizeof bits);
        std::string all256;
        for (int i = 0; i < 256; ++i)
            all256 += char(i);
        const std::string uuid("\x12\x34\x56\x78\x9a\xbc\xde\xf0\x01\x23\x45\x67\x89\xab\xcd\xef",
                               16);

        QTest::newRow("bigint min")
            << ColumnType::BigInt << QString() << integer(std::numeric_limits<int64_t>::min())
            << u"-9223372036854775808"_s;
        QTest::newRow("bigint max")
            << ColumnType::BigInt << QString() << integer(std::numeric_limits<int64_t>::max())
            << u"9223372036854775807"_s;
        QTest::newRow("bigint -1") << ColumnType::BigInt << QString() << integer(-1) << u"-1"_s;
        QTest::newRow("integer min")
            << ColumnType::Integer << QString() << integer(-2147483648LL) << u"-2147483648"_s;
        QTest::newRow("integer max")
            << ColumnType::Integer << QString() << integer(2147483647) << u"2147483647"_s;
        QTest::newRow("integer into bigint")
            << ColumnType::Integer << u"bigint"_s << integer(-5) << u"-5"_s;
        QTest::newRow("double 0.1+0.2")
            << ColumnType::Double << QString() << dbl(0.1 + 0.2) << u"0.30000000000000004"_s;
        QTest::newRow("double +0") << ColumnType::Double << QString() << dbl(0.0) << u"0"_s;
        QTest::newRow("double -0") << ColumnType::Double << QString() << dbl(-0.0) << u"-0"_s;
        QTest::newRow("double NaN") << ColumnType::Double << QString() << dbl(nan) << u"NaN"_s;
        QTest::newRow("double -NaN payload")
            << ColumnType::Double << QString() << dbl(negativeNan) << u"NaN"_s;
        QTest::newRow("double Infinity")
            << ColumnType::Double << QString() << dbl(inf) << u"Infinity"_s;
        QTest::newRow("double -Infinity")
            << ColumnType::Double << QString() << dbl(-inf) << u"-Infinity"_s;
        QTest::newRow("double subnormal")
            << ColumnType::Double << QString() << dbl(5e-324) << u"5e-324"_s;
        QTest::newRow("double max")
            << ColumnType::Double << QString() << dbl(std::numeric_limits<double>::max())
            << u"1.7976931348623157e+308"_s;
        // An integer cell in a double column rounds as float8 input rounds its digits.
        QTest::newRow("int 2^53+1 into double")
            << ColumnType::Double << QString() << integer(9007199254740993LL)
            << u"9.007199254740992e+15"_s;
        QTest::newRow("bool true")
            << ColumnType::Boolean << QString() << boolean(true) << u"true"_s;
        QTest::newRow("bool false")
            << ColumnType::Boolean << QString() << boolean(false) << u"false"_s;
        QTest::newRow("timestamp epoch")
            << ColumnType::Timestamp << QString() << ts(0) << u"1970-01-01 00:00:00+00"_s;
        QTest::newRow("timestamp 1969")
            << ColumnType::Timestamp << QString() << ts(-1) << u"1969-12-31 23:59:59.999+00"_s;
        QTest::newRow("timestamp 1900") << ColumnType::Timestamp << QString() << ts(-2208988800001)
                                        << u"1899-12-31 23:59:59.999+00"_s;
        QTest::newRow("timestamp year 1") << ColumnType::Timestamp << QString()
                                          << ts(-62135596800000) << u"0001-01-01 00:00:00+00"_s;
        QTest::newRow("timestamp year 9999")
            << ColumnType::Timestamp << QString() << ts(253402300799999)
            << u"9999-12-31 23:59:59.999+00"_s;
        QTest::newRow("timestamp leap day") << ColumnType::Timestamp << QString()
                                            << ts(951782400123) << u"2000-02-29 00:00:00.123+00"_s;
        QTest::newRow("timestamp without time zone")
            << ColumnType::Timestamp << u"timestamp"_s << ts(-1) << u"1969-12-31 23:59:59.999"_s;
        // Past year 9999 text input still takes the date: binary hands it over to text.
        QTest::newRow("timestamp far future")
            << ColumnType::Timestamp << QString() << ts(400000000000000)
            << u"14645-06-30 15:06:40+00"_s;
        QTest::newRow("uuid") << ColumnType::Uuid << QString() << bytes(CellKind::Uuid, uuid)
                              << u"12345678-9abc-def0-0123-456789abcdef"_s;
        QTest::newRow("uuid into text")
            << ColumnType::Uuid << u"text"_s << bytes(CellKind::Uuid, uuid)
            << u"12345678-9abc-def0-0123-456789abcdef"_s;
        QTest::newRow("bytea zero bytes")
            << ColumnType::Binary << QString() << bytes(CellKind::Blob, std::string("\0a\0", 3))
            << u"\\x006100"_s;
        QTest::newRow("bytea empty")
            << ColumnType::Binary << QString() << bytes(CellKind::Blob, {}) << u"\\x"_s;
        QTest::newRow("bytea 256")
            << ColumnType::Binary << QString() << bytes(CellKind::Blob, all256)
            << QString::fromLatin1("\\x" + QByteArray(all256.data(), 256).toHex());
        QTest::newRow("text empty") << ColumnType::Text << QString() << text("") << QString();
        QTest::newRow("text specials")
            << ColumnType::Text << QString() << text("tab\tnl\nback\\slash \\N cr\r")
            << u"tab\tnl\nback\\slash \\N cr\r"_s;
        QTest::newRow("text unicode")
            << ColumnType::Text << QString() << text("\xc3\xbc \xe2\x82\xac \xf0\x9f\x98\x80")
            << u"ü € 😀"_s;
        QTest::newRow("text into varchar(5)")
            << ColumnType::Text << u"varchar(5)"_s << text("\xc3\xbc\xc3\xbc\xc3\xbc\xc3\xbc")
            << u"üüüü"_s;
        const std::string json = "{\"a\": [1, \"x\\ty\\\\z\"], \"b\": null, \"c\": \"\xc3\xbc\"}";
        QTest::newRow("jsonb") << ColumnType::Json << QString() << bytes(CellKind::Json, json)
                               << u"{\"a\": [1, \"x\\ty\\\\z\"], \"b\": null, \"c\": \"ü\"}"_s;
        QTest::newRow("jsonb scalar string")
            << ColumnType::Json << QString() << bytes(CellKind::Json, "\"\"") << u"\"\""_s;
        QTest::newRow("json keeps spacing")
            << ColumnType::Json << u"json"_s << bytes(CellKind::Json, "{ \"a\" :1 }")
            << u"{ \"a\" :1 }"_s;
        QTest::newRow("json into text")
            << ColumnType::Json << u"text"_s << bytes(CellKind::Json, "[1,2]") << u"[1,2]"_s;
        QTest::newRow("null") << ColumnType::Timestamp << QString()
                              << CellWriter([](TableRows &r) { r.addNull(); }) << u"<null>"_s;
    }
    void sameAsText()
    {
        QFETCH(ColumnType, type);
        QFETCH(QString, declared);
        QFETCH(CellWriter, cell);
        QFETCH(QString, expected);
        const QString table = u"same_%1"_s.arg(++m_tables);
        const std::string t = table.toStdString();
        if (!declared.isEmpty())
            exec("CREATE TABLE \"" + t + "\" (id bigint PRIMARY KEY, v " + declared.toStdString() +
                 ")");
        const CollectionMapping m = oneColumn(table, type);
        auto sink = openSink();
        QVERIFY(sink);
        QVERIFY(sink->prepare(m, ProjectOptions(), false).ok());
        const RowBatch batch = oneRow(cell);
        const auto w = sink->write(m, ProjectOptions(), batch, checkpointAt("p", 1));
        QVERIFY2(w.ok(), why(w));
        QCOMPARE(w->written, 1);
        // Past year 9999 and subnormal doubles are left to text input.
        const QByteArray tag = QTest::currentDataTag();
        QCOMPARE(sink->copiesInBinary(table),
                 tag != "timestamp far future" && tag != "double subnormal");

        exec("CREATE TABLE \"" + t + "_text\" (LIKE \"" + t + "\")");
        QCOMPARE(textCopy(table + u"_text"_s, m.root, batch), std::string());
        QCOMPARE(QString::fromStdString(query1("SELECT v::text FROM \"" + t + "\"")), expected);
        // Same text, and for floats the same bits (every NaN spelled NaN is not enough).
        const std::string bitsOf = type == ColumnType::Double ? "float8send(v)::text" : "v::text";
        QCOMPARE(query1("SELECT (SELECT " + bitsOf + " FROM \"" + t + "\") IS NOT DISTINCT FROM " +
                        "(SELECT " + bitsOf + " FROM \"" + t + "_text\")"),
                 std::string("t"));
    }

    // Numeric (no binary encoding here) and arrays keep their table on text COPY.
    void unsupportedTypesGoText_data()
    {
        QTest::addColumn<ColumnType>("type");
        QTest::addColumn<bool>("pgArray");
        QTest::addColumn<CellWriter>("cell");
        QTest::addColumn<QString>("expected");
        QTest::newRow("numeric") << ColumnType::Numeric << false
                                 << bytes(CellKind::Numeric, "-12345678901234567890.000000000001")
                                 << u"-12345678901234567890.000000000001"_s;
        QTest::newRow("integer[]") << ColumnType::Integer << true
                                   << bytes(CellKind::Json, "[1, null, -3]") << u"{1,NULL,-3}"_s;
        QTest::newRow("text[]") << ColumnType::Text << true
                                << bytes(CellKind::Json, "[\"a b\", \"q\\\"\"]")
                                << u"{\"a b\",\"q\\\"\"}"_s;
    }
    void unsupportedTypesGoText()
    {
        QFETCH(ColumnType, type);
        QFETCH(bool, pgArray);
        QFETCH(CellWriter, cell);
        QFETCH(QString, expected);
        const QString table = u"unsup_%1"_s.arg(++m_tables);
        const CollectionMapping m = oneColumn(table, type, pgArray);
        auto sink = openSink();
        QVERIFY(sink);
        QVERIFY(sink->prepare(m, ProjectOptions(), false).ok());
        const auto w = sink->write(m, ProjectOptions(), oneRow(cell), checkpointAt("p", 1));
        QVERIFY2(w.ok(), why(w));
        QVERIFY(!sink->copiesInBinary(table));
        QCOMPARE(
            QString::fromStdString(query1("SELECT v::text FROM \"" + table.toStdString() + "\"")),
            expected);
    }

    // A cell whose kind does not match its column's type (as from a source whose values
    // disagree with an existing table): the server parses its text, converting or refusing
    // exactly as text COPY does, in the same words; the table then stays on text.
    void mismatchedCellsAsText_data()
    {
        QTest::addColumn<ColumnType>("type");
        QTest::addColumn<QString>("declared");
        QTest::addColumn<CellWriter>("cell");
        QTest::addColumn<QString>("expected"); // v::text, or "" when refused
        QTest::newRow("digits into bigint")
            << ColumnType::BigInt << QString() << text(" 42 ") << u"42"_s;
        QTest::newRow("word into bigint")
            << ColumnType::BigInt << QString() << text("forty") << QString();
        QTest::newRow("bigint cell into integer")
            << ColumnType::Integer << QString() << integer(3000000000LL) << QString();
        QTest::newRow("double into bigint")
            << ColumnType::BigInt << QString() << dbl(3.0) << u"3"_s;
        QTest::newRow("NaN into bigint")
            << ColumnType::BigInt << QString() << dbl(NAN) << QString();
        QTest::newRow("text into timestamptz")
            << ColumnType::Timestamp << QString() << text("2020-02-30") << QString();
        QTest::newRow("text date into timestamptz")
            << ColumnType::Timestamp << QString() << text("2020-02-03 04:05:06+02")
            << u"2020-02-03 02:05:06+00"_s;
        QTest::newRow("text into uuid")
            << ColumnType::Uuid << QString() << text("{12345678-9abc-def0-0123-456789abcdef}")
            << u"12345678-9abc-def0-0123-456789abcdef"_s;
        QTest::newRow("text into bytea")
            << ColumnType::Binary << QString() << text("\\x41") << u"\\x41"_s;
        QTest::newRow("bool into integer")
            << ColumnType::Integer << QString() << boolean(true) << u"1"_s;
    }
    void mismatchedCellsAsText()
    {
        QFETCH(ColumnType, type);
        QFETCH(QString, declared);
        QFETCH(CellWriter, cell);
        QFETCH(QString, expected);
        const QString table = u"mis_%1"_s.arg(++m_tables);
        const std::string t = table.toStdString();
        const CollectionMapping m = oneColumn(table, type);
        auto sink = openSink();
        QVERIFY(sink);
        QVERIFY(sink->prepare(m, ProjectOptions(), false).ok());
        exec("CREATE TABLE \"" + t + "_text\" (LIKE \"" + t + "\")");
        const RowBatch batch = oneRow(cell);
        const std::string refusal = textCopy(table + u"_text"_s, m.root, batch);
        const auto w = sink->write(m, ProjectOptions(), batch, checkpointAt("p", 1));
        if (expected.isEmpty()) {
            QVERIFY2(!refusal.empty(), "text COPY was expected to refuse the value");
            QVERIFY(!w.ok());
            QCOMPARE(w.error().code, ErrorCode::Target);
            QVERIFY2(sameWords(w.error().message, refusal, table),
                     qPrintable(w.error().message + u"\n--- text COPY said ---\n"_s +
                                QString::fromStdString(refusal)));
            QCOMPARE(query1("SELECT count(*) FROM \"" + t + "\""), std::string("0"));
            return;
        }
        QVERIFY2(w.ok(), why(w));
        QCOMPARE(refusal, std::string());
        QCOMPARE(QString::fromStdString(query1("SELECT v::text FROM \"" + t + "\"")), expected);
        QCOMPARE(
            query1("SELECT (SELECT v FROM \"" + t + "\") = (SELECT v FROM \"" + t + "_text\")"),
            std::string("t"));
        QVERIFY(!sink->copiesInBinary(table));
    }

    // Values binary COPY encodes but the server refuses: the sink's refusal carries text
    // COPY's words (its context quotes the value), and the next good batch is binary again.
    void refusalsWordedAsText_data()
    {
        QTest::addColumn<ColumnType>("type");
        QTest::addColumn<QString>("declared");
        QTest::addColumn<CellWriter>("cell");
        QTest::newRow("too long for varchar")
            << ColumnType::Text << u"varchar(4)"_s << text("abcde");
        QTest::newRow("NUL in text")
            << ColumnType::Text << QString() << text(std::string("a\0b", 3));
        QTest::newRow("invalid UTF-8") << ColumnType::Text << QString() << text("a\xff");
        QTest::newRow("NUL escape in jsonb")
            << ColumnType::Json << QString() << bytes(CellKind::Json, "\"\\u0000\"");
        QTest::newRow("not JSON") << ColumnType::Json << QString()
                                  << bytes(CellKind::Json, "{\"a\": ");
        QTest::newRow("null in NOT NULL") << ColumnType::Text << u"text NOT NULL"_s
                                          << CellWriter([](TableRows &r) { r.addNull(); });
    }
    void refusalsWordedAsText()
    {
        QFETCH(ColumnType, type);
        QFETCH(QString, declared);
        QFETCH(CellWriter, cell);
        const QString table = u"ref_%1"_s.arg(++m_tables);
        const std::string t = table.toStdString();
        if (!declared.isEmpty())
            exec("CREATE TABLE \"" + t + "\" (id bigint PRIMARY KEY, v " + declared.toStdString() +
                 ")");
        CollectionMapping m = oneColumn(table, type);
        m.root.columns[1].nullable = declared.isEmpty() || !declared.contains(u"NOT NULL"_s);
        auto sink = openSink();
        QVERIFY(sink);
        const auto prep = sink->prepare(m, ProjectOptions(), false);
        QVERIFY2(prep.ok(), why(prep));
        exec("CREATE TABLE \"" + t + "_text\" (LIKE \"" + t + "\" INCLUDING ALL)");
        const RowBatch batch = oneRow(cell);
        const std::string refusal = textCopy(table + u"_text"_s, m.root, batch);
        QVERIFY2(!refusal.empty(), "text COPY was expected to refuse the value");
        const auto w = sink->write(m, ProjectOptions(), batch, checkpointAt("p", 1));
        QVERIFY(!w.ok());
        QCOMPARE(w.error().code, ErrorCode::Target);
        // The same error, detail and context (which quotes the value in text COPY only).
        QVERIFY2(sameWords(w.error().message, refusal, table),
                 qPrintable(w.error().message + u"\n--- text COPY said ---\n"_s +
                            QString::fromStdString(refusal)));
        QVERIFY2(refusal.find("COPY ") != std::string::npos, refusal.c_str());

        const auto good =
            sink->write(m, ProjectOptions(), oneRow(text("\"ok\""), 2), checkpointAt("q", 2));
        QVERIFY2(good.ok(), why(good));
        QVERIFY(sink->copiesInBinary(table));
        QCOMPARE(query1("SELECT string_agg(id || ':' || v, ',') FROM \"" + t + "\""),
                 std::string("2:\"ok\""));
    }

    // The staging path (skip existing rows) copies into a temporary table with one more
    // column; its rows go in binary too, and only the new ones reach the table.
    void stagedWritesBinary()
    {
        const QString table = u"staged_items"_s;
        const std::string t = table.toStdString();
        exec("CREATE TABLE " + t + " (id bigint PRIMARY KEY, v timestamptz); INSERT INTO " + t +
             " VALUES (1, '2001-01-01 00:00:00+00')");
        const CollectionMapping m = oneColumn(table, ColumnType::Timestamp);
        ProjectOptions options;
        options.existingRows = ExistingRows::Skip;
        auto sink = openSink();
        QVERIFY(sink);
        QVERIFY(sink->prepare(m, options, false).ok());
        QCOMPARE(sink->writePath(m, options), PostgresSink::WritePath::Staged);
        RowBatch b;
        b.tables.emplace_back(2);
        for (uint32_t d = 0; d < 3; ++d) {
            b.tables[0].beginRow(d);
            b.tables[0].addInt(d + 1);
            b.tables[0].addTimestamp(-86400000LL * d);
        }
        const auto w = sink->write(m, options, b, checkpointAt("p", 3));
        QVERIFY2(w.ok(), why(w));
        QCOMPARE(w->written, 2);
        QCOMPARE(w->skippedExisting, 1);
        QVERIFY(sink->copiesInBinary(table));
        QCOMPARE(query1("SELECT string_agg(id || '=' || v::date, ',' ORDER BY id) FROM " + t),
                 std::string("1=2001-01-01,2=1969-12-31,3=1969-12-30"));
    }

    // More rows than one COPY message holds: the stream splits anywhere, rows arrive whole.
    void manyRowsAcrossChunks()
    {
        const QString table = u"many_rows"_s;
        CollectionMapping m = oneColumn(table, ColumnType::Text);
        auto sink = openSink();
        QVERIFY(sink);
        QVERIFY(sink->prepare(m, ProjectOptions(), false).ok());
        RowBatch b;
        b.tables.emplace_back(2);
        const int n = 20000;
        for (int i = 0; i < n; ++i) {
            b.tables[0].beginRow(uint32_t(i));
            b.tables[0].addInt(i);
            b.tables[0].addText(std::string(size_t(i % 50), char('a' + i % 26)));
        }
        const auto w = sink->write(m, ProjectOptions(), b, checkpointAt("p", n));
        QVERIFY2(w.ok(), why(w));
        QCOMPARE(w->written, n);
        QVERIFY(sink->copiesInBinary(table));
        QCOMPARE(query1("SELECT count(*) || ' ' || sum(length(v)) || ' ' || "
                        "bool_and(v = repeat(chr(97 + id::int % 26), id::int % 50)) FROM "
                        "many_rows"),
                 std::to_string(n) + " " + std::to_string(n / 50 * (49 * 50 / 2)) + " true");
    }
};

QTEST_GUILESS_MAIN(PostgresBinaryCopyTest)
#include "tst_postgres_binary_copy.moc"

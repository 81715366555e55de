#include "run/run_registry.h"
#include "stores/postgres/copy_encoder.h"
#include "stores/postgres/postgres_sink.h"
#include "support/sink_fixtures.h"
#include "support/test_services.h"

#include <QTest>

#include <pqxx/pqxx>

#include <cmath>
#include <functional>
#include <limits>

using namespace ferry;
using namespace ferry::test;
using namespace Qt::StringLiterals;

using CellWriter = std::function<void(TableRows &)>;
Q_DECLARE_METATYPE(CellWriter)
Q_DECLARE_METATYPE(ferry::ColumnType)
Q_DECLARE_METATYPE(ferry::ExistingRows)

namespace {

// items(id bigint pk, name text) with child items_tags(id, ordinal, tag).
CollectionMapping itemsMapping(const QString &root)
{
    CollectionMapping m;
    m.collection = root;
    m.root.table = root;
    m.root.columns = {column(u"id"_s, ColumnType::BigInt, ColumnRole::Value, true),
                      column(u"name"_s, ColumnType::Text)};
    TableMapping tags;
    tags.table = root + u"_tags"_s;
    tags.kind = TableKind::Array;
    tags.source = u"tags"_s;
    tags.columns = {column(u"id"_s, ColumnType::BigInt, ColumnRole::ParentKey, true),
                    column(u"ordinal"_s, ColumnType::Integer, ColumnRole::Ordinal, true),
                    column(u"tag"_s, ColumnType::Text)};
    m.root.children.push_back(tags);
    return m;
}

// QVERIFY2 evaluates its message even when the check passes: never touch error() of a value.
} // namespace

class PostgresSinkTest : public QObject {
    Q_OBJECT

private:
    QString m_uri;

    std::unique_ptr<PostgresSink> openSink(bool dryRun = false)
    {
        auto sink = std::make_unique<PostgresSink>(Endpoint::parse(m_uri).value());
        sink->setDryRun(dryRun);
        const Status st = sink->open();
        if (!st)
            qWarning("%s", why(st));
        return st ? std::move(sink) : nullptr;
    }
    std::string query1(const std::string &sql)
    {
        pqxx::connection c(m_uri.toStdString());
        pqxx::nontransaction tx(c);
        const pqxx::result r = tx.exec(sql);
        return r.empty() || r[0][0].is_null() ? std::string("<null>") : r[0][0].c_str();
    }
    // Tag lists per item id, e.g. "1:a,b;2:c".
    std::string tagsOf(const QString &root)
    {
        return query1("SELECT string_agg(id || ':' || tags, ';' ORDER BY id) FROM (SELECT id, "
                      "string_agg(tag, ',' ORDER BY ordinal) AS tags FROM \"" +
                      root.toStdString() + "_tags\" GROUP BY id) s");
    }

private slots:
    void initTestCase()
    {
        m_uri = ferry::test::freshPostgresDatabase(u"sink"_s);
        if (m_uri.isEmpty())
            QFAIL("No PostgreSQL test server: run this test through ctest (the services_start "
                  "fixture starts one) or set FERRY_SERVICES_DIR.");
    }

    void timestampText_data()
    {
        QTest::addColumn<qint64>("ms");
        QTest::addColumn<QString>("iso");
        QTest::newRow("epoch") << qint64(0) << u"1970-01-01T00:00:00.000Z"_s;
        QTest::newRow("1969") << qint64(-1) << u"1969-12-31T23:59:59.999Z"_s;
        QTest::newRow("year 1") << qint64(-62135596800000) << u"0001-01-01T00:00:00.000Z"_s;
        QTest::newRow("year 999") << qint64(-30641760000000) << u"0999-01-01T00:00:00.000Z"_s;
        QTest::newRow("leap day") << qint64(951782400123) << u"2000-02-29T00:00:00.123Z"_s;
        QTest::newRow("year 9999") << qint64(253402300799999) << u"9999-12-31T23:59:59.999Z"_s;
    }
    void timestampText()
    {
        QFETCH(qint64, ms);
        QFETCH(QString, iso);
        std::string out;
        appendTimestamp(out, ms, TimestampStyle::Iso);
        QCOMPARE(QString::fromStdString(out), iso);
        out.clear();
        appendTimestamp(out, ms, TimestampStyle::Postgres);
        QString pg = iso;
        pg.replace(u'T', u' ').replace(u"Z"_s, u"+00"_s);
        QCOMPARE(QString::fromStdString(out), pg);
    }

    void copyLine()
    {
        TableMapping t;
        t.columns = {column(u"a"_s, ColumnType::Text), column(u"b"_s, ColumnType::Boolean),
                     column(u"c"_s, ColumnType::Binary), column(u"d"_s, ColumnType::Double)};
        t.columns.push_back(column(u"e"_s, ColumnType::Text));
        t.columns.back().pgArray = true;
        TableRows rows(5);
        rows.beginRow(0);
        rows.addText("x\\y\tz\nw\r");
        rows.addBool(true);
        const char bytes[] = {'\x00', '\xff'};
        rows.addBytes(CellKind::Blob, bytes, 2);
        rows.addDouble(-std::numeric_limits<double>::infinity());
        rows.addBytes(CellKind::Json, "[\"a\\\"b\", \"c\\\\d\", null, 1]", 26);
        CopyEncoder enc(t);
        std::string line;
        enc.appendRow(line, rows, 0);
        QCOMPARE(QString::fromStdString(line),
                 QString::fromUtf8("x\\\\y\\tz\\nw\\r\tt\t\\\\x00ff\t-Infinity\t{\"a\\\\\"b\","
                                   "\"c\\\\\\\\d\",NULL,1}"));
    }

    void roundTrip_data()
    {
        QTest::addColumn<ColumnType>("type");
        QTest::addColumn<bool>("pgArray");
        QTest::addColumn<CellWriter>("cell");
        QTest::addColumn<QString>("check"); // SQL over column v, $1 = param
        QTest::addColumn<QByteArray>("param");
        auto text = [](std::string s) { return CellWriter([s](TableRows &r) { r.addText(s); }); };
        auto integer = [](int64_t v) { return CellWriter([v](TableRows &r) { r.addInt(v); }); };
        auto dbl = [](double v) { return CellWriter([v](TableRows &r) { r.addDouble(v); }); };
        auto ts = [](int64_t v) { return CellWriter([v](TableRows &r) { r.addTimestamp(v); }); };
        auto bytes = [](CellKind k, std::string s) {
            return CellWriter([k, s](TableRows &r) { r.addBytes(k, s.data(), s.size()); });
        };
        const QString epochMs = u"(extract(epoch from v) * 1000)::bigint = $1::bigint"_s;
        std::string all256;
        for (int i = 0; i < 256; ++i)
            all256 += char(i);
        QByteArray hex256 = QByteArray(all256.data(), 256).toHex();
        const std::string special =
            "tab\there\nnew\\back\"quote'single\rcr \xc3\xbc \xf0\x9f\x98\x80";

        QTest::newRow("text specials") << ColumnType::Text << false << text(special) << u"v = $1"_s
                                       << QByteArray::fromStdString(special);
        QTest::newRow("null") << ColumnType::Text << false
                              << CellWriter([](TableRows &r) { r.addNull(); })
                              << u"v IS NULL AND $1 = ''"_s << QByteArray();
        QTest::newRow("int64 min")
            << ColumnType::BigInt << false << integer(std::numeric_limits<int64_t>::min())
            << u"v = $1::bigint"_s << QByteArray("-9223372036854775808");
        QTest::newRow("int64 max")
            << ColumnType::BigInt << false << integer(std::numeric_limits<int64_t>::max())
            << u"v = $1::bigint"_s << QByteArray("9223372036854775807");
        QTest::newRow("int32") << ColumnType::Integer << false << integer(-2147483648LL)
                               << u"v = $1::integer"_s << QByteArray("-2147483648");
        QTest::newRow("double shortest")
            << ColumnType::Double << false << dbl(0.1 + 0.2) << u"v = $1::float8"_s
            << QByteArray("0.30000000000000004");
        QTest::newRow("double tiny") << ColumnType::Double << false << dbl(5e-324)
                                     << u"v = $1::float8"_s << QByteArray("5e-324");
        QTest::newRow("NaN") << ColumnType::Double << false
                             << dbl(std::numeric_limits<double>::quiet_NaN()) << u"v = $1::float8"_s
                             << QByteArray("NaN");
        QTest::newRow("Infinity") << ColumnType::Double << false
                                  << dbl(std::numeric_limits<double>::infinity())
                                  << u"v = $1::float8"_s << QByteArray("Infinity");
        QTest::newRow("-Infinity")
            << ColumnType::Double << false << dbl(-std::numeric_limits<double>::infinity())
            << u"v = $1::float8"_s << QByteArray("-Infinity");
        QTest::newRow("bool") << ColumnType::Boolean << false
                              << CellWriter([](TableRows &r) { r.addBool(false); })
                              << u"v = $1::boolean"_s << QByteArray("false");
        QTest::newRow("numeric") << ColumnType::Numeric << false
                                 << bytes(CellKind::Numeric, "12345678901234567890.000000000001")
                                 << u"v::text = $1"_s
                                 << QByteArray("12345678901234567890.000000000001");
        QTest::newRow("timestamp year 1") << ColumnType::Timestamp << false << ts(-62135596800000)
                                          << epochMs << QByteArray("-62135596800000");
        QTest::newRow("timestamp 1969")
            << ColumnType::Timestamp << false << ts(-1) << epochMs << QByteArray("-1");
        QTest::newRow("timestamp 9999") << ColumnType::Timestamp << false << ts(253402300799999)
                                        << epochMs << QByteArray("253402300799999");
        QTest::newRow("uuid") << ColumnType::Uuid << false
                              << bytes(CellKind::Uuid, std::string("\x12\x34\x56\x78\x9a\xbc\xde"
                                                                   "\xf0\x01\x23\x45\x67\x89\xab"
                                                                   "\xcd\xef",
                                                                   16))
                              << u"v = $1::uuid"_s
                              << QByteArray("12345678-9abc-def0-0123-456789abcdef");
        QTest::newRow("bytea 256") << ColumnType::Binary << false << bytes(CellKind::Blob, all256)
                                   << u"v = decode($1, 'hex')"_s << hex256;
        const std::string json = "{\"a\": [1, \"x\\ty\\\\z\"], \"b\": null, \"c\": \"ü\"}";
        QTest::newRow("json") << ColumnType::Json << false << bytes(CellKind::Json, json)
                              << u"v = $1::jsonb"_s << QByteArray::fromStdString(json);
        QTest::newRow("int array")
            << ColumnType::Integer << true << bytes(CellKind::Json, "[1, -2, null, 2147483647]")
            << u"v = $1::integer[]"_s << QByteArray("{1,-2,NULL,2147483647}");
        // What a numeric[] source column gives: Decimal128 elements, as relaxed JSON.
        QTest::newRow("numeric array")
            << ColumnType::Numeric << true
            << bytes(CellKind::Json,
                     "[{\"$numberDecimal\": \"1.50\"}, null, {\"$numberDecimal\": \"-2E+3\"}]")
            << u"v = $1::numeric[]"_s << QByteArray("{1.50,NULL,-2E+3}");
        QTest::newRow("text array")
            << ColumnType::Text << true
            << bytes(CellKind::Json,
                     "[\"a b\", \"q\\\"uote\", \"back\\\\slash\", \"tab\\t\", null, \"NULL\"]")
            << u"v = $1::text[]"_s
            << QByteArray("{\"a b\",\"q\\\"uote\",\"back\\\\slash\",\"tab\t\",NULL,\"NULL\"}");
    }
    void roundTrip()
    {
        QFETCH(ColumnType, type);
        QFETCH(bool, pgArray);
        QFETCH(CellWriter, cell);
        QFETCH(QString, check);
        QFETCH(QByteArray, param);
        static int counter = 0;
        const QString table = u"rt_%1"_s.arg(++counter);
        CollectionMapping m;
        m.collection = table;
        m.root.table = table;
        m.root.columns = {column(u"id"_s, ColumnType::BigInt, ColumnRole::Value, true),
                          column(u"v"_s, type)};
        m.root.columns[1].pgArray = pgArray;
        RowBatch b;
        b.tables.emplace_back(2);
        b.tables[0].beginRow(0);
        b.tables[0].addInt(1);
        cell(b.tables[0]);
        auto sink = openSink();
        QVERIFY(sink);
        const ProjectOptions options;
        const auto prep = sink->prepare(m, options, false);
        QVERIFY2(prep.ok(), why(prep));
        const auto w = sink->write(m, options, b, checkpointAt("p", 1));
        QVERIFY2(w.ok(), why(w));
        QCOMPARE(w->written, 1);

        pqxx::connection c(m_uri.toStdString());
        pqxx::nontransaction tx(c);
        const std::string sql = "SELECT (" + check.toStdString() + ")::text, v::text FROM \"" +
                                table.toStdString() + "\"";
        const pqxx::result r = tx.exec_params(sql, param.toStdString());
        QCOMPARE(r.size(), size_t(1));
        QVERIFY2(std::string(r[0][0].c_str()) == "true",
                 qPrintable(u"stored %1"_s.arg(QString::fromUtf8(r[0][1].c_str()))));
    }

    void ddlTypesAndConstraints()
    {
        const CollectionMapping m = itemsMapping(u"ddl_items"_s);
        auto sink = openSink();
        QVERIFY(sink);
        const auto prep = sink->prepare(m, ProjectOptions(), false);
        QVERIFY2(prep.ok(), why(prep));
        QCOMPARE(prep->createdTables, (QStringList{u"ddl_items"_s, u"ddl_items_tags"_s}));
        QCOMPARE(prep->ddl.size(), 2);
        QVERIFY(prep->tablesWereEmpty);
        QCOMPARE(query1("SELECT string_agg(attname || ' ' || format_type(atttypid, atttypmod) "
                        "|| CASE WHEN attnotnull THEN ' nn' ELSE '' END, ', ' ORDER BY attnum) "
                        "FROM pg_attribute WHERE attrelid = 'ddl_items_tags'::regclass AND "
                        "attnum > 0"),
                 std::string("id bigint nn, ordinal integer nn, tag text"));
        // The keys wait for the end of the load (one sort instead of a B-tree insert per row).
        QVERIFY(prep->keysDeferred);
        QCOMPARE(query1("SELECT count(*) FROM pg_constraint WHERE conrelid = "
                        "'ddl_items_tags'::regclass AND contype = 'p'"),
                 std::string("0"));
        const Status keys = sink->asSql()->buildDeferredKeys({});
        QVERIFY2(keys.ok(), qPrintable(keys.error().message));
        QCOMPARE(query1("SELECT pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = "
                        "'ddl_items_tags'::regclass AND contype = 'p'"),
                 std::string("PRIMARY KEY (id, ordinal)"));
        // A second prepare finds the tables and accepts them.
        const auto again = sink->prepare(m, ProjectOptions(), false);
        QVERIFY2(again.ok(), why(again));
        QVERIFY(again->createdTables.isEmpty());
    }

    void incompatibleTable()
    {
        query1("CREATE TABLE bad_items (id bigint PRIMARY KEY, name integer)");
        auto sink = openSink();
        QVERIFY(sink);
        const auto prep = sink->prepare(itemsMapping(u"bad_items"_s), ProjectOptions(), false);
        QVERIFY(!prep.ok());
        QCOMPARE(prep.error().code, ErrorCode::Schema);
        QVERIFY2(prep.error().message.contains(u"\"bad_items\""_s) &&
                     prep.error().message.contains(u"\"name\""_s) &&
                     prep.error().message.contains(u"integer"_s) &&
                     prep.error().message.contains(u"text"_s),
                 why(prep));
        // Nothing of the failed prepare stays behind (the child table was not created).
        QCOMPARE(query1("SELECT to_regclass('bad_items_tags') IS NULL"), std::string("t"));
    }

    void existingRows_data()
    {
        QTest::addColumn<ExistingRows>("policy");
        QTest::addColumn<bool>("fails");
        QTest::addColumn<int>("written");
        QTest::addColumn<int>("skipped");
        QTest::addColumn<QString>("names");
        QTest::addColumn<QString>("tags");
        QTest::newRow("skip") << ExistingRows::Skip << false << 1 << 1 << u"1:one;2:two;3:three"_s
                              << u"1:a,b;2:c;3:q"_s;
        QTest::newRow("upsert") << ExistingRows::Upsert << false << 2 << 0
                                << u"1:one;2:TWO;3:three"_s << u"1:a,b;2:x,y,z;3:q"_s;
        QTest::newRow("fail") << ExistingRows::Fail << true << 0 << 0 << u"1:one;2:two"_s
                              << u"1:a,b;2:c"_s;
        QTest::newRow("truncate") << ExistingRows::Truncate << false << 2 << 0 << u"2:TWO;3:three"_s
                                  << u"2:x,y,z;3:q"_s;
    }
    void existingRows()
    {
        QFETCH(ExistingRows, policy);
        QFETCH(bool, fails);
        QFETCH(int, written);
        QFETCH(int, skipped);
        QFETCH(QString, names);
        QFETCH(QString, tags);
        const QString root = u"er_"_s + QString::fromLatin1(QTest::currentDataTag());
        const CollectionMapping m = itemsMapping(root);
        ProjectOptions options;
        {
            auto first = openSink();
            QVERIFY(first);
            QVERIFY(first->prepare(m, options, false).ok());
            QCOMPARE(first->writePath(m, options), PostgresSink::WritePath::Direct);
            const auto w =
                first->write(m, options, itemsBatch({{1, "one", {"a", "b"}}, {2, "two", {"c"}}}),
                             checkpointAt("first", 2));
            QVERIFY2(w.ok(), why(w));
        }
        options.existingRows = policy;
        auto sink = openSink();
        QVERIFY(sink);
        const auto prep = sink->prepare(m, options, false);
        QVERIFY2(prep.ok(), why(prep));
        QVERIFY(!prep->tablesWereEmpty);
        const bool staged = policy == ExistingRows::Skip || policy == ExistingRows::Upsert;
        QCOMPARE(sink->writePath(m, options),
                 staged ? PostgresSink::WritePath::Staged : PostgresSink::WritePath::Direct);
        const auto w =
            sink->write(m, options, itemsBatch({{2, "TWO", {"x", "y", "z"}}, {3, "three", {"q"}}}),
                        checkpointAt("second", 4));
        if (fails) {
            QVERIFY(!w.ok());
            QCOMPARE(w.error().code, ErrorCode::Target);
            QVERIFY2(w.error().message.contains(root) && w.error().message.contains(u"(id)=(2)"_s),
                     why(w));
        } else {
            QVERIFY2(w.ok(), why(w));
            QCOMPARE(w->written, written);
            QCOMPARE(w->skippedExisting, skipped);
            QCOMPARE(w->tableRows.size(), size_t(2));
            QCOMPARE(w->tableRows[0], written);
        }
        QCOMPARE(QString::fromStdString(
                     query1("SELECT string_agg(id || ':' || name, ';' ORDER BY id) FROM \"" +
                            root.toStdString() + "\"")),
                 names);
        QCOMPARE(QString::fromStdString(tagsOf(root)), tags);
        const auto cp = sink->loadCheckpoint(root);
        QVERIFY(cp.ok() && cp->has_value());
        QCOMPARE((*cp)->position, QByteArray(fails ? "first" : "second"));
    }

    void checkpointRoundTrip()
    {
        const CollectionMapping m = itemsMapping(u"cp_items"_s);
        auto sink = openSink();
        QVERIFY(sink);
        const auto none = sink->loadCheckpoint(u"cp_items"_s);
        QVERIFY(none.ok() && !none->has_value());
        QVERIFY(sink->prepare(m, ProjectOptions(), false).ok());
        Checkpoint c;
        c.runId = u"r-42"_s;
        c.position = QByteArray("\x00\x01\xff\\tab\t", 8);
        c.read = 10;
        c.written = 7;
        c.skippedExisting = 2;
        c.rejected = 1;
        c.finished = true;
        QVERIFY(sink->write(m, ProjectOptions(), itemsBatch({{1, "a", {}}}), c).ok());
        auto other = openSink();
        const auto back = other->loadCheckpoint(u"cp_items"_s);
        QVERIFY(back.ok() && back->has_value());
        const Checkpoint &b = **back;
        QCOMPARE(b.runId, c.runId);
        QCOMPARE(b.position, c.position);
        QCOMPARE(b.read, c.read);
        // The stored totals include what this batch wrote (one new row).
        QCOMPARE(b.written, c.written + 1);
        QCOMPARE(b.skippedExisting, c.skippedExisting);
        QCOMPARE(b.rejected, c.rejected);
        QCOMPARE(b.finished, true);
        QVERIFY(other->clearCheckpoint(u"cp_items"_s).ok());
        const auto cleared = other->loadCheckpoint(u"cp_items"_s);
        QVERIFY(cleared.ok() && !cleared->has_value());
        const auto count = other->countRows(u"cp_items"_s);
        QVERIFY(count.ok());
        QCOMPARE(*count, 1);
    }

    void failingBatchLeavesNothing()
    {
        const CollectionMapping m = itemsMapping(u"fb_items"_s);
        auto sink = openSink();
        QVERIFY(sink);
        QVERIFY(sink->prepare(m, ProjectOptions(), false).ok());
        QVERIFY(
            sink->write(m, ProjectOptions(), itemsBatch({{1, "a", {"t"}}}), checkpointAt("ok", 1))
                .ok());
        // The child row's NOT NULL key is missing: the whole batch must go.
        RowBatch bad = itemsBatch({{2, "b", {"u"}}});
        bad.tables[1].clear();
        bad.tables[1].beginRow(0);
        bad.tables[1].addNull();
        bad.tables[1].addInt(0);
        bad.tables[1].addText("u");
        const auto w = sink->write(m, ProjectOptions(), bad, checkpointAt("bad", 2));
        QVERIFY(!w.ok());
        QCOMPARE(w.error().code, ErrorCode::Target);
        QVERIFY2(w.error().message.contains(u"fb_items_tags"_s), why(w));
        QCOMPARE(*sink->countRows(u"fb_items"_s), 1);
        QCOMPARE(*sink->countRows(u"fb_items_tags"_s), 1);
        QCOMPARE((*sink->loadCheckpoint(u"fb_items"_s))->position, QByteArray("ok"));
        // The sink stays usable after a failed batch.
        QVERIFY(
            sink->write(m, ProjectOptions(), itemsBatch({{2, "b", {"u"}}}), checkpointAt("next", 2))
                .ok());
        QCOMPARE(*sink->countRows(u"fb_items_tags"_s), 2);
    }

    void dryRunLeavesNoTrace()
    {
        const std::string before =
            query1("SELECT count(*) FROM pg_class WHERE relkind = 'r' AND relnamespace = "
                   "'public'::regnamespace");
        const std::string checkpoints = query1("SELECT count(*) FROM ferry._ferry_checkpoints");
        {
            auto sink = openSink(true);
            QVERIFY(sink);
            const CollectionMapping m = itemsMapping(u"dry_items"_s);
            const auto prep = sink->prepare(m, ProjectOptions(), false);
            QVERIFY2(prep.ok(), why(prep));
            QCOMPARE(prep->createdTables.size(), 2);
            QVERIFY(sink->write(m, ProjectOptions(), itemsBatch({{1, "a", {"x", "y"}}}),
                                checkpointAt("dry", 1))
                        .ok());
            // A failing batch inside the dry run does not end it. (Under "skip" a key from an
            // earlier batch is skipped, not refused: "fail" makes the repeat an error.)
            ProjectOptions strict;
            strict.existingRows = ExistingRows::Fail;
            QVERIFY(
                !sink->write(m, strict, itemsBatch({{1, "dup", {}}}), checkpointAt("dup", 2)).ok());
            QCOMPARE(*sink->countRows(u"dry_items_tags"_s), 2);
            QVERIFY((*sink->loadCheckpoint(u"dry_items"_s)).has_value());
        }
        QCOMPARE(query1("SELECT to_regclass('dry_items') IS NULL"), std::string("t"));
        QCOMPARE(query1("SELECT count(*) FROM pg_class WHERE relkind = 'r' AND relnamespace = "
                        "'public'::regnamespace"),
                 before);
        QCOMPARE(query1("SELECT count(*) FROM ferry._ferry_checkpoints"), checkpoints);
    }

    void connectErrorHidesPassword()
    {
        PostgresSink sink(
            Endpoint::parse(u"postgresql://ferry:s3cretpw@127.0.0.1:1/none"_s).value());
        const Status st = sink.open();
        QVERIFY(!st.ok());
        QCOMPARE(st.error().code, ErrorCode::Connect);
        QVERIFY2(!st.error().toString().contains(u"s3cretpw"_s), why(st));
        QVERIFY(st.error().message.contains(u"Check the host"_s));
    }

    void wrongPasswordIsAuth()
    {
        QCOMPARE(PostgresSink::classifyConnectFailure(
                     u"FATAL:  password authentication failed for user \"x\""_s),
                 ErrorCode::Auth);
        query1("DO $$ BEGIN CREATE ROLE ferry_pw LOGIN PASSWORD 'right-one'; EXCEPTION WHEN "
               "duplicate_object THEN NULL; END $$");
        QString uri = m_uri;
        uri.replace(u"://postgres@"_s, u"://ferry_pw:wr0ngpw@"_s);
        PostgresSink sink(Endpoint::parse(uri).value());
        const Status st = sink.open();
        if (st.ok())
            QSKIP("This server trusts every connection; the password is not checked.");
        QCOMPARE(st.error().code, ErrorCode::Auth);
        QVERIFY2(!st.error().toString().contains(u"wr0ngpw"_s), why(st));
    }

    // Ferry's tables go to the schema `ferry`: a user who may create tables but not schemas
    // is told what to ask for, and the run works once the schema is there.
    void bookkeepingSchemaNeedsRights()
    {
        const QString db = ferry::test::freshPostgresDatabase(u"sink_rights"_s);
        QVERIFY(!db.isEmpty());
        {
            pqxx::connection admin(db.toStdString());
            pqxx::nontransaction tx(admin);
            tx.exec("DO $$ BEGIN CREATE ROLE ferry_limited LOGIN; EXCEPTION WHEN "
                    "duplicate_object THEN NULL; END $$");
            tx.exec("GRANT CREATE ON SCHEMA public TO ferry_limited");
        }
        QString uri = db;
        uri.replace(u"://postgres@"_s, u"://ferry_limited@"_s);
        QVERIFY(uri != db);
        const CollectionMapping m = itemsMapping(u"rights_items"_s);
        {
            PostgresSink sink(Endpoint::parse(uri).value());
            QVERIFY2(sink.open().ok(), "the limited user connects");
            const auto prep = sink.prepare(m, ProjectOptions(), false);
            QVERIFY(!prep.ok());
            QVERIFY2(prep.error().message.contains(
                         u"CREATE SCHEMA ferry AUTHORIZATION \"ferry_limited\""_s),
                     why(prep));
        }
        {
            pqxx::connection admin(db.toStdString());
            pqxx::nontransaction tx(admin);
            tx.exec("CREATE SCHEMA ferry AUTHORIZATION ferry_limited");
        }
        PostgresSink sink(Endpoint::parse(uri).value());
        QVERIFY(sink.open().ok());
        const auto prep = sink.prepare(m, ProjectOptions(), false);
        QVERIFY2(prep.ok(), why(prep));
        // The run's registry of what it created lives there too, and needs no schema right.
        const Status registered = registerRunTables(sink, u"run-1"_s, m, ProjectOptions(), *prep);
        QVERIFY2(registered.ok(), why(registered));
        pqxx::connection admin(db.toStdString());
        pqxx::nontransaction tx(admin);
        QCOMPARE(std::string(tx.exec1("SELECT to_regclass('ferry._ferry_checkpoints') IS NOT "
                                      "NULL")[0]
                                 .c_str()),
                 std::string("t"));
    }
};

QTEST_GUILESS_MAIN(PostgresSinkTest)
#include "tst_postgres_sink.moc"

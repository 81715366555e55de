#include "stores/sqlite/sqlite_sink.h"
#include "support/sink_fixtures.h"

#include <QDateTime>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

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
    tags.columns = {column(u"id"_s, ColumnType::BigInt, ColumnRole::ParentKey, true),
                    column(u"ordinal"_s, ColumnType::Integer, ColumnRole::Ordinal, true),
                    column(u"tag"_s, ColumnType::Text)};
    m.root.children.push_back(tags);
    return m;
}

} // namespace

class SqliteSinkTest : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_path;

    std::unique_ptr<SqliteSink> openSink(const QString &path, bool dryRun = false)
    {
        auto sink = std::make_unique<SqliteSink>(Endpoint::parse(u"sqlite:"_s + path).value());
        sink->setDryRun(dryRun);
        return sink->open().ok() ? std::move(sink) : nullptr;
    }
    // Runs `sql` on a separate connection and returns the first column of every row.
    QVariantList query(const QString &sql, const QString &path = {})
    {
        QVariantList out;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"check"_s);
            db.setDatabaseName(path.isEmpty() ? m_path : path);
            db.open();
            QSqlQuery q(db);
            q.exec(sql);
            while (q.next())
                out << q.value(0);
        }
        QSqlDatabase::removeDatabase(u"check"_s);
        return out;
    }
    QString joined(const QString &sql)
    {
        QStringList parts;
        for (const QVariant &v : query(sql))
            parts << v.toString();
        return parts.join(u';');
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_path = m_dir.filePath(u"target.sqlite"_s);
    }

    void roundTrip_data()
    {
        QTest::addColumn<ColumnType>("type");
        QTest::addColumn<CellWriter>("cell");
        QTest::addColumn<QVariant>("expected");
        auto bytes = [](CellKind k, std::string s) {
            return CellWriter([k, s](TableRows &r) { r.addBytes(k, s.data(), s.size()); });
        };
        auto integer = [](int64_t v) { return CellWriter([v](TableRows &r) { r.addInt(v); }); };
        auto ts = [](int64_t v) { return CellWriter([v](TableRows &r) { r.addTimestamp(v); }); };
        std::string all256;
        for (int i = 0; i < 256; ++i)
            all256 += char(i);
        const std::string special = "tab\there\nnew\\back\"q'\r \xc3\xbc \xf0\x9f\x98\x80";
        QTest::newRow("text") << ColumnType::Text << bytes(CellKind::Text, special)
                              << QVariant(QString::fromUtf8(special));
        QTest::newRow("null") << ColumnType::Text << CellWriter([](TableRows &r) { r.addNull(); })
                              << QVariant();
        QTest::newRow("int64 min")
            << ColumnType::BigInt << integer(std::numeric_limits<int64_t>::min())
            << QVariant(std::numeric_limits<qlonglong>::min());
        QTest::newRow("int64 max")
            << ColumnType::BigInt << integer(std::numeric_limits<int64_t>::max())
            << QVariant(std::numeric_limits<qlonglong>::max());
        QTest::newRow("double") << ColumnType::Double
                                << CellWriter([](TableRows &r) { r.addDouble(0.1 + 0.2); })
                                << QVariant(0.1 + 0.2);
        QTest::newRow("infinity") << ColumnType::Double << CellWriter([](TableRows &r) {
            r.addDouble(-std::numeric_limits<double>::infinity());
        }) << QVariant(-std::numeric_limits<double>::infinity());
        QTest::newRow("bool") << ColumnType::Boolean
                              << CellWriter([](TableRows &r) { r.addBool(true); })
                              << QVariant(qlonglong(1));
        QTest::newRow("numeric") << ColumnType::Numeric
                                 << bytes(CellKind::Numeric, "12345678901234567890.000000000001")
                                 << QVariant(u"12345678901234567890.000000000001"_s);
        QTest::newRow("timestamp year 1") << ColumnType::Timestamp << ts(-62135596800000)
                                          << QVariant(u"0001-01-01T00:00:00.000Z"_s);
        QTest::newRow("timestamp 1969")
            << ColumnType::Timestamp << ts(-1) << QVariant(u"1969-12-31T23:59:59.999Z"_s);
        QTest::newRow("timestamp 9999") << ColumnType::Timestamp << ts(253402300799999)
                                        << QVariant(u"9999-12-31T23:59:59.999Z"_s);
        QTest::newRow("uuid") << ColumnType::Uuid
                              << bytes(CellKind::Uuid, std::string("\x12\x34\x56\x78\x9a\xbc\xde"
                                                                   "\xf0\x01\x23\x45\x67\x89\xab"
                                                                   "\xcd\xef",
                                                                   16))
                              << QVariant(u"12345678-9abc-def0-0123-456789abcdef"_s);
        QTest::newRow("blob 256") << ColumnType::Binary << bytes(CellKind::Blob, all256)
                                  << QVariant(QByteArray(all256.data(), 256));
        QTest::newRow("json") << ColumnType::Json << bytes(CellKind::Json, "{\"a\":[1,\"x\\ty\"]}")
                              << QVariant(u"{\"a\":[1,\"x\\ty\"]}"_s);
    }
    void roundTrip()
    {
        QFETCH(ColumnType, type);
        QFETCH(CellWriter, cell);
        QFETCH(QVariant, expected);
        static int counter = 0;
        const QString table = u"rt_%1"_s.arg(++counter);
        CollectionMapping m;
        m.collection = table;
        m.root.table = table;
        m.root.columns = {column(u"id"_s, ColumnType::BigInt, ColumnRole::Value, true),
                          column(u"v"_s, type)};
        RowBatch b;
        b.tables.emplace_back(2);
        b.tables[0].beginRow(0);
        b.tables[0].addInt(1);
        cell(b.tables[0]);
        {
            auto sink = openSink(m_path);
            QVERIFY(sink);
            const auto prep = sink->prepare(m, ProjectOptions(), false);
            QVERIFY2(prep.ok(), why(prep));
            const auto w = sink->write(m, ProjectOptions(), b, checkpointAt("p"));
            QVERIFY2(w.ok(), why(w));
            QCOMPARE(w->written, 1);
        }
        const QVariantList got = query(u"SELECT v FROM \"%1\""_s.arg(table));
        QCOMPARE(got.size(), 1);
        if (expected.typeId() == QMetaType::Double)
            QCOMPARE(got[0].toDouble(), expected.toDouble());
        else if (!expected.isValid())
            QVERIFY(got[0].isNull());
        else
            QCOMPARE(got[0], expected);
    }

    void ddlAndIncompatibleTable()
    {
        {
            auto sink = openSink(m_path);
            QVERIFY(sink);
            const auto prep = sink->prepare(itemsMapping(u"ddl_items"_s), ProjectOptions(), false);
            QVERIFY2(prep.ok(), why(prep));
            QCOMPARE(prep->createdTables, (QStringList{u"ddl_items"_s, u"ddl_items_tags"_s}));
        }
        QCOMPARE(joined(u"SELECT name || ' ' || type || ' ' || \"notnull\" || ' ' || pk FROM "
                        "pragma_table_info('ddl_items_tags')"_s),
                 u"id INTEGER 1 1;ordinal INTEGER 1 2;tag TEXT 0 0"_s);
        query(u"CREATE TABLE bad_items (id INTEGER PRIMARY KEY, name BLOB, other REAL)"_s);
        query(u"CREATE TABLE bad2 (id INTEGER PRIMARY KEY, nom TEXT)"_s);
        auto sink = openSink(m_path);
        QVERIFY(sink);
        const auto ok = sink->prepare(itemsMapping(u"bad_items"_s), ProjectOptions(), false);
        QVERIFY2(ok.ok(), why(ok)); // BLOB affinity stores anything as it is
        const auto prep = sink->prepare(itemsMapping(u"bad2"_s), ProjectOptions(), false);
        QVERIFY(!prep.ok());
        QCOMPARE(prep.error().code, ErrorCode::Schema);
        QVERIFY2(prep.error().message.contains(u"\"bad2\""_s) &&
                     prep.error().message.contains(u"\"name\""_s),
                 why(prep));
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
            auto first = openSink(m_path);
            QVERIFY(first);
            QVERIFY(first->prepare(m, options, false).ok());
            const auto w =
                first->write(m, options, itemsBatch({{1, "one", {"a", "b"}}, {2, "two", {"c"}}}),
                             checkpointAt("first"));
            QVERIFY2(w.ok(), why(w));
        }
        options.existingRows = policy;
        {
            auto sink = openSink(m_path);
            QVERIFY(sink);
            const auto prep = sink->prepare(m, options, false);
            QVERIFY2(prep.ok(), why(prep));
            const auto w = sink->write(
                m, options, itemsBatch({{2, "TWO", {"x", "y", "z"}}, {3, "three", {"q"}}}),
                checkpointAt("second"));
            if (fails) {
                QVERIFY(!w.ok());
                QCOMPARE(w.error().code, ErrorCode::Target);
                QVERIFY2(w.error().message.contains(root) &&
                             w.error().message.contains(u"(id) = (2)"_s),
                         why(w));
            } else {
                QVERIFY2(w.ok(), why(w));
                QCOMPARE(w->written, written);
                QCOMPARE(w->skippedExisting, skipped);
                QCOMPARE(w->tableRows[0], written);
            }
            const auto cp = sink->loadCheckpoint(root);
            QVERIFY(cp.ok() && cp->has_value());
            QCOMPARE((*cp)->position, QByteArray(fails ? "first" : "second"));
        }
        QCOMPARE(joined(u"SELECT id || ':' || name FROM \"%1\" ORDER BY id"_s.arg(root)), names);
        QCOMPARE(joined(u"SELECT id || ':' || group_concat(tag, ',') FROM (SELECT * FROM "
                        "\"%1_tags\" ORDER BY id, ordinal) GROUP BY id ORDER BY id"_s.arg(root)),
                 tags);
    }

    void checkpointRoundTrip()
    {
        const CollectionMapping m = itemsMapping(u"cp_items"_s);
        auto sink = openSink(m_path);
        QVERIFY(sink);
        QVERIFY(sink->prepare(m, ProjectOptions(), false).ok());
        Checkpoint c;
        c.runId = u"r-42"_s;
        c.position = QByteArray("\x00\x01\xff", 3);
        c.read = 10;
        c.written = 7;
        c.skippedExisting = 2;
        c.rejected = 1;
        c.finished = true;
        QVERIFY(sink->write(m, ProjectOptions(), itemsBatch({{1, "a", {}}}), c).ok());
        const auto back = sink->loadCheckpoint(u"cp_items"_s);
        QVERIFY(back.ok() && back->has_value());
        QCOMPARE((*back)->position, c.position);
        QCOMPARE((*back)->runId, c.runId);
        QCOMPARE((*back)->read, 10);
        QCOMPARE((*back)->written, 8); // 7 before the batch plus its one new row
        QCOMPARE((*back)->skippedExisting, 2);
        QCOMPARE((*back)->rejected, 1);
        QVERIFY((*back)->finished);
        QVERIFY(sink->clearCheckpoint(u"cp_items"_s).ok());
        QVERIFY(!sink->loadCheckpoint(u"cp_items"_s)->has_value());
    }

    void failingBatchLeavesNothing()
    {
        const CollectionMapping m = itemsMapping(u"fb_items"_s);
        auto sink = openSink(m_path);
        QVERIFY(sink);
        QVERIFY(sink->prepare(m, ProjectOptions(), false).ok());
        QVERIFY(sink->write(m, ProjectOptions(), itemsBatch({{1, "a", {"t"}}}), checkpointAt("ok"))
                    .ok());
        RowBatch bad = itemsBatch({{2, "b", {"u"}}});
        bad.tables[1].clear();
        bad.tables[1].beginRow(0);
        bad.tables[1].addNull();
        bad.tables[1].addInt(0);
        bad.tables[1].addText("u");
        const auto w = sink->write(m, ProjectOptions(), bad, checkpointAt("bad"));
        QVERIFY(!w.ok());
        QCOMPARE(w.error().code, ErrorCode::Target);
        QVERIFY2(w.error().message.contains(u"fb_items_tags"_s), why(w));
        QCOMPARE(*sink->countRows(u"fb_items"_s), 1);
        QCOMPARE(*sink->countRows(u"fb_items_tags"_s), 1);
        QCOMPARE((*sink->loadCheckpoint(u"fb_items"_s))->position, QByteArray("ok"));
    }

    // Tables the run creates take many rows per INSERT; a refused row inside such a chunk
    // must still fail the batch whole, with SQLite's reason, and leave the earlier batches.
    void chunkedInsertsKeepEveryRowAndFailWhole()
    {
        // A text key waits for the end of the load (an INTEGER one is the rowid and cannot).
        CollectionMapping m = itemsMapping(u"ch_items"_s);
        m.root.columns[0].type = ColumnType::Text;
        m.root.children[0].columns[0].type = ColumnType::Text;
        auto sink = openSink(m_path);
        QVERIFY(sink);
        ProjectOptions options;
        options.onError = ErrorPolicy::Stop; // the keys wait for the end of the load
        QVERIFY(sink->prepare(m, options, false).ok());
        QCOMPARE(query(u"SELECT count(*) FROM _ferry_pending_keys WHERE table_name "
                       "LIKE 'ch_items%'"_s),
                 QVariantList{2});
        std::vector<Item> items;
        for (int64_t id = 1; id <= 203; ++id)
            items.push_back({id, "n" + std::to_string(id), {"a", "b" + std::to_string(id)}});
        const auto ok = sink->write(m, options, itemsBatch(items), checkpointAt("ok"));
        QVERIFY2(ok.ok(), why(ok));
        QCOMPARE(ok->tableRows, (std::vector<qint64>{203, 406}));
        QCOMPARE(joined(u"SELECT count(*) || ',' || sum(id) || ',' || max(name) FROM ch_items"_s),
                 u"203,20706,n99"_s);
        QCOMPARE(joined(u"SELECT group_concat(tag, '') FROM (SELECT tag FROM ch_items_tags "
                        "WHERE id = 150 ORDER BY ordinal)"_s),
                 u"ab150"_s);

        std::vector<Item> more;
        for (int64_t id = 301; id <= 450; ++id)
            more.push_back({id, "m", {"x"}});
        RowBatch bad = itemsBatch(more);
        // Row 77 of the tag table (inside the second chunk) has no parent key.
        TableRows tags(3);
        for (size_t r = 0; r < bad.tables[1].rows(); ++r) {
            tags.beginRow(bad.tables[1].rowDoc(r));
            if (r == 77)
                tags.addNull();
            else
                tags.addInt(301 + int64_t(r));
            tags.addInt(0);
            tags.addText("x");
        }
        bad.tables[1] = std::move(tags);
        const auto w = sink->write(m, options, bad, checkpointAt("bad"));
        QVERIFY(!w.ok());
        QCOMPARE(w.error().code, ErrorCode::Target);
        QVERIFY2(w.error().message.contains(u"ch_items_tags"_s) &&
                     w.error().message.contains(u"NOT NULL"_s),
                 why(w));
        QCOMPARE(*sink->countRows(u"ch_items"_s), 203);
        QCOMPARE(*sink->countRows(u"ch_items_tags"_s), 406);
        QCOMPARE((*sink->loadCheckpoint(u"ch_items"_s))->position, QByteArray("ok"));
    }

    // Timestamps and UUIDs are formatted by Ferry and bound without SQLite copying them, in
    // a slot per parameter: every row of a many-row statement must keep its own value. A
    // text key waits for the end of the load, so the rows go in many to a statement.
    void formattedValuesKeepTheirRow()
    {
        CollectionMapping m;
        m.collection = u"fmt"_s;
        m.root.table = u"fmt"_s;
        m.root.columns = {column(u"id"_s, ColumnType::Text, ColumnRole::Value, true),
                          column(u"at"_s, ColumnType::Timestamp),
                          column(u"uid"_s, ColumnType::Uuid),
                          column(u"later"_s, ColumnType::Timestamp)};
        RowBatch b;
        b.tables.emplace_back(4);
        QStringList expected;
        for (int64_t id = 0; id < 700; ++id) {
            const int64_t ms = 946684800000 + id * 86400123; // 2000-01-01 on, a day apart
            QByteArray uuid(16, '\0');
            for (int i = 0; i < 16; ++i)
                uuid[i] = char((id * 31 + i * 7) & 0xff);
            b.tables[0].beginRow(uint32_t(id));
            b.tables[0].addText(std::to_string(1000 + id));
            b.tables[0].addTimestamp(ms);
            b.tables[0].addBytes(CellKind::Uuid, uuid.constData(), 16);
            b.tables[0].addTimestamp(-ms);
            const auto iso = [](int64_t v) {
                return QDateTime::fromMSecsSinceEpoch(v, Qt::UTC).toString(Qt::ISODateWithMs);
            };
            expected << u"%1|%2|%3|%4"_s.arg(1000 + id).arg(
                iso(ms), QUuid::fromRfc4122(uuid).toString(QUuid::WithoutBraces), iso(-ms));
        }
        {
            auto sink = openSink(m_path);
            QVERIFY(sink);
            ProjectOptions options;
            options.onError = ErrorPolicy::Stop; // the key waits for the end of the load
            QVERIFY(sink->prepare(m, options, false).ok());
            QCOMPARE(query(u"SELECT count(*) FROM _ferry_pending_keys WHERE table_name = 'fmt'"_s),
                     QVariantList{1});
            const auto w = sink->write(m, options, b, checkpointAt("p"));
            QVERIFY2(w.ok(), why(w));
            QCOMPARE(w->written, 700);
        }
        QStringList got;
        for (const QVariant &v : query(
                 u"SELECT id || '|' || at || '|' || uid || '|' || later FROM fmt ORDER BY rowid"_s))
            got << v.toString();
        QCOMPARE(got, expected);
    }

    // A chunk that fails for another reason than a constraint (here the file may not grow)
    // may have ended the transaction: the batch fails with SQLite's reason and leaves
    // nothing, instead of its rows going in one by one outside the transaction.
    void fullFileFailsTheChunkedBatchWhole()
    {
        const QString path = m_dir.filePath(u"full.sqlite"_s);
        CollectionMapping m = itemsMapping(u"full_items"_s);
        m.root.columns[0].type = ColumnType::Text;
        m.root.children[0].columns[0].type = ColumnType::Text;
        auto sink = openSink(path);
        QVERIFY(sink);
        ProjectOptions options;
        QVERIFY(sink->prepare(m, options, false).ok());
        QVERIFY(sink->write(m, options, itemsBatch({{1, "a", {"t"}}}), checkpointAt("ok")).ok());
        auto pages = sink->query(u"PRAGMA page_count"_s, {});
        QVERIFY2(pages && !pages->empty(), why(pages));
        const qint64 now = pages->front().value(0).toLongLong();
        QVERIFY(sink->query(u"PRAGMA max_page_count = %1"_s.arg(now + 3), {}));
        std::vector<Item> big;
        for (int64_t id = 2; id <= 400; ++id)
            big.push_back({id, std::string(300, 'x'), {"y"}});
        const auto w = sink->write(m, options, itemsBatch(big), checkpointAt("big"));
        QVERIFY(!w.ok());
        QVERIFY2(w.error().message.contains(u"full"_s), why(w));
        QVERIFY(sink->query(u"PRAGMA max_page_count = 1073741823"_s, {}));
        QCOMPARE(*sink->countRows(u"full_items"_s), 1);
        QCOMPARE(*sink->countRows(u"full_items_tags"_s), 1);
        QCOMPARE((*sink->loadCheckpoint(u"full_items"_s))->position, QByteArray("ok"));
    }

    void dryRunLeavesNoTrace()
    {
        const QString fresh = m_dir.filePath(u"dry.sqlite"_s);
        for (bool exists : {false, true}) {
            if (exists)
                query(u"CREATE TABLE keep (x INTEGER)"_s, fresh);
            {
                auto sink = openSink(fresh, true);
                QVERIFY(sink);
                const CollectionMapping m = itemsMapping(u"dry_items"_s);
                QVERIFY(sink->prepare(m, ProjectOptions(), false).ok());
                QVERIFY(sink->write(m, ProjectOptions(), itemsBatch({{1, "a", {"x"}}}),
                                    checkpointAt("dry"))
                            .ok());
                ProjectOptions failing;
                failing.existingRows = ExistingRows::Fail;
                QVERIFY(!sink->write(m, failing, itemsBatch({{1, "dup", {}}}), checkpointAt("dup"))
                             .ok());
                QCOMPARE(*sink->countRows(u"dry_items_tags"_s), 1);
            }
            if (!exists) {
                QVERIFY2(!QFile::exists(fresh), "a dry run must not leave a new file behind");
            } else {
                QCOMPARE(query(u"SELECT group_concat(name) FROM sqlite_master"_s, fresh),
                         QVariantList{QVariant(u"keep"_s)});
            }
        }
    }

    // A database the sink starts (a new file, or an empty one made beforehand) gets large
    // pages; a database that already exists keeps its own.
    void pageSizeOfNewFilesOnly()
    {
        const QString fresh = m_dir.filePath(u"pages-new.sqlite"_s);
        const QString empty = m_dir.filePath(u"pages-empty.sqlite"_s);
        const QString existing = m_dir.filePath(u"pages-old.sqlite"_s);
        QFile touched(empty);
        QVERIFY(touched.open(QIODevice::WriteOnly));
        touched.close();
        query(u"CREATE TABLE keep (x INTEGER)"_s, existing);
        const QVariantList before = query(u"PRAGMA page_size"_s, existing);
        QCOMPARE(before.size(), 1);
        QVERIFY(before.front().toInt() < 16384);
        for (const QString &path : {fresh, empty, existing}) {
            auto sink = openSink(path);
            QVERIFY(sink);
            const CollectionMapping m = itemsMapping(u"paged_items"_s);
            QVERIFY(sink->prepare(m, ProjectOptions(), false).ok());
            QVERIFY(
                sink->write(m, ProjectOptions(), itemsBatch({{1, "a", {"x"}}}), checkpointAt("1"))
                    .ok());
        }
        QCOMPARE(query(u"PRAGMA page_size"_s, fresh), QVariantList{QVariant(16384)});
        QCOMPARE(query(u"PRAGMA page_size"_s, empty), QVariantList{QVariant(16384)});
        QCOMPARE(query(u"PRAGMA page_size"_s, existing), before);
        for (const QString &path : {fresh, empty, existing}) {
            QCOMPARE(query(u"PRAGMA integrity_check"_s, path), QVariantList{QVariant(u"ok"_s)});
            QCOMPARE(query(u"SELECT count(*) FROM paged_items_tags"_s, path),
                     QVariantList{QVariant(1)});
        }
    }

    void unopenableFile()
    {
        SqliteSink sink(Endpoint::parse(u"sqlite:/nonexistent-dir/x/y.sqlite"_s).value());
        const Status st = sink.open();
        QVERIFY(!st.ok());
        QCOMPARE(st.error().code, ErrorCode::Io);
    }
};

QTEST_GUILESS_MAIN(SqliteSinkTest)
#include "tst_sqlite_sink.moc"

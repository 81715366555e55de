// Keys after the load on SQLite tables the run creates (stores/sqlite/sqlite_keys.h): the
// finished file is the one a load with its keys declared up front would leave.
#include "stores/common/ddl.h"
#include "stores/sqlite/sqlite_sink.h"
#include "support/sink_fixtures.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QTest>

using namespace ferry;
using namespace ferry::test;
using namespace Qt::StringLiterals;

namespace {

// A text key, as ObjectIds become: the kind of key that waits.
CollectionMapping codesMapping(const QString &root, ColumnType keyType = ColumnType::Text)
{
    CollectionMapping m;
    m.collection = root;
    m.root.table = root;
    m.root.columns = {column(u"code"_s, keyType, ColumnRole::Value, true),
                      column(u"name"_s, ColumnType::Text)};
    TableMapping tags;
    tags.table = root + u"_tags"_s;
    tags.kind = TableKind::Array;
    tags.columns = {column(u"code"_s, keyType, ColumnRole::ParentKey, true),
                    column(u"ordinal"_s, ColumnType::Integer, ColumnRole::Ordinal, true),
                    column(u"tag"_s, ColumnType::Text)};
    m.root.children.push_back(tags);
    return m;
}

struct CodedItem {
    std::string code;
    std::string name;
    std::vector<std::string> tags;
};

RowBatch codesBatch(const std::vector<CodedItem> &items)
{
    RowBatch b;
    b.tables.emplace_back(2);
    b.tables.emplace_back(3);
    for (uint32_t d = 0; d < items.size(); ++d) {
        b.tables[0].beginRow(d);
        b.tables[0].addText(items[d].code);
        b.tables[0].addText(items[d].name);
        for (size_t t = 0; t < items[d].tags.size(); ++t) {
            b.tables[1].beginRow(d);
            b.tables[1].addText(items[d].code);
            b.tables[1].addInt(int64_t(t));
            b.tables[1].addText(items[d].tags[t]);
        }
    }
    return b;
}

} // namespace

class SqliteKeysTest : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_files = 0;

    QString freshPath() { return m_dir.filePath(u"keys-%1.sqlite"_s.arg(++m_files)); }
    std::unique_ptr<SqliteSink> openSink(const QString &path, bool dryRun = false)
    {
        auto sink = std::make_unique<SqliteSink>(Endpoint::parse(u"sqlite:"_s + path).value());
        sink->setDryRun(dryRun);
        return sink->open().ok() ? std::move(sink) : nullptr;
    }
    // Runs `sql` on a connection of its own; every row's columns joined by '|', rows by ';'.
    // A failing statement answers "error: " and SQLite's message.
    QString rows(const QString &path, const QString &sql)
    {
        QStringList out;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"check"_s);
            db.setDatabaseName(path);
            db.open();
            QSqlQuery q(db);
            if (!q.exec(sql)) {
                out << u"error: "_s + q.lastError().text();
            } else {
                while (q.next()) {
                    QStringList cols;
                    for (int c = 0; c < q.record().count(); ++c)
                        cols << (q.value(c).isNull() ? u"NULL"_s : q.value(c).toString());
                    out << cols.join(u'|');
                }
            }
        }
        QSqlDatabase::removeDatabase(u"check"_s);
        return out.join(u';');
    }
    QString keyFlags(const QString &path, const QString &table)
    {
        return rows(path, u"SELECT name || ' ' || pk FROM pragma_table_info('%1')"_s.arg(table));
    }
    QString schemaOf(const QString &path, const QString &root)
    {
        return rows(path, u"SELECT type, name, tbl_name, sql FROM sqlite_master WHERE tbl_name "
                          "IN ('%1', '%1_tags') ORDER BY type DESC, name"_s.arg(root));
    }

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    // The keys wait during the load and end up exactly as if declared when the tables were made.
    void keysAfterTheLoad()
    {
        const QString path = freshPath();
        const CollectionMapping m = codesMapping(u"codes"_s);
        {
            auto sink = openSink(path);
            QVERIFY(sink);
            const auto prep = sink->prepare(m, ProjectOptions(), false);
            QVERIFY2(prep.ok(), why(prep));
            QVERIFY(prep->keysDeferred);
            QCOMPARE(prep->createdTables, (QStringList{u"codes"_s, u"codes_tags"_s}));
            QCOMPARE(keyFlags(path, u"codes_tags"_s), u"code 0;ordinal 0;tag 0"_s);
            QCOMPARE(rows(path, u"SELECT table_name FROM _ferry_pending_keys ORDER BY 1"_s),
                     u"codes;codes_tags"_s);
            auto w = sink->write(m, ProjectOptions(),
                                 codesBatch({{"b", "bee", {"x", "y"}}, {"a", "ay", {"z"}}}),
                                 checkpointAt("1"));
            QVERIFY2(w.ok(), why(w));
            w = sink->write(m, ProjectOptions(), codesBatch({{"c", "sea", {}}}), checkpointAt("2"));
            QVERIFY2(w.ok(), why(w));
            QCOMPARE(w->written, 1);
            const Status keys = sink->buildDeferredKeys({u"codes"_s, u"codes_tags"_s});
            QVERIFY2(keys.ok(), why(keys));
            // Built: the same sink now skips an existing key, which needs the key's index.
            ProjectOptions skip;
            skip.existingRows = ExistingRows::Skip;
            w = sink->write(m, skip, codesBatch({{"a", "again", {"q"}}}), checkpointAt("3"));
            QVERIFY2(w.ok(), why(w));
            QCOMPARE(w->skippedExisting, 1);
        }
        QCOMPARE(keyFlags(path, u"codes"_s), u"code 1;name 0"_s);
        QCOMPARE(keyFlags(path, u"codes_tags"_s), u"code 1;ordinal 2;tag 0"_s);
        QCOMPARE(rows(path, u"PRAGMA integrity_check"_s), u"ok"_s);
        QCOMPARE(rows(path, u"SELECT count(*) FROM sqlite_master WHERE name = "
                            "'_ferry_pending_keys'"_s),
                 u"0"_s);
        QCOMPARE(rows(path, u"SELECT code || ':' || name FROM codes ORDER BY code"_s),
                 u"a:ay;b:bee;c:sea"_s);

        // The same tables made with their keys declared: the schema records are identical.
        const QString reference = freshPath();
        for (const TableMapping *t : collectionTables(m))
            QCOMPARE(rows(reference, createTableSql(*t, Dialect::Sqlite, true)), QString());
        QCOMPARE(schemaOf(path, u"codes"_s), schemaOf(reference, u"codes"_s));
        QVERIFY(schemaOf(path, u"codes"_s).contains(u"sqlite_autoindex_codes_tags_1"_s));

        // And the key holds against another connection's duplicate.
        QVERIFY2(
            rows(path, u"INSERT INTO codes_tags VALUES ('b', 1, 'dup')"_s).contains(u"UNIQUE"_s),
            "a duplicate child key must be refused");
    }

    // An interrupted load leaves its keys waiting: a resumed run goes on without them, a new
    // run builds them before it relies on them.
    void interruptedLoad()
    {
        const QString path = freshPath();
        const CollectionMapping m = codesMapping(u"cut"_s);
        {
            auto sink = openSink(path);
            QVERIFY(sink);
            QVERIFY(sink->prepare(m, ProjectOptions(), false).ok());
            QVERIFY(sink->write(m, ProjectOptions(), codesBatch({{"a", "ay", {"t"}}}),
                                checkpointAt("1"))
                        .ok());
        } // gone without buildDeferredKeys, as a killed run
        {
            auto resumed = openSink(path);
            QVERIFY(resumed);
            const auto prep = resumed->prepare(m, ProjectOptions(), true);
            QVERIFY2(prep.ok(), why(prep));
            QVERIFY(prep->keysDeferred);
            QVERIFY(prep->createdTables.isEmpty());
            QVERIFY(prep->tablesWereEmpty); // the rows are the interrupted load's own
            const auto w = resumed->write(m, ProjectOptions(), codesBatch({{"b", "bee", {"u"}}}),
                                          checkpointAt("2"));
            QVERIFY2(w.ok(), why(w));
        }
        QCOMPARE(keyFlags(path, u"cut"_s), u"code 0;name 0"_s);
        {
            auto next = openSink(path);
            QVERIFY(next);
            const auto prep = next->prepare(m, ProjectOptions(), false);
            QVERIFY2(prep.ok(), why(prep));
            QVERIFY(!prep->keysDeferred);
            QVERIFY(!prep->tablesWereEmpty);
        }
        QCOMPARE(keyFlags(path, u"cut_tags"_s), u"code 1;ordinal 2;tag 0"_s);
        QCOMPARE(rows(path, u"PRAGMA integrity_check"_s), u"ok"_s);
        QCOMPARE(rows(path, u"SELECT count(*) FROM cut_tags"_s), u"2"_s);
    }

    // A key the source holds twice cannot become a key: a clear error, and nothing changes.
    void duplicateKey()
    {
        const QString path = freshPath();
        const CollectionMapping m = codesMapping(u"twice"_s);
        auto sink = openSink(path);
        QVERIFY(sink);
        QVERIFY(sink->prepare(m, ProjectOptions(), false).ok());
        QVERIFY(sink->write(m, ProjectOptions(), codesBatch({{"a", "one", {}}}), checkpointAt("1"))
                    .ok());
        QVERIFY(sink->write(m, ProjectOptions(), codesBatch({{"a", "two", {}}}), checkpointAt("2"))
                    .ok());
        const Status keys = sink->buildDeferredKeys({});
        QVERIFY(!keys.ok());
        QCOMPARE(keys.error().code, ErrorCode::Target);
        QVERIFY2(keys.error().message.contains(u"\"twice\""_s) &&
                     keys.error().message.contains(u"more than once"_s),
                 why(keys));
        QCOMPARE(keyFlags(path, u"twice"_s), u"code 0;name 0"_s);
        QCOMPARE(rows(path, u"SELECT table_name FROM _ferry_pending_keys ORDER BY 1"_s),
                 u"twice;twice_tags"_s);
        QCOMPARE(rows(path, u"PRAGMA integrity_check"_s), u"ok"_s);
    }

    // Where the load itself needs the keys, or there is nothing to build later, they are
    // declared with the table.
    void keysDeclaredUpFront_data()
    {
        QTest::addColumn<bool>("dryRun");
        QTest::addColumn<bool>("reject");
        QTest::addColumn<bool>("integerKey");
        QTest::newRow("rejecting duplicates one by one") << false << true << false;
        QTest::newRow("dry run") << true << false << false;
        QTest::newRow("integer key is the rowid") << false << false << true;
    }
    void keysDeclaredUpFront()
    {
        QFETCH(bool, dryRun);
        QFETCH(bool, reject);
        QFETCH(bool, integerKey);
        const QString path = freshPath();
        const CollectionMapping m =
            codesMapping(u"up"_s, integerKey ? ColumnType::BigInt : ColumnType::Text);
        ProjectOptions options;
        if (reject)
            options.onError = ErrorPolicy::Reject;
        auto sink = openSink(path, dryRun);
        QVERIFY(sink);
        const auto prep = sink->prepare(m, options, false);
        QVERIFY2(prep.ok(), why(prep));
        QVERIFY(!prep->keysDeferred);
        if (dryRun) {
            QVERIFY(prep->ddl.front().contains(u"PRIMARY KEY"_s));
            return; // the dry run's transaction hides its tables from other connections
        }
        QCOMPARE(keyFlags(path, u"up_tags"_s), u"code 1;ordinal 2;tag 0"_s);
    }
};

QTEST_GUILESS_MAIN(SqliteKeysTest)
#include "tst_sqlite_keys.moc"

#include "stores/common/ddl.h"

#include <QTest>

using namespace ferry;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(ferry::ColumnType)
Q_DECLARE_METATYPE(ferry::Dialect)

namespace {

ColumnMapping col(const QString &name, ColumnType type, bool pk = false, bool nullable = true)
{
    return ColumnMapping{
        .source = name, .column = name, .type = type, .nullable = nullable, .primaryKey = pk};
}

TableMapping usersTable()
{
    TableMapping t;
    t.table = u"users"_s;
    t.columns = {col(u"_id"_s, ColumnType::Text, true, false), col(u"age"_s, ColumnType::Integer),
                 col(u"name"_s, ColumnType::Text, false, false)};
    return t;
}

} // namespace

class DdlTest : public QObject {
    Q_OBJECT

private slots:
    void typeNames_data()
    {
        QTest::addColumn<ColumnType>("type");
        QTest::addColumn<bool>("pgArray");
        QTest::addColumn<QString>("pg");
        QTest::addColumn<QString>("sqlite");
        QTest::newRow("text") << ColumnType::Text << false << u"text"_s << u"TEXT"_s;
        QTest::newRow("integer") << ColumnType::Integer << false << u"integer"_s << u"INTEGER"_s;
        QTest::newRow("bigint") << ColumnType::BigInt << false << u"bigint"_s << u"INTEGER"_s;
        QTest::newRow("double") << ColumnType::Double << false << u"double precision"_s
                                << u"REAL"_s;
        QTest::newRow("numeric") << ColumnType::Numeric << false << u"numeric"_s << u"TEXT"_s;
        QTest::newRow("boolean") << ColumnType::Boolean << false << u"boolean"_s << u"INTEGER"_s;
        QTest::newRow("timestamp")
            << ColumnType::Timestamp << false << u"timestamptz"_s << u"TEXT"_s;
        QTest::newRow("uuid") << ColumnType::Uuid << false << u"uuid"_s << u"TEXT"_s;
        QTest::newRow("binary") << ColumnType::Binary << false << u"bytea"_s << u"BLOB"_s;
        QTest::newRow("json") << ColumnType::Json << false << u"jsonb"_s << u"TEXT JSON"_s;
        QTest::newRow("int array")
            << ColumnType::Integer << true << u"integer[]"_s << u"TEXT JSON"_s;
        QTest::newRow("text array") << ColumnType::Text << true << u"text[]"_s << u"TEXT JSON"_s;
    }
    void typeNames()
    {
        QFETCH(ColumnType, type);
        QFETCH(bool, pgArray);
        QFETCH(QString, pg);
        QFETCH(QString, sqlite);
        ColumnMapping c = col(u"c"_s, type);
        c.pgArray = pgArray;
        QCOMPARE(ddlTypeName(c, Dialect::Postgres), pg);
        QCOMPARE(ddlTypeName(c, Dialect::Sqlite), sqlite);
    }

    void quoting()
    {
        QCOMPARE(ddlQuote(u"a\"b"_s), u"\"a\"\"b\""_s);
        QCOMPARE(ddlColumnList(usersTable()), u"\"_id\", \"age\", \"name\""_s);
    }

    void createTable_data()
    {
        QTest::addColumn<Dialect>("dialect");
        QTest::addColumn<QString>("expected");
        QTest::newRow("postgres") << Dialect::Postgres
                                  << u"CREATE TABLE \"users\" (\n    \"_id\" text NOT NULL,\n    "
                                     "\"age\" integer,\n    \"name\" text NOT NULL,\n    "
                                     "PRIMARY KEY (\"_id\")\n)"_s;
        QTest::newRow("sqlite") << Dialect::Sqlite
                                << u"CREATE TABLE \"users\" (\n    \"_id\" TEXT NOT NULL,\n    "
                                   "\"age\" INTEGER,\n    \"name\" TEXT NOT NULL,\n    "
                                   "PRIMARY KEY (\"_id\")\n)"_s;
    }
    void createTable()
    {
        QFETCH(Dialect, dialect);
        QFETCH(QString, expected);
        QCOMPARE(createTableSql(usersTable(), dialect), expected);
    }

    void compositeKeyInColumnOrder()
    {
        TableMapping t;
        t.table = u"users_tags"_s;
        t.columns = {ColumnMapping{.column = u"users_id"_s,
                                   .type = ColumnType::Text,
                                   .role = ColumnRole::ParentKey,
                                   .primaryKey = true},
                     ColumnMapping{.column = u"ordinal"_s,
                                   .type = ColumnType::Integer,
                                   .role = ColumnRole::Ordinal,
                                   .primaryKey = true},
                     col(u"value"_s, ColumnType::Text)};
        QVERIFY(createTableSql(t, Dialect::Postgres)
                    .contains(u"PRIMARY KEY (\"users_id\", \"ordinal\")"_s));
        QCOMPARE(childRootKeyColumns(t, 1), std::vector<int>{0});
        QVERIFY(childRootKeyColumns(t, 2).empty());
    }

    void tableOrder()
    {
        CollectionMapping m;
        m.root.table = u"a"_s;
        TableMapping b;
        b.table = u"b"_s;
        TableMapping c;
        c.table = u"c"_s;
        b.children.push_back(c);
        m.root.children.push_back(b);
        TableMapping d;
        d.table = u"d"_s;
        m.root.children.push_back(d);
        QStringList names;
        for (const TableMapping *t : collectionTables(m))
            names << t->table;
        QCOMPARE(names, (QStringList{u"a"_s, u"b"_s, u"c"_s, u"d"_s}));
        QCOMPARE(rootKeyColumns(usersTable()), std::vector<int>{0});
    }

    void compatibility_data()
    {
        QTest::addColumn<Dialect>("dialect");
        QTest::addColumn<QStringList>("foundTypes"); // _id, age, name
        QTest::addColumn<QString>("badColumn");      // empty when compatible
        QTest::newRow("pg exact") << Dialect::Postgres
                                  << QStringList{u"text"_s, u"integer"_s, u"text"_s} << QString();
        QTest::newRow("pg wider") << Dialect::Postgres
                                  << QStringList{u"character varying(30)"_s, u"bigint"_s, u"text"_s}
                                  << QString();
        QTest::newRow("pg wrong type")
            << Dialect::Postgres << QStringList{u"text"_s, u"boolean"_s, u"text"_s} << u"age"_s;
        QTest::newRow("pg array vs scalar")
            << Dialect::Postgres << QStringList{u"text"_s, u"integer[]"_s, u"text"_s} << u"age"_s;
        QTest::newRow("pg missing column")
            << Dialect::Postgres << QStringList{u"text"_s, u"integer"_s} << u"name"_s;
        QTest::newRow("sqlite exact")
            << Dialect::Sqlite << QStringList{u"TEXT"_s, u"INTEGER"_s, u"TEXT"_s} << QString();
        QTest::newRow("sqlite affinity")
            << Dialect::Sqlite << QStringList{u"VARCHAR(10)"_s, u"BIGINT"_s, u""_s} << QString();
        QTest::newRow("sqlite wrong affinity")
            << Dialect::Sqlite << QStringList{u"TEXT"_s, u"TEXT"_s, u"TEXT"_s} << u"age"_s;
    }
    void compatibility()
    {
        QFETCH(Dialect, dialect);
        QFETCH(QStringList, foundTypes);
        QFETCH(QString, badColumn);
        const QStringList names{u"_id"_s, u"age"_s, u"name"_s};
        std::vector<ExistingColumn> found;
        for (int i = 0; i < foundTypes.size(); ++i)
            found.push_back({names[i], foundTypes[i], false});
        const QString problem = incompatibility(usersTable(), found, dialect);
        if (badColumn.isEmpty()) {
            QVERIFY2(problem.isEmpty(), qPrintable(problem));
        } else {
            QVERIFY(problem.contains(u"\"users\""_s));
            QVERIFY2(problem.contains(u'"' + badColumn + u'"'), qPrintable(problem));
            QVERIFY2(problem.contains(u"Drop or rename"_s), qPrintable(problem));
        }
    }

    void checkpointTable()
    {
        for (Dialect d : {Dialect::Postgres, Dialect::Sqlite}) {
            const QString sql = checkpointTableSql(d);
            QVERIFY(sql.contains(checkpointTableName()));
            QVERIFY(sql.contains(u"IF NOT EXISTS"_s));
        }
    }
};

QTEST_GUILESS_MAIN(DdlTest)
#include "tst_ddl.moc"

#include "project/mapping.h"
#include "project/project.h"
#include "run/report.h"

#include <QTest>

using namespace ferry;
using namespace Qt::StringLiterals;

namespace {

// Walks an enum's values until the name function returns nothing (enum classes have int
// underlying types, so this is defined); returns how many values had names.
// Walks an enum's values until the name function returns nothing (enum classes have int
// underlying types, so this is defined); counts the values whose lower-case name parses
// back to them in any case. A broken value makes the count fall short.
template <class E> int checkRoundTrip(QString (*nameFn)(E), bool (*parseFn)(const QString &, E *))
{
    int count = 0;
    for (int i = 0;; ++i) {
        const auto value = static_cast<E>(i);
        const QString name = nameFn(value);
        if (name.isEmpty())
            break;
        E parsed{};
        E upper{};
        const bool ok = parseFn(name, &parsed) && parsed == value &&
                        parseFn(name.toUpper(), &upper) && upper == value && name == name.toLower();
        if (ok)
            ++count;
        else
            qWarning("%s does not round-trip", qPrintable(name));
    }
    return count;
}

template <class E> bool rejects(bool (*parseFn)(const QString &, E *), const QString &name)
{
    E out{};
    return !parseFn(name, &out);
}

bool runStatusParse(const QString &s, RunStatus *out)
{
    return RunReport::parseStatus(s, out);
}

} // namespace

class TestMappingNames : public QObject {
    Q_OBJECT

private slots:
    void roundTrip_data();
    void roundTrip();
    void knownNames_data();
    void knownNames();
    void sqlTypes_data();
    void sqlTypes();
    void declaredSizes_data();
    void declaredSizes();
    void keyColumnsAndPrimaryKey();
    void tablesDepthFirst();
    void findCollection();
    void targetDialect_data();
    void targetDialect();
};

void TestMappingNames::roundTrip_data()
{
    QTest::addColumn<int>("named");
    QTest::addColumn<int>("expected");
    QTest::addColumn<bool>("rejectsUnknown");
    QTest::newRow("column type") << checkRoundTrip(columnTypeName, parseColumnType) << 10
                                 << rejects(parseColumnType, u"integr"_s);
    QTest::newRow("conversion") << checkRoundTrip(conversionName, parseConversion) << 3
                                << rejects(parseConversion, u"uuid"_s);
    QTest::newRow("column role") << checkRoundTrip(columnRoleName, parseColumnRole) << 5
                                 << rejects(parseColumnRole, u""_s);
    QTest::newRow("table kind") << checkRoundTrip(tableKindName, parseTableKind) << 3
                                << rejects(parseTableKind, u"list"_s);
    QTest::newRow("existing rows") << checkRoundTrip(existingRowsName, parseExistingRows) << 4
                                   << rejects(parseExistingRows, u"replace"_s);
    QTest::newRow("error policy") << checkRoundTrip(errorPolicyName, parseErrorPolicy) << 2
                                  << rejects(parseErrorPolicy, u"ignore"_s);
    QTest::newRow("id strategy") << checkRoundTrip(idStrategyName, parseIdStrategy) << 2
                                 << rejects(parseIdStrategy, u"objectid"_s);
    QTest::newRow("unknown fields") << checkRoundTrip(unknownFieldsName, parseUnknownFields) << 3
                                    << rejects(parseUnknownFields, u"drop"_s);
    QTest::newRow("name style") << checkRoundTrip(nameStyleName, parseNameStyle) << 2
                                << rejects(parseNameStyle, u"lower"_s);
    QTest::newRow("character types") << checkRoundTrip(characterTypesName, parseCharacterTypes) << 2
                                     << rejects(parseCharacterTypes, u"nvarchar"_s);
    QTest::newRow("run status") << checkRoundTrip(RunReport::statusName, runStatusParse) << 5
                                << rejects(runStatusParse, u"done"_s);
}

void TestMappingNames::roundTrip()
{
    QFETCH(int, named);
    QFETCH(int, expected);
    QFETCH(bool, rejectsUnknown);
    QCOMPARE(named, expected);
    QVERIFY2(rejectsUnknown, "an unknown name was accepted");
}

// The names are a file format: pin them, not just their consistency.
void TestMappingNames::knownNames_data()
{
    QTest::addColumn<QString>("actual");
    QTest::addColumn<QString>("expected");
    const char *types[] = {"text",    "integer",   "bigint", "double", "numeric",
                           "boolean", "timestamp", "uuid",   "binary", "json"};
    for (int i = 0; i < 10; ++i)
        QTest::addRow("type %s", types[i])
            << columnTypeName(static_cast<ColumnType>(i)) << QString::fromLatin1(types[i]);
    QTest::newRow("objectid_uuid")
        << conversionName(Conversion::ObjectIdUuid) << u"objectid_uuid"_s;
    QTest::newRow("parent_key") << columnRoleName(ColumnRole::ParentKey) << u"parent_key"_s;
    QTest::newRow("map_key") << columnRoleName(ColumnRole::MapKey) << u"map_key"_s;
    QTest::newRow("map") << tableKindName(TableKind::Map) << u"map"_s;
    QTest::newRow("truncate") << existingRowsName(ExistingRows::Truncate) << u"truncate"_s;
    QTest::newRow("reject") << errorPolicyName(ErrorPolicy::Reject) << u"reject"_s;
    QTest::newRow("objectid_text")
        << idStrategyName(IdStrategy::ObjectIdText) << u"objectid_text"_s;
    QTest::newRow("ignore") << unknownFieldsName(UnknownFields::Ignore) << u"ignore"_s;
    QTest::newRow("completed_with_rejects")
        << RunReport::statusName(RunStatus::CompletedWithRejects) << u"completed_with_rejects"_s;
    QTest::newRow("mismatches") << RunReport::statusName(RunStatus::Mismatches) << u"mismatches"_s;
}

void TestMappingNames::knownNames()
{
    QFETCH(QString, actual);
    QFETCH(QString, expected);
    QCOMPARE(actual, expected);
}

void TestMappingNames::sqlTypes_data()
{
    QTest::addColumn<int>("type");
    QTest::addColumn<bool>("pgArray");
    QTest::addColumn<QString>("postgres");
    QTest::addColumn<QString>("sqlite");
    const char *pg[] = {"text",    "integer", "bigint",      "double precision",
                        "numeric", "boolean", "timestamptz", "uuid",
                        "bytea",   "jsonb"};
    const char *lite[] = {"TEXT",    "INTEGER", "INTEGER", "REAL", "TEXT",
                          "INTEGER", "TEXT",    "TEXT",    "BLOB", "TEXT JSON"};
    for (int i = 0; i < 10; ++i) {
        const QString name = columnTypeName(static_cast<ColumnType>(i));
        QTest::addRow("%s", qPrintable(name))
            << i << false << QString::fromLatin1(pg[i]) << QString::fromLatin1(lite[i]);
        QTest::addRow("%s[]", qPrintable(name))
            << i << true << QString::fromLatin1(pg[i]) + u"[]"_s << u"TEXT JSON"_s;
    }
}

void TestMappingNames::sqlTypes()
{
    QFETCH(int, type);
    QFETCH(bool, pgArray);
    QFETCH(QString, postgres);
    QFETCH(QString, sqlite);
    ColumnMapping c;
    c.type = static_cast<ColumnType>(type);
    c.pgArray = pgArray;
    QCOMPARE(sqlTypeName(c, Dialect::Postgres), postgres);
    QCOMPARE(sqlTypeName(c, Dialect::Sqlite), sqlite);
}

void TestMappingNames::declaredSizes_data()
{
    QTest::addColumn<int>("type");
    QTest::addColumn<int>("length");
    QTest::addColumn<int>("precision");
    QTest::addColumn<int>("scale");
    QTest::addColumn<QString>("postgres");
    QTest::addColumn<QString>("sqlite");
    const int text = int(ColumnType::Text);
    const int numeric = int(ColumnType::Numeric);
    QTest::newRow("varchar") << text << 40 << 0 << 0 << u"varchar(40)"_s << u"VARCHAR(40)"_s;
    QTest::newRow("numeric") << numeric << 0 << 10 << 2 << u"numeric(10,2)"_s << u"TEXT"_s;
    QTest::newRow("numeric scale 0") << numeric << 0 << 5 << 0 << u"numeric(5,0)"_s << u"TEXT"_s;
    // A size belongs to its type: left over after a type change, it is not rendered.
    QTest::newRow("length on integer")
        << int(ColumnType::Integer) << 40 << 0 << 0 << u"integer"_s << u"INTEGER"_s;
    QTest::newRow("precision on text") << text << 0 << 10 << 2 << u"text"_s << u"TEXT"_s;
}

void TestMappingNames::declaredSizes()
{
    QFETCH(int, type);
    QFETCH(int, length);
    QFETCH(int, precision);
    QFETCH(int, scale);
    QFETCH(QString, postgres);
    QFETCH(QString, sqlite);
    ColumnMapping c;
    c.type = static_cast<ColumnType>(type);
    c.length = length;
    c.precision = precision;
    c.scale = scale;
    QCOMPARE(sqlTypeName(c, Dialect::Postgres), postgres);
    QCOMPARE(sqlTypeName(c, Dialect::Sqlite), sqlite);
}

void TestMappingNames::keyColumnsAndPrimaryKey()
{
    TableMapping t;
    auto add = [&](const QString &name, ColumnRole role, bool pk) {
        ColumnMapping c;
        c.column = name;
        c.role = role;
        c.primaryKey = pk;
        t.columns.push_back(c);
    };
    add(u"value"_s, ColumnRole::Value, false);
    add(u"parent"_s, ColumnRole::ParentKey, false);
    add(u"id"_s, ColumnRole::Value, true);
    add(u"ord"_s, ColumnRole::Ordinal, false);
    add(u"key"_s, ColumnRole::MapKey, false);
    add(u"_extra"_s, ColumnRole::Extra, false);

    QStringList keys;
    for (const ColumnMapping *c : t.keyColumns())
        keys << c->column;
    QCOMPARE(keys, (QStringList{u"parent"_s, u"id"_s, u"ord"_s, u"key"_s}));
    QVERIFY(t.primaryKey());
    QCOMPARE(t.primaryKey()->column, u"id"_s);
    t.columns[2].primaryKey = false;
    QCOMPARE(t.primaryKey(), nullptr);
}

void TestMappingNames::tablesDepthFirst()
{
    auto table = [](const QString &name) {
        TableMapping t;
        t.table = name;
        return t;
    };
    CollectionMapping c;
    c.root = table(u"orders"_s);
    TableMapping items = table(u"orders_items"_s);
    items.children.push_back(table(u"orders_items_tags"_s));
    c.root.children.push_back(items);
    c.root.children.push_back(table(u"orders_notes"_s));

    QStringList names;
    for (const TableMapping *t : c.tables())
        names << t->table;
    QCOMPARE(names, (QStringList{u"orders"_s, u"orders_items"_s, u"orders_items_tags"_s,
                                 u"orders_notes"_s}));
}

void TestMappingNames::findCollection()
{
    Project p;
    CollectionMapping a;
    a.collection = u"users"_s;
    CollectionMapping b;
    b.collection = u"orders"_s;
    p.collections = {a, b};
    QVERIFY(p.findCollection(u"orders"_s));
    QCOMPARE(p.findCollection(u"orders"_s), &p.collections[1]);
    QCOMPARE(std::as_const(p).findCollection(u"users"_s), &p.collections[0]);
    QCOMPARE(p.findCollection(u"missing"_s), nullptr);
}

void TestMappingNames::targetDialect_data()
{
    QTest::addColumn<QString>("uri");
    QTest::addColumn<bool>("sqlite");
    QTest::newRow("sqlite:") << u"sqlite:/tmp/x.sqlite"_s << true;
    QTest::newRow("SQLITE:") << u"SQLITE:out"_s << true;
    QTest::newRow("bare .db") << u"/tmp/out.db"_s << true;
    QTest::newRow("postgresql") << u"postgresql://u@h/db"_s << false;
    QTest::newRow("empty") << QString() << false;
}

void TestMappingNames::targetDialect()
{
    QFETCH(QString, uri);
    QFETCH(bool, sqlite);
    Project p;
    p.targetUri = uri;
    QCOMPARE(p.targetDialect(), sqlite ? Dialect::Sqlite : Dialect::Postgres);
}

QTEST_GUILESS_MAIN(TestMappingNames)
#include "tst_mapping_names.moc"

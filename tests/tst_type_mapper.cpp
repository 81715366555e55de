#include "schema/relational_mapping.h"
#include "schema/type_mapper.h"
#include "support/test_services.h"

#include <QFile>
#include <QTest>

#include <memory>

using namespace ferry;
using namespace Qt::StringLiterals;

namespace {

// Owns a bson_t; unique_ptr<bson_t> would warn about bson_t's alignment attribute.
class BsonPtr {
public:
    explicit BsonPtr(bson_t *doc) : m_doc(doc) {}
    ~BsonPtr() { bson_destroy(m_doc); }
    BsonPtr(const BsonPtr &) = delete;
    BsonPtr &operator=(const BsonPtr &) = delete;
    const bson_t *get() const { return m_doc; }

private:
    bson_t *m_doc;
};

BsonPtr fromJson(const QString &json)
{
    bson_error_t error;
    const QByteArray utf8 = json.toUtf8();
    bson_t *doc = bson_new_from_json(reinterpret_cast<const uint8_t *>(utf8.constData()),
                                     utf8.size(), &error);
    if (!doc)
        qFatal("bad test JSON %s: %s", utf8.constData(), error.message);
    return BsonPtr(doc);
}

std::unique_ptr<FieldNode> infer(const QStringList &docs)
{
    SchemaInferrer inferrer;
    for (const QString &json : docs)
        inferrer.add(fromJson(json).get());
    return inferrer.take();
}

MappingProposal propose(const QStringList &docs, const QString &collection = u"c"_s,
                        ProjectOptions options = {})
{
    const auto root = infer(docs);
    return proposeMapping(collection, *root, qint64(docs.size()), Dialect::Postgres, options,
                          nullptr);
}

// Local names keep failure messages readable without depending on mapping.cpp.
const char *typeName(ColumnType t)
{
    static const char *const names[] = {"Text",    "Integer",   "BigInt", "Double", "Numeric",
                                        "Boolean", "Timestamp", "Uuid",   "Binary", "Json"};
    return names[int(t)];
}

const ColumnMapping *column(const TableMapping &table, const QString &name)
{
    for (const ColumnMapping &c : table.columns) {
        if (c.column == name)
            return &c;
    }
    return nullptr;
}

const TableMapping *childTable(const TableMapping &table, const QString &name)
{
    for (const TableMapping &t : table.children) {
        if (t.table == name)
            return &t;
    }
    return nullptr;
}

QStringList columnNames(const TableMapping &table)
{
    QStringList names;
    for (const ColumnMapping &c : table.columns)
        names << c.column;
    return names;
}

// Builds a node straight from a histogram: "int32:120,string:3".
FieldNode histogramNode(const QString &path, const QString &counts)
{
    FieldNode node;
    node.path = path;
    node.name = path;
    for (const QString &part : counts.split(u',', Qt::SkipEmptyParts)) {
        const QStringList kv = part.split(u':');
        for (int k = 0; k < int(BsonKind::Count); ++k) {
            if (bsonKindName(BsonKind(k)) == kv.at(0))
                node.types[size_t(k)] = kv.at(1).toLongLong();
        }
    }
    node.present = node.total();
    return node;
}

} // namespace

class TypeMapperTest : public QObject {
    Q_OBJECT

private slots:
    void widening_data();
    void widening();
    void theaters();
    void objectIdsAsUuid();
    void mixedFieldsWarn();
    void mapBecomesOneChildTable();
    void flattenedNameCollisions();
    void reservedWords();
    void nestedArrays();
    void shortNumberArrays_data();
    void shortNumberArrays();
    void nullability();
    void tableNamesAcrossCollections();
    void deepNestingFallsBackToJson();
    void unknownFieldsPolicy();
    void missingIdStillGetsKey();
    void declaredSizes_data();
    void declaredSizes();
};

void TypeMapperTest::widening_data()
{
    QTest::addColumn<QString>("counts");
    QTest::addColumn<int>("type");
    QTest::addColumn<QString>("warning"); // "" none, else expected text or a fragment of it

    auto row = [](const char *name, const QString &counts, ColumnType type,
                  const QString &warning = {}) {
        QTest::newRow(name) << counts << int(type) << warning;
    };
    row("double", u"double:4"_s, ColumnType::Double);
    row("int32", u"int32:4"_s, ColumnType::Integer);
    row("int64", u"int64:4"_s, ColumnType::BigInt);
    row("int32+int64", u"int32:4,int64:1"_s, ColumnType::BigInt);
    row("int+double", u"int32:4,double:2"_s, ColumnType::Double);
    row("int64+double keeps digits", u"int64:4,double:2"_s, ColumnType::Numeric);
    row("decimal+ints", u"decimal128:2,int32:3,int64:1"_s, ColumnType::Numeric);
    row("bool", u"bool:2"_s, ColumnType::Boolean);
    row("string", u"string:2"_s, ColumnType::Text);
    row("date", u"date:2"_s, ColumnType::Timestamp);
    row("objectId", u"objectId:2"_s, ColumnType::Text);
    row("uuid", u"uuid:2"_s, ColumnType::Uuid);
    row("binary", u"binary:2"_s, ColumnType::Binary);
    row("binary+uuid", u"binary:2,uuid:1"_s, ColumnType::Binary);
    row("only null", u"null:5"_s, ColumnType::Text);
    row("nothing", QString(), ColumnType::Text);
    row("null+int32", u"null:5,int32:1"_s, ColumnType::Integer);
    row("regex", u"regex:1"_s, ColumnType::Json);
    row("timestamp", u"timestamp:1"_s, ColumnType::Json);
    row("javascript", u"javascript:1"_s, ColumnType::Json);
    row("int+string", u"int32:120,string:3"_s, ColumnType::Text,
        u"field `age`: 120 int32, 3 string — stored as text"_s);
    row("string+int, most first", u"int32:3,string:120,null:9"_s, ColumnType::Text,
        u"field `age`: 120 string, 3 int32 — stored as text"_s);
    row("date+string", u"date:5,string:1"_s, ColumnType::Text, u"stored as text"_s);
    row("document+string", u"document:2,string:1"_s, ColumnType::Json,
        u"field `age`: 2 document, 1 string — stored as JSON"_s);
    row("array+int", u"array:2,int32:1"_s, ColumnType::Json, u"stored as JSON"_s);
    row("minKey+int", u"minKey:1,int32:1"_s, ColumnType::Json, u"stored as JSON"_s);
    row("binary+string", u"binary:1,string:1"_s, ColumnType::Json, u"stored as JSON"_s);
}

void TypeMapperTest::widening()
{
    QFETCH(QString, counts);
    QFETCH(int, type);
    QFETCH(QString, warning);

    const FieldNode node = histogramNode(u"age"_s, counts);
    QString got = u"stale"_s;
    const ColumnType t = defaultColumnType(node, Dialect::Postgres, &got);
    QVERIFY2(int(t) == type,
             qPrintable(u"got %1, want %2"_s.arg(QLatin1String(typeName(t)),
                                                 QLatin1String(typeName(ColumnType(type))))));
    if (warning.isEmpty())
        QVERIFY2(got.isEmpty(), qPrintable(got));
    else
        QVERIFY2(got.contains(warning), qPrintable(got));
    // The dialect does not change the logical type.
    QCOMPARE(int(defaultColumnType(node, Dialect::Sqlite, nullptr)), type);
}

void TypeMapperTest::theaters()
{
    const QString path = test::sharedDataset(u"sample_mflix/theaters.json"_s);
    if (!QFile::exists(path))
        QSKIP(qPrintable(u"dataset missing: "_s + path));
    bson_error_t error;
    bson_json_reader_t *reader = bson_json_reader_new_from_file(path.toUtf8().constData(), &error);
    QVERIFY2(reader, error.message);
    SchemaInferrer inferrer;
    bson_t doc = BSON_INITIALIZER;
    while (bson_json_reader_read(reader, &doc, &error) > 0) {
        inferrer.add(&doc);
        bson_reinit(&doc);
    }
    bson_destroy(&doc);
    bson_json_reader_destroy(reader);
    const qint64 docs = inferrer.documents();
    const auto root = inferrer.take();

    const MappingProposal p =
        proposeMapping(u"theaters"_s, *root, docs, Dialect::Postgres, ProjectOptions{}, nullptr);
    QVERIFY2(p.warnings.isEmpty(), qPrintable(p.warnings.join(u'\n')));
    const TableMapping &t = p.mapping.root;
    QCOMPARE(p.mapping.collection, u"theaters"_s);
    QCOMPARE(t.table, u"theaters"_s);
    QCOMPARE(int(t.kind), int(TableKind::Root));

    const ColumnMapping &pk = t.columns.front();
    QCOMPARE(pk.column, u"_id"_s);
    QCOMPARE(pk.source, u"_id"_s);
    QVERIFY(pk.primaryKey);
    QVERIFY(!pk.nullable);
    QCOMPARE(int(pk.type), int(ColumnType::Text));

    const ColumnMapping *theaterId = column(t, u"theaterid"_s);
    QVERIFY2(theaterId, qPrintable(columnNames(t).join(u", "_s)));
    QCOMPARE(int(theaterId->type), int(ColumnType::Integer));
    const ColumnMapping *city = column(t, u"location_address_city"_s);
    QVERIFY(city);
    QCOMPARE(city->source, u"location.address.city"_s);
    QCOMPARE(int(city->type), int(ColumnType::Text));
    QVERIFY(!city->nullable);
    const ColumnMapping *street2 = column(t, u"location_address_street2"_s);
    QVERIFY(street2);
    QVERIFY(street2->nullable);
    QVERIFY(column(t, u"location_geo_type"_s));
    // A GeoJSON point's [lon, lat] stays in its row: a double precision[] column, not a
    // child table of two rows per theater.
    const ColumnMapping *coords = column(t, u"location_geo_coordinates"_s);
    QVERIFY(coords);
    QCOMPARE(coords->source, u"location.geo.coordinates"_s);
    QVERIFY(coords->pgArray);
    QCOMPARE(int(coords->type), int(ColumnType::Double));
    QVERIFY(!coords->nullable);
    QVERIFY(t.children.empty());

    const ColumnMapping &extra = t.columns.back();
    QCOMPARE(extra.column, u"_extra"_s);
    QCOMPARE(int(extra.role), int(ColumnRole::Extra));
    QCOMPARE(int(extra.type), int(ColumnType::Json));
}

void TypeMapperTest::objectIdsAsUuid()
{
    ProjectOptions options;
    options.idStrategy = IdStrategy::ObjectIdUuid;
    const MappingProposal p =
        propose({u"{\"_id\": {\"$oid\": \"59a47286cfa9a3a73e51e72c\"}, \"owner\": {\"$oid\": "
                 "\"59a47286cfa9a3a73e51e72d\"}, \"tags\": [\"a\"], \"name\": \"x\"}"_s},
                u"c"_s, options);
    const TableMapping &t = p.mapping.root;
    for (const QString &name : {u"_id"_s, u"owner"_s}) {
        const ColumnMapping *c = column(t, name);
        QVERIFY(c);
        QCOMPARE(int(c->type), int(ColumnType::Uuid));
        QCOMPARE(int(c->conversion), int(Conversion::ObjectIdUuid));
    }
    QCOMPARE(int(column(t, u"name"_s)->conversion), int(Conversion::Auto));
    const ColumnMapping &parentKey = t.children.front().columns.front();
    QCOMPARE(parentKey.column, u"c_id"_s);
    QCOMPARE(int(parentKey.type), int(ColumnType::Uuid));
}

void TypeMapperTest::mixedFieldsWarn()
{
    const MappingProposal p = propose({
        u"{\"_id\": 1, \"age\": 30, \"meta\": {\"a\": 1}}"_s,
        u"{\"_id\": 2, \"age\": \"thirty\", \"meta\": \"none\"}"_s,
        u"{\"_id\": 3, \"age\": 31}"_s,
    });
    const TableMapping &t = p.mapping.root;
    QCOMPARE(int(column(t, u"_id"_s)->type), int(ColumnType::Integer));
    QCOMPARE(int(column(t, u"age"_s)->type), int(ColumnType::Text));
    const ColumnMapping *meta = column(t, u"meta"_s);
    QVERIFY2(meta, qPrintable(columnNames(t).join(u", "_s)));
    QCOMPARE(int(meta->type), int(ColumnType::Json));
    QVERIFY(!column(t, u"meta_a"_s));
    QCOMPARE(p.warnings.size(), 2);
    QCOMPARE(p.warnings.at(0), u"field `age`: 2 int32, 1 string — stored as text"_s);
    QCOMPARE(p.warnings.at(1), u"field `meta`: 1 string, 1 document — stored as JSON"_s);
}

void TypeMapperTest::mapBecomesOneChildTable()
{
    QStringList entries;
    for (int i = 0; i < 200; ++i) {
        entries << u"\"%1\": {\"score\": %2, \"at\": {\"$date\": {\"$numberLong\": \"0\"}}}"_s
                       .arg(0x5f000000 + i * 7919, 24, 16, QLatin1Char('0'))
                       .arg(i % 5);
    }
    const MappingProposal p = propose(
        {u"{\"_id\": 1, \"name\": \"film\", \"ratings\": {%1}}"_s.arg(entries.join(u", "_s))});
    const TableMapping &t = p.mapping.root;
    QCOMPARE(columnNames(t), (QStringList{u"_id"_s, u"name"_s, u"_extra"_s}));
    QCOMPARE(t.children.size(), size_t(1));
    const TableMapping &ratings = t.children.front();
    QCOMPARE(ratings.table, u"c_ratings"_s);
    QCOMPARE(int(ratings.kind), int(TableKind::Map));
    QCOMPARE(ratings.source, u"ratings"_s);
    QCOMPARE(columnNames(ratings), (QStringList{u"c_id"_s, u"map_key"_s, u"score"_s, u"at"_s}));
    QCOMPARE(int(ratings.columns[0].type), int(ColumnType::Integer));
    QCOMPARE(int(ratings.columns[1].role), int(ColumnRole::MapKey));
    QVERIFY(ratings.columns[1].primaryKey);
    QCOMPARE(ratings.columns[2].source, u"score"_s);
    QCOMPARE(int(ratings.columns[3].type), int(ColumnType::Timestamp));
}

void TypeMapperTest::flattenedNameCollisions()
{
    const MappingProposal p =
        propose({u"{\"_id\": 1, \"a\": {\"b\": 1}, \"a_b\": 2, \"A_B\": 3}"_s});
    const TableMapping &t = p.mapping.root;
    QCOMPARE(columnNames(t),
             (QStringList{u"_id"_s, u"a_b"_s, u"a_b_2"_s, u"a_b_3"_s, u"_extra"_s}));
    QCOMPARE(t.columns[1].source, u"a.b"_s);
    QCOMPARE(t.columns[2].source, u"a_b"_s);
    QCOMPARE(t.columns[3].source, u"A_B"_s);
}

void TypeMapperTest::reservedWords()
{
    const MappingProposal p =
        propose({u"{\"_id\": 1, \"user\": \"x\", \"order\": 2}"_s}, u"select"_s);
    QCOMPARE(p.mapping.root.table, u"select_"_s);
    QCOMPARE(columnNames(p.mapping.root),
             (QStringList{u"_id"_s, u"user_"_s, u"order_"_s, u"_extra"_s}));
    QCOMPARE(p.mapping.root.columns[1].source, u"user"_s);
}

void TypeMapperTest::nestedArrays()
{
    const MappingProposal p = propose({
        u"{\"_id\": 1, \"items\": [{\"sku\": \"x\", \"ordinal\": 5, \"tags\": [\"a\", \"b\"]}],"
        " \"matrix\": [[1, 2, 3, 4, 5], [3]]}"_s,
    });
    const TableMapping &t = p.mapping.root;
    QCOMPARE(t.children.size(), size_t(2));

    const TableMapping *items = childTable(t, u"c_items"_s);
    QVERIFY(items);
    // An element field named like the key column gets a suffix, the key keeps its name.
    QCOMPARE(columnNames(*items), (QStringList{u"c_id"_s, u"ordinal"_s, u"sku"_s, u"ordinal_2"_s}));
    QCOMPARE(items->columns[3].source, u"ordinal"_s);
    const TableMapping *tags = childTable(*items, u"c_items_tags"_s);
    QVERIFY(tags);
    QCOMPARE(tags->source, u"tags"_s);
    QCOMPARE(columnNames(*tags),
             (QStringList{u"c_id"_s, u"items_ordinal"_s, u"ordinal"_s, u"value"_s}));
    QCOMPARE(int(tags->columns[1].role), int(ColumnRole::ParentKey));
    QCOMPARE(int(tags->columns[1].type), int(ColumnType::Integer));
    QVERIFY(tags->columns[1].primaryKey);
    QCOMPARE(int(tags->columns[2].role), int(ColumnRole::Ordinal));

    const TableMapping *matrix = childTable(t, u"c_matrix"_s);
    QVERIFY(matrix);
    QCOMPARE(columnNames(*matrix), (QStringList{u"c_id"_s, u"ordinal"_s}));
    QCOMPARE(matrix->children.size(), size_t(1));
    const TableMapping &cells = matrix->children.front();
    QCOMPARE(cells.table, u"c_matrix_value"_s);
    QCOMPARE(cells.source, QString());
    QCOMPARE(columnNames(cells),
             (QStringList{u"c_id"_s, u"matrix_ordinal"_s, u"ordinal"_s, u"value"_s}));
    QCOMPARE(int(cells.columns[3].type), int(ColumnType::Integer));
}

void TypeMapperTest::shortNumberArrays_data()
{
    QTest::addColumn<QStringList>("values"); // of field `a`, one document each
    QTest::addColumn<bool>("column");        // a column (else a child table)
    QTest::addColumn<int>("pgType");
    QTest::newRow("point") << QStringList{u"[-93.24565, 44.85466]"_s, u"[1.5, 2]"_s} << true
                           << int(ColumnType::Double);
    QTest::newRow("rgb") << QStringList{u"[255, 128, 0]"_s} << true << int(ColumnType::BigInt);
    QTest::newRow("int64 and double")
        << QStringList{u"[{\"$numberLong\": \"9007199254740993\"}, 0.5]"_s} << true
        << int(ColumnType::Numeric);
    QTest::newRow("lengths 1 to 4")
        << QStringList{u"[1]"_s, u"[1, 2, 3, 4]"_s} << true << int(ColumnType::BigInt);
    QTest::newRow("five numbers") << QStringList{u"[1, 2, 3, 4, 5]"_s} << false << 0;
    QTest::newRow("an empty one") << QStringList{u"[1, 2]"_s, u"[]"_s} << false << 0;
    QTest::newRow("a null element") << QStringList{u"[1, null]"_s} << false << 0;
    QTest::newRow("strings") << QStringList{u"[\"a\", \"b\"]"_s} << false << 0;
    QTest::newRow("not always an array")
        << QStringList{u"[1, 2]"_s, u"3"_s} << true << int(ColumnType::Json);
}

// Arrays of at most four numbers (coordinates, colours, boxes) stay in their row: a
// PostgreSQL array, or JSON on SQLite; anything else keeps the child table.
void TypeMapperTest::shortNumberArrays()
{
    QFETCH(QStringList, values);
    QFETCH(bool, column);
    QFETCH(int, pgType);
    QStringList docs;
    for (int i = 0; i < values.size(); ++i)
        docs << u"{\"_id\": %1, \"a\": %2}"_s.arg(i).arg(values[i]);
    const auto root = infer(docs);
    for (const Dialect dialect : {Dialect::Postgres, Dialect::Sqlite}) {
        const MappingProposal p =
            proposeMapping(u"c"_s, *root, qint64(docs.size()), dialect, {}, nullptr);
        const ColumnMapping *a = ::column(p.mapping.root, u"a"_s);
        QCOMPARE(bool(a), column);
        QCOMPARE(p.mapping.root.children.empty(), column);
        if (!a)
            continue;
        const bool pgArray = dialect == Dialect::Postgres && pgType != int(ColumnType::Json);
        QCOMPARE(a->pgArray, pgArray);
        QCOMPARE(int(a->type), pgArray ? pgType : int(ColumnType::Json));
    }
}

void TypeMapperTest::nullability()
{
    const MappingProposal p = propose({
        u"{\"_id\": 1, \"always\": 1, \"sometimes\": 1, \"nulled\": 1, \"sub\": {\"x\": 1}}"_s,
        u"{\"_id\": 2, \"always\": 2, \"nulled\": null}"_s,
    });
    const TableMapping &t = p.mapping.root;
    QVERIFY(!column(t, u"always"_s)->nullable);
    QVERIFY(column(t, u"sometimes"_s)->nullable);
    QVERIFY(column(t, u"nulled"_s)->nullable);
    QCOMPARE(int(column(t, u"nulled"_s)->type), int(ColumnType::Integer));
    // x is in every `sub`, but `sub` itself is missing from a document.
    QVERIFY(column(t, u"sub_x"_s)->nullable);
}

void TypeMapperTest::tableNamesAcrossCollections()
{
    const auto root = infer({u"{\"_id\": 1, \"tags\": [\"a\"]}"_s});
    NameAllocator tables(Dialect::Postgres);
    tables.reserve(u"users_tags"_s);
    const MappingProposal a =
        proposeMapping(u"Users"_s, *root, 1, Dialect::Postgres, ProjectOptions{}, &tables);
    const MappingProposal b =
        proposeMapping(u"users"_s, *root, 1, Dialect::Postgres, ProjectOptions{}, &tables);
    QCOMPARE(a.mapping.root.table, u"users"_s);
    QCOMPARE(a.mapping.root.children.front().table, u"users_tags_2"_s);
    QCOMPARE(b.mapping.root.table, u"users_2"_s);
    QCOMPARE(b.mapping.root.children.front().table, u"users_2_tags"_s);
    QCOMPARE(b.mapping.root.children.front().columns.front().column, u"users_2_id"_s);
}

void TypeMapperTest::deepNestingFallsBackToJson()
{
    const MappingProposal p = propose({u"{\"_id\": 1, \"deep\": [[[[[[[[[[1]]]]]]]]]]}"_s});
    int depth = 0;
    const TableMapping *table = &p.mapping.root;
    while (!table->children.empty()) {
        table = &table->children.front();
        ++depth;
    }
    QCOMPARE(depth, 8);
    const ColumnMapping &value = table->columns.back();
    QCOMPARE(value.column, u"value"_s);
    QCOMPARE(int(value.type), int(ColumnType::Json));
    QCOMPARE(p.warnings.size(), 1);
    QVERIFY2(p.warnings.front().contains(u"deep"_s), qPrintable(p.warnings.front()));
}

void TypeMapperTest::unknownFieldsPolicy()
{
    ProjectOptions options;
    options.unknownFields = UnknownFields::Ignore;
    QCOMPARE(columnNames(propose({u"{\"_id\": 1}"_s}, u"c"_s, options).mapping.root),
             (QStringList{u"_id"_s}));
    options.unknownFields = UnknownFields::Extra;
    options.extraColumn = u"Leftovers"_s;
    const MappingProposal p = propose({u"{\"_id\": 1, \"leftovers\": 1}"_s}, u"c"_s, options);
    QCOMPARE(columnNames(p.mapping.root),
             (QStringList{u"_id"_s, u"leftovers"_s, u"leftovers_2"_s}));
}

void TypeMapperTest::missingIdStillGetsKey()
{
    const MappingProposal p = propose({u"{\"name\": \"x\"}"_s});
    const ColumnMapping &pk = p.mapping.root.columns.front();
    QCOMPARE(pk.column, u"_id"_s);
    QVERIFY(pk.primaryKey);
    QCOMPARE(int(pk.type), int(ColumnType::Text));
    QCOMPARE(p.warnings.size(), 1);
    QVERIFY2(p.warnings.front().contains(u"_id"_s), qPrintable(p.warnings.front()));
}

void TypeMapperTest::declaredSizes_data()
{
    QTest::addColumn<QString>("declared");
    QTest::addColumn<int>("type");
    QTest::addColumn<bool>("asText");      // character types: text
    QTest::addColumn<QString>("sample");   // "" none, else "chars=N" or "digits=B.A"
    QTest::addColumn<QString>("expected"); // "length", "precision,scale" or ""
    QTest::addColumn<bool>("warns");
    const int text = int(ColumnType::Text), numeric = int(ColumnType::Numeric);
    QTest::newRow("NVARCHAR(40)") << u"NVARCHAR(40)"_s << text << false << QString() << u"40"_s
                                  << false;
    QTest::newRow("character varying(12)")
        << u"character varying(12)"_s << text << false << u"chars=12"_s << u"12"_s << false;
    QTest::newRow("CHAR (3)") << u"CHAR (3)"_s << text << false << QString() << u"3"_s << false;
    QTest::newRow("as text") << u"VARCHAR(40)"_s << text << true << QString() << QString() << false;
    QTest::newRow("longer sampled")
        << u"VARCHAR(5)"_s << text << false << u"chars=6"_s << QString() << true;
    QTest::newRow("NUMERIC(10,2)")
        << u"NUMERIC(10,2)"_s << numeric << false << u"digits=8.2"_s << u"10,2"_s << false;
    QTest::newRow("decimal(5)") << u"decimal(5)"_s << numeric << false << QString() << u"5,0"_s
                                << false;
    QTest::newRow("more decimals sampled")
        << u"NUMERIC(10,2)"_s << numeric << false << u"digits=1.3"_s << QString() << true;
    QTest::newRow("more integer digits sampled")
        << u"NUMERIC(10,2)"_s << numeric << false << u"digits=9.0"_s << QString() << true;
    // Sizes of other types, or of a type the values did not keep to, are left alone.
    QTest::newRow("varchar mapped to numeric")
        << u"VARCHAR(10)"_s << numeric << false << QString() << QString() << false;
    QTest::newRow("numeric mapped to text")
        << u"NUMERIC(10,2)"_s << text << false << QString() << QString() << false;
    QTest::newRow("bit(8)") << u"bit(8)"_s << text << false << QString() << QString() << false;
    QTest::newRow("timestamp(3)") << u"timestamp(3) with time zone"_s << text << false << QString()
                                  << QString() << false;
    QTest::newRow("scale over precision")
        << u"NUMERIC(2,5)"_s << numeric << false << QString() << QString() << false;
}

void TypeMapperTest::declaredSizes()
{
    QFETCH(QString, declared);
    QFETCH(int, type);
    QFETCH(bool, asText);
    QFETCH(QString, sample);
    QFETCH(QString, expected);
    QFETCH(bool, warns);
    ColumnMapping column;
    column.type = ColumnType(type);
    FieldNode sampled;
    if (sample.startsWith(u"chars="_s)) {
        sampled.maxChars = sample.mid(6).toLongLong();
    } else if (sample.startsWith(u"digits="_s)) {
        const QStringList parts = sample.mid(7).split(u'.');
        sampled.maxIntegerDigits = parts[0].toLongLong();
        sampled.maxFractionDigits = parts[1].toLongLong();
    }
    const QString warning =
        applyDeclaredSize(column, ColumnInfo{u"c"_s, declared, true},
                          asText ? CharacterTypes::Text : CharacterTypes::Varchar,
                          sample.isEmpty() ? nullptr : &sampled);
    QCOMPARE(!warning.isEmpty(), warns);
    if (warns)
        QVERIFY2(warning.contains(declared), qPrintable(warning));
    const QString got = column.length > 0      ? QString::number(column.length)
                        : column.precision > 0 ? u"%1,%2"_s.arg(column.precision).arg(column.scale)
                                               : QString();
    QCOMPARE(got, expected);
}

QTEST_GUILESS_MAIN(TypeMapperTest)
#include "tst_type_mapper.moc"

#include "schema/field_tree.h"
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

// Test documents are written as canonical Extended JSON so each type is explicit.
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

qint64 count(const FieldNode &node, BsonKind kind)
{
    return node.types[static_cast<size_t>(kind)];
}

QString hexKey(int i)
{
    return u"%1"_s.arg(0x5f000000 + i * 7919, 24, 16, QLatin1Char('0'));
}

} // namespace

class SchemaInferenceTest : public QObject {
    Q_OBJECT

private slots:
    void kindNames_data();
    void kindNames();
    void histogram_data();
    void histogram();
    void binarySubtypes();
    void nestedPaths();
    void firstSeenOrder();
    void mapDetection_data();
    void mapDetection();
    void hugeMapIsFoldedWhileSampling();
    void theaters();
};

void SchemaInferenceTest::kindNames_data()
{
    QTest::addColumn<int>("type");
    QTest::addColumn<int>("subtype");
    QTest::addColumn<QString>("name");
    QTest::newRow("double") << int(BSON_TYPE_DOUBLE) << 0 << u"double"_s;
    QTest::newRow("string") << int(BSON_TYPE_UTF8) << 0 << u"string"_s;
    QTest::newRow("oid") << int(BSON_TYPE_OID) << 0 << u"objectId"_s;
    QTest::newRow("date") << int(BSON_TYPE_DATE_TIME) << 0 << u"date"_s;
    QTest::newRow("code") << int(BSON_TYPE_CODE) << 0 << u"javascript"_s;
    QTest::newRow("codewscope") << int(BSON_TYPE_CODEWSCOPE) << 0 << u"javascriptWithScope"_s;
    QTest::newRow("int64") << int(BSON_TYPE_INT64) << 0 << u"int64"_s;
    QTest::newRow("decimal") << int(BSON_TYPE_DECIMAL128) << 0 << u"decimal128"_s;
    QTest::newRow("binary") << int(BSON_TYPE_BINARY) << 0 << u"binary"_s;
    QTest::newRow("uuid") << int(BSON_TYPE_BINARY) << int(BSON_SUBTYPE_UUID) << u"uuid"_s;
    QTest::newRow("maxKey") << int(BSON_TYPE_MAXKEY) << 0 << u"maxKey"_s;
    QTest::newRow("null") << int(BSON_TYPE_NULL) << 0 << u"null"_s;
}

void SchemaInferenceTest::kindNames()
{
    QFETCH(int, type);
    QFETCH(int, subtype);
    QFETCH(QString, name);
    QCOMPARE(bsonKindName(bsonKindOf(bson_type_t(type), bson_subtype_t(subtype))), name);
}

void SchemaInferenceTest::histogram_data()
{
    QTest::addColumn<QStringList>("values"); // JSON of `v`, "" = field missing
    QTest::addColumn<QString>("expected");   // "kind:count,..."
    QTest::addColumn<bool>("mixed");
    QTest::addColumn<QString>("dominant");
    QTest::newRow("int32 only") << QStringList{u"1"_s, u"2"_s} << u"int32:2"_s << false
                                << u"int32"_s;
    QTest::newRow("int32+int64") << QStringList{u"1"_s, u"{\"$numberLong\":\"5\"}"_s, u"3"_s}
                                 << u"int32:2,int64:1"_s << true << u"int32"_s;
    QTest::newRow("nulls are not a type") << QStringList{u"null"_s, u"\"a\""_s, u""_s}
                                          << u"null:1,string:1"_s << false << u"string"_s;
    QTest::newRow("only null") << QStringList{u"null"_s} << u"null:1"_s << false << u"null"_s;
    QTest::newRow("doc+string") << QStringList{u"{\"a\":1}"_s, u"\"x\""_s, u"\"y\""_s}
                                << u"document:1,string:2"_s << true << u"string"_s;
    QTest::newRow("decimal and date")
        << QStringList{u"{\"$numberDecimal\":\"1.5\"}"_s, u"{\"$date\":{\"$numberLong\":\"0\"}}"_s}
        << u"decimal128:1,date:1"_s << true << u"date"_s;
}

void SchemaInferenceTest::histogram()
{
    QFETCH(QStringList, values);
    QFETCH(QString, expected);
    QFETCH(bool, mixed);
    QFETCH(QString, dominant);

    QStringList docs;
    qint64 present = 0;
    for (const QString &v : values) {
        docs << (v.isEmpty() ? u"{}"_s : u"{\"v\": %1}"_s.arg(v));
        present += v.isEmpty() ? 0 : 1;
    }
    const auto root = infer(docs);
    const FieldNode *node = root->find(u"v"_s);
    QVERIFY(node);
    QCOMPARE(node->present, present);
    QCOMPARE(node->total(), present);
    QCOMPARE(node->mixed(), mixed);
    QCOMPARE(bsonKindName(node->dominant()), dominant);

    QStringList got;
    for (int k = 0; k < int(BsonKind::Count); ++k) {
        if (node->types[size_t(k)] > 0)
            got << u"%1:%2"_s.arg(bsonKindName(BsonKind(k))).arg(node->types[size_t(k)]);
    }
    QStringList want = expected.split(u',');
    std::sort(got.begin(), got.end());
    std::sort(want.begin(), want.end());
    QCOMPARE(got, want);
}

void SchemaInferenceTest::binarySubtypes()
{
    const auto root = infer({
        u"{\"b\": {\"$binary\": {\"base64\": \"AAECAwQFBgcICQoLDA0ODw==\", \"subType\": \"04\"}}}"_s,
        u"{\"b\": {\"$binary\": {\"base64\": \"AAEC\", \"subType\": \"00\"}}}"_s,
    });
    const FieldNode *b = root->find(u"b"_s);
    QVERIFY(b);
    QCOMPARE(count(*b, BsonKind::BinaryUuid), 1);
    QCOMPARE(count(*b, BsonKind::Binary), 1);
    QVERIFY(b->mixed());
}

void SchemaInferenceTest::nestedPaths()
{
    const auto root = infer({
        u"{\"a\": {\"b\": {\"c\": 1}}, \"items\": [{\"sku\": \"x\", \"qty\": 1}, {\"sku\": \"y\"}],"
        " \"m\": [[1, 2], [3]]}"_s,
        u"{\"items\": []}"_s,
    });
    QCOMPARE(root->present, 2);

    const FieldNode *c = root->find(u"a.b.c"_s);
    QVERIFY(c);
    QCOMPARE(c->path, u"a.b.c"_s);
    QCOMPARE(c->present, 1);
    QCOMPARE(c->parent, root->find(u"a.b"_s));

    const FieldNode *items = root->find(u"items"_s);
    QVERIFY(items);
    QCOMPARE(items->arrays, 2);
    QCOMPARE(items->minLength, 0);
    QCOMPARE(items->maxLength, 2);
    QCOMPARE(items->totalLength, 2);
    QCOMPARE(items->element->path, u"items[]"_s);
    QCOMPARE(items->element->present, 2);
    QCOMPARE(count(*items->element, BsonKind::Document), 2);
    const FieldNode *sku = root->find(u"items[].sku"_s);
    QVERIFY(sku);
    QCOMPARE(sku->path, u"items[].sku"_s);
    QCOMPARE(sku->present, 2);
    QCOMPARE(root->find(u"items[].qty"_s)->present, 1);

    const FieldNode *inner = root->find(u"m[]"_s);
    QVERIFY(inner);
    QCOMPARE(inner->arrays, 2);
    QCOMPARE(inner->minLength, 1);
    QCOMPARE(inner->maxLength, 2);
    QCOMPARE(count(*root->find(u"m[][]"_s), BsonKind::Int32), 3);

    QVERIFY(!root->find(u"nope"_s));
    QVERIFY(!root->find(u"a.b.c[]"_s));
    QCOMPARE(root->find(QString()), root.get());
}

void SchemaInferenceTest::firstSeenOrder()
{
    const auto root = infer({u"{\"z\": 1, \"a\": 2}"_s, u"{\"m\": 1, \"a\": 2, \"z\": 3}"_s});
    QStringList names;
    for (const auto &c : root->children)
        names << c->name;
    QCOMPARE(names, (QStringList{u"z"_s, u"a"_s, u"m"_s}));
    QCOMPARE(root->child(u"z"_s)->present, 2);
    QCOMPARE(root->child(u"m"_s)->present, 1);
}

void SchemaInferenceTest::mapDetection_data()
{
    QTest::addColumn<QStringList>("docs");
    QTest::addColumn<bool>("mapLike");
    QTest::addColumn<qint64>("distinctKeys");

    // One document whose ratings are keyed by 200 user ids.
    QStringList entries;
    for (int i = 0; i < 200; ++i) {
        entries << u"\"%1\": {\"score\": %2, \"at\": {\"$date\": {\"$numberLong\": \"%3\"}}}"_s
                       .arg(hexKey(i))
                       .arg(i % 5)
                       .arg(qint64(i) * 1000);
    }
    QTest::newRow("200 hex keys in one doc")
        << QStringList{u"{\"ratings\": {%1}}"_s.arg(entries.join(u", "_s))} << true << qint64(200);

    // The same keys spread over 100 documents, two each.
    QStringList spread;
    for (int i = 0; i < 100; ++i)
        spread << u"{\"ratings\": {%1, %2}}"_s.arg(entries[2 * i], entries[2 * i + 1]);
    QTest::newRow("hex keys spread") << spread << true << qint64(200);

    // Word keys (not id-like), many and each rare, with values of one shape.
    QStringList words;
    for (int i = 0; i < 120; ++i)
        words << u"{\"tags\": {\"word%1\": %2, \"other%1\": 1}}"_s.arg(i % 60).arg(i);
    QTest::newRow("many rare word keys") << words << true << qint64(120);

    QStringList addresses;
    for (int i = 0; i < 100; ++i) {
        addresses
            << (i % 3 ? u"{\"address\": {\"street\": \"s%1\", \"city\": \"c\", \"zip\": \"1\"}}"_s
                      : u"{\"address\": {\"street\": \"s%1\", \"city\": \"c\"}}"_s)
                   .arg(i);
    }
    QTest::newRow("address is a record") << addresses << false << qint64(0);

    // A wide record: 60 fields in every document is a schema, not a map.
    QStringList wide;
    QStringList fields;
    for (int f = 0; f < 60; ++f)
        fields << u"\"field%1\": %1"_s.arg(f);
    for (int i = 0; i < 10; ++i)
        wide << u"{\"wide\": {%1}}"_s.arg(fields.join(u", "_s));
    QTest::newRow("wide record") << wide << false << qint64(0);
}

void SchemaInferenceTest::mapDetection()
{
    QFETCH(QStringList, docs);
    QFETCH(bool, mapLike);
    QFETCH(qint64, distinctKeys);

    const auto root = infer(docs);
    QCOMPARE(root->children.size(), size_t(1));
    const FieldNode &field = *root->children.front();
    QCOMPARE(field.mapLike, mapLike);
    QCOMPARE(field.distinctKeys, distinctKeys);
    if (!mapLike) {
        QVERIFY(!field.children.empty());
        return;
    }
    QVERIFY2(field.children.empty(), "a map keeps no per-key children");
    QVERIFY(field.element);
    QVERIFY(field.element->present >= distinctKeys);
    QCOMPARE(field.element->path, field.path + u"[]"_s);
    if (field.name == u"ratings"_s) {
        const FieldNode *score = root->find(u"ratings[].score"_s);
        QVERIFY(score);
        QCOMPARE(score->present, 200);
        QCOMPARE(count(*score, BsonKind::Int32), 200);
        QCOMPARE(count(*root->find(u"ratings[].at"_s), BsonKind::Date), 200);
    }
}

void SchemaInferenceTest::hugeMapIsFoldedWhileSampling()
{
    SchemaInferrer inferrer;
    for (int d = 0; d < 30; ++d) {
        bson_t doc;
        bson_init(&doc);
        bson_t counters;
        bson_append_document_begin(&doc, "counters", -1, &counters);
        for (int i = 0; i < 100; ++i) {
            const QByteArray key = "k" + QByteArray::number(d * 100 + i);
            bson_append_int32(&counters, key.constData(), -1, i);
        }
        bson_append_document_end(&doc, &counters);
        inferrer.add(&doc);
        bson_destroy(&doc);
    }
    // Folded before take(): the tree never held 3000 per-key nodes at once.
    const FieldNode *counters = inferrer.root().find(u"counters"_s);
    QVERIFY(counters);
    QVERIFY(counters->mapLike);
    QVERIFY(counters->children.empty());

    const auto root = inferrer.take();
    const FieldNode *taken = root->find(u"counters"_s);
    QCOMPARE(taken->distinctKeys, 3000);
    QCOMPARE(taken->element->present, 3000);
    QCOMPARE(count(*taken->element, BsonKind::Int32), 3000);
}

void SchemaInferenceTest::theaters()
{
    const QString path = test::sharedDataset(u"sample_mflix/theaters.json"_s);
    if (!QFile::exists(path))
        QSKIP(qPrintable(u"dataset missing: "_s + path));

    bson_error_t error;
    bson_json_reader_t *reader = bson_json_reader_new_from_file(path.toUtf8().constData(), &error);
    QVERIFY2(reader, error.message);
    SchemaInferrer inferrer;
    bson_t doc = BSON_INITIALIZER;
    int rc = 0;
    while ((rc = bson_json_reader_read(reader, &doc, &error)) > 0) {
        inferrer.add(&doc);
        bson_reinit(&doc);
    }
    bson_destroy(&doc);
    bson_json_reader_destroy(reader);
    QVERIFY2(rc == 0, error.message);
    QCOMPARE(inferrer.documents(), 1564);

    const auto root = inferrer.take();
    QCOMPARE(count(*root->find(u"_id"_s), BsonKind::ObjectId), 1564);
    QCOMPARE(root->find(u"theaterId"_s)->dominant(), BsonKind::Int32);
    const FieldNode *city = root->find(u"location.address.city"_s);
    QVERIFY(city);
    QCOMPARE(city->dominant(), BsonKind::String);
    QCOMPARE(city->present, 1564);
    const FieldNode *street2 = root->find(u"location.address.street2"_s);
    QVERIFY(street2);
    QVERIFY(street2->present < 1564);
    QVERIFY(!root->find(u"location.address"_s)->mapLike);

    const FieldNode *coordinates = root->find(u"location.geo.coordinates"_s);
    QVERIFY(coordinates);
    QCOMPARE(coordinates->arrays, 1564);
    QCOMPARE(coordinates->minLength, 2);
    QCOMPARE(coordinates->maxLength, 2);
    QCOMPARE(root->find(u"location.geo.coordinates[]"_s)->dominant(), BsonKind::Double);
}

QTEST_GUILESS_MAIN(SchemaInferenceTest)
#include "tst_schema_inference.moc"

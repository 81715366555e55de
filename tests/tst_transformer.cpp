#include "transform/transformer.h"
#include "transform/value_converter.h"

#include <QElapsedTimer>
#include <QtConcurrent>
#include <QtTest>

using namespace ferry;

namespace {

ColumnMapping col(const QString &source, const QString &name, ColumnType type,
                  ColumnRole role = ColumnRole::Value, bool nullable = true)
{
    ColumnMapping c;
    c.source = source;
    c.column = name;
    c.type = type;
    c.role = role;
    c.nullable = nullable;
    return c;
}

ColumnMapping key(const QString &name, ColumnType type)
{
    return col({}, name, type, ColumnRole::ParentKey, false);
}

// users: _id (objectId text, pk), name, age, address.city, _extra
CollectionMapping usersMapping()
{
    CollectionMapping m;
    m.collection = QStringLiteral("users");
    m.root.table = QStringLiteral("users");
    ColumnMapping id = col(QStringLiteral("_id"), QStringLiteral("id"), ColumnType::Text,
                           ColumnRole::Value, false);
    id.primaryKey = true;
    m.root.columns = {
        id, col(QStringLiteral("name"), QStringLiteral("name"), ColumnType::Text),
        col(QStringLiteral("age"), QStringLiteral("age"), ColumnType::Integer),
        col(QStringLiteral("address.city"), QStringLiteral("address_city"), ColumnType::Text),
        col({}, QStringLiteral("_extra"), ColumnType::Json, ColumnRole::Extra)};
    return m;
}

// orders: _id int pk; items[] (sku, parts[] (n)); attrs map (qty); tags[] scalar values
CollectionMapping ordersMapping()
{
    CollectionMapping m;
    m.collection = QStringLiteral("orders");
    m.root.table = QStringLiteral("orders");
    ColumnMapping id = col(QStringLiteral("_id"), QStringLiteral("id"), ColumnType::BigInt,
                           ColumnRole::Value, false);
    id.primaryKey = true;
    m.root.columns = {id, col({}, QStringLiteral("_extra"), ColumnType::Json, ColumnRole::Extra)};

    TableMapping items;
    items.table = QStringLiteral("orders_items");
    items.kind = TableKind::Array;
    items.source = QStringLiteral("items");
    items.columns = {key(QStringLiteral("order_id"), ColumnType::BigInt),
                     col({}, QStringLiteral("ord"), ColumnType::Integer, ColumnRole::Ordinal),
                     col(QStringLiteral("sku"), QStringLiteral("sku"), ColumnType::Text)};
    TableMapping parts;
    parts.table = QStringLiteral("orders_items_parts");
    parts.kind = TableKind::Array;
    parts.source = QStringLiteral("parts");
    parts.columns = {key(QStringLiteral("order_id"), ColumnType::BigInt),
                     key(QStringLiteral("item_ord"), ColumnType::Integer),
                     col({}, QStringLiteral("ord"), ColumnType::Integer, ColumnRole::Ordinal),
                     col(QStringLiteral("n"), QStringLiteral("n"), ColumnType::Integer)};
    items.children = {parts};

    TableMapping attrs;
    attrs.table = QStringLiteral("orders_attrs");
    attrs.kind = TableKind::Map;
    attrs.source = QStringLiteral("attrs");
    attrs.columns = {key(QStringLiteral("order_id"), ColumnType::BigInt),
                     col({}, QStringLiteral("name"), ColumnType::Text, ColumnRole::MapKey),
                     col(QStringLiteral("qty"), QStringLiteral("qty"), ColumnType::Integer)};

    TableMapping tags;
    tags.table = QStringLiteral("orders_tags");
    tags.kind = TableKind::Array;
    tags.source = QStringLiteral("meta.tags");
    tags.columns = {key(QStringLiteral("order_id"), ColumnType::BigInt),
                    col({}, QStringLiteral("ord"), ColumnType::Integer, ColumnRole::Ordinal),
                    col({}, QStringLiteral("tag"), ColumnType::Text)};
    m.root.children = {items, attrs, tags};
    return m;
}

void append(RowBatch &batch, bson_t *doc)
{
    batch.docs.append(doc);
    bson_destroy(doc);
}

QString cell(const RowBatch &b, int table, size_t row, int column)
{
    const TableRows &t = b.tables[size_t(table)];
    return cellToDisplay(t, t.at(row, column));
}

QString rejectsText(const RowBatch &b)
{
    QStringList out;
    for (const DocReject &r : b.rejects)
        out << QStringLiteral("#%1 %2: %3").arg(r.doc).arg(r.field, r.reason);
    return out.join(QLatin1Char('\n'));
}

// Every table's rows, the rejects and the counts, as text: two batches that print alike
// hold the same transform result.
QStringList everything(const RowBatch &b)
{
    QStringList out;
    for (size_t t = 0; t < b.tables.size(); ++t) {
        out << QStringLiteral("table %1: %2 columns").arg(t).arg(b.tables[t].columns());
        for (size_t r = 0; r < b.tables[t].rows(); ++r) {
            QStringList row;
            for (int c = 0; c < b.tables[t].columns(); ++c)
                row << cell(b, int(t), r, c);
            out << QStringLiteral("doc %1: ").arg(b.tables[t].rowDoc(r)) + row.join(u'|');
        }
    }
    out << rejectsText(b);
    for (auto it = b.unknownFields.cbegin(); it != b.unknownFields.cend(); ++it)
        out << QStringLiteral("unknown %1 = %2").arg(it.key()).arg(it.value());
    for (auto it = b.excludedValues.cbegin(); it != b.excludedValues.cend(); ++it)
        out << QStringLiteral("excluded %1 = %2").arg(it.key()).arg(it.value());
    out << QString::fromLatin1(b.position) << QString::number(b.firstDocNumber);
    return out;
}

RowBatch run(const CollectionMapping &m, RowBatch batch,
             UnknownFields unknown = UnknownFields::Extra)
{
    ProjectOptions options;
    options.unknownFields = unknown;
    Transformer(m, options, Dialect::Postgres).transform(batch);
    return batch;
}

} // namespace

class TestTransformer : public QObject {
    Q_OBJECT

private slots:
    void rootColumnsAndExtra();
    void unknownFieldPolicy_data();
    void unknownFieldPolicy();
    void excludedFieldsAreCounted();
    void nestedArraysCarryTheKeyStack();
    void unknownInsideArrayElements();
    void rejectRollsBackEveryTable();
    void notNullAndMissingKey_data();
    void notNullAndMissingKey();
    void wrongContainerTypeGoesToExtra();
    void objectIdUuidKeyReachesChildren();
    void textKeyStoredOncePerDocument();
    void sharedAcrossThreads();
    void recycledBatchMatchesAFreshOne();
    void benchmarkSimpleDocs();
};

void TestTransformer::rootColumnsAndExtra()
{
    RowBatch batch;
    bson_oid_t oid;
    bson_oid_init_from_string(&oid, "507f1f77bcf86cd799439011");
    append(batch, BCON_NEW("_id", BCON_OID(&oid), "name", BCON_UTF8("Ada"), "age", BCON_INT32(36),
                           "address", "{", "city", BCON_UTF8("London"), "zip", BCON_UTF8("N1"), "}",
                           "nick", BCON_UTF8("ada")));
    append(batch, BCON_NEW("_id", BCON_UTF8("b"), "age", BCON_DOUBLE(40.0)));
    batch = run(usersMapping(), std::move(batch));
    QVERIFY2(batch.rejects.empty(), qPrintable(rejectsText(batch)));
    QCOMPARE(batch.tables.size(), size_t(1));
    QCOMPARE(batch.tables[0].rows(), size_t(2));
    QCOMPARE(cell(batch, 0, 0, 0), QStringLiteral("507f1f77bcf86cd799439011"));
    QCOMPARE(cell(batch, 0, 0, 1), QStringLiteral("Ada"));
    QCOMPARE(cell(batch, 0, 0, 2), QStringLiteral("36"));
    QCOMPARE(cell(batch, 0, 0, 3), QStringLiteral("London"));
    QCOMPARE(cell(batch, 0, 0, 4), QStringLiteral(R"({ "address.zip" : "N1", "nick" : "ada" })"));
    QCOMPARE(batch.tables[0].at(0, 4).kind, CellKind::Json);
    QCOMPARE(cell(batch, 0, 1, 1), QStringLiteral("NULL"));
    QCOMPARE(cell(batch, 0, 1, 2), QStringLiteral("40"));
    QCOMPARE(cell(batch, 0, 1, 4), QStringLiteral("NULL"));
    QCOMPARE(batch.tables[0].rowDoc(1), 1u);
    QCOMPARE(batch.unknownFields.value(QStringLiteral("nick")), 1);
    QCOMPARE(batch.unknownFields.value(QStringLiteral("address.zip")), 1);
    QCOMPARE(batch.unknownFields.size(), 2);
}

void TestTransformer::unknownFieldPolicy_data()
{
    QTest::addColumn<int>("policy");
    QTest::addColumn<int>("rows");
    QTest::addColumn<QString>("extra");
    QTest::newRow("extra") << int(UnknownFields::Extra) << 2
                           << QStringLiteral(R"({ "color" : "red" })");
    QTest::newRow("ignore") << int(UnknownFields::Ignore) << 2 << QStringLiteral("NULL");
    QTest::newRow("reject") << int(UnknownFields::Reject) << 1 << QString();
}

void TestTransformer::unknownFieldPolicy()
{
    QFETCH(int, policy);
    QFETCH(int, rows);
    QFETCH(QString, extra);
    RowBatch batch;
    append(batch, BCON_NEW("_id", BCON_UTF8("a"), "name", BCON_UTF8("x")));
    append(batch, BCON_NEW("_id", BCON_UTF8("b"), "color", BCON_UTF8("red")));
    batch = run(usersMapping(), std::move(batch), UnknownFields(policy));
    QCOMPARE(batch.tables[0].rows(), size_t(rows));
    QCOMPARE(batch.unknownFields.value(QStringLiteral("color")), 1);
    if (UnknownFields(policy) == UnknownFields::Reject) {
        QCOMPARE(batch.rejects.size(), size_t(1));
        QCOMPARE(batch.rejects[0].doc, 1u);
        QCOMPARE(batch.rejects[0].field, QStringLiteral("color"));
        QVERIFY2(batch.rejects[0].reason.contains(QStringLiteral("`color`")),
                 qPrintable(batch.rejects[0].reason));
        QVERIFY2(batch.rejects[0].reason.contains(QStringLiteral("\"b\"")),
                 qPrintable(batch.rejects[0].reason));
        return;
    }
    QVERIFY(batch.rejects.empty());
    QCOMPARE(cell(batch, 0, 1, 4), extra);
}

void TestTransformer::excludedFieldsAreCounted()
{
    CollectionMapping m = ordersMapping();
    m.excluded = {QStringLiteral("secret"), QStringLiteral("items[].internal"),
                  QStringLiteral("meta.debug")};
    RowBatch batch;
    append(batch,
           BCON_NEW("_id", BCON_INT32(1), "secret", "{", "a", BCON_INT32(1), "}", "items", "[", "{",
                    "sku", BCON_UTF8("a"), "internal", BCON_INT32(1), "}", "{", "internal",
                    BCON_INT32(2), "}", "]", "meta", "{", "debug", BCON_BOOL(true), "}"));
    batch = run(m, std::move(batch));
    QVERIFY2(batch.rejects.empty(), qPrintable(rejectsText(batch)));
    QCOMPARE(batch.excludedValues.value(QStringLiteral("secret")), 1);
    QCOMPARE(batch.excludedValues.value(QStringLiteral("items[].internal")), 2);
    QCOMPARE(batch.excludedValues.value(QStringLiteral("meta.debug")), 1);
    QVERIFY(batch.unknownFields.isEmpty());
    QCOMPARE(cell(batch, 0, 0, 1), QStringLiteral("NULL"));
    QCOMPARE(batch.tables[1].rows(), size_t(2));
}

void TestTransformer::nestedArraysCarryTheKeyStack()
{
    RowBatch batch;
    append(batch,
           BCON_NEW("_id", BCON_INT64(7), "items", "[", "{", "sku", BCON_UTF8("a"), "parts", "[",
                    "{", "n", BCON_INT32(10), "}", "{", "n", BCON_INT32(11), "}", "]", "}", "{",
                    "sku", BCON_UTF8("b"), "parts", "[", "]", "}", "{", "parts", "[", "{", "n",
                    BCON_INT32(30), "}", "]", "}", "]", "attrs", "{", "red", "{", "qty",
                    BCON_INT32(1), "}", "blue", "{", "qty", BCON_INT32(2), "}", "}", "meta", "{",
                    "tags", "[", BCON_UTF8("x"), BCON_UTF8("y"), "]", "}"));
    batch = run(ordersMapping(), std::move(batch));
    QVERIFY2(batch.rejects.empty(), qPrintable(rejectsText(batch)));
    QCOMPARE(batch.tables.size(), size_t(5)); // orders, items, parts, attrs, tags
    QCOMPARE(batch.tables[0].rows(), size_t(1));
    QCOMPARE(cell(batch, 0, 0, 1), QStringLiteral("NULL"));

    const TableRows &items = batch.tables[1];
    QCOMPARE(items.rows(), size_t(3));
    QCOMPARE(cell(batch, 1, 0, 0), QStringLiteral("7"));
    QCOMPARE(cell(batch, 1, 2, 1), QStringLiteral("2"));
    QCOMPARE(cell(batch, 1, 1, 2), QStringLiteral("b"));
    QCOMPARE(cell(batch, 1, 2, 2), QStringLiteral("NULL"));

    const TableRows &parts = batch.tables[2];
    QCOMPARE(parts.rows(), size_t(3));
    const QStringList expected = {QStringLiteral("7 0 0 10"), QStringLiteral("7 0 1 11"),
                                  QStringLiteral("7 2 0 30")};
    for (size_t r = 0; r < parts.rows(); ++r) {
        QStringList row;
        for (int c = 0; c < parts.columns(); ++c)
            row << cell(batch, 2, r, c);
        QCOMPARE(row.join(QLatin1Char(' ')), expected[int(r)]);
    }

    QCOMPARE(batch.tables[3].rows(), size_t(2));
    QCOMPARE(cell(batch, 3, 0, 0), QStringLiteral("7"));
    QCOMPARE(cell(batch, 3, 0, 1), QStringLiteral("red"));
    QCOMPARE(cell(batch, 3, 1, 1), QStringLiteral("blue"));
    QCOMPARE(cell(batch, 3, 1, 2), QStringLiteral("2"));

    QCOMPARE(batch.tables[4].rows(), size_t(2));
    QCOMPARE(cell(batch, 4, 1, 1), QStringLiteral("1"));
    QCOMPARE(cell(batch, 4, 1, 2), QStringLiteral("y"));
    QVERIFY(batch.unknownFields.isEmpty());
}

void TestTransformer::unknownInsideArrayElements()
{
    RowBatch batch;
    append(batch, BCON_NEW("_id", BCON_INT32(1), "items", "[", "{", "sku", BCON_UTF8("a"), "}", "{",
                           "sku", BCON_UTF8("b"), "color", BCON_UTF8("red"), "}", "]", "attrs", "{",
                           "k", "{", "qty", BCON_INT32(1), "w", BCON_INT32(2), "}", "}", "meta",
                           "{", "tags", "[", "{", "x", BCON_INT32(1), "}", "]", "}"));
    batch = run(ordersMapping(), std::move(batch));
    QVERIFY2(batch.rejects.empty(), qPrintable(rejectsText(batch)));
    QCOMPARE(cell(batch, 0, 0, 1),
             QStringLiteral(R"({ "items[1].color" : "red", "attrs.k.w" : 2 })"));
    QCOMPARE(batch.unknownFields.value(QStringLiteral("items[].color")), 1);
    QCOMPARE(batch.unknownFields.value(QStringLiteral("attrs.*.w")), 1);
    // A tag element that is an object is kept whole by the "" column: not unknown.
    QCOMPARE(cell(batch, 4, 0, 2), QStringLiteral(R"({ "x" : 1 })"));
    QCOMPARE(batch.unknownFields.size(), 2);
}

void TestTransformer::rejectRollsBackEveryTable()
{
    RowBatch batch;
    auto doc = [](int id, bson_t *nValue) {
        bson_t *d =
            BCON_NEW("_id", BCON_INT32(id), "items", "[", "{", "sku", BCON_UTF8("s"), "parts", "[",
                     "{", "n", BCON_INT32(1), "}", "{", "n", BCON_INT32(2), "}", "]", "}", "]",
                     "attrs", "{", "a", "{", "qty", BCON_INT32(1), "}", "}");
        if (nValue) {
            // A second item whose second part has a bad `n`.
            bson_t *bad = BCON_NEW("_id", BCON_INT32(id), "attrs", "{", "a", "{", "qty",
                                   BCON_INT32(1), "}", "}", "items", "[", "{", "sku",
                                   BCON_UTF8("s"), "}", "{", "parts", "[", "{", "n", BCON_INT32(1),
                                   "}", "{", "n", BCON_DOCUMENT(nValue), "}", "]", "}", "]");
            bson_destroy(d);
            bson_destroy(nValue);
            return bad;
        }
        return d;
    };
    append(batch, doc(1, nullptr));
    append(batch, doc(2, BCON_NEW("x", BCON_INT32(1))));
    append(batch, doc(3, nullptr));
    batch = run(ordersMapping(), std::move(batch));
    QCOMPARE(batch.rejects.size(), size_t(1));
    const DocReject &r = batch.rejects[0];
    QCOMPARE(r.doc, 1u);
    QCOMPARE(r.field, QStringLiteral("items[1].parts[1].n"));
    QVERIFY2(r.reason.contains(QStringLiteral("items[1].parts[1].n")), qPrintable(r.reason));
    QVERIFY2(r.reason.contains(QStringLiteral("integer")), qPrintable(r.reason));
    QVERIFY2(r.reason.contains(QStringLiteral("document 2")), qPrintable(r.reason));
    for (int t : {0, 1, 2, 3}) {
        const TableRows &rows = batch.tables[size_t(t)];
        for (size_t i = 0; i < rows.rows(); ++i)
            QVERIFY2(rows.rowDoc(i) != 1u, qPrintable(QString::number(t)));
    }
    QCOMPARE(batch.tables[0].rows(), size_t(2));
    QCOMPARE(batch.tables[1].rows(), size_t(2));
    QCOMPARE(batch.tables[2].rows(), size_t(4));
    QCOMPARE(batch.tables[3].rows(), size_t(2));
    QCOMPARE(cell(batch, 2, 3, 0), QStringLiteral("3"));
}

void TestTransformer::notNullAndMissingKey_data()
{
    QTest::addColumn<QByteArray>("doc");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("reason");
    auto bytes = [](bson_t *b) {
        QByteArray r(reinterpret_cast<const char *>(bson_get_data(b)), int(b->len));
        bson_destroy(b);
        return r;
    };
    QTest::newRow("missing _id") << bytes(BCON_NEW("name", BCON_UTF8("x"))) << QStringLiteral("_id")
                                 << QStringLiteral("no value for the key column `id`");
    QTest::newRow("null _id") << bytes(BCON_NEW("_id", BCON_NULL)) << QStringLiteral("_id")
                              << QStringLiteral("no value for the key column `id`");
    QTest::newRow("missing NOT NULL")
        << bytes(BCON_NEW("_id", BCON_UTF8("k"))) << QStringLiteral("name")
        << QStringLiteral("missing but column `name` is NOT NULL");
    QTest::newRow("null NOT NULL")
        << bytes(BCON_NEW("_id", BCON_UTF8("k"), "name", BCON_NULL)) << QStringLiteral("name")
        << QStringLiteral("null but column `name` is NOT NULL");
    QTest::newRow("type mismatch")
        << bytes(BCON_NEW("_id", BCON_UTF8("k"), "name", BCON_UTF8("n"), "age", BCON_UTF8("old")))
        << QStringLiteral("age") << QStringLiteral("field `age`: string value \"old\"");
}

void TestTransformer::notNullAndMissingKey()
{
    QFETCH(QByteArray, doc);
    QFETCH(QString, field);
    QFETCH(QString, reason);
    CollectionMapping m = usersMapping();
    m.root.columns[1].nullable = false;
    RowBatch batch;
    batch.docs.append(reinterpret_cast<const uint8_t *>(doc.constData()), uint32_t(doc.size()));
    batch = run(m, std::move(batch));
    QCOMPARE(batch.tables[0].rows(), size_t(0));
    QCOMPARE(batch.rejects.size(), size_t(1));
    QCOMPARE(batch.rejects[0].field, field);
    QVERIFY2(batch.rejects[0].reason.contains(reason), qPrintable(batch.rejects[0].reason));
}

void TestTransformer::wrongContainerTypeGoesToExtra()
{
    RowBatch batch;
    append(batch, BCON_NEW("_id", BCON_INT32(1), "items", BCON_UTF8("none"), "meta", BCON_INT32(5),
                           "attrs", BCON_NULL));
    batch = run(ordersMapping(), std::move(batch));
    QVERIFY2(batch.rejects.empty(), qPrintable(rejectsText(batch)));
    QCOMPARE(cell(batch, 0, 0, 1), QStringLiteral(R"({ "items" : "none", "meta" : 5 })"));
    QCOMPARE(batch.unknownFields.value(QStringLiteral("items")), 1);
    QCOMPARE(batch.unknownFields.value(QStringLiteral("meta")), 1);
}

void TestTransformer::objectIdUuidKeyReachesChildren()
{
    CollectionMapping m = ordersMapping();
    m.root.columns[0].type = ColumnType::Uuid;
    m.root.columns[0].conversion = Conversion::ObjectIdUuid;
    m.root.children[0].columns[0].type = ColumnType::Uuid;
    RowBatch batch;
    bson_oid_t oid;
    bson_oid_init_from_string(&oid, "507f1f77bcf86cd799439011");
    append(batch,
           BCON_NEW("_id", BCON_OID(&oid), "items", "[", "{", "sku", BCON_UTF8("a"), "}", "]"));
    batch = run(m, std::move(batch));
    QVERIFY2(batch.rejects.empty(), qPrintable(rejectsText(batch)));
    const QString expected = QStringLiteral("656a38b2-00a4-51cf-86fc-5c021bf58854");
    QCOMPARE(cell(batch, 0, 0, 0), expected);
    QCOMPARE(cell(batch, 1, 0, 0), expected);
    QCOMPARE(batch.tables[1].at(0, 0).kind, CellKind::Uuid);
}

// Child rows share their document's copy of a text key. The middle document fails on a root
// column, which is converted after its child rows: the rollback must take the shared copy
// with it, and the next document's rows must get a copy of their own.
void TestTransformer::textKeyStoredOncePerDocument()
{
    CollectionMapping m = ordersMapping();
    m.root.columns[0].type = ColumnType::Text;
    m.root.columns.insert(
        m.root.columns.begin() + 1,
        col(QStringLiteral("total"), QStringLiteral("total"), ColumnType::Integer));
    for (TableMapping &child : m.root.children)
        child.columns[0].type = ColumnType::Text;
    const QStringList ids = {QStringLiteral("507f1f77bcf86cd799439011"),
                             QStringLiteral("507f1f77bcf86cd799439012"),
                             QStringLiteral("507f1f77bcf86cd799439013")};
    RowBatch batch;
    for (int d = 0; d < 3; ++d) {
        bson_oid_t oid;
        bson_oid_init_from_string(&oid, ids[d].toLatin1().constData());
        bson_t *doc = d == 1 ? BCON_NEW("_id", BCON_OID(&oid), "total", BCON_UTF8("many"))
                             : BCON_NEW("_id", BCON_OID(&oid), "total", BCON_INT32(d));
        BCON_APPEND(doc, "meta", "{", "tags", "[", BCON_UTF8("a"), BCON_UTF8("b"), BCON_UTF8("c"),
                    "]", "}", "attrs", "{", "k", "{", "qty", BCON_INT32(1), "}", "}");
        append(batch, doc);
    }
    batch = run(m, std::move(batch));
    QCOMPARE(batch.rejects.size(), size_t(1));
    QCOMPARE(batch.rejects[0].doc, 1u);

    const TableRows &tags = batch.tables[4];
    QCOMPARE(tags.rows(), size_t(6));
    for (size_t r = 0; r < tags.rows(); ++r) {
        QCOMPARE(cell(batch, 4, r, 0), ids[int(tags.rowDoc(r))]);
        QCOMPARE(cell(batch, 4, r, 2), QString(QLatin1Char(char('a' + r % 3))));
    }
    QCOMPARE(cell(batch, 3, 1, 0), ids[2]);
    // Per kept document: one 24-character key and the three one-letter tags.
    const size_t arena = tags.memoryBytes() - tags.rows() * size_t(tags.columns()) * sizeof(Cell);
    QCOMPARE(arena, size_t(2 * (24 + 3)));
}

void TestTransformer::sharedAcrossThreads()
{
    const Transformer transformer(ordersMapping(), ProjectOptions(), Dialect::Postgres);
    RowBatch proto;
    for (int i = 0; i < 2000; ++i)
        append(proto, BCON_NEW("_id", BCON_INT32(i), "items", "[", "{", "sku", BCON_UTF8("s"),
                               "extra", BCON_INT32(i), "}", "]"));
    QList<RowBatch> batches(4, proto);
    QtConcurrent::blockingMap(batches, [&](RowBatch &b) { transformer.transform(b); });
    for (const RowBatch &b : batches) {
        QCOMPARE(b.tables[1].rows(), size_t(2000));
        QCOMPARE(b.unknownFields.value(QStringLiteral("items[].extra")), 2000);
        QCOMPARE(cell(b, 0, 1999, 1), QStringLiteral(R"({ "items[0].extra" : 1999 })"));
    }
}

// The pipeline refills written batches (RowBatch::reset) instead of allocating new ones: a
// recycled batch, whatever it held before (more tables, more rows, rejects, counts), must
// come out of the transform exactly as a fresh one does.
void TestTransformer::recycledBatchMatchesAFreshOne()
{
    const auto ordersDocs = [](RowBatch &b) {
        for (int i = 0; i < 300; ++i)
            append(b, BCON_NEW("_id", BCON_INT64(i), "items", "[", "{", "sku", BCON_UTF8("s"),
                               "parts", "[", "{", "n", BCON_INT32(i), "}", "]", "}", "]", "attrs",
                               "{", "red", "{", "qty", BCON_INT32(i), "}", "}", "meta", "{", "tags",
                               "[", BCON_UTF8("x"), "]", "}", "odd", BCON_INT32(i)));
        append(b, BCON_NEW("_id", BCON_UTF8("not a number")));
    };
    const auto usersDocs = [](RowBatch &b) {
        for (int i = 0; i < 5; ++i)
            append(b, BCON_NEW("_id", BCON_UTF8("u"), "name", BCON_UTF8("Ann"), "age",
                               BCON_INT32(30 + i), "address", "{", "city", BCON_UTF8("Oslo"), "}",
                               "shoe", BCON_INT32(i)));
        append(b, BCON_NEW("name", BCON_UTF8("no key")));
    };
    const ProjectOptions options;
    const Transformer orders(ordersMapping(), options, Dialect::Postgres);
    const Transformer users(usersMapping(), options, Dialect::Postgres);

    RowBatch recycled;
    ordersDocs(recycled);
    orders.transform(recycled);
    recycled.position = QByteArrayLiteral("after the orders");
    recycled.firstDocNumber = 4000;
    QCOMPARE(recycled.tables.size(), size_t(5));
    QCOMPARE(recycled.rejects.size(), size_t(1));

    // Fewer tables, other column counts, fewer rows. reset() empties but keeps the memory.
    const size_t held = recycled.capacityBytes();
    QVERIFY(held > recycled.docs.bytes());
    recycled.reset();
    QCOMPARE(recycled.docs.size(), size_t(0));
    QCOMPARE(recycled.capacityBytes(), held);
    usersDocs(recycled);
    users.transform(recycled);
    RowBatch fresh;
    usersDocs(fresh);
    users.transform(fresh);
    QCOMPARE(everything(recycled), everything(fresh));
    QCOMPARE(recycled.tables.size(), size_t(1));
    QCOMPARE(recycled.tables[0].rows(), size_t(5));

    // And back: more tables than the recycled batch holds.
    recycled.reset();
    ordersDocs(recycled);
    orders.transform(recycled);
    RowBatch freshOrders;
    ordersDocs(freshOrders);
    orders.transform(freshOrders);
    QCOMPARE(everything(recycled), everything(freshOrders));
    QCOMPARE(recycled.tables[2].rows(), size_t(300));
}

void TestTransformer::benchmarkSimpleDocs()
{
    // Not a timed assertion: prints throughput. FERRY_BENCH_DOCS=1000000 for the full run.
    const int total = qEnvironmentVariableIsSet("FERRY_BENCH_DOCS")
                          ? qEnvironmentVariableIntValue("FERRY_BENCH_DOCS")
                          : 50000;
    const int batchSize = 5000;
    CollectionMapping m = usersMapping();
    const Transformer transformer(m, ProjectOptions(), Dialect::Postgres);
    std::vector<RowBatch> batches;
    for (int done = 0; done < total; done += batchSize) {
        RowBatch &b = batches.emplace_back();
        for (int i = done; i < std::min(total, done + batchSize); ++i) {
            bson_oid_t oid;
            bson_oid_init(&oid, nullptr);
            append(b,
                   BCON_NEW("_id", BCON_OID(&oid), "name", BCON_UTF8("some name"), "age",
                            BCON_INT32(i % 90), "address", "{", "city", BCON_UTF8("Paris"), "}"));
        }
    }
    QElapsedTimer timer;
    timer.start();
    size_t rows = 0;
    for (RowBatch &b : batches) {
        transformer.transform(b);
        rows += b.tables[0].rows();
    }
    const double seconds = double(timer.nsecsElapsed()) / 1e9;
    QCOMPARE(rows, size_t(total));
    qInfo("transform: %d simple docs in %.3f s = %.0f docs/s", total, seconds, total / seconds);
}

QTEST_GUILESS_MAIN(TestTransformer)
#include "tst_transformer.moc"

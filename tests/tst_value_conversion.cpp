#include "core/bson_text.h"
#include "core/uuid5.h"
#include "run/cell_compare.h"
#include "transform/value_converter.h"

#include <QDateTime>
#include <QtTest>

#include <cmath>
#include <limits>

using namespace ferry;

namespace {

// Test rows carry documents as raw BSON bytes: { "v": <value> }.
QByteArray take(bson_t *b)
{
    QByteArray r(reinterpret_cast<const char *>(bson_get_data(b)), static_cast<int>(b->len));
    bson_destroy(b);
    return r;
}

QByteArray utf8Raw(const char *s, int len)
{
    bson_t *b = bson_new();
    bson_append_utf8(b, "v", 1, s, len);
    return take(b);
}

QByteArray decimal(const char *text)
{
    bson_decimal128_t d;
    bson_decimal128_from_string(text, &d);
    return take(BCON_NEW("v", BCON_DECIMAL128(&d)));
}

QByteArray oid(const char *hex)
{
    bson_oid_t o;
    bson_oid_init_from_string(&o, hex);
    return take(BCON_NEW("v", BCON_OID(&o)));
}

QByteArray binary(bson_subtype_t sub, const QByteArray &bytes)
{
    return take(BCON_NEW("v", BCON_BIN(sub, reinterpret_cast<const uint8_t *>(bytes.constData()),
                                       static_cast<uint32_t>(bytes.size()))));
}

const QByteArray kUuidBytes = QByteArray::fromHex("0123456789abcdef0123456789abcdef");
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kInf = std::numeric_limits<double>::infinity();

} // namespace

class TestValueConversion : public QObject {
    Q_OBJECT

private slots:
    void validationComparesDecimalArrays();
    void convert_data();
    void convert();
    void pgArrayElements_data();
    void pgArrayElements();
    void isoDatesMatchQDateTime();
    void uuid5Vectors();
    void sha1MatchesQt();
    void parseUuidForms_data();
    void parseUuidForms();
    void jsonStringEscapes();
    void cellDisplay();
    void declaredSizes_data();
    void declaredSizes();
};

void TestValueConversion::convert_data()
{
    QTest::addColumn<QByteArray>("doc");
    QTest::addColumn<int>("type");
    QTest::addColumn<int>("conversion");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<int>("kind");
    // Expected cellToDisplay() text when ok, else a piece the reason must contain.
    QTest::addColumn<QString>("expected");

    const int text = int(ColumnType::Text), integer = int(ColumnType::Integer),
              bigint = int(ColumnType::BigInt), dbl = int(ColumnType::Double),
              numeric = int(ColumnType::Numeric), boolean = int(ColumnType::Boolean),
              ts = int(ColumnType::Timestamp), uuid = int(ColumnType::Uuid),
              bin = int(ColumnType::Binary), json = int(ColumnType::Json);
    const int autoC = int(Conversion::Auto), oidUuid = int(Conversion::ObjectIdUuid),
              jsonC = int(Conversion::Json);
    const int kText = int(CellKind::Text), kInt = int(CellKind::Int),
              kDouble = int(CellKind::Double), kNumeric = int(CellKind::Numeric),
              kBool = int(CellKind::Bool), kTs = int(CellKind::Timestamp),
              kUuid = int(CellKind::Uuid), kBlob = int(CellKind::Blob), kJson = int(CellKind::Json);
    const qint64 i64max = std::numeric_limits<qint64>::max();
    const qint64 i64min = std::numeric_limits<qint64>::min();
    const QString oidUuidText = QStringLiteral("656a38b2-00a4-51cf-86fc-5c021bf58854");

    // Text
    QTest::newRow("text/string") << take(BCON_NEW("v", BCON_UTF8("h\xc3\xa9llo"))) << text << autoC
                                 << true << kText << QStringLiteral("h\u00e9llo");
    QTest::newRow("text/string NUL")
        << utf8Raw("a\0b", 3) << text << autoC << false << 0 << QStringLiteral("NUL byte");
    QTest::newRow("text/invalid utf8") << utf8Raw("a\xff\xfe", 3) << text << autoC << false << 0
                                       << QStringLiteral("not valid UTF-8");
    QTest::newRow("text/objectId") << oid("507F1F77BCF86CD799439011") << text << autoC << true
                                   << kText << QStringLiteral("507f1f77bcf86cd799439011");
    QTest::newRow("text/objectId as uuid")
        << oid("507f1f77bcf86cd799439011") << text << oidUuid << true << kText << oidUuidText;
    QTest::newRow("text/int32") << take(BCON_NEW("v", BCON_INT32(-42))) << text << autoC << true
                                << kText << QStringLiteral("-42");
    QTest::newRow("text/int64 max") << take(BCON_NEW("v", BCON_INT64(i64max))) << text << autoC
                                    << true << kText << QStringLiteral("9223372036854775807");
    QTest::newRow("text/int64 min") << take(BCON_NEW("v", BCON_INT64(i64min))) << text << autoC
                                    << true << kText << QStringLiteral("-9223372036854775808");
    QTest::newRow("text/double 0.1") << take(BCON_NEW("v", BCON_DOUBLE(0.1))) << text << autoC
                                     << true << kText << QStringLiteral("0.1");
    QTest::newRow("text/double 1e21") << take(BCON_NEW("v", BCON_DOUBLE(1e21))) << text << autoC
                                      << true << kText << QStringLiteral("1e+21");
    QTest::newRow("text/double NaN") << take(BCON_NEW("v", BCON_DOUBLE(kNaN))) << text << autoC
                                     << true << kText << QStringLiteral("NaN");
    QTest::newRow("text/double -inf") << take(BCON_NEW("v", BCON_DOUBLE(-kInf))) << text << autoC
                                      << true << kText << QStringLiteral("-Infinity");
    QTest::newRow("text/double -0") << take(BCON_NEW("v", BCON_DOUBLE(-0.0))) << text << autoC
                                    << true << kText << QStringLiteral("-0");
    QTest::newRow("text/decimal 34 digits")
        << decimal("1234567890123456789012345678901234") << text << autoC << true << kText
        << QStringLiteral("1234567890123456789012345678901234");
    QTest::newRow("text/bool") << take(BCON_NEW("v", BCON_BOOL(false))) << text << autoC << true
                               << kText << QStringLiteral("false");
    QTest::newRow("text/date epoch") << take(BCON_NEW("v", BCON_DATE_TIME(0))) << text << autoC
                                     << true << kText << QStringLiteral("1970-01-01T00:00:00.000Z");
    QTest::newRow("text/date -1ms") << take(BCON_NEW("v", BCON_DATE_TIME(-1))) << text << autoC
                                    << true << kText << QStringLiteral("1969-12-31T23:59:59.999Z");
    QTest::newRow("text/date year 1")
        << take(BCON_NEW("v", BCON_DATE_TIME(-62135596800000LL))) << text << autoC << true << kText
        << QStringLiteral("0001-01-01T00:00:00.000Z");
    QTest::newRow("text/date year 9999")
        << take(BCON_NEW("v", BCON_DATE_TIME(253402300799999LL))) << text << autoC << true << kText
        << QStringLiteral("9999-12-31T23:59:59.999Z");
    QTest::newRow("text/date year 10000 as ExtJSON")
        << take(BCON_NEW("v", BCON_DATE_TIME(253402300800000LL))) << text << autoC << true << kText
        << QStringLiteral("{ \"$date\" : \"10000-01-01T00:00:00Z\" }");
    QTest::newRow("text/document") << take(BCON_NEW("v", "{", "a", BCON_INT32(1), "}")) << text
                                   << autoC << true << kText << QStringLiteral("{ \"a\" : 1 }");
    QTest::newRow("text/array") << take(BCON_NEW("v", "[", BCON_INT32(1), BCON_UTF8("x"), "]"))
                                << text << autoC << true << kText << QStringLiteral("[ 1, \"x\" ]");
    QTest::newRow("text/binary")
        << binary(BSON_SUBTYPE_BINARY, "ab") << text << autoC << true << kText
        << QStringLiteral(R"({ "$binary" : { "base64" : "YWI=", "subType" : "00" } })");

    // Integer
    QTest::newRow("integer/int32") << take(BCON_NEW("v", BCON_INT32(-2147483647 - 1))) << integer
                                   << autoC << true << kInt << QStringLiteral("-2147483648");
    QTest::newRow("integer/int64 in range")
        << take(BCON_NEW("v", BCON_INT64(2147483647))) << integer << autoC << true << kInt
        << QStringLiteral("2147483647");
    QTest::newRow("integer/int64 too big")
        << take(BCON_NEW("v", BCON_INT64(2147483648LL))) << integer << autoC << false << 0
        << QStringLiteral("2147483648 does not fit");
    QTest::newRow("integer/double 3.0") << take(BCON_NEW("v", BCON_DOUBLE(3.0))) << integer << autoC
                                        << true << kInt << QStringLiteral("3");
    QTest::newRow("integer/double 3.5")
        << take(BCON_NEW("v", BCON_DOUBLE(3.5))) << integer << autoC << false << 0
        << QStringLiteral("3.5 does not fit column `c` of type "
                          "integer");
    QTest::newRow("integer/double NaN") << take(BCON_NEW("v", BCON_DOUBLE(kNaN))) << integer
                                        << autoC << false << 0 << QStringLiteral("does not fit");
    QTest::newRow("integer/string")
        << take(BCON_NEW("v", BCON_UTF8("7"))) << integer << autoC << false << 0
        << QStringLiteral("string value \"7\" cannot be stored");
    // BigInt
    QTest::newRow("bigint/int64 max") << take(BCON_NEW("v", BCON_INT64(i64max))) << bigint << autoC
                                      << true << kInt << QStringLiteral("9223372036854775807");
    QTest::newRow("bigint/int64 min") << take(BCON_NEW("v", BCON_INT64(i64min))) << bigint << autoC
                                      << true << kInt << QStringLiteral("-9223372036854775808");
    QTest::newRow("bigint/double -2^63")
        << take(BCON_NEW("v", BCON_DOUBLE(-9223372036854775808.0))) << bigint << autoC << true
        << kInt << QStringLiteral("-9223372036854775808");
    QTest::newRow("bigint/double 2^63")
        << take(BCON_NEW("v", BCON_DOUBLE(9223372036854775808.0))) << bigint << autoC << false << 0
        << QStringLiteral("does not fit");
    QTest::newRow("bigint/decimal")
        << decimal("1") << bigint << autoC << false << 0 << QStringLiteral("decimal128 value");
    // Double
    QTest::newRow("double/double") << take(BCON_NEW("v", BCON_DOUBLE(2.5))) << dbl << autoC << true
                                   << kDouble << QStringLiteral("2.5");
    QTest::newRow("double/NaN") << take(BCON_NEW("v", BCON_DOUBLE(kNaN))) << dbl << autoC << true
                                << kDouble << QStringLiteral("NaN");
    QTest::newRow("double/-0") << take(BCON_NEW("v", BCON_DOUBLE(-0.0))) << dbl << autoC << true
                               << kDouble << QStringLiteral("-0");
    QTest::newRow("double/int32") << take(BCON_NEW("v", BCON_INT32(7))) << dbl << autoC << true
                                  << kDouble << QStringLiteral("7");
    QTest::newRow("double/int64 2^53")
        << take(BCON_NEW("v", BCON_INT64(9007199254740992LL))) << dbl << autoC << true << kDouble
        << QStringLiteral("9007199254740992");
    QTest::newRow("double/int64 2^53+1")
        << take(BCON_NEW("v", BCON_INT64(9007199254740993LL))) << dbl << autoC << false << 0
        << QStringLiteral("more digits");
    QTest::newRow("double/decimal") << decimal("0.1") << dbl << autoC << false << 0
                                    << QStringLiteral("map the field to numeric");
    // Numeric
    QTest::newRow("numeric/decimal 34 digits")
        << decimal("-1234567890123456789012345678901234") << numeric << autoC << true << kNumeric
        << QStringLiteral("-1234567890123456789012345678901234");
    QTest::newRow("numeric/decimal exponent") << decimal("-1.50E-10") << numeric << autoC << true
                                              << kNumeric << QStringLiteral("-1.50E-10");
    QTest::newRow("numeric/decimal NaN")
        << decimal("NaN") << numeric << autoC << true << kNumeric << QStringLiteral("NaN");
    QTest::newRow("numeric/decimal inf") << decimal("Infinity") << numeric << autoC << true
                                         << kNumeric << QStringLiteral("Infinity");
    QTest::newRow("numeric/decimal -inf") << decimal("-Infinity") << numeric << autoC << true
                                          << kNumeric << QStringLiteral("-Infinity");
    QTest::newRow("numeric/int64 min")
        << take(BCON_NEW("v", BCON_INT64(i64min))) << numeric << autoC << true << kNumeric
        << QStringLiteral("-9223372036854775808");
    QTest::newRow("numeric/double") << take(BCON_NEW("v", BCON_DOUBLE(0.1))) << numeric << autoC
                                    << true << kNumeric << QStringLiteral("0.1");
    QTest::newRow("numeric/double inf") << take(BCON_NEW("v", BCON_DOUBLE(kInf))) << numeric
                                        << autoC << true << kNumeric << QStringLiteral("Infinity");
    QTest::newRow("numeric/string") << take(BCON_NEW("v", BCON_UTF8("1"))) << numeric << autoC
                                    << false << 0 << QStringLiteral("column `c` of type numeric");
    // Boolean
    QTest::newRow("boolean/true") << take(BCON_NEW("v", BCON_BOOL(true))) << boolean << autoC
                                  << true << kBool << QStringLiteral("true");
    QTest::newRow("boolean/int32") << take(BCON_NEW("v", BCON_INT32(1))) << boolean << autoC
                                   << false << 0 << QStringLiteral("int32 value 1");
    // Timestamp
    QTest::newRow("timestamp/date") << take(BCON_NEW("v", BCON_DATE_TIME(1500))) << ts << autoC
                                    << true << kTs << QStringLiteral("1970-01-01T00:00:01.500Z");
    QTest::newRow("timestamp/before 1970")
        << take(BCON_NEW("v", BCON_DATE_TIME(-86400001LL))) << ts << autoC << true << kTs
        << QStringLiteral("1969-12-30T23:59:59.999Z");
    QTest::newRow("timestamp/year 1")
        << take(BCON_NEW("v", BCON_DATE_TIME(-62135596800000LL))) << ts << autoC << true << kTs
        << QStringLiteral("0001-01-01T00:00:00.000Z");
    QTest::newRow("timestamp/before year 1")
        << take(BCON_NEW("v", BCON_DATE_TIME(-62135596800001LL))) << ts << autoC << false << 0
        << QStringLiteral("outside the years 1-9999");
    QTest::newRow("timestamp/string") << take(BCON_NEW("v", BCON_UTF8("2020-01-01"))) << ts << autoC
                                      << false << 0 << QStringLiteral("string value");
    // Uuid
    QTest::newRow("uuid/binary 4")
        << binary(BSON_SUBTYPE_UUID, kUuidBytes) << uuid << autoC << true << kUuid
        << QStringLiteral("01234567-89ab-cdef-0123-456789abcdef");
    QTest::newRow("uuid/binary 3")
        << binary(BSON_SUBTYPE_UUID_DEPRECATED, kUuidBytes) << uuid << autoC << true << kUuid
        << QStringLiteral("01234567-89ab-cdef-0123-456789abcdef");
    QTest::newRow("uuid/binary 0") << binary(BSON_SUBTYPE_BINARY, kUuidBytes) << uuid << autoC
                                   << false << 0 << QStringLiteral("binData value");
    QTest::newRow("uuid/binary 4 short") << binary(BSON_SUBTYPE_UUID, "abc") << uuid << autoC
                                         << false << 0 << QStringLiteral("binData value");
    QTest::newRow("uuid/objectId v5")
        << oid("507f1f77bcf86cd799439011") << uuid << oidUuid << true << kUuid << oidUuidText;
    QTest::newRow("uuid/zero objectId v5")
        << oid("000000000000000000000000") << uuid << autoC << true << kUuid
        << QStringLiteral("f11ee736-2451-5886-b165-23dfd1ce7546");
    QTest::newRow("uuid/string") << take(BCON_NEW(
                                        "v", BCON_UTF8("{01234567-89AB-CDEF-0123-456789ABCDEF}")))
                                 << uuid << autoC << true << kUuid
                                 << QStringLiteral("01234567-89ab-cdef-0123-456789abcdef");
    QTest::newRow("uuid/not a uuid") << take(BCON_NEW("v", BCON_UTF8("0123"))) << uuid << autoC
                                     << false << 0 << QStringLiteral("is not a UUID");
    // Binary
    QTest::newRow("binary/generic") << binary(BSON_SUBTYPE_BINARY, "\x00\x01\xff") << bin << autoC
                                    << true << kBlob << QStringLiteral("\\x");
    QTest::newRow("binary/bytes") << binary(BSON_SUBTYPE_USER, QByteArray("\x00\x01\xff", 3)) << bin
                                  << autoC << true << kBlob << QStringLiteral("\\x0001ff");
    QTest::newRow("binary/uuid subtype")
        << binary(BSON_SUBTYPE_UUID, kUuidBytes) << bin << autoC << true << kBlob
        << QStringLiteral("\\x0123456789abcdef0123456789abcdef");
    QTest::newRow("binary/string") << take(BCON_NEW("v", BCON_UTF8("x"))) << bin << autoC << false
                                   << 0 << QStringLiteral("string value");
    // Json
    QTest::newRow("json/string") << take(BCON_NEW("v", BCON_UTF8("a\"b\\c\n"))) << json << autoC
                                 << true << kJson << QStringLiteral(R"("a\"b\\c\n")");
    QTest::newRow("json/int64") << take(BCON_NEW("v", BCON_INT64(i64min))) << json << autoC << true
                                << kJson << QStringLiteral("-9223372036854775808");
    QTest::newRow("json/double integral") << take(BCON_NEW("v", BCON_DOUBLE(1.0))) << json << autoC
                                          << true << kJson << QStringLiteral("1.0");
    QTest::newRow("json/double NaN")
        << take(BCON_NEW("v", BCON_DOUBLE(kNaN))) << json << autoC << true << kJson
        << QStringLiteral(R"({ "$numberDouble" : "NaN" })");
    QTest::newRow("json/double -inf")
        << take(BCON_NEW("v", BCON_DOUBLE(-kInf))) << json << autoC << true << kJson
        << QStringLiteral(R"({ "$numberDouble" : "-Infinity" })");
    QTest::newRow("json/bool") << take(BCON_NEW("v", BCON_BOOL(true))) << json << autoC << true
                               << kJson << QStringLiteral("true");
    QTest::newRow("json/date") << take(BCON_NEW("v", BCON_DATE_TIME(0))) << json << autoC << true
                               << kJson
                               << QStringLiteral(R"({ "$date" : "1970-01-01T00:00:00Z" })");
    QTest::newRow("json/objectId")
        << oid("507f1f77bcf86cd799439011") << json << autoC << true << kJson
        << QStringLiteral(R"({ "$oid" : "507f1f77bcf86cd799439011" })");
    QTest::newRow("json/decimal") << decimal("1.5") << json << autoC << true << kJson
                                  << QStringLiteral(R"({ "$numberDecimal" : "1.5" })");
    QTest::newRow("json/document")
        << take(BCON_NEW("v", "{", "a", "[", BCON_INT32(1), "]", "b", BCON_NULL, "}")) << json
        << autoC << true << kJson << QStringLiteral(R"({ "a" : [ 1 ], "b" : null })");
    // A GeoJSON pair keeps the digits the user wrote: the shortest text that reads back as
    // the same double, not libbson's 20 significant digits.
    QTest::newRow("json/coordinates shortest")
        << take(BCON_NEW("v", "{", "type", BCON_UTF8("Point"), "coordinates", "[",
                         BCON_DOUBLE(-93.24565), BCON_DOUBLE(44.85466), "]", "}"))
        << json << autoC << true << kJson
        << QStringLiteral(R"({ "type" : "Point", "coordinates" : [ -93.24565, 44.85466 ] })");
    QTest::newRow("json/empty document and array")
        << take(BCON_NEW("v", "{", "a", "{", "}", "b", "[", "]", "}")) << json << autoC << true
        << kJson << QStringLiteral(R"({ "a" : { }, "b" : [ ] })");
    QTest::newRow("json/string NUL") << utf8Raw("a\0b", 3) << json << autoC << false << 0
                                     << QStringLiteral("jsonb cannot store");
    QTest::newRow("json/invalid utf8")
        << utf8Raw("\xff", 1) << json << autoC << false << 0 << QStringLiteral("not valid UTF-8");
    QTest::newRow("json conversion on integer column")
        << take(BCON_NEW("v", BCON_INT32(5))) << integer << jsonC << true << kJson
        << QStringLiteral("5");
}

void TestValueConversion::convert()
{
    QFETCH(QByteArray, doc);
    QFETCH(int, type);
    QFETCH(int, conversion);
    QFETCH(bool, ok);
    QFETCH(int, kind);
    QFETCH(QString, expected);

    ColumnMapping column;
    column.column = QStringLiteral("c");
    column.source = QStringLiteral("v");
    column.type = ColumnType(type);
    column.conversion = Conversion(conversion);
    const ValueConverter converter(column, Dialect::Postgres);

    bson_t b;
    QVERIFY(bson_init_static(&b, reinterpret_cast<const uint8_t *>(doc.constData()),
                             static_cast<size_t>(doc.size())));
    bson_iter_t it;
    QVERIFY(bson_iter_init_find(&it, &b, "v"));
    TableRows rows(1);
    rows.beginRow(0);
    QString why;
    const bool converted = converter.append(rows, it, &why);
    QVERIFY2(converted == ok, qPrintable(why));
    if (!ok) {
        QVERIFY2(why.contains(expected), qPrintable(why));
        return;
    }
    QCOMPARE(int(rows.at(0, 0).kind), kind);
    const QString shown = cellToDisplay(rows, rows.at(0, 0));
    if (expected == QLatin1String("\\x"))
        QVERIFY(shown.startsWith(expected));
    else
        QCOMPARE(shown, expected);
}

void TestValueConversion::pgArrayElements_data()
{
    QTest::addColumn<QByteArray>("doc");
    QTest::addColumn<int>("type");
    QTest::addColumn<QString>("problem"); // empty: accepted
    const int dbl = int(ColumnType::Double), bigint = int(ColumnType::BigInt);
    QTest::newRow("pair") << take(BCON_NEW("v", "[", BCON_DOUBLE(-93.24565), BCON_INT32(44), "]"))
                          << dbl << QString();
    QTest::newRow("null element") << take(BCON_NEW("v", "[", BCON_DOUBLE(1.5), BCON_NULL, "]"))
                                  << dbl << QString();
    QTest::newRow("ints") << take(BCON_NEW("v", "[", BCON_INT64(9007199254740993), "]")) << bigint
                          << QString();
    QTest::newRow("string in double[]")
        << take(BCON_NEW("v", "[", BCON_DOUBLE(1.5), BCON_UTF8("north"), "]")) << dbl
        << QStringLiteral("element 1 (\"north\")");
    QTest::newRow("NaN in double[]")
        << take(BCON_NEW("v", "[", BCON_DOUBLE(kNaN), "]")) << dbl << QStringLiteral("element 0");
    QTest::newRow("fraction in bigint[]")
        << take(BCON_NEW("v", "[", BCON_INT32(1), BCON_DOUBLE(2.5), "]")) << bigint
        << QStringLiteral("element 1 (2.5)");
    QTest::newRow("document in double[]")
        << take(BCON_NEW("v", "[", "{", "x", BCON_INT32(1), "}", "]")) << dbl
        << QStringLiteral("element 0");
}

// A document whose array holds what the PostgreSQL array type cannot parse is rejected with
// the element named, instead of failing its whole batch at COPY.
void TestValueConversion::pgArrayElements()
{
    QFETCH(QByteArray, doc);
    QFETCH(int, type);
    QFETCH(QString, problem);
    ColumnMapping column;
    column.column = QStringLiteral("coords");
    column.source = QStringLiteral("v");
    column.type = ColumnType(type);
    column.pgArray = true;
    bson_t b;
    QVERIFY(bson_init_static(&b, reinterpret_cast<const uint8_t *>(doc.constData()),
                             static_cast<size_t>(doc.size())));
    for (const Dialect dialect : {Dialect::Postgres, Dialect::Sqlite}) {
        bson_iter_t it;
        QVERIFY(bson_iter_init_find(&it, &b, "v"));
        TableRows rows(1);
        rows.beginRow(0);
        QString why;
        const bool ok = ValueConverter(column, dialect).append(rows, it, &why);
        // SQLite keeps the array as JSON text: anything goes.
        const bool expectOk = problem.isEmpty() || dialect == Dialect::Sqlite;
        QVERIFY2(ok == expectOk, qPrintable(why));
        if (!ok)
            QVERIFY2(why.contains(problem) && why.contains(QStringLiteral("`coords`")),
                     qPrintable(why));
    }
}

void TestValueConversion::isoDatesMatchQDateTime()
{
    // QDateTime is the independent reference: every value from year 1 to 9999 in uneven
    // steps, including both sides of 1970 and leap days.
    const qint64 first = -62135596800000LL, last = 253402300799999LL;
    const qint64 step = 7919LL * 86400000LL + 12345;
    for (qint64 ms = first; ms <= last; ms += step) {
        const QString expected = QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC)
                                     .toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzzZ"));
        QCOMPARE(isoDateText(ms), expected);
    }
    QCOMPARE(isoDateText(951782400000LL), QStringLiteral("2000-02-29T00:00:00.000Z"));
    QCOMPARE(isoDateText(-2203891200001LL), QStringLiteral("1900-02-28T23:59:59.999Z"));
    QCOMPARE(isoDateText(last + 1), QStringLiteral("253402300800000"));
}

void TestValueConversion::uuid5Vectors()
{
    // Expected values were computed outside Ferry with /usr/bin/python3:
    //   ns = uuid.UUID('fb744de8-e17c-41d6-a916-544745f4acfd').bytes
    //   h = bytearray(hashlib.sha1(ns + bytes.fromhex(OID)).digest()[:16])
    //   h[6] = h[6] & 0x0f | 0x50; h[8] = h[8] & 0x3f | 0x80
    // and, for the RFC namespace check, uuid.uuid5(uuid.NAMESPACE_DNS, 'python.org').
    auto text = [](const UuidBytes &u) {
        char buf[36];
        formatUuid(u.data(), buf);
        return QString::fromLatin1(buf, 36);
    };
    const QByteArray oid = QByteArray::fromHex("507f1f77bcf86cd799439011");
    const auto *oidBytes = reinterpret_cast<const uint8_t *>(oid.constData());
    QCOMPARE(text(uuidFromObjectId(oidBytes)),
             QStringLiteral("656a38b2-00a4-51cf-86fc-5c021bf58854"));
    QCOMPARE(uuidFromObjectId(oidBytes), uuidFromObjectId(oidBytes));

    UuidBytes dns;
    QVERIFY(parseUuid("6ba7b810-9dad-11d1-80b4-00c04fd430c8", dns.data()));
    QCOMPARE(text(uuid5(dns, "python.org", 10)),
             QStringLiteral("886313e1-3b8a-5372-9b90-0c9aee199e5d"));
}

void TestValueConversion::sha1MatchesQt()
{
    // Lengths around the 55/56/64-byte padding boundaries.
    for (int len : {0, 3, 55, 56, 63, 64, 65, 119, 120, 1000}) {
        QByteArray data(len, Qt::Uninitialized);
        for (int i = 0; i < len; ++i)
            data[i] = char(i * 31 + 7);
        const auto ours = sha1(data.constData(), size_t(len));
        const QByteArray qt = QCryptographicHash::hash(data, QCryptographicHash::Sha1);
        QCOMPARE(QByteArray(reinterpret_cast<const char *>(ours.data()), 20).toHex(), qt.toHex());
    }
}

void TestValueConversion::parseUuidForms_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("ok");
    QTest::newRow("lower") << QStringLiteral("01234567-89ab-cdef-0123-456789abcdef") << true;
    QTest::newRow("upper braces") << QStringLiteral("{01234567-89AB-CDEF-0123-456789ABCDEF}")
                                  << true;
    QTest::newRow("no dashes") << QStringLiteral("0123456789abcdef0123456789abcdef") << false;
    QTest::newRow("bad hex") << QStringLiteral("0123456g-89ab-cdef-0123-456789abcdef") << false;
    QTest::newRow("dash moved") << QStringLiteral("0123456-789ab-cdef-0123-456789abcdef") << false;
}

void TestValueConversion::parseUuidForms()
{
    QFETCH(QString, text);
    QFETCH(bool, ok);
    const QByteArray utf8 = text.toUtf8();
    uint8_t out[16];
    QCOMPARE(parseUuid({utf8.constData(), size_t(utf8.size())}, out), ok);
}

void TestValueConversion::jsonStringEscapes()
{
    std::string out;
    appendJsonString(out, std::string_view("q\"b\\s/\x01\t\x1f\xc3\xa9", 11));
    QCOMPARE(QString::fromStdString(out),
             QStringLiteral("\"q\\\"b\\\\s/\\u0001\\t\\u001f\u00e9\""));
}

void TestValueConversion::cellDisplay()
{
    TableRows rows(4);
    rows.beginRow(0);
    rows.addNull();
    rows.addTimestamp(-1);
    const QByteArray big(100, '\x01');
    rows.addBytes(CellKind::Blob, big.constData(), size_t(big.size()));
    rows.addDouble(1e-7);
    QCOMPARE(cellToDisplay(rows, rows.at(0, 0)), QStringLiteral("NULL"));
    QCOMPARE(cellToDisplay(rows, rows.at(0, 1)), QStringLiteral("1969-12-31T23:59:59.999Z"));
    QVERIFY(cellToDisplay(rows, rows.at(0, 2)).endsWith(QStringLiteral("(100 bytes)")));
    QCOMPARE(cellToDisplay(rows, rows.at(0, 3)), QStringLiteral("1e-07"));
}

void TestValueConversion::declaredSizes_data()
{
    QTest::addColumn<QByteArray>("doc");
    QTest::addColumn<int>("type");
    QTest::addColumn<int>("size"); // length (text) or precision (numeric)
    QTest::addColumn<int>("scale");
    QTest::addColumn<bool>("ok");
    const int text = int(ColumnType::Text), numeric = int(ColumnType::Numeric);
    // varchar(n) counts characters, not bytes.
    QTest::newRow("5 chars in 5") << utf8Raw("ñandú", -1) << text << 5 << 0 << true;
    QTest::newRow("6 chars in 5") << utf8Raw("longer", -1) << text << 5 << 0 << false;
    QTest::newRow("int as text") << take(BCON_NEW("v", BCON_INT32(123456))) << text << 5 << 0
                                 << false;
    QTest::newRow("null-free empty") << utf8Raw("", 0) << text << 1 << 0 << true;
    // numeric(10,2): 8 digits before the point, 2 after; zeros aside; never rounded.
    QTest::newRow("1234.5") << take(BCON_NEW("v", BCON_DOUBLE(1234.5))) << numeric << 10 << 2
                            << true;
    QTest::newRow("decimal 12345678.99") << decimal("12345678.99") << numeric << 10 << 2 << true;
    QTest::newRow("decimal 123456789.0") << decimal("123456789.0") << numeric << 10 << 2 << false;
    QTest::newRow("1.005 would round") << decimal("1.005") << numeric << 10 << 2 << false;
    QTest::newRow("1.500 trailing zeros") << decimal("1.500") << numeric << 10 << 2 << true;
    QTest::newRow("exponent 1E+3") << decimal("1E+3") << numeric << 4 << 0 << true;
    QTest::newRow("exponent 1E+4") << decimal("1E+4") << numeric << 4 << 0 << false;
    QTest::newRow("0.000001") << decimal("1E-6") << numeric << 10 << 2 << false;
    QTest::newRow("NaN") << decimal("NaN") << numeric << 10 << 2 << true;
    QTest::newRow("Infinity") << decimal("Infinity") << numeric << 10 << 2 << false;
    QTest::newRow("int64") << take(BCON_NEW("v", BCON_INT64(-99999999))) << numeric << 10 << 2
                           << true;
}

void TestValueConversion::declaredSizes()
{
    QFETCH(QByteArray, doc);
    QFETCH(int, type);
    QFETCH(int, size);
    QFETCH(int, scale);
    QFETCH(bool, ok);
    ColumnMapping column;
    column.column = QStringLiteral("c");
    column.type = ColumnType(type);
    (column.type == ColumnType::Text ? column.length : column.precision) = size;
    column.scale = scale;
    bson_t b;
    QVERIFY(bson_init_static(&b, reinterpret_cast<const uint8_t *>(doc.constData()),
                             static_cast<size_t>(doc.size())));
    bson_iter_t it;
    QVERIFY(bson_iter_init_find(&it, &b, "v"));
    for (const Dialect dialect : {Dialect::Postgres, Dialect::Sqlite}) {
        TableRows rows(1);
        rows.beginRow(0);
        QString why;
        QCOMPARE(ValueConverter(column, dialect).append(rows, it, &why), ok);
        // A refused value leaves no cell behind, and the reason names the declared type.
        QCOMPARE(rows.mark().cells, size_t(ok ? 1 : 0));
        if (!ok)
            QVERIFY2(why.contains(type == int(ColumnType::Text)
                                      ? QStringLiteral("varchar(%1)").arg(size)
                                      : QStringLiteral("numeric(%1,%2)").arg(size).arg(scale)),
                     qPrintable(why));
    }
}

// Validation reads a numeric[] back as JSON numbers, while the source's Decimal128 elements
// are {"$numberDecimal": …}: the same values compare equal, a changed one does not.
void TestValueConversion::validationComparesDecimalArrays()
{
    ColumnMapping c;
    c.column = QStringLiteral("v");
    c.type = ColumnType::Numeric;
    c.pgArray = true;
    const QString expected = QStringLiteral(
        R"([ { "$numberDecimal" : "1.50" }, null, { "$numberDecimal" : "-2.00" } ])");
    QVERIFY(sameCell(c, expected, QStringLiteral("[1.50, null, -2.00]")));
    QVERIFY(!sameCell(c, expected, QStringLiteral("[1.51, null, -2.00]")));
    QVERIFY(!sameCell(c, expected, QStringLiteral("[1.50, -2.00]")));
    QVERIFY(!sameCell(c, expected, QStringLiteral("not json")));
}

QTEST_GUILESS_MAIN(TestValueConversion)
#include "tst_value_conversion.moc"

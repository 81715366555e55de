#include "support/adversarial_dump.h"

#include <bson/bson.h>

#include <QFile>

#include <cmath>
#include <limits>

namespace ferry::test {

namespace {

QByteArray take(bson_t *doc)
{
    QByteArray out(reinterpret_cast<const char *>(bson_get_data(doc)), qsizetype(doc->len));
    bson_destroy(doc);
    return out;
}

// Starts a document with its _id left to `addId` and the index field `n`.
template <class AddId> void begin(bson_t *doc, int n, AddId addId)
{
    bson_init(doc);
    addId(doc);
    BSON_APPEND_INT32(doc, "n", n);
}

void appendDecimal(bson_t *doc, const char *key, const char *digits)
{
    bson_decimal128_t dec;
    bson_decimal128_from_string(digits, &dec);
    BSON_APPEND_DECIMAL128(doc, key, &dec);
}

void appendNested(bson_t *parent, const char *key, int depth)
{
    bson_t child;
    BSON_APPEND_DOCUMENT_BEGIN(parent, key, &child);
    if (depth > 1)
        appendNested(&child, "d", depth - 1);
    else
        BSON_APPEND_UTF8(&child, "leaf", "bottom");
    bson_append_document_end(parent, &child);
}

} // namespace

QString longFieldName()
{
    return QStringLiteral(
        "a_field_name_that_is_much_longer_than_the_sixty_three_bytes_postgres_allows");
}

QList<QByteArray> adversarialDocuments()
{
    QList<QByteArray> docs;
    bson_t d;
    const QByteArray longName = longFieldName().toUtf8();

    // 0: ObjectId _id; awkward names; `mixed` as int; the nested a.b next to a top-level a_b.
    begin(&d, 0, [](bson_t *b) {
        bson_oid_t oid;
        bson_oid_init_from_string(&oid, "5f1d7a3b9c8e4a2b1c0d9e8f");
        BSON_APPEND_OID(b, "_id", &oid);
    });
    BSON_APPEND_INT32(&d, "mixed", 42);
    BSON_APPEND_UTF8(&d, "with.dots", "dotted");
    BSON_APPEND_UTF8(&d, "$dollar", "dollar");
    BSON_APPEND_UTF8(&d, "with space", "spaced");
    BSON_APPEND_UTF8(&d, "имя", "Кириллица");
    BSON_APPEND_UTF8(&d, "select", "s");
    BSON_APPEND_UTF8(&d, "user", "u");
    BSON_APPEND_UTF8(&d, "order", "o");
    bson_append_utf8(&d, longName.constData(), -1, "long", -1);
    {
        bson_t a;
        BSON_APPEND_DOCUMENT_BEGIN(&d, "a", &a);
        BSON_APPEND_INT32(&a, "b", 1);
        bson_append_document_end(&d, &a);
    }
    BSON_APPEND_INT32(&d, "a_b", 2);
    BSON_APPEND_UTF8(&d, "s", "plain");
    docs << take(&d);

    // 1: string _id "5"; `mixed` as string; a NUL byte inside a string.
    begin(&d, 1, [](bson_t *b) { BSON_APPEND_UTF8(b, "_id", "5"); });
    BSON_APPEND_UTF8(&d, "mixed", "forty-two");
    bson_append_utf8(&d, "s", -1, "before\0after", 12);
    docs << take(&d);

    // 2: int _id 5 (must not meet the string "5"); `mixed` null; invalid UTF-8.
    begin(&d, 2, [](bson_t *b) { BSON_APPEND_INT32(b, "_id", 5); });
    BSON_APPEND_NULL(&d, "mixed");
    bson_append_utf8(&d, "s", -1, "bad \xff\xfe bytes", 11);
    docs << take(&d);

    // 3: document _id; `mixed` missing; a 1 MB string.
    begin(&d, 3, [](bson_t *b) {
        bson_t id;
        BSON_APPEND_DOCUMENT_BEGIN(b, "_id", &id);
        BSON_APPEND_INT32(&id, "k", 1);
        BSON_APPEND_UTF8(&id, "j", "x");
        bson_append_document_end(b, &id);
    });
    {
        QByteArray big(1 << 20, 'x');
        for (qsizetype i = 0; i < big.size(); i += 1000)
            big[i] = char('a' + (i / 1000) % 26); // not one repeated byte: truncation shows
        bson_append_utf8(&d, "s", -1, big.constData(), int(big.size()));
    }
    docs << take(&d);

    // 4: UUID binary _id; `mixed` as a document; Cyrillic text.
    begin(&d, 4, [](bson_t *b) {
        const uint8_t uuid[16] = {0x12, 0x3e, 0x45, 0x67, 0xe8, 0x9b, 0x12, 0xd3,
                                  0xa4, 0x56, 0x42, 0x66, 0x14, 0x17, 0x40, 0x00};
        BSON_APPEND_BINARY(b, "_id", BSON_SUBTYPE_UUID, uuid, 16);
    });
    {
        bson_t m;
        BSON_APPEND_DOCUMENT_BEGIN(&d, "mixed", &m);
        BSON_APPEND_INT32(&m, "x", 1);
        bson_append_document_end(&d, &m);
    }
    BSON_APPEND_UTF8(&d, "s", "Съешь же ещё этих мягких французских булок");
    docs << take(&d);

    // 5–9: extreme numbers and dates, one per document so each column keeps one type.
    const int64_t ints[] = {std::numeric_limits<int64_t>::min(),
                            std::numeric_limits<int64_t>::max(), 0, -1, 1};
    const double doubles[] = {std::nan(""), std::numeric_limits<double>::infinity(),
                              -std::numeric_limits<double>::infinity(), -0.0, 0.1 + 0.2};
    const char *decimals[] = {"1234567890123456789012345678901234",
                              "-0.000000000000000000000000000000001",
                              "9.999999999999999999999999999999999E+6144", "0", "-1.5"};
    const int64_t dates[] = {-62135596800000LL /* 0001-01-01 */, -1 /* 1969-12-31 23:59:59.999 */,
                             253402300799999LL /* 9999-12-31 23:59:59.999 */,
                             -86400000LL * 365 * 300, 0};
    for (int i = 0; i < 5; ++i) {
        begin(&d, 5 + i, [i](bson_t *b) { BSON_APPEND_INT64(b, "_id", 1000 + i); });
        BSON_APPEND_INT64(&d, "big", ints[i]);
        BSON_APPEND_DOUBLE(&d, "dbl", doubles[i]);
        appendDecimal(&d, "dec", decimals[i]);
        BSON_APPEND_DATE_TIME(&d, "when", dates[i]);
        docs << take(&d);
    }

    // 10: arrays: empty, 10,000 elements, arrays of arrays.
    begin(&d, 10, [](bson_t *b) { BSON_APPEND_UTF8(b, "_id", "arrays"); });
    {
        bson_t arr;
        BSON_APPEND_ARRAY_BEGIN(&d, "empty", &arr);
        bson_append_array_end(&d, &arr);
        BSON_APPEND_ARRAY_BEGIN(&d, "many", &arr);
        for (int i = 0; i < 10000; ++i) {
            const QByteArray key = QByteArray::number(i);
            bson_append_int32(&arr, key.constData(), -1, i * 7);
        }
        bson_append_array_end(&d, &arr);
        BSON_APPEND_ARRAY_BEGIN(&d, "grid", &arr);
        for (int i = 0; i < 3; ++i) {
            bson_t row;
            const QByteArray key = QByteArray::number(i);
            bson_append_array_begin(&arr, key.constData(), -1, &row);
            for (int j = 0; j <= i; ++j) {
                const QByteArray k = QByteArray::number(j);
                bson_append_int32(&row, k.constData(), -1, i * 10 + j);
            }
            bson_append_array_end(&arr, &row);
        }
        bson_append_array_end(&d, &arr);
    }
    docs << take(&d);

    // 11: 100 levels of nesting.
    begin(&d, 11, [](bson_t *b) { BSON_APPEND_UTF8(b, "_id", "deep"); });
    appendNested(&d, "deep", 100);
    docs << take(&d);

    // 12: the odd types: regex, timestamp, MinKey, MaxKey, JavaScript code.
    begin(&d, 12, [](bson_t *b) { BSON_APPEND_UTF8(b, "_id", "odd"); });
    BSON_APPEND_REGEX(&d, "re", "^a.*b$", "ix");
    BSON_APPEND_TIMESTAMP(&d, "ts", 1700000000, 7);
    BSON_APPEND_MINKEY(&d, "lo");
    BSON_APPEND_MAXKEY(&d, "hi");
    BSON_APPEND_CODE(&d, "js", "function () { return 1; }");
    docs << take(&d);

    // 13: a document near the 16 MB limit (a 15.5 MB binary).
    begin(&d, 13, [](bson_t *b) { BSON_APPEND_UTF8(b, "_id", "huge"); });
    {
        QByteArray blob(15 * 1024 * 1024 + 512 * 1024, '\0');
        for (qsizetype i = 0; i < blob.size(); ++i)
            blob[i] = char((i * 131) & 0xff);
        BSON_APPEND_BINARY(&d, "blob", BSON_SUBTYPE_BINARY,
                           reinterpret_cast<const uint8_t *>(blob.constData()),
                           uint32_t(blob.size()));
    }
    docs << take(&d);
    return docs;
}

QList<QByteArray> collidingIdDocuments()
{
    QList<QByteArray> docs;
    bson_t d;
    int n = 0;
    begin(&d, n++, [](bson_t *b) { BSON_APPEND_INT32(b, "_id", 5); });
    docs << take(&d);
    begin(&d, n++, [](bson_t *b) { BSON_APPEND_UTF8(b, "_id", "5"); });
    docs << take(&d);
    begin(&d, n++, [](bson_t *b) { BSON_APPEND_INT64(b, "_id", 7); });
    docs << take(&d);
    begin(&d, n++, [](bson_t *b) { BSON_APPEND_UTF8(b, "_id", "7"); });
    docs << take(&d);
    begin(&d, n++, [](bson_t *b) { BSON_APPEND_BOOL(b, "_id", true); });
    docs << take(&d);
    begin(&d, n++, [](bson_t *b) { BSON_APPEND_UTF8(b, "_id", "true"); });
    docs << take(&d);
    return docs;
}

bool writeBsonFile(const QString &path, const QList<QByteArray> &docs)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return false;
    for (const QByteArray &doc : docs)
        if (f.write(doc) != doc.size())
            return false;
    return f.flush();
}

} // namespace ferry::test

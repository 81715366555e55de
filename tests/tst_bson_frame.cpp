#include "stores/dump/bson_frame.h"

#include <QTest>

#include <random>
#include <vector>

using namespace ferry;

namespace {

// The reference: what iterating the document with libbson, recursively, makes of it.
bool libbsonWalks(const bson_t *doc)
{
    bson_iter_t it;
    if (!bson_iter_init(&it, doc))
        return false;
    while (bson_iter_next(&it)) {
        if (!BSON_ITER_HOLDS_DOCUMENT(&it) && !BSON_ITER_HOLDS_ARRAY(&it))
            continue;
        uint32_t len = 0;
        const uint8_t *data = nullptr;
        if (BSON_ITER_HOLDS_DOCUMENT(&it))
            bson_iter_document(&it, &len, &data);
        else
            bson_iter_array(&it, &len, &data);
        bson_t sub;
        if (!data || !bson_init_static(&sub, data, len) || !libbsonWalks(&sub))
            return false;
    }
    return it.err_off == 0;
}

std::vector<uint8_t> bytesOf(bson_t *doc)
{
    const uint8_t *data = bson_get_data(doc);
    std::vector<uint8_t> out(data, data + doc->len);
    bson_destroy(doc);
    return out;
}

// Every element type the quick check knows, nested twice.
std::vector<uint8_t> commonKinds()
{
    bson_t *doc = bson_new();
    bson_oid_t oid;
    bson_oid_init_from_string(&oid, "507f1f77bcf86cd799439011");
    bson_decimal128_t dec;
    bson_decimal128_from_string("1.5", &dec);
    const uint8_t bin[3] = {1, 2, 3};
    BSON_APPEND_DOUBLE(doc, "d", 1.5);
    BSON_APPEND_UTF8(doc, "s", "text");
    BSON_APPEND_OID(doc, "o", &oid);
    BSON_APPEND_BOOL(doc, "b", true);
    BSON_APPEND_DATE_TIME(doc, "t", 1234567);
    BSON_APPEND_NULL(doc, "n");
    BSON_APPEND_UNDEFINED(doc, "u");
    BSON_APPEND_INT32(doc, "i", 7);
    BSON_APPEND_INT64(doc, "l", 8);
    BSON_APPEND_TIMESTAMP(doc, "ts", 1, 2);
    BSON_APPEND_DECIMAL128(doc, "m", &dec);
    BSON_APPEND_MINKEY(doc, "min");
    BSON_APPEND_MAXKEY(doc, "max");
    BSON_APPEND_CODE(doc, "c", "x = 1");
    BSON_APPEND_SYMBOL(doc, "y", "sym");
    BSON_APPEND_BINARY(doc, "bin", BSON_SUBTYPE_BINARY, bin, 3);
    BSON_APPEND_BINARY(doc, "empty", BSON_SUBTYPE_UUID, bin, 0);
    bson_t child, grandchild;
    BSON_APPEND_DOCUMENT_BEGIN(doc, "sub", &child);
    BSON_APPEND_UTF8(&child, "k", "v");
    BSON_APPEND_ARRAY_BEGIN(&child, "arr", &grandchild);
    BSON_APPEND_INT32(&grandchild, "0", 1);
    BSON_APPEND_UTF8(&grandchild, "1", "");
    bson_append_array_end(&child, &grandchild);
    bson_append_document_end(doc, &child);
    return bytesOf(doc);
}

} // namespace

class BsonFrameTest : public QObject {
    Q_OBJECT

private slots:
    void commonKindsPassTheQuickCheck()
    {
        std::vector<uint8_t> bytes = commonKinds();
        bson_t doc;
        QVERIFY(bson_init_static(&doc, bytes.data(), bytes.size()));
        QVERIFY(libbsonWalks(&doc));
        QVERIFY(bsonFramesSurelyValid(&doc));
        size_t bad = 0;
        QVERIFY(bsonStructureValid(&doc, &bad));
    }

    // Kinds the quick check does not know are left to libbson, which accepts them. One
    // document each: the check gives up at the first.
    void rareKindsAreLeftToLibbson_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        const auto row = [](const char *name, bson_t *doc) {
            const std::vector<uint8_t> b = bytesOf(doc);
            QTest::newRow(name) << QByteArray(reinterpret_cast<const char *>(b.data()),
                                              qsizetype(b.size()));
        };
        bson_t *regex = bson_new();
        BSON_APPEND_REGEX(regex, "r", "^a", "i");
        row("regex", regex);
        bson_t *scoped = bson_new();
        bson_t *scope = BCON_NEW("x", BCON_INT32(1));
        BSON_APPEND_CODE_WITH_SCOPE(scoped, "cs", "f()", scope);
        bson_destroy(scope);
        row("code with scope", scoped);
        bson_t *old = bson_new();
        const uint8_t four[4] = {1, 2, 3, 4};
        BSON_APPEND_BINARY(old, "old", BSON_SUBTYPE_BINARY_DEPRECATED, four, 4);
        row("binary subtype 2", old);
        bson_t *pointer = bson_new();
        bson_oid_t oid;
        bson_oid_init_from_string(&oid, "507f1f77bcf86cd799439011");
        BSON_APPEND_DBPOINTER(pointer, "p", "c", &oid);
        row("DBPointer", pointer);
    }
    void rareKindsAreLeftToLibbson()
    {
        QFETCH(QByteArray, bytes);
        bson_t view;
        QVERIFY(bson_init_static(&view, reinterpret_cast<const uint8_t *>(bytes.constData()),
                                 size_t(bytes.size())));
        QVERIFY(libbsonWalks(&view));
        QVERIFY(!bsonFramesSurelyValid(&view));
        size_t bad = 0;
        QVERIFY(bsonStructureValid(&view, &bad));
    }

    // The quick check may say "not sure" more often than libbson refuses, never less: a
    // document it passes must iterate without error. Thousands of damaged copies of a
    // document (bytes changed, length fields bent by a little or a lot) put that to the test.
    void neverMoreLenientThanLibbson()
    {
        const std::vector<uint8_t> seed = commonKinds();
        std::mt19937 rng(20261201);
        int quickYes = 0;
        int quickNo = 0;
        int libbsonNo = 0;
        for (int round = 0; round < 40000; ++round) {
            std::vector<uint8_t> bytes = seed;
            const int edits = 1 + int(rng() % 3);
            for (int e = 0; e < edits; ++e) {
                // The outer frame stays intact (bson_init_static would refuse it anyway).
                const size_t at = 4 + rng() % (bytes.size() - 5);
                switch (rng() % 3) {
                case 0:
                    bytes[at] = uint8_t(rng());
                    break;
                case 1:
                    bytes[at] = uint8_t(int(bytes[at]) + int(rng() % 5) - 2);
                    break;
                default:
                    bytes[at] = 0;
                    break;
                }
            }
            bson_t doc;
            QVERIFY(bson_init_static(&doc, bytes.data(), bytes.size()));
            const bool walks = libbsonWalks(&doc);
            libbsonNo += walks ? 0 : 1;
            if (!bsonFramesSurelyValid(&doc)) {
                ++quickNo;
                continue;
            }
            ++quickYes;
            QVERIFY2(walks, qPrintable(QStringLiteral("round %1: passed the quick check, but "
                                                      "libbson cannot iterate it")
                                           .arg(round)));
            size_t bad = 0;
            QVERIFY(bsonStructureValid(&doc, &bad));
        }
        // Both answers came up often enough for the comparison to mean something.
        QVERIFY2(quickYes > 1000 && quickNo > 1000 && libbsonNo > 1000,
                 qPrintable(QStringLiteral("%1 passed, %2 not sure, %3 refused by libbson")
                                .arg(quickYes)
                                .arg(quickNo)
                                .arg(libbsonNo)));
    }
};

QTEST_GUILESS_MAIN(BsonFrameTest)
#include "tst_bson_frame.moc"

// validUtf8NoNul must say exactly what bson_utf8_validate(…, false) says, whatever the
// alignment of the first non-ASCII or NUL byte within its 8-byte words.
#include "core/utf8_check.h"

#include <bson/bson.h>

#include <QtTest>

#include <random>
#include <string>

using namespace ferry;

class TestUtf8Check : public QObject {
    Q_OBJECT

private slots:
    void knownStrings_data();
    void knownStrings();
    void agreesWithLibbsonAtEveryOffset();
    void agreesWithLibbsonOnRandomBytes();
};

static bool reference(const std::string &s)
{
    return bson_utf8_validate(s.data(), s.size(), false);
}

void TestUtf8Check::knownStrings_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<bool>("valid");
    QTest::newRow("empty") << QByteArray() << true;
    QTest::newRow("ascii") << QByteArray("plain ascii text, longer than a word") << true;
    QTest::newRow("nul") << QByteArray("abc\0def", 7) << false;
    QTest::newRow("nul late") << QByteArray("abcdefghijklmnop\0", 17) << false;
    QTest::newRow("e acute") << QByteArray("caf\xc3\xa9 au lait") << true;
    QTest::newRow("emoji") << QByteArray("12345678\xf0\x9f\x98\x80") << true;
    QTest::newRow("lone continuation") << QByteArray("12345678\x80") << false;
    QTest::newRow("truncated") << QByteArray("1234567\xe2\x82") << false;
    QTest::newRow("overlong slash") << QByteArray("\xc0\xaf") << false;
    QTest::newRow("latin1") << QByteArray("Gr\xfc\xdf Gott") << false;
}

void TestUtf8Check::knownStrings()
{
    QFETCH(QByteArray, bytes);
    QFETCH(bool, valid);
    const std::string s(bytes.constData(), size_t(bytes.size()));
    QCOMPARE(reference(s), valid); // the expectation itself is what libbson says
    QCOMPARE(validUtf8NoNul(s.data(), s.size()), valid);
}

void TestUtf8Check::agreesWithLibbsonAtEveryOffset()
{
    const std::string oddOnes[] = {std::string("\0", 1),
                                   "\xc3\xa9",
                                   "\xe2\x82\xac",
                                   "\xf0\x9f\x98\x80",
                                   "\x80",
                                   "\xc3",
                                   "\xff"};
    for (const std::string &odd : oddOnes) {
        for (size_t before = 0; before < 20; ++before) {
            for (size_t after = 0; after < 10; ++after) {
                const std::string s = std::string(before, 'a') + odd + std::string(after, 'z');
                QVERIFY2(validUtf8NoNul(s.data(), s.size()) == reference(s),
                         qPrintable(QStringLiteral("%1 ASCII bytes, then %2 bytes, then %3")
                                        .arg(before)
                                        .arg(odd.size())
                                        .arg(after)));
            }
        }
    }
}

void TestUtf8Check::agreesWithLibbsonOnRandomBytes()
{
    std::mt19937 rng(20261201);
    int valid = 0;
    for (int round = 0; round < 200000; ++round) {
        std::string s(rng() % 40, 'x');
        for (char &c : s) {
            // Mostly ASCII, as real text is, with some of every other byte.
            const unsigned r = rng() % 100;
            c = char(r < 85 ? 0x20 + rng() % 0x5f : rng() % 256);
        }
        const bool expected = reference(s);
        valid += expected ? 1 : 0;
        QCOMPARE(validUtf8NoNul(s.data(), s.size()), expected);
    }
    QVERIFY(valid > 1000 && valid < 199000); // both answers were exercised
}

QTEST_GUILESS_MAIN(TestUtf8Check)
#include "tst_utf8_check.moc"

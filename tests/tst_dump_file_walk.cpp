// The skim of a .bson file (stores/dump/dump_file_walk.h): a plain file is walked in large
// reads that hold only the length prefixes, a gzip one through the general buffer. The two
// must find the same documents at the same offsets, and the same fault, on a file built around
// the plain walk's read size: prefixes split across reads, documents longer than a read.
#include "stores/dump/dump_file_walk.h"
#include "support/dump_fixtures.h"

#include <bson/bson.h>

#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <random>

using namespace ferry;
using namespace ferry::test;
using namespace Qt::StringLiterals;

namespace {

constexpr qint64 kRead = 4 << 20; // the plain walk's read size

QByteArray document(qint64 number, size_t padding)
{
    bson_t doc = BSON_INITIALIZER;
    BSON_APPEND_INT64(&doc, "_id", number);
    const std::string pad(padding, 'x');
    BSON_APPEND_UTF8(&doc, "pad", pad.c_str());
    QByteArray out(reinterpret_cast<const char *>(bson_get_data(&doc)), qsizetype(doc.len));
    bson_destroy(&doc);
    return out;
}

// Documents of random small sizes, one of 5 MB (longer than a read), and one placed so that
// its length prefix straddles the end of the second read. Returns their offsets.
QByteArray awkwardFile(std::vector<qint64> *offsets)
{
    std::mt19937 rng(7);
    QByteArray data;
    qint64 number = 0;
    auto add = [&](size_t padding) {
        offsets->push_back(data.size());
        data += document(number++, padding);
    };
    while (data.size() < kRead - 2000)
        add(rng() % 900);
    add(5 << 20); // crosses the first read's end and all of the next one
    // Up to 3 bytes before the end of the read that starts here: the next prefix is split.
    const qint64 readStart = data.size();
    const qint64 prefixAt = readStart + kRead - 2;
    while (data.size() + 2000 < prefixAt)
        add(rng() % 900);
    const QByteArray probe = document(0, 0);
    add(size_t(prefixAt - data.size()) - size_t(probe.size()));
    if (data.size() != prefixAt)
        return {}; // the layout did not come out as meant; the test says so
    for (int i = 0; i < 500; ++i)
        add(rng() % 900);
    return data;
}

QString write(const QTemporaryDir &dir, const QString &name, const QByteArray &bytes)
{
    const QString path = dir.filePath(name);
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size())
        return {};
    return path;
}

qint64 faultOffset(const QString &problem)
{
    const auto m = QRegularExpression(u"at byte (\\d+)"_s).match(problem);
    return m.hasMatch() ? m.captured(1).toLongLong() : -1;
}

} // namespace

class DumpFileWalkTest : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void plainWalkMatchesTheBufferedOne_data()
    {
        QTest::addColumn<int>("cut"); // bytes cut off the end; 0 keeps the file whole
        QTest::newRow("whole") << 0;
        QTest::newRow("last document cut short") << 7;
        QTest::newRow("only part of a prefix left") << -2;
    }
    void plainWalkMatchesTheBufferedOne()
    {
        QFETCH(int, cut);
        std::vector<qint64> offsets;
        QByteArray data = awkwardFile(&offsets);
        QVERIFY2(!data.isEmpty(), "the file's layout around the read size did not work out");
        const qint64 whole = data.size();
        qint64 expectedCount = qint64(offsets.size());
        qint64 expectedFault = -1;
        if (cut > 0) {
            // The last document's prefix promises more than is left: it is the fault, and
            // counts as the unframeable rest.
            data.chop(cut);
            expectedFault = offsets.back();
        } else if (cut < 0) {
            data.append(QByteArray(-cut, '\x05')); // too short to be a length
            expectedFault = whole;
            ++expectedCount;
        }
        const QString name = QString::number(cut < 0 ? 100 - cut : cut);
        const QString plain = write(m_dir, u"plain-%1.bson"_s.arg(name), data);
        const QString packed = write(m_dir, u"packed-%1.bson"_s.arg(name), gzipped(data));
        QVERIFY(!plain.isEmpty() && !packed.isEmpty());

        const qint64 keepAll = qint64(offsets.size()) + 10;
        const auto a = DumpFileWalk::of(plain, keepAll, DumpFileWalk::Format::Bson);
        const auto b = DumpFileWalk::of(packed, keepAll, DumpFileWalk::Format::Bson);
        QVERIFY(a.ok() && b.ok());
        QCOMPARE(a->count, expectedCount);
        QCOMPARE(b->count, expectedCount);
        QCOMPARE(faultOffset(a->problem), expectedFault);
        QCOMPARE(faultOffset(b->problem), expectedFault);
        QCOMPARE(a->offsets, b->offsets);
        const size_t readable = size_t(expectedFault < 0 ? expectedCount : expectedCount - 1);
        QCOMPARE(a->offsets.size(), readable);
        for (size_t i = 0; i < readable; ++i)
            QCOMPARE(a->offsets[i].first, offsets[i]);

        // The picked documents read back whole from both.
        QByteArray fromPlain, fromPacked;
        auto collect = [](QByteArray *into) {
            return [into](qint64, const char *bytes, size_t len) {
                into->append(bytes, qsizetype(len));
                return true;
            };
        };
        QVERIFY(*a->readPicked(plain, 50, collect(&fromPlain)));
        QVERIFY(*b->readPicked(packed, 50, collect(&fromPacked)));
        QVERIFY(!fromPlain.isEmpty());
        QCOMPARE(fromPlain, fromPacked);
    }
};

QTEST_GUILESS_MAIN(DumpFileWalkTest)
#include "tst_dump_file_walk.moc"

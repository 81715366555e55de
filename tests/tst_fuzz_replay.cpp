#include "fuzz_entry_points.h"

#include <QDir>
#include <QFile>
#include <QTest>

using namespace Qt::StringLiterals;

// Replays every committed fuzz corpus file through the same entry point the libFuzzer target
// calls (fuzz/fuzz_entry_points.h). A crash or a broken invariant aborts this test, so a
// reproducer added to the corpus stays fixed.
class FuzzReplayTest : public QObject {
    Q_OBJECT

private slots:
    void corporaAreNotEmpty_data();
    void corporaAreNotEmpty();
    void projectFile_data() { addCorpusRows(u"project_file"_s); }
    void projectFile() { replay(&ferry::fuzz::fuzzProjectFile); }
    void dumpReader_data() { addCorpusRows(u"dump_reader"_s); }
    void dumpReader() { replay(&ferry::fuzz::fuzzDumpReader); }

private:
    static QString corpusDir(const QString &target);
    static QStringList corpusFiles(const QString &target);
    static void addCorpusRows(const QString &target);
    static void replay(void (*entry)(const uint8_t *, size_t));
};

QString FuzzReplayTest::corpusDir(const QString &target)
{
    const QString source = qEnvironmentVariable("FERRY_SOURCE_DIR");
    return source.isEmpty() ? QString() : QDir(source).filePath(u"fuzz/corpus/"_s + target);
}

QStringList FuzzReplayTest::corpusFiles(const QString &target)
{
    const QDir dir(corpusDir(target));
    QStringList files;
    for (const QString &name : dir.entryList(QDir::Files, QDir::Name))
        files << dir.filePath(name);
    return files;
}

void FuzzReplayTest::addCorpusRows(const QString &target)
{
    QTest::addColumn<QString>("path");
    for (const QString &path : corpusFiles(target))
        QTest::newRow(qPrintable(target + u'/' + QFileInfo(path).fileName())) << path;
}

void FuzzReplayTest::replay(void (*entry)(const uint8_t *, size_t))
{
    QFETCH(QString, path);
    QFile file(path);
    QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(path + u": "_s + file.errorString()));
    const QByteArray data = file.readAll();
    entry(reinterpret_cast<const uint8_t *>(data.constData()), size_t(data.size()));
    // Reaching this line is the test: the entry point aborts on a finding.
    QVERIFY(true);
}

void FuzzReplayTest::corporaAreNotEmpty_data()
{
    QTest::addColumn<QString>("target");
    QTest::newRow("project_file") << u"project_file"_s;
    QTest::newRow("dump_reader") << u"dump_reader"_s;
}

void FuzzReplayTest::corporaAreNotEmpty()
{
    QFETCH(QString, target);
    QVERIFY2(!qEnvironmentVariable("FERRY_SOURCE_DIR").isEmpty(),
             "FERRY_SOURCE_DIR is not set: run through ctest, or set it to the source tree");
    const QStringList files = corpusFiles(target);
    QVERIFY2(files.size() >= 10,
             qPrintable(u"%1 holds only %2 files; the seeds are missing"_s.arg(corpusDir(target))
                            .arg(files.size())));
}

QTEST_GUILESS_MAIN(FuzzReplayTest)
#include "tst_fuzz_replay.moc"

#include "fuzz_entry_points.h"
#include "stores/stores.h"

#include "core/endpoint.h"
#include "project/project_file.h"
#include "stores/common/source.h"

#include <QFile>
#include <QTemporaryDir>

#include <cstdio>
#include <cstdlib>

namespace ferry::fuzz {

namespace {

// Findings must look like crashes to libFuzzer and to QtTest alike; the message says which
// promise the engine broke, since the stack alone does not.
[[noreturn]] void finding(const char *what)
{
    std::fprintf(stderr, "ferry fuzz finding: %s\n", what);
    std::fflush(stderr);
    std::abort();
}

// A project file never holds a password (DESIGN.md): saving drops or masks anything in a URI
// that looks like one, so a URI may change once, and what was saved must hold no secret.
void checkSavedUri(const QString &loaded, const QString &reloaded, QString *expected)
{
    const Result<Endpoint> endpoint = Endpoint::parse(reloaded);
    if ((endpoint.ok() && endpoint->hasSecret()) || redactSecrets(reloaded) != reloaded) {
        std::fprintf(stderr, "saved URI: %s\n", qPrintable(reloaded));
        finding("ProjectFile::toJson saved a URI that still carries a secret");
    }
    if (loaded != reloaded)
        *expected = reloaded;
}

// libbson structure check only: the sinks and the transformer iterate what a reader returns
// without validating it again.
void requireValidBson(const uint8_t *data, uint32_t length, const char *what)
{
    bson_t doc;
    if (!bson_init_static(&doc, data, length) || !bson_validate(&doc, BSON_VALIDATE_NONE, nullptr))
        finding(what);
}

struct Header {
    bool json = false;
    QString filter;
    QByteArray resumeFrom;
    bool hasResume = false;
    int maxDocs = 1;
    qint64 sampleSize = -1;
    QByteArray body;
};

QByteArray takeLine(const uint8_t *&p, const uint8_t *end)
{
    const uint8_t *start = p;
    while (p < end && *p != '\n')
        ++p;
    QByteArray line(reinterpret_cast<const char *>(start), p - start);
    if (p < end)
        ++p;
    return line;
}

Header parseHeader(const uint8_t *data, size_t size)
{
    Header h;
    const uint8_t *p = data;
    const uint8_t *end = data + size;
    const uint8_t selector = size > 0 ? *p++ : 0;
    h.json = selector & 1;
    if (selector & 2)
        h.filter = QString::fromUtf8(takeLine(p, end));
    if (selector & 4) {
        h.resumeFrom = takeLine(p, end);
        h.hasResume = true;
    }
    h.maxDocs = 1 + ((selector >> 3) & 7);
    static constexpr qint64 sampleSizes[] = {-1, 0, 1, 3};
    h.sampleSize = sampleSizes[selector >> 6];
    h.body = QByteArray(reinterpret_cast<const char *>(p), end - p);
    return h;
}

// Everything one reader returns, and whether it stopped on an error.
struct ReadAll {
    QList<QByteArray> docs;
    QByteArray firstPosition; // position() after the first batch
    int firstBatchDocs = 0;
    bool failed = false;
};

ReadAll readAll(DocumentReader &reader, const Header &h)
{
    ReadAll out;
    DocBatch batch;
    // Every successful call appends at least one document of at least two bytes ("{}"), so
    // more calls than this means the reader returns true without moving on: a hang.
    const qsizetype callLimit = h.body.size() + 2;
    for (qsizetype calls = 0;; ++calls) {
        if (calls > callLimit)
            finding("DocumentReader::next() keeps returning true without reaching the end");
        const Result<bool> more = reader.next(batch, h.maxDocs, 1024);
        if (!more.ok()) {
            out.failed = true;
            return out;
        }
        if (!*more) {
            if (!batch.empty())
                finding("DocumentReader::next() returned false but appended documents");
            return out;
        }
        if (batch.empty())
            finding("DocumentReader::next() returned true with an empty batch");
        if (batch.size() > size_t(h.maxDocs))
            finding("DocumentReader::next() returned more documents than asked for");
        for (size_t i = 0; i < batch.size(); ++i) {
            // Entries the reader could not read travel as such, with a reason, to be rejected.
            if (const DocBatch::Unreadable *u = batch.unreadableAt(i)) {
                if (u->reason.isEmpty())
                    finding("DocumentReader::next() returned an unreadable entry without a reason");
            } else {
                requireValidBson(batch.data(i), batch.length(i),
                                 "DocumentReader::next() returned a document that is not valid "
                                 "BSON");
            }
            out.docs.append(QByteArray(reinterpret_cast<const char *>(batch.data(i)),
                                       qsizetype(batch.length(i))));
        }
        if (calls == 0) {
            out.firstPosition = reader.position();
            out.firstBatchDocs = int(batch.size());
        }
        (void)reader.progress();
    }
}

// A run resumed from a checkpoint must see exactly the documents the interrupted run had
// not reached yet, or rows are written twice or lost.
void checkResume(Source &source, const QString &collection, const Header &h, const ReadAll &all)
{
    if (all.failed || all.firstPosition.isEmpty())
        return;
    ReadOptions options;
    options.filter = h.filter;
    options.resumeFrom = all.firstPosition;
    Result<std::unique_ptr<DocumentReader>> reader = source.openReader(collection, options);
    if (!reader.ok())
        finding("openReader() refused a position() its own reader returned");
    const ReadAll resumed = readAll(**reader, h);
    const QList<QByteArray> expected = all.docs.mid(all.firstBatchDocs);
    // A resumed JSON reader decides afresh whether the file holds one document per line, so
    // it may stop on an error the first read did not; what it did return must still match.
    const QList<QByteArray> &got = resumed.docs;
    if (got.size() > expected.size() || (!resumed.failed && got.size() != expected.size()))
        finding("a reader resumed from position() returned a different number of documents");
    for (qsizetype i = 0; i < got.size(); ++i) {
        if (got.at(i) != expected.at(i))
            finding("a reader resumed from position() returned different documents");
    }
}

QTemporaryDir &scratchDir()
{
    static QTemporaryDir dir;
    if (!dir.isValid())
        finding("cannot create a temporary directory for the dump file");
    return dir;
}

} // namespace

void fuzzProjectFile(const uint8_t *data, size_t size)
{
    const QByteArray json(reinterpret_cast<const char *>(data), qsizetype(size));
    const Result<Project> loaded = ProjectFile::fromJson(json, QStringLiteral("fuzz.ferry"));
    if (!loaded.ok())
        return;
    const QByteArray saved = ProjectFile::toJson(*loaded);
    const Result<Project> reloaded = ProjectFile::fromJson(saved);
    if (!reloaded.ok())
        finding("ProjectFile::fromJson refused what ProjectFile::toJson wrote");
    Project expected = *loaded;
    checkSavedUri(expected.sourceUri, reloaded->sourceUri, &expected.sourceUri);
    checkSavedUri(expected.targetUri, reloaded->targetUri, &expected.targetUri);
    if (!(*reloaded == expected))
        finding("a project changed on toJson → fromJson");
    if (ProjectFile::toJson(*reloaded) != saved)
        finding("ProjectFile::toJson is not stable: save → load → save differs");
}

void fuzzDumpReader(const uint8_t *data, size_t size)
{
    const Header h = parseHeader(data, size);
    const QString collection = QStringLiteral("fuzz");
    const QString path = scratchDir().filePath(
        collection + (h.json ? QStringLiteral(".json") : QStringLiteral(".bson")));
    {
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) ||
            file.write(h.body) != h.body.size())
            finding("cannot write the dump file to the temporary directory");
    }

    const Result<Endpoint> endpoint = Endpoint::parse(QStringLiteral("dump:") + path);
    if (!endpoint.ok())
        finding("Endpoint::parse refused a plain dump: path");
    Result<std::unique_ptr<Source>> source = makeSource(*endpoint);
    if (!source.ok())
        finding("makeSource refused a dump: endpoint");
    Source &src = **source;
    if (!src.open().ok())
        return;
    (void)src.listCollections();

    ReadOptions options;
    options.filter = h.filter;
    if (h.hasResume)
        options.resumeFrom = h.resumeFrom;
    Result<std::unique_ptr<DocumentReader>> reader = src.openReader(collection, options);
    if (reader.ok()) {
        const ReadAll all = readAll(**reader, h);
        if (!h.hasResume)
            checkResume(src, collection, h, all);
    }

    const Result<std::vector<BsonDoc>> sample = src.sample(collection, h.sampleSize, h.filter);
    if (sample.ok()) {
        if (h.sampleSize >= 0 && qint64(sample->size()) > h.sampleSize)
            finding("Source::sample() returned more documents than asked for");
        for (const BsonDoc &doc : *sample)
            requireValidBson(bson_get_data(doc.get()), doc.get()->len,
                             "Source::sample() returned a document that is not valid BSON");
    }

    QFile::remove(path);
}

} // namespace ferry::fuzz

#include "stores/ndjson/ndjson_sink.h"

#include "stores/common/document_batch.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

#include <unistd.h>

#include <algorithm>
#include <system_error>
#include <thread>
#include <vector>

namespace ferry {

namespace {

QString keyOf(const CollectionMapping &mapping)
{
    return mapping.root.table.isEmpty() ? mapping.collection : mapping.root.table;
}

// Collection names may hold characters a file name cannot.
QString fileStem(const QString &collection)
{
    QString s = collection;
    for (QChar &c : s)
        if (c == QLatin1Char('/') || c == QLatin1Char('\\') || c.unicode() == 0)
            c = QLatin1Char('_');
    if (s.startsWith(QLatin1Char('.')))
        s.replace(0, 1, QLatin1Char('_'));
    return s;
}

// The Extended JSON line of each document in docs.indices[from, to); stops at the first
// one that has none. ids[k] is the _id given to document k when it has none.
Status appendRange(const DocumentsToWrite &docs, size_t from, size_t to,
                   const std::vector<bson_oid_t> &ids, QByteArray *out, qint64 *count)
{
    for (size_t k = from; k < to; ++k) {
        const uint32_t i = docs.indices[k];
        bson_t doc;
        size_t len = 0;
        char *json = nullptr;
        bson_t withId = BSON_INITIALIZER;
        bson_iter_t idIt;
        if (docs.batch->view(i, &doc)) {
            // Rows of a table without a key have no _id. A Mongo server gives each an
            // ObjectId on insert; the export does the same, so reading it back as a dump
            // (which keys tables on _id) keeps every row.
            if (!bson_iter_init_find(&idIt, &doc, "_id")) {
                BSON_APPEND_OID(&withId, "_id", &ids[k]);
                bson_concat(&withId, &doc);
                json = bson_as_canonical_extended_json(&withId, &len);
            } else {
                json = bson_as_canonical_extended_json(&doc, &len);
            }
        }
        bson_destroy(&withId);
        if (!json)
            return Error(ErrorCode::Conversion,
                         trEngine("Document %1 cannot be written as Extended JSON (invalid BSON "
                                  "or UTF-8).")
                             .arg(docs.batch->view(i, &doc) ? documentIdText(&doc)
                                                            : trEngine("(unreadable)")),
                         docs.batch->view(i, &doc) ? documentIdText(&doc) : QString());
        if (out)
            out->append(json, qsizetype(len)).append('\n');
        bson_free(json);
        ++*count;
    }
    return {};
}

// Appends one line per document; fails on the first document that has no JSON form.
// libbson's Extended JSON writer was the whole cost of an NDJSON target (6 s of one core
// for 1M documents), so the batch is cut into consecutive parts written at the same time
// and joined in order.
Status appendLines(const RowBatch &batch, QByteArray *out, qint64 *count)
{
    const DocumentsToWrite docs = documentsToWrite(batch);
    const size_t n = docs.indices.size();
    // The _ids of documents without one are made here, in order, from libbson's default
    // context, so the threads below share no ObjectId state.
    std::vector<bson_oid_t> ids(n);
    for (size_t k = 0; k < n; ++k) {
        bson_t doc;
        bson_iter_t it;
        if (docs.batch->view(docs.indices[k], &doc) && !bson_iter_init_find(&it, &doc, "_id"))
            bson_oid_init(&ids[k], nullptr);
    }
    constexpr size_t kMinPart = 256; // below this a thread costs more than it saves
    const size_t parts =
        std::clamp<size_t>(std::min<size_t>(std::thread::hardware_concurrency(), 4), 1,
                           std::max<size_t>(1, n / kMinPart));
    if (parts == 1)
        return appendRange(docs, 0, n, ids, out, count);
    struct Part {
        QByteArray lines;
        qint64 count = 0;
        Status status;
    };
    std::vector<Part> done(parts);
    const auto run = [&](size_t p) {
        done[p].status = appendRange(docs, n * p / parts, n * (p + 1) / parts, ids,
                                     out ? &done[p].lines : nullptr, &done[p].count);
    };
    std::vector<std::thread> threads;
    std::vector<size_t> here{0}; // parts this thread converts (all, if no thread starts)
    for (size_t p = 1; p < parts; ++p) {
        try {
            threads.emplace_back(run, p);
        } catch (const std::system_error &) {
            here.push_back(p);
        }
    }
    for (size_t p : here)
        run(p);
    for (std::thread &t : threads)
        t.join();
    for (Part &p : done) {
        if (!p.status)
            return p.status; // the first part that failed, as a single pass would
        if (out)
            out->append(p.lines);
        *count += p.count;
    }
    return {};
}

} // namespace

NdjsonSink::NdjsonSink(const Endpoint &endpoint) : m_dir(endpoint.path())
{
}

NdjsonSink::~NdjsonSink() = default;

QString NdjsonSink::dataPath(const QString &collection) const
{
    return QDir(m_dir).filePath(fileStem(collection) + QLatin1String(".json"));
}

QString NdjsonSink::checkpointPath(const QString &collection) const
{
    return QDir(m_dir).filePath(QLatin1String(".ferry-checkpoints/") + fileStem(collection) +
                                QLatin1String(".json"));
}

Status NdjsonSink::open()
{
    if (!QDir().mkpath(QDir(m_dir).filePath(QStringLiteral(".ferry-checkpoints"))))
        return Error(ErrorCode::Io, trEngine("Cannot create the export folder %1. Check that the "
                                             "parent exists and is writable.")
                                        .arg(m_dir));
    return {};
}

Status NdjsonSink::openData(const QString &key)
{
    if (m_file && m_openKey == key)
        return {};
    m_file = std::make_unique<QFile>(dataPath(key));
    m_openKey = key;
    if (!m_file->open(QIODevice::ReadWrite)) {
        const QString why = m_file->errorString();
        m_file.reset();
        return Error(ErrorCode::Io,
                     trEngine("Cannot open %1 for writing: %2").arg(dataPath(key), why), key);
    }
    return {};
}

Result<PrepareOutcome> NdjsonSink::prepare(const CollectionMapping &mapping, const ProjectOptions &,
                                           bool resuming)
{
    PrepareOutcome outcome;
    const QString key = keyOf(mapping);
    const QFileInfo info(dataPath(key));
    outcome.tablesWereEmpty = !info.exists() || info.size() == 0;
    if (!info.exists())
        outcome.createdTables.append(key);
    if (m_dryRun)
        return outcome;
    qint64 keep = 0;
    if (resuming) {
        auto saved = readCheckpoint(key);
        if (!saved)
            return saved.error();
        if (saved->has_value())
            keep = (*saved)->second;
    }
    if (Status s = openData(key); !s)
        return s.error();
    // A fresh run rewrites the file; appending to an old export would duplicate it.
    if (m_file->size() < keep)
        return Error(ErrorCode::Io,
                     trEngine("%1 is shorter than its checkpoint says (%2 bytes, expected at "
                              "least %3): it was changed since. Start over without --resume.")
                         .arg(dataPath(key))
                         .arg(m_file->size())
                         .arg(keep),
                     key);
    if (!m_file->resize(keep) || !m_file->seek(keep))
        return Error(ErrorCode::Io,
                     trEngine("Cannot truncate %1: %2").arg(dataPath(key), m_file->errorString()),
                     key);
    return outcome;
}

Result<WriteOutcome> NdjsonSink::write(const CollectionMapping &mapping, const ProjectOptions &,
                                       const RowBatch &batch, const Checkpoint &checkpoint)
{
    const QString key = keyOf(mapping);
    WriteOutcome outcome;
    QByteArray lines;
    if (Status s = appendLines(batch, m_dryRun ? nullptr : &lines, &outcome.written); !s)
        return s.error();
    outcome.tableRows.assign(std::max<size_t>(1, mapping.tables().size()), 0);
    outcome.tableRows[0] = outcome.written;
    if (m_dryRun)
        return outcome;
    if (Status s = openData(key); !s)
        return s.error();
    const qint64 before = m_file->size();
    m_file->seek(before);
    const bool ok = m_file->write(lines) == lines.size() && m_file->flush() &&
                    ::fdatasync(m_file->handle()) == 0;
    if (!ok) {
        const QString why = m_file->errorString();
        m_file->resize(before); // nothing of a failed batch stays
        return Error(ErrorCode::Io, trEngine("Writing %1 failed: %2").arg(dataPath(key), why), key);
    }
    Checkpoint next = checkpoint;
    next.written += outcome.written;
    if (Status s = saveCheckpoint(key, next, m_file->size()); !s) {
        m_file->resize(before);
        return s.error();
    }
    if (checkpoint.finished) {
        m_file.reset();
        m_openKey.clear();
    }
    return outcome;
}

Status NdjsonSink::probe(const CollectionMapping &, const ProjectOptions &, const RowBatch &batch)
{
    qint64 count = 0;
    return appendLines(batch, nullptr, &count);
}

Status NdjsonSink::saveCheckpoint(const QString &key, const Checkpoint &cp, qint64 bytes)
{
    QJsonObject o;
    o.insert(QStringLiteral("format"), QStringLiteral("ferry-ndjson-checkpoint"));
    o.insert(QStringLiteral("collection"), key);
    o.insert(QStringLiteral("runId"), cp.runId);
    o.insert(QStringLiteral("position"), QString::fromLatin1(cp.position.toBase64()));
    o.insert(QStringLiteral("read"), cp.read);
    o.insert(QStringLiteral("written"), cp.written);
    o.insert(QStringLiteral("skippedExisting"), cp.skippedExisting);
    o.insert(QStringLiteral("rejected"), cp.rejected);
    o.insert(QStringLiteral("finished"), cp.finished);
    o.insert(QStringLiteral("bytes"), bytes);
    if (cp.rejectBytes >= 0)
        o.insert(QStringLiteral("rejectBytes"), cp.rejectBytes);
    // QSaveFile writes a temporary file, syncs it and renames it over the old one: a crash
    // leaves either the previous checkpoint or this one, never half of one.
    QSaveFile f(checkpointPath(key));
    if (!f.open(QIODevice::WriteOnly) ||
        f.write(QJsonDocument(o).toJson(QJsonDocument::Indented)) < 0 || !f.commit())
        return Error(
            ErrorCode::Io,
            trEngine("Cannot save the checkpoint %1: %2").arg(checkpointPath(key), f.errorString()),
            key);
    return {};
}

Result<std::optional<std::pair<Checkpoint, qint64>>> NdjsonSink::readCheckpoint(const QString &key)
{
    QFile f(checkpointPath(key));
    if (!f.exists())
        return std::optional<std::pair<Checkpoint, qint64>>();
    if (!f.open(QIODevice::ReadOnly))
        return Error(
            ErrorCode::Io,
            trEngine("Cannot read the checkpoint %1: %2").arg(f.fileName(), f.errorString()), key);
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(f.readAll(), &error);
    const QJsonObject o = doc.object();
    if (error.error != QJsonParseError::NoError ||
        o.value(QStringLiteral("format")).toString() != QLatin1String("ferry-ndjson-checkpoint"))
        return Error(ErrorCode::Parse,
                     trEngine("The checkpoint %1 is damaged. Delete it and "
                              "start over without --resume.")
                         .arg(f.fileName()),
                     key);
    Checkpoint cp;
    cp.runId = o.value(QStringLiteral("runId")).toString();
    cp.position = QByteArray::fromBase64(o.value(QStringLiteral("position")).toString().toLatin1());
    cp.read = o.value(QStringLiteral("read")).toInteger();
    cp.written = o.value(QStringLiteral("written")).toInteger();
    cp.skippedExisting = o.value(QStringLiteral("skippedExisting")).toInteger();
    cp.rejected = o.value(QStringLiteral("rejected")).toInteger();
    cp.finished = o.value(QStringLiteral("finished")).toBool();
    cp.rejectBytes = o.value(QStringLiteral("rejectBytes")).toInteger(-1);
    return std::optional(std::pair(cp, o.value(QStringLiteral("bytes")).toInteger()));
}

Result<std::optional<Checkpoint>> NdjsonSink::loadCheckpoint(const QString &collection)
{
    auto saved = readCheckpoint(collection);
    if (!saved)
        return saved.error();
    if (!saved->has_value())
        return std::optional<Checkpoint>();
    return std::optional<Checkpoint>((*saved)->first);
}

Status NdjsonSink::clearCheckpoint(const QString &collection)
{
    QFile f(checkpointPath(collection));
    if (f.exists() && !f.remove())
        return Error(
            ErrorCode::Io,
            trEngine("Cannot remove the checkpoint %1: %2").arg(f.fileName(), f.errorString()),
            collection);
    return {};
}

Result<qint64> NdjsonSink::countRows(const QString &table)
{
    if (m_file && m_openKey == table)
        m_file->flush();
    QFile f(dataPath(table));
    if (!f.exists())
        return qint64(0);
    if (!f.open(QIODevice::ReadOnly))
        return Error(ErrorCode::Io,
                     trEngine("Cannot read %1: %2").arg(f.fileName(), f.errorString()), table);
    qint64 lines = 0;
    while (!f.atEnd()) {
        const QByteArray chunk = f.read(1 << 20);
        lines += chunk.count('\n');
    }
    return lines;
}

} // namespace ferry

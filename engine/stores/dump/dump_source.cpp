#include "stores/dump/dump_source.h"

#include "stores/common/reservoir.h"
#include "stores/dump/dump_archive.h"
#include "stores/dump/dump_bson_reader.h"
#include "stores/dump/extjson_reader.h"

#include <QFileInfo>
#include <QStringList>

namespace ferry {

namespace {

// Counting means reading the whole file; above this size listing collections would stall,
// so the count is estimated from the average size of the first documents instead.
constexpr qint64 kExactCountLimit = 256ll << 20;
constexpr int kEstimateDocs = 1000;

Result<qint64> estimate(DocumentReader &reader)
{
    DocBatch batch;
    auto got = reader.next(batch, kEstimateDocs);
    if (!got)
        return got.error();
    if (!*got)
        return qint64(0);
    const double progress = reader.progress();
    if (progress <= 0)
        return qint64(-1);
    return qint64(double(batch.size()) / progress + 0.5);
}

Result<qint64> countAll(DocumentReader &reader)
{
    DocBatch batch;
    qint64 n = 0;
    while (true) {
        auto more = reader.next(batch, 4096);
        if (!more)
            return more.error();
        if (!*more)
            return n;
        n += qint64(batch.size());
    }
}

} // namespace

DumpSource::DumpSource(QString path) : m_path(std::move(path))
{
}

Status DumpSource::open()
{
    m_opened = false;
    m_archiveCounts.clear();
    m_archiveProblems.clear();
    if (Status s = m_layout.scan(m_path); !s)
        return s;
    m_opened = true;
    return {};
}

Status DumpSource::ensureOpen()
{
    return m_opened ? Status() : open();
}

Result<DumpEntry> DumpSource::find(const QString &collection) const
{
    const auto &all = m_layout.collections();
    const auto it = all.constFind(collection);
    if (it == all.constEnd()) {
        for (const SkippedCollection &s : m_layout.skipped())
            if (s.name == collection)
                return Error(ErrorCode::NotFound,
                             trEngine("The collection \"%1\" of the dump %2 is not migrated: %3.")
                                 .arg(collection, m_path, s.reason),
                             m_path);
        return Error(ErrorCode::NotFound,
                     trEngine("The dump %1 has no collection \"%2\". It has: %3.")
                         .arg(m_path, collection, all.keys().join(QLatin1String(", "))),
                     m_path);
    }
    return *it;
}

Result<CollectionInfo> DumpSource::describe(const QString &name, const DumpEntry &entry)
{
    CollectionInfo info;
    info.name = name;
    info.detail = entry.path;
    info.timeseries = entry.timeseries;
    const qint64 size = QFileInfo(entry.path).size();
    QString problem;
    if (entry.timeseries) {
        // Measurements per bucket vary: only reading the buckets tells how many there are.
        info.detail += QStringLiteral(" (%1)").arg(trEngine("time-series buckets"));
        if (size > kExactCountLimit)
            return info;
        auto reader = openReader(name, {});
        if (!reader)
            return reader.error();
        auto count = countAll(**reader);
        if (!count) // compressed buckets: the read says why; listing still works
            return info;
        info.count = *count;
        info.exact = true;
        return info;
    }
    if (entry.kind == DumpEntry::Kind::Archive) {
        if (size > kExactCountLimit)
            return info;
        if (!m_archiveCounts.contains(entry.path)) {
            QString why;
            auto counts = dump_archive::countDocuments(entry.path, &why);
            if (!counts)
                return counts.error();
            m_archiveCounts.insert(entry.path, *counts);
            m_archiveProblems.insert(entry.path, why);
        }
        info.count =
            m_archiveCounts.value(entry.path)
                .value(QString::fromUtf8(entry.archiveDb + '.' + entry.archiveCollection), 0);
        problem = m_archiveProblems.value(entry.path);
        info.exact = problem.isEmpty();
    } else if (size <= kExactCountLimit) {
        auto count = entry.kind == DumpEntry::Kind::Bson
                         ? DumpBsonReader::countDocuments(entry.path, &problem)
                         : ExtJsonReader::countDocuments(entry.path, &problem);
        if (!count)
            return count.error();
        info.count = *count;
        info.exact = problem.isEmpty();
    } else {
        auto reader = openReader(name, {});
        if (!reader)
            return reader.error();
        auto count = estimate(**reader);
        if (!count)
            return count.error();
        info.count = *count;
    }
    if (!problem.isEmpty())
        info.detail += QStringLiteral(" (%1)").arg(problem);
    return info;
}

Result<QList<CollectionInfo>> DumpSource::listCollections()
{
    if (Status s = ensureOpen(); !s)
        return s.error();
    QList<CollectionInfo> out;
    const auto &all = m_layout.collections();
    for (auto it = all.constBegin(); it != all.constEnd(); ++it) {
        auto info = describe(it.key(), *it);
        if (!info)
            return info.error();
        out.append(*info);
    }
    return out;
}

Result<std::unique_ptr<DocumentReader>> DumpSource::openReader(const QString &collection,
                                                               const ReadOptions &options)
{
    if (Status s = ensureOpen(); !s)
        return s.error();
    auto entry = find(collection);
    if (!entry)
        return entry.error();
    if (entry->kind == DumpEntry::Kind::Json) {
        if (entry->timeseries)
            return Error(ErrorCode::Parse,
                         trEngine("The time-series collection \"%1\" was exported as JSON "
                                  "buckets; export it with mongoexport instead, which writes "
                                  "measurements.")
                             .arg(collection));
        auto reader = ExtJsonReader::open(entry->path, options, collection);
        if (!reader)
            return reader.error();
        return std::unique_ptr<DocumentReader>(std::move(*reader));
    }
    BsonStreamShape shape;
    shape.collection = collection;
    if (entry->kind == DumpEntry::Kind::Archive) {
        shape.archive = true;
        shape.archiveDb = entry->archiveDb;
        shape.archiveCollection = entry->archiveCollection;
    }
    if (entry->timeseries)
        shape.buckets.emplace(collection, entry->timeField, entry->metaField);
    auto reader = DumpBsonReader::open(entry->path, options, std::move(shape));
    if (!reader)
        return reader.error();
    return std::unique_ptr<DocumentReader>(std::move(*reader));
}

Result<std::vector<BsonDoc>> DumpSource::sample(const QString &collection, qint64 n,
                                                const QString &filter)
{
    if (filter.isEmpty() && n >= 0) {
        if (Status s = ensureOpen(); !s)
            return s.error();
        auto entry = find(collection);
        if (!entry)
            return entry.error();
        if ((entry->kind == DumpEntry::Kind::Bson || entry->kind == DumpEntry::Kind::Json) &&
            !entry->timeseries) {
            auto quick = entry->kind == DumpEntry::Kind::Bson
                             ? DumpBsonReader::sampleByOffsets(entry->path, n, collection)
                             : ExtJsonReader::sampleByOffsets(entry->path, n, collection);
            if (!quick || !quick->empty() || n == 0)
                return quick;
            // empty: either an empty file or a damaged one; the full read tells which
        }
    }
    return DumpReservoir::sampleByReading(*this, collection, n, filter);
}

} // namespace ferry

#include "stores/dump/dump_source.h"

#include "stores/common/reservoir.h"
#include "stores/dump/dump_bson_reader.h"
#include "stores/dump/extjson_reader.h"

#include <QDir>
#include <QFileInfo>
#include <QStringList>

namespace ferry {

namespace {

// Counting means reading the whole file; above this size listing collections would stall,
// so the count is estimated from the average size of the first documents instead.
constexpr qint64 kExactCountLimit = 256ll << 20;
constexpr int kEstimateDocs = 1000;

bool isJsonName(const QString &name)
{
    return name.endsWith(QLatin1String(".json"), Qt::CaseInsensitive) ||
           name.endsWith(QLatin1String(".ndjson"), Qt::CaseInsensitive) ||
           name.endsWith(QLatin1String(".jsonl"), Qt::CaseInsensitive);
}

bool isBsonName(const QString &name)
{
    return name.endsWith(QLatin1String(".bson"), Qt::CaseInsensitive);
}

bool isMetadataName(const QString &name)
{
    return name.endsWith(QLatin1String(".metadata.json"), Qt::CaseInsensitive);
}

// Files mongodump writes beside the collections that are not collections themselves.
bool isDumpBookkeeping(const QString &name)
{
    return name == QLatin1String("prelude.json") || name == QLatin1String("oplog.bson") ||
           name.startsWith(QLatin1String("system."));
}

QString collectionName(const QFileInfo &file)
{
    return file.completeBaseName();
}

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

} // namespace

DumpSource::DumpSource(QString path) : m_path(std::move(path))
{
}

Status DumpSource::open()
{
    m_collections.clear();
    m_opened = false;
    const QFileInfo info(m_path);
    if (!info.exists())
        return Error(ErrorCode::NotFound,
                     trEngine("The dump %1 does not exist. Check the path after dump: (a mongodump "
                              "folder, a .bson file or a mongoexport .json file).")
                         .arg(m_path),
                     m_path);
    if (info.isFile()) {
        const QString name = info.fileName();
        if (isMetadataName(name))
            return Error(ErrorCode::Usage,
                         trEngine("%1 only describes a collection's indexes. Point dump: at the "
                                  "%2.bson file beside it, or at the folder.")
                             .arg(name, name.left(name.size() - 14)),
                         m_path);
        if (!isBsonName(name) && !isJsonName(name))
            return Error(ErrorCode::Usage,
                         trEngine("%1 is neither a .bson file (mongodump) nor a .json, .ndjson or "
                                  ".jsonl file (mongoexport). Compressed dumps must be "
                                  "decompressed first (gunzip).")
                             .arg(name),
                         m_path);
        m_collections.insert(collectionName(info), {info.filePath(), isBsonName(name), {}});
        m_opened = true;
        return {};
    }
    if (Status s = addFolder(m_path); !s)
        return s;
    if (m_collections.isEmpty()) {
        // mongodump writes dump/DB/*.bson: accept the dump folder when it holds one database.
        const QStringList subdirs =
            QDir(m_path).entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
        if (subdirs.size() == 1) {
            if (Status s = addFolder(QDir(m_path).filePath(subdirs.first())); !s)
                return s;
        } else if (subdirs.size() > 1) {
            return Error(ErrorCode::Usage,
                         trEngine("The dump folder %1 holds several databases (%2). Point dump: "
                                  "at one of them, e.g. dump:%3.")
                             .arg(m_path, subdirs.join(QLatin1String(", ")),
                                  QDir(m_path).filePath(subdirs.first())),
                         m_path);
        }
    }
    if (m_collections.isEmpty())
        return Error(ErrorCode::NotFound,
                     trEngine("The folder %1 contains no collections: expected NAME.bson files "
                              "from mongodump or NAME.json files from mongoexport.")
                         .arg(m_path),
                     m_path);
    m_opened = true;
    return {};
}

Status DumpSource::addFolder(const QString &folder)
{
    const QDir dir(folder);
    const QFileInfoList files = dir.entryInfoList(QDir::Files | QDir::Readable, QDir::Name);
    QStringList compressed;
    for (const QFileInfo &file : files) {
        const QString name = file.fileName();
        if (name.endsWith(QLatin1String(".bson.gz")) || name.endsWith(QLatin1String(".json.gz")))
            compressed << name;
        if (isMetadataName(name) || isDumpBookkeeping(name))
            continue;
        const bool bson = isBsonName(name);
        if (!bson && !isJsonName(name))
            continue;
        const QString collection = collectionName(file);
        if (m_collections.contains(collection))
            return Error(ErrorCode::Usage,
                         trEngine("The dump folder %1 has two files for the collection \"%2\" "
                                  "(%3 and %4). Remove or rename one of them.")
                             .arg(folder, collection,
                                  QFileInfo(m_collections.value(collection).path).fileName(), name),
                         folder);
        CollectionFile entry{file.filePath(), bson, {}};
        const QString metadata = dir.filePath(collection + QLatin1String(".metadata.json"));
        if (QFileInfo::exists(metadata))
            entry.metadataPath = metadata;
        m_collections.insert(collection, entry);
    }
    if (m_collections.isEmpty() && !compressed.isEmpty())
        return Error(ErrorCode::Usage,
                     trEngine("The dump folder %1 holds compressed files (%2). Decompress them "
                              "first (gunzip *.gz) or run mongodump without --gzip.")
                         .arg(folder, compressed.join(QLatin1String(", "))),
                     folder);
    return {};
}

Status DumpSource::ensureOpen()
{
    return m_opened ? Status() : open();
}

Result<DumpSource::CollectionFile> DumpSource::find(const QString &collection) const
{
    const auto it = m_collections.constFind(collection);
    if (it == m_collections.constEnd())
        return Error(ErrorCode::NotFound,
                     trEngine("The dump %1 has no collection \"%2\". It has: %3.")
                         .arg(m_path, collection, m_collections.keys().join(QLatin1String(", "))),
                     m_path);
    return *it;
}

Result<QList<CollectionInfo>> DumpSource::listCollections()
{
    if (Status s = ensureOpen(); !s)
        return s.error();
    QList<CollectionInfo> out;
    for (auto it = m_collections.constBegin(); it != m_collections.constEnd(); ++it) {
        CollectionInfo info;
        info.name = it.key();
        info.detail = it->path;
        const qint64 size = QFileInfo(it->path).size();
        QString problem;
        if (size <= kExactCountLimit) {
            auto count = it->bson ? DumpBsonReader::countDocuments(it->path, &problem)
                                  : ExtJsonReader::countDocuments(it->path, &problem);
            if (!count)
                return count.error();
            info.count = *count;
            info.exact = problem.isEmpty();
        } else {
            auto reader = openReader(it.key(), {});
            if (!reader)
                return reader.error();
            auto count = estimate(**reader);
            if (!count)
                return count.error();
            info.count = *count;
        }
        if (!problem.isEmpty())
            info.detail += QStringLiteral(" (%1)").arg(problem);
        out.append(info);
    }
    return out;
}

Result<std::unique_ptr<DocumentReader>> DumpSource::openReader(const QString &collection,
                                                               const ReadOptions &options)
{
    if (Status s = ensureOpen(); !s)
        return s.error();
    auto file = find(collection);
    if (!file)
        return file.error();
    if (file->bson) {
        auto reader = DumpBsonReader::open(file->path, options);
        if (!reader)
            return reader.error();
        return std::unique_ptr<DocumentReader>(std::move(*reader));
    }
    auto reader = ExtJsonReader::open(file->path, options);
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
        auto file = find(collection);
        if (!file)
            return file.error();
        if (file->bson) {
            auto quick = DumpBsonReader::sampleByOffsets(file->path, n);
            if (!quick || !quick->empty() || n == 0)
                return quick;
            // empty: either an empty file or a damaged one; the full read tells which
        }
    }
    ReadOptions options;
    options.filter = filter;
    auto reader = openReader(collection, options);
    if (!reader)
        return reader.error();
    return DumpReservoir::sampleAll(**reader, n);
}

} // namespace ferry

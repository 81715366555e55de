#include "stores/dump/dump_layout.h"

#include "stores/dump/bson_frame.h"
#include "stores/dump/dump_archive.h"
#include "stores/dump/dump_file_buffer.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

namespace ferry {

namespace {

enum class Content { Empty, Archive, Json, Bson, Unknown };

bool isSystemDatabase(const QString &db)
{
    return db == QLatin1String("admin") || db == QLatin1String("local") ||
           db == QLatin1String("config");
}

// What a file holds, from its first bytes (after inflating a gzip file).
Content sniff(const QString &path, bool *compressed = nullptr)
{
    DumpFileBuffer file;
    if (!file.open(path) || !file.fill(64))
        return Content::Unknown;
    if (compressed)
        *compressed = file.compressed();
    const char *p = file.data();
    size_t n = file.available();
    if (n == 0)
        return Content::Empty;
    if (n >= 4 && dump_archive::startsWithMagic(p))
        return Content::Archive;
    size_t i = 0;
    if (n >= 3 && std::memcmp(p, "\xEF\xBB\xBF", 3) == 0)
        i = 3;
    while (i < n && (p[i] == ' ' || p[i] == '\t' || p[i] == '\r' || p[i] == '\n'))
        ++i;
    if (i < n && (p[i] == '{' || p[i] == '[' || p[i] == '/'))
        return Content::Json;
    if (i == n)
        return Content::Empty;
    if (n >= 5) {
        const int32_t len = readBsonLength(p);
        const uint8_t type = uint8_t(p[4]);
        if (len >= 5 && len <= kMaxBsonDocument &&
            ((type >= 1 && type <= 19) || type == 0x7f || type == 0xff || (len == 5 && type == 0)))
            return Content::Bson;
    }
    return Content::Unknown;
}

// By content, as DumpFileBuffer decides: mongodump --gzip names its files .gz, but a user may
// have renamed them.
bool isGzip(const QString &path)
{
    QFile file(path);
    char magic[2] = {};
    return file.open(QIODevice::ReadOnly) && file.read(magic, 2) == 2 && magic[0] == '\x1f' &&
           magic[1] == '\x8b';
}

QByteArray readSmall(const QString &path)
{
    DumpFileBuffer file;
    // Metadata files are a few KB; 16 MiB bounds a file that is something else.
    if (!file.open(path) || !file.fill(16u << 20))
        return {};
    return QByteArray(file.data(), qsizetype(file.available()));
}

// NAME.bson, NAME.bson.gz, NAME.json … → NAME and the kind; empty when not a data file.
QString stripDataSuffix(const QString &fileName, DumpEntry::Kind *kind)
{
    QString name = fileName;
    if (name.endsWith(QLatin1String(".gz"), Qt::CaseInsensitive))
        name.chop(3);
    if (name.endsWith(QLatin1String(".metadata.json"), Qt::CaseInsensitive))
        return {};
    for (const char *ext : {".bson"}) {
        if (name.endsWith(QLatin1String(ext), Qt::CaseInsensitive)) {
            *kind = DumpEntry::Kind::Bson;
            return name.left(name.size() - int(std::strlen(ext)));
        }
    }
    for (const char *ext : {".json", ".ndjson", ".jsonl"}) {
        if (name.endsWith(QLatin1String(ext), Qt::CaseInsensitive)) {
            *kind = DumpEntry::Kind::Json;
            return name.left(name.size() - int(std::strlen(ext)));
        }
    }
    return {};
}

QString metadataBase(const QString &fileName)
{
    QString name = fileName;
    if (name.endsWith(QLatin1String(".gz"), Qt::CaseInsensitive))
        name.chop(3);
    if (!name.endsWith(QLatin1String(".metadata.json"), Qt::CaseInsensitive))
        return {};
    return name.left(name.size() - 14);
}

} // namespace

QString DumpLayout::decodeName(const QString &escaped)
{
    if (!escaped.contains(QLatin1Char('%')))
        return escaped;
    return QString::fromUtf8(QByteArray::fromPercentEncoding(escaped.toUtf8()));
}

DumpLayout::Metadata DumpLayout::parseMetadata(const QByteArray &json)
{
    Metadata m;
    const QJsonObject root = QJsonDocument::fromJson(json).object();
    const QJsonObject options = root.value(QStringLiteral("options")).toObject();
    const QString type = root.value(QStringLiteral("type")).toString();
    m.collectionName = root.value(QStringLiteral("collectionName")).toString();
    m.viewOn = options.value(QStringLiteral("viewOn")).toString();
    m.view = type == QLatin1String("view") || !m.viewOn.isEmpty();
    const QJsonObject ts = options.value(QStringLiteral("timeseries")).toObject();
    m.timeseries = type == QLatin1String("timeseries") || !ts.isEmpty();
    m.timeField = ts.value(QStringLiteral("timeField")).toString().toUtf8();
    m.metaField = ts.value(QStringLiteral("metaField")).toString().toUtf8();
    return m;
}

void DumpLayout::skip(const QString &name, const QString &kind, const QString &reason)
{
    m_skipped.append({name, kind, reason});
}

Status DumpLayout::add(const QString &name, const DumpEntry &entry, const QString &folder)
{
    const auto it = m_collections.constFind(name);
    if (it != m_collections.constEnd())
        return Error(ErrorCode::Usage,
                     trEngine("The dump %1 has two sources for the collection \"%2\" (%3 and "
                              "%4). Remove or rename one of them.")
                         .arg(folder, name, QFileInfo(it->path).fileName(),
                              QFileInfo(entry.path).fileName()),
                     folder);
    m_collections.insert(name, entry);
    return {};
}

Status DumpLayout::scan(const QString &path)
{
    m_path = path;
    m_collections.clear();
    m_skipped.clear();
    m_shape = {};
    const QFileInfo info(path);
    if (!info.exists())
        return Error(ErrorCode::NotFound,
                     trEngine("The dump %1 does not exist. Check the path after dump: (a mongodump "
                              "folder or --archive file, a .bson file or a mongoexport .json "
                              "file).")
                         .arg(path),
                     path);
    Status s = info.isFile() ? scanFile(path) : scanRoot(path);
    if (!s)
        return s;
    if (m_collections.isEmpty() && !info.isFile() && m_skipped.isEmpty())
        return Error(ErrorCode::NotFound,
                     trEngine("The folder %1 contains no collections: expected NAME.bson files "
                              "from mongodump (maybe .gz), NAME.json files from mongoexport, or "
                              "one folder per database.")
                         .arg(path),
                     path);
    return {};
}

Status DumpLayout::scanFile(const QString &path)
{
    const QFileInfo info(path);
    const QString fileName = info.fileName();
    if (!metadataBase(fileName).isEmpty())
        return Error(ErrorCode::Usage,
                     trEngine("%1 only describes a collection's indexes. Point dump: at the "
                              "%2.bson file beside it, or at the folder.")
                         .arg(fileName, metadataBase(fileName)),
                     path);
    const Content content = sniff(path, &m_shape.compressed);
    if (content == Content::Archive)
        return scanArchive(path);
    DumpEntry::Kind kind = DumpEntry::Kind::Bson;
    QString base = stripDataSuffix(fileName, &kind);
    if (base.isEmpty()) {
        base = info.completeBaseName();
        if (base.endsWith(QLatin1String(".json"), Qt::CaseInsensitive) ||
            base.endsWith(QLatin1String(".bson"), Qt::CaseInsensitive))
            base.chop(5);
    }
    if (content == Content::Json)
        kind = DumpEntry::Kind::Json;
    else if (content == Content::Bson)
        kind = DumpEntry::Kind::Bson;
    else if (content != Content::Empty || stripDataSuffix(fileName, &kind).isEmpty())
        return Error(ErrorCode::Usage,
                     trEngine("%1 is neither BSON (mongodump) nor JSON (mongoexport) nor a "
                              "mongodump --archive, plain or gzip-compressed: its first bytes "
                              "match none of them.")
                         .arg(fileName),
                     path);
    DumpEntry entry;
    entry.kind = kind;
    entry.path = path;
    m_shape.kind =
        kind == DumpEntry::Kind::Json ? SourceShape::Kind::JsonFile : SourceShape::Kind::BsonFile;
    return add(decodeName(base), entry, path);
}

Status DumpLayout::scanArchive(const QString &path)
{
    DumpFileBuffer file;
    if (Status s = file.open(path); !s)
        return s;
    auto prelude = dump_archive::readPrelude(file);
    if (!prelude)
        return prelude.error();
    QSet<QString> userDbs;
    for (const dump_archive::Namespace &ns : prelude->namespaces)
        if (!isSystemDatabase(ns.db))
            userDbs.insert(ns.db);
    m_shape.kind = SourceShape::Kind::Archive;
    m_shape.compressed = file.compressed();
    m_shape.databases = int(userDbs.size());
    const bool qualify = userDbs.size() > 1;
    for (const dump_archive::Namespace &ns : prelude->namespaces) {
        const QString name = qualify || isSystemDatabase(ns.db)
                                 ? ns.db + QLatin1Char('.') + ns.collection
                                 : ns.collection;
        const Metadata meta = parseMetadata(ns.metadata);
        if (isSystemDatabase(ns.db)) {
            skip(name, QStringLiteral("system"),
                 trEngine("the %1 database belongs to the server, not to an application")
                     .arg(ns.db));
            continue;
        }
        if (ns.type == QLatin1String("view") || meta.view) {
            skip(name, QStringLiteral("view"),
                 trEngine("a view on \"%1\": it holds no documents of its own").arg(meta.viewOn));
            continue;
        }
        if (ns.collection.startsWith(QLatin1String("system."))) {
            if (!ns.collection.startsWith(QLatin1String("system.buckets.")))
                skip(name, QStringLiteral("system"),
                     trEngine("a system collection (the server's bookkeeping)"));
            continue;
        }
        DumpEntry entry;
        entry.kind = DumpEntry::Kind::Archive;
        entry.path = path;
        entry.archiveDb = ns.db.toUtf8();
        entry.archiveCollection = ns.collection.toUtf8();
        if (ns.type == QLatin1String("timeseries") || meta.timeseries) {
            entry.timeseries = true;
            entry.timeField = meta.timeField;
            entry.metaField = meta.metaField;
            entry.archiveCollection = "system.buckets." + ns.collection.toUtf8();
        }
        if (Status s = add(name, entry, path); !s)
            return s;
    }
    return {};
}

Status DumpLayout::scanRoot(const QString &root)
{
    // A dump folder holds collections itself; a dump root holds one folder per database.
    if (Status s = scanFolder(root, {}, false); !s)
        return s;
    m_shape.kind = SourceShape::Kind::DumpFolder;
    if (!m_collections.isEmpty())
        return {};
    const QDir dir(root);
    QStringList databases;
    for (const QString &sub : dir.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name))
        databases.append(sub);
    QStringList userDbs;
    for (const QString &db : databases)
        if (!isSystemDatabase(decodeName(db)))
            userDbs.append(db);
    const bool qualify = userDbs.size() > 1;
    if (!databases.isEmpty()) {
        m_shape.kind = SourceShape::Kind::DumpRoot;
        m_shape.databases = int(userDbs.size());
    }
    for (const QString &db : databases) {
        const QString name = decodeName(db);
        const bool system = isSystemDatabase(name);
        if (Status s = scanFolder(dir.filePath(db), qualify || system ? name : QString(), system);
            !s)
            return s;
    }
    return {};
}

Status DumpLayout::scanFolder(const QString &folder, const QString &database, bool systemDb)
{
    const QDir dir(folder);
    const QFileInfoList files = dir.entryInfoList(QDir::Files | QDir::Readable, QDir::Name);
    const QString prefix = database.isEmpty() ? QString() : database + QLatin1Char('.');
    QHash<QString, Metadata> metadata; // by escaped base name
    QHash<QString, QString> dataFiles; // escaped base name → path
    QHash<QString, DumpEntry::Kind> kinds;
    for (const QFileInfo &file : files) {
        const QString fileName = file.fileName();
        const QString metaBase = metadataBase(fileName);
        if (!metaBase.isEmpty()) {
            metadata.insert(metaBase, parseMetadata(readSmall(file.filePath())));
            continue;
        }
        DumpEntry::Kind kind = DumpEntry::Kind::Bson;
        const QString base = stripDataSuffix(fileName, &kind);
        if (fileName == QLatin1String("prelude.json")) {
            skip(prefix + fileName, QStringLiteral("file"),
                 trEngine("mongodump's description of the dump, not a collection"));
            continue;
        }
        if (base == QLatin1String("oplog") && database.isEmpty() && kind == DumpEntry::Kind::Bson) {
            skip(prefix + QStringLiteral("oplog"), QStringLiteral("oplog"),
                 trEngine("the oplog mongodump --oplog captured: operations, not documents"));
            continue;
        }
        if (base.isEmpty()) {
            if (!fileName.startsWith(QLatin1Char('.')))
                skip(prefix + fileName, QStringLiteral("file"),
                     trEngine("not a dump file (expected .bson, .json, .metadata.json, maybe "
                              ".gz)"));
            continue;
        }
        if (dataFiles.contains(base)) {
            return Error(ErrorCode::Usage,
                         trEngine("The dump folder %1 has two files for the collection \"%2\" "
                                  "(%3 and %4). Remove or rename one of them.")
                             .arg(folder, decodeName(base),
                                  QFileInfo(dataFiles.value(base)).fileName(), fileName),
                         folder);
        }
        dataFiles.insert(base, file.filePath());
        kinds.insert(base, kind);
        if (!m_shape.compressed && isGzip(file.filePath()))
            m_shape.compressed = true;
    }
    QSet<QString> consumed;
    for (auto it = metadata.cbegin(); it != metadata.cend(); ++it) {
        const QString name = prefix + decodeName(it.key());
        if (it->view) {
            skip(name, QStringLiteral("view"),
                 trEngine("a view on \"%1\": it holds no documents of its own").arg(it->viewOn));
            consumed.insert(it.key());
            continue;
        }
        if (!it->timeseries)
            continue;
        const QString buckets = QStringLiteral("system.buckets.") + it.key();
        consumed.insert(buckets);
        if (!dataFiles.contains(buckets)) {
            skip(name, QStringLiteral("timeseries"),
                 trEngine("a time-series collection whose buckets (%1.bson) are not in the dump")
                     .arg(buckets));
            continue;
        }
        if (systemDb)
            continue;
        DumpEntry entry;
        entry.kind = kinds.value(buckets);
        entry.path = dataFiles.value(buckets);
        entry.timeseries = true;
        entry.timeField = it->timeField;
        entry.metaField = it->metaField;
        if (Status s = add(name, entry, folder); !s)
            return s;
    }
    for (auto it = dataFiles.cbegin(); it != dataFiles.cend(); ++it) {
        if (consumed.contains(it.key()))
            continue;
        const QString real = decodeName(it.key());
        const QString name = prefix + real;
        if (systemDb) {
            skip(name, QStringLiteral("system"),
                 trEngine("the %1 database belongs to the server, not to an application")
                     .arg(database));
            continue;
        }
        if (real.startsWith(QLatin1String("system."))) {
            skip(name, QStringLiteral("system"),
                 real.startsWith(QLatin1String("system.buckets."))
                     ? trEngine("time-series buckets without their %1.metadata.json, which "
                                "says how to unpack them")
                           .arg(real.mid(15))
                     : trEngine("a system collection (the server's bookkeeping)"));
            continue;
        }
        DumpEntry entry;
        entry.kind = kinds.value(it.key());
        entry.path = it.value();
        if (Status s = add(name, entry, folder); !s)
            return s;
    }
    return {};
}

} // namespace ferry

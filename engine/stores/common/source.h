#pragma once

#include "core/catalog.h"
#include "core/doc_batch.h"
#include "core/endpoint.h"
#include "core/error.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QVariantList>

#include <memory>
#include <vector>

namespace ferry {

struct CollectionInfo {
    QString name;
    qint64 count = -1;  // -1 unknown
    bool exact = false; // false when the count is an estimate (metadata, server statistics)
    QString detail;     // e.g. the file it comes from
    // A time-series collection, read as the measurements a MongoDB user sees (never as its
    // internal system.buckets.* documents).
    bool timeseries = false;
};

// A collection a source holds but does not offer for migration (system collections, views,
// the oplog, files that are not collections), with the reason, so lists can show it.
struct SkippedCollection {
    QString name;
    QString kind;   // "system", "view", "oplog", "file", "timeseries-buckets"
    QString reason; // translated
};

// What a source is, so the wizard can say what it found in words ("mongodump archive,
// gzip-compressed") before the user goes on. Valid after open().
struct SourceShape {
    enum class Kind { Other, BsonFile, JsonFile, DumpFolder, DumpRoot, Archive };
    Kind kind = Kind::Other;
    bool compressed = false; // gzip: a --gzip dump, a .gz file, a gzip-compressed archive
    int databases = 0;       // dump roots and archives: how many user databases they hold
};

struct ReadOptions {
    QString filter;        // Mongo query as Extended JSON, or a SQL WHERE condition
    QByteArray resumeFrom; // a position() returned earlier; empty = from the start
    // SQL sources: only rows whose `keyColumn` is one of `keyValues` (embedding reads the
    // children of one parent batch this way, so a child table is never loaded whole).
    QString keyColumn;
    QVariantList keyValues;
    // Only slice `partition` of `partitions` disjoint slices whose union is the collection:
    // byte ranges realigned to document boundaries in files, _id ranges on MongoDB, primary
    // key (or rowid / ctid) ranges on SQL tables; every process finds the same bounds on its
    // own, and a resumed slice keeps the bounds its position records. Sources that cannot
    // cut slices say so with readsSlices() == false.
    int partition = 0;
    int partitions = 1;
};

// Streams one collection in a stable order (by _id on a server, file order in a dump).
// Never holds the whole collection in memory.
class DocumentReader {
public:
    virtual ~DocumentReader() = default;
    // Clears `out` and appends up to maxDocs documents (stopping early past maxBytes).
    // Returns false once the collection is exhausted and nothing was appended.
    virtual Result<bool> next(DocBatch &out, int maxDocs, size_t maxBytes = 32u << 20) = 0;
    // Opaque resume token for "just after the last document returned" (byte offset in a
    // file, last _id on a server). Saved in checkpoints; handed back as resumeFrom.
    virtual QByteArray position() const = 0;
    // Progress of the read in [0,1], or -1 when unknown (used for the ETA).
    virtual double progress() const { return -1; }
};

class Source {
public:
    virtual ~Source() = default;
    // Connects / opens files; an unreachable server or missing path fails here with a
    // message that says what to check.
    virtual Status open() = 0;
    virtual Result<QList<CollectionInfo>> listCollections() = 0;
    // What listCollections() leaves out and why; valid after open().
    virtual QList<SkippedCollection> skippedCollections() const { return {}; }
    virtual SourceShape shape() const { return {}; }
    virtual Result<std::unique_ptr<DocumentReader>> openReader(const QString &collection,
                                                               const ReadOptions &options) = 0;
    // Up to n documents spread over the whole collection (never just the first n);
    // n < 0 means all of them.
    virtual Result<std::vector<BsonDoc>> sample(const QString &collection, qint64 n,
                                                const QString &filter = {}) = 0;
    // SQL sources: the tables with their keys and foreign keys (inference maps columns and
    // references from them, embedding follows them). Empty for document sources.
    virtual Result<QList<TableInfo>> tables() { return QList<TableInfo>(); }
    // How many documents a read with this filter would give now, when the source can count
    // them without handing them all over (a server's count); -1 when it cannot (a file is
    // counted by reading it). The run checks what it read against it.
    virtual Result<qint64> exactCount(const QString & /*collection*/, const QString & /*filter*/)
    {
        return qint64(-1);
    }
    // Whether openReader() honours ReadOptions::partition / partitions.
    virtual bool readsSlices() const { return false; }
    // For relational targets: rows keep their column names instead of turning the primary
    // key into _id (a Mongo shape a table-to-table copy does not want). Set before reading.
    void setKeepColumnNames(bool keep) { m_keepColumnNames = keep; }

protected:
    bool m_keepColumnNames = false;
};

} // namespace ferry

#pragma once

#include "stores/common/source.h"

#include <mongoc/mongoc.h>

#include <memory>

namespace ferry {

// One slice of a partitioned read: the _ids from `lo` (inclusive) up to `hi` (exclusive) in
// the _id index's order, each kept as {"_id": value}, or empty for no bound.
struct IdSlice {
    int partition = 0;
    int partitions = 1;
    BsonDoc lo;
    BsonDoc hi;
    bool empty = false; // starts past the last document: nothing to read
};

// Streams one collection (or one slice of it) in _id order through a server cursor. The
// resume position is the last _id read, kept as the BSON document {"_id": value}; a slice's
// position also carries its bounds, so that a resumed partition reads the same range even if
// the collection changed since its bounds were found.
class MongoReader : public DocumentReader {
public:
    MongoReader(std::shared_ptr<mongoc_client_t> client, const QByteArray &database,
                const QString &collection, BsonDoc filter, QString server, qint64 estimate);
    ~MongoReader() override;
    MongoReader(const MongoReader &) = delete;
    MongoReader &operator=(const MongoReader &) = delete;

    // Accepts a position() from an earlier reader of the same slice (`partition` of
    // `partitions`); an empty token means from the start.
    Status setResumePosition(const QByteArray &token, int partition, int partitions);
    // Whether the resume position brought the slice's bounds; else setSlice() gives them.
    bool hasSlice() const { return m_slice.partitions > 1; }
    void setSlice(IdSlice slice) { m_slice = std::move(slice); }
    // How many documents the read should give (for progress); -1 unknown.
    void setEstimate(qint64 docs) { m_estimate = docs; }

    Result<bool> next(DocBatch &out, int maxDocs, size_t maxBytes = 32u << 20) override;
    QByteArray position() const override;
    double progress() const override;

private:
    // Why the cursor stopped; a read the server dropped (CursorNotFound …) comes out as
    // Connect, like a lost connection, so that the run reopens it.
    Error readError(const bson_error_t &error) const;
    // The user's filter AND the slice AND "after the resume position".
    BsonDoc query() const;
    void keepPosition(const bson_iter_t *id);

    std::shared_ptr<mongoc_client_t> m_client;
    mongoc_collection_t *m_collection = nullptr;
    mongoc_cursor_t *m_cursor = nullptr;
    QString m_name;
    QString m_server;
    BsonDoc m_filter;
    IdSlice m_slice;
    BsonDoc m_after; // {"_id": last read}, empty from the start
    QByteArray m_position;
    qint64 m_estimate = -1;
    qint64 m_read = 0;
    bool m_done = false;
};

} // namespace ferry

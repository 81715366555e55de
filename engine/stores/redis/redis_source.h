#pragma once

#include "stores/common/source.h"
#include "stores/redis/redis_connection.h"

namespace ferry {

// Reads a Redis database (redis://[user:password@]host[:port][/db][?match=P&separator=S])
// as collections: one per key prefix (the part before the first separator, ":" by
// default; a key without one is a collection of its own), the rest of the key as _id.
//   hash → its fields; string holding a JSON object → that document (relaxed Extended
//   JSON accepted), any other string → {value}; list → {values}; set → {members} (sorted,
//   so runs repeat); sorted set → {members: [{member, score}]}; stream → {entries: [{id,
//   fields}]}; a TTL → _expires_at (date). A value's own _id field is kept as _value_id.
// Hash fields and plain strings stay strings unless every sampled value of the field is a
// number (then int64, or double when some have a fraction): decided from a sample spread
// over the whole key space, at inference and again when a read starts, so every document
// of a read agrees.
// Keys are listed with SCAN (never KEYS) in batches; TYPE, PTTL and the values are
// pipelined. Resume restarts at the SCAN cursor of the last batch and skips the keys up to
// the last one written: at-least-once (SCAN may return a key twice, and a resize of the
// server's table can replay a batch), which the default skip-existing policy makes
// exactly-once in the target. A key deleted while the run goes is not read; its count is
// the difference between the listed and the read documents.
class RedisSource : public Source {
public:
    explicit RedisSource(const Endpoint &endpoint);

    Status open() override;
    Result<QList<CollectionInfo>> listCollections() override;
    Result<std::unique_ptr<DocumentReader>> openReader(const QString &collection,
                                                       const ReadOptions &options) override;
    Result<std::vector<BsonDoc>> sample(const QString &collection, qint64 n,
                                        const QString &filter = {}) override;

private:
    Result<std::unique_ptr<RedisConnection>> connect() const;

    Endpoint m_endpoint;
    RedisAddress m_address;
};

} // namespace ferry

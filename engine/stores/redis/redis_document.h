#pragma once

#include "core/doc_batch.h"

#include <QByteArray>
#include <QHash>
#include <QList>

struct redisReply;

namespace ferry {

// One key as read: its type, its value reply (HGETALL, GET, LRANGE, SMEMBERS, ZRANGE …
// WITHSCORES, XRANGE) and when it expires.
struct RedisEntry {
    QByteArray key;
    QByteArray type; // "hash", "string", "list", "set", "zset", "stream"
    const redisReply *value = nullptr;
    qint64 expiresAtMs = -1; // Unix time in ms; -1: no expiry
};

// The command that reads a key of `type`; empty for types Ferry does not read.
QList<QByteArray> redisValueCommand(const QByteArray &type, const QByteArray &key);

// Fields (of hashes; "value" of plain strings) whose every sampled value is a number: such
// values become int64 (all integers) or double instead of strings, so inference widens them
// like any other numeric field. Decided once per collection from a sample, then applied to
// every document, so one field has one type throughout.
class RedisNumericFields {
public:
    enum class Kind { Integer, Double };
    void observe(const RedisEntry &entry);
    QHash<QByteArray, Kind> decide() const;

private:
    void see(const QByteArray &field, const QByteArray &value);
    struct Seen {
        qint64 integers = 0;
        qint64 doubles = 0;
        bool other = false;
    };
    QHash<QByteArray, Seen> m_seen;
};

// The document of one key: _id = the key after the collection prefix and separator, then
// the value's shape (see RedisSource), then _expires_at when the key has a TTL. Bytes that
// are not UTF-8 become binary values.
BsonDoc redisDocument(const RedisEntry &entry, const QByteArray &id,
                      const QHash<QByteArray, RedisNumericFields::Kind> &numeric);

} // namespace ferry

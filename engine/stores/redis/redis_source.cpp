#include "stores/redis/redis_source.h"

#include "stores/redis/redis_document.h"

#include <hiredis/hiredis.h>

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QSet>

#include <deque>
#include <random>

namespace ferry {

namespace {

constexpr int ScanCount = 1000;            // keys a SCAN step looks at
constexpr qint64 ReaderSampleKeys = 10000; // keys a read samples to decide numeric fields
constexpr int FetchChunk = 500;            // keys per pipelined round trip

// A key's collection and _id: split at the first separator; a key without one is both.
std::pair<QByteArray, QByteArray> splitKey(const QByteArray &key, const QByteArray &separator)
{
    const qsizetype at = key.indexOf(separator);
    if (at < 0)
        return {key, key};
    return {key.left(at), key.mid(at + separator.size())};
}

QByteArray globEscape(const QByteArray &text)
{
    QByteArray out;
    for (const char c : text) {
        if (c == '*' || c == '?' || c == '[' || c == ']' || c == '\\')
            out.append('\\');
        out.append(c);
    }
    return out;
}

// Walks the key space with SCAN; `collection` (when set) keeps only its keys.
class KeyScanner {
public:
    KeyScanner(const RedisAddress &address, std::optional<QByteArray> collection)
        : m_separator(address.separator), m_collection(std::move(collection))
    {
        m_match = address.match;
        if (m_collection && address.match == "*")
            m_match = globEscape(*m_collection) + '*';
    }

    bool done() const { return m_done; }
    const QByteArray &cursor() const { return m_cursor; }
    void startAt(const QByteArray &cursor) { m_cursor = cursor; }

    // The next SCAN step's keys (possibly none while the scan goes on).
    Result<QList<QByteArray>> next(RedisConnection &c)
    {
        QList<QByteArray> keys;
        auto reply =
            c.command({QByteArrayLiteral("SCAN"), m_cursor, QByteArrayLiteral("MATCH"), m_match,
                       QByteArrayLiteral("COUNT"), QByteArray::number(ScanCount)});
        if (!reply)
            return reply.error();
        const redisReply *r = reply->get();
        if (r->type != REDIS_REPLY_ARRAY || r->elements != 2 ||
            r->element[1]->type != REDIS_REPLY_ARRAY)
            return Error(
                ErrorCode::Target,
                trEngine("Redis answered SCAN with %1.").arg(QString::fromUtf8(replyBytes(r))));
        m_cursor = replyBytes(r->element[0]);
        m_done = m_cursor == "0";
        const redisReply *list = r->element[1];
        QSet<QByteArray> inStep; // SCAN may repeat a key within a step
        for (size_t i = 0; i < list->elements; ++i) {
            const QByteArray key = replyBytes(list->element[i]);
            if ((!m_collection || splitKey(key, m_separator).first == *m_collection) &&
                !inStep.contains(key)) {
                inStep.insert(key);
                keys << key;
            }
        }
        return keys;
    }

private:
    QByteArray m_separator;
    std::optional<QByteArray> m_collection;
    QByteArray m_match;
    QByteArray m_cursor = QByteArrayLiteral("0");
    bool m_done = false;
};

// The keys' types, TTLs and values, in two pipelined round trips. Keys that vanished in
// between are left out.
struct Fetched {
    std::vector<RedisEntry> entries;
    std::vector<RedisReplyPtr> replies; // own what the entries point into
};

// PEXPIRETIME (Redis 7) gives the expiry itself, the same at every read, so validation
// compares equal; older servers only tell the time left (PTTL), added to the clock.
Result<Fetched> fetch(RedisConnection &c, const QList<QByteArray> &keys)
{
    QList<QList<QByteArray>> meta;
    for (const QByteArray &k : keys) {
        meta.append({QByteArrayLiteral("TYPE"), k});
        meta.append({QByteArrayLiteral("PEXPIRETIME"), k});
    }
    auto metaReplies = c.pipeline(meta);
    if (!metaReplies)
        return metaReplies.error();
    const bool relative = !metaReplies->empty() && replyIsError((*metaReplies)[1].get());
    if (relative) {
        for (qsizetype i = 0; i < keys.size(); ++i)
            meta[2 * i + 1][0] = QByteArrayLiteral("PTTL");
        metaReplies = c.pipeline(meta);
        if (!metaReplies)
            return metaReplies.error();
    }
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    Fetched out;
    QList<QList<QByteArray>> values;
    for (qsizetype i = 0; i < keys.size(); ++i) {
        RedisEntry e;
        e.key = keys[i];
        e.type = replyBytes((*metaReplies)[size_t(2 * i)].get());
        const redisReply *expiry = (*metaReplies)[size_t(2 * i + 1)].get();
        const qint64 t = expiry->type == REDIS_REPLY_INTEGER ? expiry->integer : -1;
        if (e.type == "none" || e.type.isEmpty() || t == -2)
            continue; // deleted since SCAN listed it
        e.expiresAtMs = t < 0 ? -1 : (relative ? now + t : t);
        out.entries.push_back(e);
        values.append(redisValueCommand(e.type, e.key));
    }
    // A type Ferry cannot read (a module's) is not skipped: its document says what it was.
    QList<QList<QByteArray>> sent;
    for (const QList<QByteArray> &v : values)
        if (!v.isEmpty())
            sent.append(v);
    auto valueReplies = c.pipeline(sent);
    if (!valueReplies)
        return valueReplies.error();
    out.replies = std::move(*valueReplies);
    std::vector<RedisEntry> kept;
    size_t next = 0;
    for (qsizetype i = 0; i < values.size(); ++i) {
        RedisEntry e = out.entries[size_t(i)];
        if (!values[i].isEmpty()) {
            e.value = out.replies[next++].get();
            if (e.value->type == REDIS_REPLY_NIL)
                continue; // deleted between TYPE and the read
            if (e.value->type == REDIS_REPLY_ERROR) {
                // WRONGTYPE: the key was replaced by another type in between; read it again.
                continue;
            }
        }
        kept.push_back(e);
    }
    out.entries = std::move(kept);
    return out;
}

BsonDoc documentOf(const RedisEntry &e, const QByteArray &separator,
                   const QHash<QByteArray, RedisNumericFields::Kind> &numeric)
{
    if (!e.value) {
        BsonDoc doc;
        const QByteArray id = splitKey(e.key, separator).second;
        bson_append_utf8(doc.get(), "_id", -1, id.constData(), int(id.size()));
        bson_append_utf8(doc.get(), "_unsupported_type", -1, e.type.constData(),
                         int(e.type.size()));
        return doc;
    }
    return redisDocument(e, splitKey(e.key, separator).second, numeric);
}

// Up to n keys of the collection, uniformly over the whole key space (reservoir sampling
// with a fixed seed: the same data gives the same sample); n < 0: all of them.
Result<QList<QByteArray>> sampleKeys(RedisConnection &c, const RedisAddress &address,
                                     const QByteArray &collection, qint64 n)
{
    KeyScanner scanner(address, collection);
    QList<QByteArray> kept;
    std::mt19937_64 rng(0x5eed);
    qint64 seen = 0;
    while (!scanner.done()) {
        auto keys = scanner.next(c);
        if (!keys)
            return keys.error();
        for (const QByteArray &k : *keys) {
            ++seen;
            if (n < 0 || kept.size() < n) {
                kept << k;
            } else {
                const qint64 j = qint64(rng() % quint64(seen));
                if (j < n)
                    kept[j] = k;
            }
        }
    }
    return kept;
}

Result<std::vector<BsonDoc>> readSample(RedisConnection &c, const RedisAddress &address,
                                        const QByteArray &collection, qint64 n,
                                        QHash<QByteArray, RedisNumericFields::Kind> *numericOut)
{
    auto keys = sampleKeys(c, address, collection, n);
    if (!keys)
        return keys.error();
    std::vector<Fetched> fetched;
    RedisNumericFields numeric;
    for (qsizetype from = 0; from < keys->size(); from += FetchChunk) {
        auto f = fetch(c, keys->mid(from, FetchChunk));
        if (!f)
            return f.error();
        for (const RedisEntry &e : f->entries)
            numeric.observe(e);
        fetched.push_back(std::move(*f));
    }
    *numericOut = numeric.decide();
    std::vector<BsonDoc> docs;
    for (const Fetched &f : fetched)
        for (const RedisEntry &e : f.entries)
            docs.push_back(documentOf(e, address.separator, *numericOut));
    return docs;
}

class RedisReader : public DocumentReader {
public:
    RedisReader(std::unique_ptr<RedisConnection> c, const RedisAddress &address,
                const QByteArray &collection, QHash<QByteArray, RedisNumericFields::Kind> numeric)
        : m_connection(std::move(c)), m_separator(address.separator),
          m_scanner(address, collection), m_numeric(std::move(numeric))
    {
    }

    // {"cursor": C, "after": base64 key}: restart SCAN at C and skip through that key.
    Status resumeFrom(const QByteArray &position)
    {
        const QJsonObject o = QJsonDocument::fromJson(position).object();
        if (o.value(QStringLiteral("done")).toBool()) {
            m_finished = true;
            return {};
        }
        const QString cursor = o.value(QStringLiteral("cursor")).toString();
        if (cursor.isEmpty())
            return Error(ErrorCode::Usage,
                         trEngine("The saved Redis position is not one Ferry wrote. Start over "
                                  "without --resume."));
        m_scanner.startAt(cursor.toLatin1());
        m_stepCursor = cursor.toLatin1();
        m_skipThrough =
            QByteArray::fromBase64(o.value(QStringLiteral("after")).toString().toLatin1());
        return {};
    }

    Result<bool> next(DocBatch &out, int maxDocs, size_t maxBytes) override
    {
        out.clear();
        while (!m_finished && int(out.size()) < maxDocs && out.bytes() < maxBytes) {
            if (m_pending.empty()) {
                if (m_scanner.done()) {
                    m_finished = true;
                    break;
                }
                if (Status s = scanStep(); !s)
                    return s.error();
                continue;
            }
            QList<QByteArray> keys;
            while (!m_pending.empty() && int(out.size() + size_t(keys.size())) < maxDocs &&
                   keys.size() < FetchChunk) {
                keys << m_pending.front();
                m_pending.pop_front();
            }
            auto fetched = fetch(*m_connection, keys);
            if (!fetched)
                return fetched.error();
            for (const RedisEntry &e : fetched->entries)
                out.append(documentOf(e, m_separator, m_numeric).get());
            m_lastKey = keys.back();
        }
        return !out.empty();
    }

    QByteArray position() const override
    {
        QJsonObject o;
        if (m_finished) {
            o.insert(QStringLiteral("done"), true);
        } else {
            o.insert(QStringLiteral("cursor"), QString::fromLatin1(m_stepCursor));
            o.insert(QStringLiteral("after"), QString::fromLatin1(m_lastKey.toBase64()));
        }
        return QJsonDocument(o).toJson(QJsonDocument::Compact);
    }

private:
    Status scanStep()
    {
        m_stepCursor = m_scanner.cursor();
        m_lastKey.clear();
        auto keys = m_scanner.next(*m_connection);
        if (!keys)
            return keys.error();
        qsizetype from = 0;
        if (!m_skipThrough.isEmpty()) {
            // Not found (deleted, or the table was resized): read the whole step again.
            from = keys->indexOf(m_skipThrough) + 1;
            m_lastKey = from > 0 ? m_skipThrough : QByteArray();
            m_skipThrough.clear();
        }
        for (qsizetype i = from; i < keys->size(); ++i)
            m_pending.push_back((*keys)[i]);
        return {};
    }

    std::unique_ptr<RedisConnection> m_connection;
    QByteArray m_separator;
    KeyScanner m_scanner;
    QHash<QByteArray, RedisNumericFields::Kind> m_numeric;
    std::deque<QByteArray> m_pending;
    QByteArray m_stepCursor = QByteArrayLiteral("0"); // the SCAN step m_pending came from
    QByteArray m_lastKey;                             // last key handed out of that step
    QByteArray m_skipThrough;
    bool m_finished = false;
};

Status noFilter(const QString &filter, const QString &collection)
{
    if (filter.trimmed().isEmpty())
        return {};
    return Error(ErrorCode::Usage,
                 trEngine("%1: a Redis source takes no filter; choose keys with ?match=PATTERN "
                          "in its URI instead.")
                     .arg(collection),
                 collection);
}

} // namespace

RedisSource::RedisSource(const Endpoint &endpoint) : m_endpoint(endpoint)
{
}

Result<std::unique_ptr<RedisConnection>> RedisSource::connect() const
{
    auto address = RedisAddress::parse(m_endpoint);
    if (!address)
        return address.error();
    return RedisConnection::open(*address);
}

Status RedisSource::open()
{
    auto address = RedisAddress::parse(m_endpoint);
    if (!address)
        return address.error();
    m_address = *address;
    auto c = RedisConnection::open(m_address);
    if (!c)
        return c.error();
    return {};
}

Result<QList<CollectionInfo>> RedisSource::listCollections()
{
    auto c = connect();
    if (!c)
        return c.error();
    KeyScanner scanner(m_address, std::nullopt);
    QMap<QByteArray, qint64> counts;
    while (!scanner.done()) {
        auto keys = scanner.next(**c);
        if (!keys)
            return keys.error();
        for (const QByteArray &k : *keys)
            ++counts[splitKey(k, m_address.separator).first];
    }
    QList<CollectionInfo> out;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it)
        out.append({QString::fromUtf8(it.key()), it.value(), true,
                    trEngine("keys %1%2*")
                        .arg(QString::fromUtf8(it.key()), QString::fromUtf8(m_address.separator))});
    return out;
}

Result<std::unique_ptr<DocumentReader>> RedisSource::openReader(const QString &collection,
                                                                const ReadOptions &options)
{
    if (Status s = noFilter(options.filter, collection); !s)
        return s.error();
    if (!options.keyColumn.isEmpty())
        return Error(ErrorCode::Usage,
                     trEngine("%1: a Redis source has no tables to embed.").arg(collection));
    auto c = connect();
    if (!c)
        return c.error();
    QHash<QByteArray, RedisNumericFields::Kind> numeric;
    auto sampled = readSample(**c, m_address, collection.toUtf8(), ReaderSampleKeys, &numeric);
    if (!sampled)
        return sampled.error();
    auto reader =
        std::make_unique<RedisReader>(std::move(*c), m_address, collection.toUtf8(), numeric);
    if (!options.resumeFrom.isEmpty())
        if (Status s = reader->resumeFrom(options.resumeFrom); !s)
            return s.error();
    return std::unique_ptr<DocumentReader>(std::move(reader));
}

Result<std::vector<BsonDoc>> RedisSource::sample(const QString &collection, qint64 n,
                                                 const QString &filter)
{
    if (Status s = noFilter(filter, collection); !s)
        return s.error();
    auto c = connect();
    if (!c)
        return c.error();
    QHash<QByteArray, RedisNumericFields::Kind> numeric;
    return readSample(**c, m_address, collection.toUtf8(), n, &numeric);
}

} // namespace ferry

#include "stores/mongo/mongo_reader.h"

#include "stores/mongo/mongo_error.h"
#include "stores/mongo/mongo_id_range.h"

namespace ferry {

MongoReader::MongoReader(std::shared_ptr<mongoc_client_t> client, const QByteArray &database,
                         const QString &collection, BsonDoc filter, QString server, qint64 estimate)
    : m_client(std::move(client)), m_name(collection), m_server(std::move(server)),
      m_filter(std::move(filter)), m_estimate(estimate)
{
    m_collection = mongoc_client_get_collection(m_client.get(), database.constData(),
                                                collection.toUtf8().constData());
}

MongoReader::~MongoReader()
{
    if (m_cursor)
        mongoc_cursor_destroy(m_cursor);
    mongoc_collection_destroy(m_collection);
}

Status MongoReader::setResumePosition(const QByteArray &token, int partition, int partitions)
{
    if (token.isEmpty())
        return {};
    bson_t resume;
    bson_iter_t id;
    const auto *data = reinterpret_cast<const uint8_t *>(token.constData());
    if (!bson_init_static(&resume, data, size_t(token.size())) ||
        !bson_validate(&resume, BSON_VALIDATE_NONE, nullptr) ||
        !bson_iter_init_find(&id, &resume, "_id"))
        return Error(ErrorCode::Usage,
                     trEngine("Cannot resume reading \"%1\": the saved position is not an _id "
                              "from a MongoDB server. The checkpoint belongs to another kind of "
                              "source; start over.")
                         .arg(m_name),
                     m_name);
    m_after = BsonDoc();
    bson_append_iter(m_after.get(), "_id", 3, &id);
    m_position = token;
    if (partitions <= 1)
        return {};
    const QByteArray slice = QByteArray::number(partition) + '/' + QByteArray::number(partitions);
    bson_iter_t it;
    if (!bson_iter_init_find(&it, &resume, "slice") || !BSON_ITER_HOLDS_UTF8(&it) ||
        slice != bson_iter_utf8(&it, nullptr))
        return Error(ErrorCode::Usage,
                     trEngine("Cannot resume partition %1 of \"%2\": the saved position belongs "
                              "to another read of the collection. Run this partition again "
                              "without --resume (rows already written are skipped).")
                         .arg(QString::fromLatin1(slice), m_name),
                     m_name);
    m_slice = IdSlice();
    m_slice.partition = partition;
    m_slice.partitions = partitions;
    if (bson_iter_init_find(&it, &resume, "lo"))
        bson_append_iter(m_slice.lo.get(), "_id", 3, &it);
    if (bson_iter_init_find(&it, &resume, "hi"))
        bson_append_iter(m_slice.hi.get(), "_id", 3, &it);
    return {};
}

BsonDoc MongoReader::query() const
{
    bson_iter_t lo, hi, after;
    const bool hasLo = bson_iter_init_find(&lo, m_slice.lo.get(), "_id");
    const bool hasHi = bson_iter_init_find(&hi, m_slice.hi.get(), "_id");
    const bool resumed = bson_iter_init_find(&after, m_after.get(), "_id");
    if (!hasLo && !hasHi && !resumed)
        return m_filter;
    // {$and: [userFilter, <slice>, <after last>]}: the user's filter stays exactly as given.
    BsonDoc q;
    bson_t all;
    BSON_APPEND_ARRAY_BEGIN(q.get(), "$and", &all);
    BSON_APPEND_DOCUMENT(&all, "0", m_filter.get());
    const char *key = "1";
    if (hasLo || hasHi) {
        appendIdRange(&all, key, {hasLo ? &lo : nullptr, true}, {hasHi ? &hi : nullptr, false});
        key = "2";
    }
    if (resumed)
        appendIdRange(&all, key, {&after, false}, {});
    bson_append_array_end(q.get(), &all);
    return q;
}

Result<bool> MongoReader::next(DocBatch &out, int maxDocs, size_t maxBytes)
{
    out.clear();
    if (m_done || m_slice.empty)
        return false;
    maxDocs = std::max(maxDocs, 1);
    if (!m_cursor) {
        BsonDoc opts;
        bson_t sort;
        BSON_APPEND_DOCUMENT_BEGIN(opts.get(), "sort", &sort);
        BSON_APPEND_INT32(&sort, "_id", 1);
        bson_append_document_end(opts.get(), &sort);
        BSON_APPEND_INT32(opts.get(), "batchSize", maxDocs);
        m_cursor =
            mongoc_collection_find_with_opts(m_collection, query().get(), opts.get(), nullptr);
    }
    const bson_t *doc = nullptr;
    while (out.size() < size_t(maxDocs) && out.bytes() < maxBytes) {
        if (!mongoc_cursor_next(m_cursor, &doc)) {
            // libmongoc refuses to advance an exhausted cursor again: remember the end.
            bson_error_t error;
            if (mongoc_cursor_error(m_cursor, &error))
                return readError(error);
            m_done = true;
            break;
        }
        out.append(doc);
    }
    if (out.empty())
        return false;
    m_read += qint64(out.size());
    // The last document of the batch holds the _id to resume after.
    bson_t last;
    bson_iter_t id;
    if (out.view(out.size() - 1, &last) && bson_iter_init_find(&id, &last, "_id"))
        keepPosition(&id);
    return true;
}

void MongoReader::keepPosition(const bson_iter_t *id)
{
    BsonDoc token;
    bson_append_iter(token.get(), "_id", 3, id);
    if (m_slice.partitions > 1) {
        const QByteArray slice =
            QByteArray::number(m_slice.partition) + '/' + QByteArray::number(m_slice.partitions);
        BSON_APPEND_UTF8(token.get(), "slice", slice.constData());
        bson_iter_t bound;
        if (bson_iter_init_find(&bound, m_slice.lo.get(), "_id"))
            bson_append_iter(token.get(), "lo", 2, &bound);
        if (bson_iter_init_find(&bound, m_slice.hi.get(), "_id"))
            bson_append_iter(token.get(), "hi", 2, &bound);
    }
    m_position = QByteArray(reinterpret_cast<const char *>(bson_get_data(token.get())),
                            qsizetype(token.get()->len));
}

Error MongoReader::readError(const bson_error_t &error) const
{
    const QString doing = trEngine("reading collection \"%1\"").arg(m_name);
    if (!isDroppedRead(error))
        return mongoError(error, m_server, doing, ErrorCode::Usage);
    // Connect, as a lost connection: the run opens the read again after the last _id.
    return Error(ErrorCode::Connect,
                 trEngine("MongoDB at %1 dropped the read of collection \"%2\" (%3).")
                     .arg(m_server, m_name, redactSecrets(QString::fromUtf8(error.message))),
                 m_server);
}

QByteArray MongoReader::position() const
{
    return m_position;
}

double MongoReader::progress() const
{
    if (m_done)
        return 1.0;
    if (m_estimate <= 0)
        return -1;
    return std::min(1.0, double(m_read) / double(m_estimate));
}

} // namespace ferry

#include "stores/mongo/mongo_reader.h"

#include "stores/mongo/mongo_error.h"

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

Status MongoReader::setResumePosition(const QByteArray &token)
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
    // {$and: [userFilter, {_id: {$gt: last}}]}: the user's filter stays exactly as given.
    BsonDoc combined;
    bson_t andArray, after, gt;
    BSON_APPEND_ARRAY_BEGIN(combined.get(), "$and", &andArray);
    BSON_APPEND_DOCUMENT(&andArray, "0", m_filter.get());
    BSON_APPEND_DOCUMENT_BEGIN(&andArray, "1", &after);
    BSON_APPEND_DOCUMENT_BEGIN(&after, "_id", &gt);
    bson_append_iter(&gt, "$gt", 3, &id);
    bson_append_document_end(&after, &gt);
    bson_append_document_end(&andArray, &after);
    bson_append_array_end(combined.get(), &andArray);
    m_filter = std::move(combined);
    m_position = token;
    return {};
}

Result<bool> MongoReader::next(DocBatch &out, int maxDocs, size_t maxBytes)
{
    out.clear();
    if (m_done)
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
            mongoc_collection_find_with_opts(m_collection, m_filter.get(), opts.get(), nullptr);
    }
    const bson_t *doc = nullptr;
    while (out.size() < size_t(maxDocs) && out.bytes() < maxBytes) {
        if (!mongoc_cursor_next(m_cursor, &doc)) {
            // libmongoc refuses to advance an exhausted cursor again: remember the end.
            bson_error_t error;
            if (mongoc_cursor_error(m_cursor, &error))
                return mongoError(error, m_server,
                                  trEngine("reading collection \"%1\"").arg(m_name),
                                  ErrorCode::Usage);
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
    if (out.view(out.size() - 1, &last) && bson_iter_init_find(&id, &last, "_id")) {
        bson_t token = BSON_INITIALIZER;
        bson_append_iter(&token, "_id", 3, &id);
        m_position =
            QByteArray(reinterpret_cast<const char *>(bson_get_data(&token)), qsizetype(token.len));
        bson_destroy(&token);
    }
    return true;
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

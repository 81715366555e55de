#include "stores/mongo/mongo_reader.h"

#include "stores/mongo/mongo_error.h"

namespace ferry {

namespace {

// MongoDB's comparison order of BSON types (the _id index's order), one bracket per line,
// as $type aliases: $gt only matches values of its own bracket, so a resume after a value
// adds every later bracket by type.
const char *const TypeBrackets[][4] = {
    {"minKey"},
    {"undefined"},
    {"null"},
    {"double", "int", "long", "decimal"},
    {"string", "symbol"},
    {"object"},
    {"array"},
    {"binData"},
    {"objectId"},
    {"bool"},
    {"date"},
    {"timestamp"},
    {"regex"},
    {"dbPointer"},
    {"javascript"},
    {"javascriptWithScope"},
    {"maxKey"},
};

int bracketOf(bson_type_t type)
{
    switch (type) {
    case BSON_TYPE_MINKEY:
        return 0;
    case BSON_TYPE_UNDEFINED:
        return 1;
    case BSON_TYPE_NULL:
        return 2;
    case BSON_TYPE_DOUBLE:
    case BSON_TYPE_INT32:
    case BSON_TYPE_INT64:
    case BSON_TYPE_DECIMAL128:
        return 3;
    case BSON_TYPE_UTF8:
    case BSON_TYPE_SYMBOL:
        return 4;
    case BSON_TYPE_DOCUMENT:
        return 5;
    case BSON_TYPE_ARRAY:
        return 6;
    case BSON_TYPE_BINARY:
        return 7;
    case BSON_TYPE_OID:
        return 8;
    case BSON_TYPE_BOOL:
        return 9;
    case BSON_TYPE_DATE_TIME:
        return 10;
    case BSON_TYPE_TIMESTAMP:
        return 11;
    case BSON_TYPE_REGEX:
        return 12;
    case BSON_TYPE_DBPOINTER:
        return 13;
    case BSON_TYPE_CODE:
        return 14;
    case BSON_TYPE_CODEWSCOPE:
        return 15;
    case BSON_TYPE_MAXKEY:
        return 16;
    default:
        return 16;
    }
}

// {$or: [{_id: {$gt: last}}, {_id: {$type: [every later bracket]}}]}: the rest of the _id
// index after `last`, whatever the types of the _ids that follow.
void appendAfter(bson_t *out, const char *key, bson_iter_t *last)
{
    const int bracket = bracketOf(bson_iter_type(last));
    const int brackets = int(sizeof TypeBrackets / sizeof TypeBrackets[0]);
    bson_t orArray, gtClause, gt;
    BSON_APPEND_DOCUMENT_BEGIN(out, key, &gtClause);
    BSON_APPEND_ARRAY_BEGIN(&gtClause, "$or", &orArray);
    BSON_APPEND_DOCUMENT_BEGIN(&orArray, "0", &gt);
    bson_t op;
    BSON_APPEND_DOCUMENT_BEGIN(&gt, "_id", &op);
    bson_append_iter(&op, "$gt", 3, last);
    bson_append_document_end(&gt, &op);
    bson_append_document_end(&orArray, &gt);
    if (bracket + 1 < brackets) {
        bson_t typeClause, typeOp, types;
        BSON_APPEND_DOCUMENT_BEGIN(&orArray, "1", &typeClause);
        BSON_APPEND_DOCUMENT_BEGIN(&typeClause, "_id", &typeOp);
        BSON_APPEND_ARRAY_BEGIN(&typeOp, "$type", &types);
        uint32_t n = 0;
        for (int b = bracket + 1; b < brackets; ++b) {
            for (const char *alias : TypeBrackets[b]) {
                if (!alias)
                    break;
                char index[16];
                const char *indexKey;
                bson_uint32_to_string(n++, &indexKey, index, sizeof index);
                bson_append_utf8(&types, indexKey, -1, alias, -1);
            }
        }
        bson_append_array_end(&typeOp, &types);
        bson_append_document_end(&typeClause, &typeOp);
        bson_append_document_end(&orArray, &typeClause);
    }
    bson_append_array_end(&gtClause, &orArray);
    bson_append_document_end(out, &gtClause);
}

} // namespace

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
    // {$and: [userFilter, <after last>]}: the user's filter stays exactly as given.
    BsonDoc combined;
    bson_t andArray;
    BSON_APPEND_ARRAY_BEGIN(combined.get(), "$and", &andArray);
    BSON_APPEND_DOCUMENT(&andArray, "0", m_filter.get());
    appendAfter(&andArray, "1", &id);
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
    if (out.view(out.size() - 1, &last) && bson_iter_init_find(&id, &last, "_id")) {
        bson_t token = BSON_INITIALIZER;
        bson_append_iter(&token, "_id", 3, &id);
        m_position =
            QByteArray(reinterpret_cast<const char *>(bson_get_data(&token)), qsizetype(token.len));
        bson_destroy(&token);
    }
    return true;
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

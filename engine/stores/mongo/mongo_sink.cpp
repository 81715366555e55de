#include "stores/mongo/mongo_sink.h"

#include "stores/common/document_batch.h"

#include <mongoc/mongoc.h>

#include <QSet>

#include <mutex>

namespace ferry {

namespace {

constexpr int MaxBulkDocs = 1000;
constexpr size_t MaxBulkBytes = 16u << 20;
constexpr int32_t DuplicateKey = 11000;
const char CheckpointCollection[] = "_ferry_checkpoints";

void initDriver()
{
    static std::once_flag once;
    std::call_once(once, [] { mongoc_init(); });
}

QString keyOf(const CollectionMapping &mapping)
{
    return mapping.root.table.isEmpty() ? mapping.collection : mapping.root.table;
}

// Owns a bson_t filled by the driver (replies, opts) for the scope.
struct ScopedBson {
    bson_t doc = BSON_INITIALIZER;
    ~ScopedBson() { bson_destroy(&doc); }
    bson_t *get() { return &doc; }
};

Error oversize(const bson_t *doc)
{
    const QString id = documentIdText(doc);
    return Error(ErrorCode::Conversion,
                 trEngine("Document %1 is %2 bytes; MongoDB accepts at most 16 MB (16777216 "
                          "bytes) per document.")
                     .arg(id)
                     .arg(doc->len),
                 id);
}

} // namespace

struct MongoSink::Collection {
    mongoc_collection_t *handle = nullptr;
    ~Collection()
    {
        if (handle)
            mongoc_collection_destroy(handle);
    }
    Collection(mongoc_collection_t *h) : handle(h) {}
    Collection(Collection &&o) noexcept : handle(std::exchange(o.handle, nullptr)) {}
};

MongoSink::MongoSink(const Endpoint &endpoint) : m_endpoint(endpoint)
{
}

MongoSink::~MongoSink()
{
    if (m_client)
        mongoc_client_destroy(m_client);
}

MongoSink::Collection MongoSink::collection(const QString &name) const
{
    return Collection(mongoc_client_get_collection(m_client, m_database.toUtf8().constData(),
                                                   name.toUtf8().constData()));
}

Error MongoSink::driverError(const QString &what, const QString &where, const void *e) const
{
    const auto *error = static_cast<const bson_error_t *>(e);
    const QString message = redactSecrets(QString::fromUtf8(error->message));
    if (error->domain == MONGOC_ERROR_SERVER_SELECTION || error->domain == MONGOC_ERROR_STREAM)
        return Error(
            ErrorCode::Connect,
            trEngine("Lost MongoDB at %1 while %2: %3").arg(m_endpoint.redacted(), what, message),
            where);
    return Error(ErrorCode::Target, trEngine("MongoDB refused %1: %2").arg(what, message), where);
}

Status MongoSink::open()
{
    initDriver();
    if (m_client) {
        mongoc_client_destroy(m_client);
        m_client = nullptr;
    }
    bson_error_t error;
    mongoc_uri_t *uri = mongoc_uri_new_with_error(m_endpoint.uri().toUtf8().constData(), &error);
    if (!uri)
        return Error(ErrorCode::Usage, trEngine("%1 is not a valid MongoDB URI: %2")
                                           .arg(m_endpoint.redacted(),
                                                redactSecrets(QString::fromUtf8(error.message))));
    const char *db = mongoc_uri_get_database(uri);
    m_database = db ? QString::fromUtf8(db) : QString();
    if (m_database.isEmpty()) {
        mongoc_uri_destroy(uri);
        return Error(ErrorCode::Usage,
                     trEngine("%1 names no database. Enter it in the Database field (in a URI: "
                              "its path, e.g. mongodb://HOST:27017/DATABASE).")
                         .arg(m_endpoint.redacted()));
    }
    // Fail within seconds, not the driver's default 30 s, when nothing answers.
    if (!mongoc_uri_has_option(uri, MONGOC_URI_SERVERSELECTIONTIMEOUTMS))
        mongoc_uri_set_option_as_int32(uri, MONGOC_URI_SERVERSELECTIONTIMEOUTMS, 5000);
    m_client = mongoc_client_new_from_uri_with_error(uri, &error);
    mongoc_uri_destroy(uri);
    if (!m_client)
        return Error(ErrorCode::Connect, trEngine("Cannot use MongoDB at %1: %2")
                                             .arg(m_endpoint.redacted(),
                                                  redactSecrets(QString::fromUtf8(error.message))));
    mongoc_client_set_error_api(m_client, MONGOC_ERROR_API_VERSION_2);
    mongoc_client_set_appname(m_client, "ferry");
    bson_t *ping = BCON_NEW("ping", BCON_INT32(1));
    const bool ok = mongoc_client_command_simple(m_client, "admin", ping, nullptr, nullptr, &error);
    bson_destroy(ping);
    if (!ok)
        return Error(
            ErrorCode::Connect,
            trEngine("Cannot connect to MongoDB at %1: %2. Check that the server runs "
                     "and the host and port are right.")
                .arg(m_endpoint.redacted(), redactSecrets(QString::fromUtf8(error.message))));
    return {};
}

Result<PrepareOutcome> MongoSink::prepare(const CollectionMapping &mapping,
                                          const ProjectOptions &options, bool resuming)
{
    PrepareOutcome outcome;
    const QString key = keyOf(mapping);
    Collection c = collection(key);
    bson_error_t error;
    ScopedBson filter;
    bson_t *opts = BCON_NEW("limit", BCON_INT64(1));
    const int64_t n =
        mongoc_collection_count_documents(c.handle, filter.get(), opts, nullptr, nullptr, &error);
    bson_destroy(opts);
    if (n < 0)
        return driverError(trEngine("counting collection %1").arg(key), key, &error);
    outcome.tablesWereEmpty = n == 0;
    if (options.existingRows == ExistingRows::Truncate && !resuming && !m_dryRun && n > 0) {
        ScopedBson all;
        if (!mongoc_collection_delete_many(c.handle, all.get(), nullptr, nullptr, &error))
            return driverError(trEngine("emptying collection %1").arg(key), key, &error);
        outcome.ddl.append(QStringLiteral("db.%1.deleteMany({})").arg(key));
    }
    return outcome;
}

Status MongoSink::checkDuplicates(const QString &key, const RowBatch &batch)
{
    const DocumentsToWrite docs = documentsToWrite(batch);
    QSet<QByteArray> seen;
    std::vector<std::pair<QByteArray, uint32_t>> ids; // raw {"_id": …} bytes, index
    for (uint32_t i : docs.indices) {
        bson_t doc;
        bson_iter_t it;
        if (!docs.batch->view(i, &doc) || !bson_iter_init_find(&it, &doc, "_id"))
            continue; // the server generates a fresh ObjectId: never a duplicate
        ScopedBson one;
        bson_append_iter(one.get(), "_id", 3, &it);
        const QByteArray raw(reinterpret_cast<const char *>(bson_get_data(one.get())),
                             qsizetype(one.get()->len));
        if (seen.contains(raw))
            return Error(ErrorCode::Target,
                         trEngine("_id %1 appears twice in collection %2's input and the policy "
                                  "is to fail on existing documents.")
                             .arg(documentIdText(&doc), key),
                         documentIdText(&doc));
        seen.insert(raw);
        ids.emplace_back(raw, i);
    }
    Collection c = collection(key);
    for (size_t from = 0; from < ids.size(); from += MaxBulkDocs) {
        ScopedBson filter;
        bson_t idPart, in;
        BSON_APPEND_DOCUMENT_BEGIN(filter.get(), "_id", &idPart);
        BSON_APPEND_ARRAY_BEGIN(&idPart, "$in", &in);
        const size_t to = std::min(ids.size(), from + MaxBulkDocs);
        char keyBuf[16];
        const char *itemKey;
        for (size_t k = from; k < to; ++k) {
            bson_t one;
            bson_iter_t it;
            bson_init_static(&one, reinterpret_cast<const uint8_t *>(ids[k].first.constData()),
                             size_t(ids[k].first.size()));
            bson_iter_init_find(&it, &one, "_id");
            bson_uint32_to_string(uint32_t(k - from), &itemKey, keyBuf, sizeof keyBuf);
            bson_append_iter(&in, itemKey, -1, &it);
        }
        bson_append_array_end(&idPart, &in);
        bson_append_document_end(filter.get(), &idPart);
        bson_t *opts =
            BCON_NEW("projection", "{", "_id", BCON_INT32(1), "}", "limit", BCON_INT64(1));
        mongoc_cursor_t *cursor =
            mongoc_collection_find_with_opts(c.handle, filter.get(), opts, nullptr);
        bson_destroy(opts);
        const bson_t *found = nullptr;
        const bool exists = mongoc_cursor_next(cursor, &found);
        QString existing = exists ? documentIdText(found) : QString();
        bson_error_t error;
        const bool failed = mongoc_cursor_error(cursor, &error);
        mongoc_cursor_destroy(cursor);
        if (failed)
            return driverError(trEngine("looking up existing documents in %1").arg(key), key,
                               &error);
        if (exists)
            return Error(ErrorCode::Target,
                         trEngine("A document with _id %1 already exists in collection %2 and "
                                  "the policy is to fail on existing documents.")
                             .arg(existing, key),
                         existing);
    }
    return {};
}

Status MongoSink::probe(const CollectionMapping &mapping, const ProjectOptions &options,
                        const RowBatch &batch)
{
    const DocumentsToWrite docs = documentsToWrite(batch);
    for (uint32_t i : docs.indices) {
        bson_t doc;
        if (!docs.batch->view(i, &doc))
            return Error(ErrorCode::Parse, trEngine("A document of the batch is not valid BSON."));
        if (doc.len > MaxDocumentBytes)
            return oversize(&doc);
    }
    if (options.existingRows == ExistingRows::Fail && m_client)
        return checkDuplicates(keyOf(mapping), batch);
    return {};
}

Result<WriteOutcome> MongoSink::write(const CollectionMapping &mapping,
                                      const ProjectOptions &options, const RowBatch &batch,
                                      const Checkpoint &checkpoint)
{
    const QString key = keyOf(mapping);
    WriteOutcome outcome;
    outcome.tableRows.assign(std::max<size_t>(1, mapping.tables().size()), 0);
    // Refuse the whole batch before writing any of it, so the orchestrator can isolate
    // the offending document by splitting the batch.
    if (Status s = probe(mapping, options, batch); !s)
        return s.error();
    const DocumentsToWrite docs = documentsToWrite(batch);
    if (m_dryRun) {
        outcome.written = qint64(docs.indices.size());
        outcome.tableRows[0] = outcome.written;
        return outcome;
    }
    size_t next = 0;
    while (next < docs.indices.size()) {
        if (Status s = sendBulk(key, options, docs, next, outcome); !s)
            return s.error();
    }
    outcome.tableRows[0] = outcome.written;
    Checkpoint saved = checkpoint;
    saved.written += outcome.written;
    saved.skippedExisting += outcome.skippedExisting;
    if (Status s = saveCheckpoint(key, saved); !s)
        return s.error();
    return outcome;
}

// One unordered bulk write of the documents from `next` on, within the server's limits on
// count and size; advances `next` past them and adds what the server did to `outcome`.
Status MongoSink::sendBulk(const QString &key, const ProjectOptions &options,
                           const DocumentsToWrite &docs, size_t &next, WriteOutcome &outcome)
{
    Collection c = collection(key);
    const bool upsert = options.existingRows == ExistingRows::Upsert;
    ScopedBson bulkOpts;
    BSON_APPEND_BOOL(bulkOpts.get(), "ordered", false);
    mongoc_bulk_operation_t *bulk =
        mongoc_collection_create_bulk_operation_with_opts(c.handle, bulkOpts.get());
    std::vector<uint32_t> chunk;
    size_t bytes = 0;
    for (; next < docs.indices.size() && chunk.size() < size_t(MaxBulkDocs); ++next) {
        const uint32_t i = docs.indices[next];
        if (!chunk.empty() && bytes + docs.batch->length(i) > MaxBulkBytes)
            break;
        bson_t doc;
        docs.batch->view(i, &doc);
        if (Status s = queueDocument(bulk, &doc, upsert); !s) {
            mongoc_bulk_operation_destroy(bulk);
            return s;
        }
        chunk.push_back(i);
        bytes += docs.batch->length(i);
    }
    ScopedBson reply;
    bson_error_t error;
    const uint32_t ok = mongoc_bulk_operation_execute(bulk, reply.get(), &error);
    mongoc_bulk_operation_destroy(bulk);
    bson_iter_t it;
    for (const char *field : {"nInserted", "nUpserted", "nMatched"})
        if (bson_iter_init_find(&it, reply.get(), field))
            outcome.written += bson_iter_as_int64(&it);
    if (ok)
        return {};
    return acceptWriteErrors(key, options, reply.get(), docs, chunk, &error, outcome);
}

Status MongoSink::queueDocument(mongoc_bulk_operation_t *bulk, const bson_t *doc, bool upsert)
{
    bson_iter_t it;
    bson_error_t error;
    bool queued;
    if (upsert && bson_iter_init_find(&it, doc, "_id")) {
        ScopedBson selector, opts;
        bson_append_iter(selector.get(), "_id", 3, &it);
        BSON_APPEND_BOOL(opts.get(), "upsert", true);
        queued = mongoc_bulk_operation_replace_one_with_opts(bulk, selector.get(), doc, opts.get(),
                                                             &error);
    } else {
        queued = mongoc_bulk_operation_insert_with_opts(bulk, doc, nullptr, &error);
    }
    if (queued)
        return {};
    return Error(ErrorCode::Conversion,
                 trEngine("Document %1 cannot be sent to MongoDB: %2")
                     .arg(documentIdText(doc), QString::fromUtf8(error.message)),
                 documentIdText(doc));
}

// A failed bulk is fine when every error is a duplicate key the project says to skip; those
// count as skipped. Any other error fails the batch, naming the document where it can.
Status MongoSink::acceptWriteErrors(const QString &key, const ProjectOptions &options,
                                    const bson_t *reply, const DocumentsToWrite &docs,
                                    const std::vector<uint32_t> &chunk, const void *bsonError,
                                    WriteOutcome &outcome)
{
    bson_iter_t errors, item;
    bool onlyDuplicates = false;
    if (bson_iter_init_find(&errors, reply, "writeErrors") && BSON_ITER_HOLDS_ARRAY(&errors) &&
        bson_iter_recurse(&errors, &item)) {
        onlyDuplicates = true;
        while (bson_iter_next(&item)) {
            bson_iter_t entry;
            int32_t code = 0;
            int32_t index = -1;
            bson_iter_recurse(&item, &entry);
            while (bson_iter_next(&entry)) {
                if (!strcmp(bson_iter_key(&entry), "code"))
                    code = bson_iter_as_int64(&entry);
                else if (!strcmp(bson_iter_key(&entry), "index"))
                    index = int32_t(bson_iter_as_int64(&entry));
            }
            if (code == DuplicateKey && options.existingRows == ExistingRows::Skip) {
                ++outcome.skippedExisting;
                continue;
            }
            onlyDuplicates = false;
            if (code == DuplicateKey && index >= 0 && size_t(index) < chunk.size()) {
                bson_t doc;
                docs.batch->view(chunk[size_t(index)], &doc);
                return Error(ErrorCode::Target,
                             trEngine("A document with _id %1 already exists in collection %2.")
                                 .arg(documentIdText(&doc), key),
                             documentIdText(&doc));
            }
            break;
        }
    }
    if (!onlyDuplicates)
        return driverError(trEngine("writing to collection %1").arg(key), key, bsonError);
    return {};
}

Status MongoSink::saveCheckpoint(const QString &key, const Checkpoint &cp)
{
    Collection c = collection(QString::fromLatin1(CheckpointCollection));
    const QByteArray keyUtf8 = key.toUtf8();
    const QByteArray runId = cp.runId.toUtf8();
    ScopedBson selector, doc, opts, reply;
    BSON_APPEND_UTF8(selector.get(), "_id", keyUtf8.constData());
    BSON_APPEND_UTF8(doc.get(), "_id", keyUtf8.constData());
    BSON_APPEND_UTF8(doc.get(), "runId", runId.constData());
    bson_append_binary(doc.get(), "position", -1, BSON_SUBTYPE_BINARY,
                       reinterpret_cast<const uint8_t *>(cp.position.constData()),
                       uint32_t(cp.position.size()));
    BSON_APPEND_INT64(doc.get(), "read", cp.read);
    BSON_APPEND_INT64(doc.get(), "written", cp.written);
    BSON_APPEND_INT64(doc.get(), "skippedExisting", cp.skippedExisting);
    BSON_APPEND_INT64(doc.get(), "rejected", cp.rejected);
    BSON_APPEND_BOOL(doc.get(), "finished", cp.finished);
    if (cp.rejectBytes >= 0)
        BSON_APPEND_INT64(doc.get(), "rejectBytes", cp.rejectBytes);
    BSON_APPEND_BOOL(opts.get(), "upsert", true);
    bson_error_t error;
    if (!mongoc_collection_replace_one(c.handle, selector.get(), doc.get(), opts.get(), reply.get(),
                                       &error))
        return driverError(trEngine("saving the checkpoint of %1").arg(key), key, &error);
    return {};
}

Result<std::optional<Checkpoint>> MongoSink::loadCheckpoint(const QString &collectionName)
{
    Collection c = collection(QString::fromLatin1(CheckpointCollection));
    const QByteArray key = collectionName.toUtf8();
    ScopedBson filter;
    BSON_APPEND_UTF8(filter.get(), "_id", key.constData());
    mongoc_cursor_t *cursor =
        mongoc_collection_find_with_opts(c.handle, filter.get(), nullptr, nullptr);
    const bson_t *doc = nullptr;
    std::optional<Checkpoint> out;
    if (mongoc_cursor_next(cursor, &doc)) {
        Checkpoint cp;
        bson_iter_t it;
        bson_iter_init(&it, doc);
        while (bson_iter_next(&it)) {
            const char *k = bson_iter_key(&it);
            if (!strcmp(k, "runId") && BSON_ITER_HOLDS_UTF8(&it)) {
                cp.runId = QString::fromUtf8(bson_iter_utf8(&it, nullptr));
            } else if (!strcmp(k, "position") && BSON_ITER_HOLDS_BINARY(&it)) {
                bson_subtype_t sub;
                uint32_t len = 0;
                const uint8_t *data = nullptr;
                bson_iter_binary(&it, &sub, &len, &data);
                cp.position = QByteArray(reinterpret_cast<const char *>(data), qsizetype(len));
            } else if (!strcmp(k, "read")) {
                cp.read = bson_iter_as_int64(&it);
            } else if (!strcmp(k, "written")) {
                cp.written = bson_iter_as_int64(&it);
            } else if (!strcmp(k, "skippedExisting")) {
                cp.skippedExisting = bson_iter_as_int64(&it);
            } else if (!strcmp(k, "rejected")) {
                cp.rejected = bson_iter_as_int64(&it);
            } else if (!strcmp(k, "finished")) {
                cp.finished = bson_iter_as_bool(&it);
            } else if (!strcmp(k, "rejectBytes")) {
                cp.rejectBytes = bson_iter_as_int64(&it);
            }
        }
        out = cp;
    }
    bson_error_t error;
    const bool failed = mongoc_cursor_error(cursor, &error);
    mongoc_cursor_destroy(cursor);
    if (failed)
        return driverError(trEngine("reading the checkpoint of %1").arg(collectionName),
                           collectionName, &error);
    return out;
}

Status MongoSink::clearCheckpoint(const QString &collectionName)
{
    Collection c = collection(QString::fromLatin1(CheckpointCollection));
    const QByteArray key = collectionName.toUtf8();
    ScopedBson filter;
    BSON_APPEND_UTF8(filter.get(), "_id", key.constData());
    bson_error_t error;
    if (!mongoc_collection_delete_one(c.handle, filter.get(), nullptr, nullptr, &error))
        return driverError(trEngine("clearing the checkpoint of %1").arg(collectionName),
                           collectionName, &error);
    return {};
}

Result<qint64> MongoSink::countRows(const QString &table)
{
    Collection c = collection(table);
    ScopedBson filter;
    bson_error_t error;
    const int64_t n = mongoc_collection_count_documents(c.handle, filter.get(), nullptr, nullptr,
                                                        nullptr, &error);
    if (n < 0)
        return driverError(trEngine("counting collection %1").arg(table), table, &error);
    return qint64(n);
}

} // namespace ferry

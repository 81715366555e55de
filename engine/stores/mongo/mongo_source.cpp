#include "stores/mongo/mongo_source.h"

#include "stores/common/reservoir.h"
#include "stores/mongo/mongo_error.h"
#include "stores/mongo/mongo_reader.h"

#include <QtGlobal>

#include <algorithm>
#include <mutex>

namespace ferry {

namespace {

// A server that does not answer must not freeze the wizard for libmongoc's default 30 s.
constexpr int32_t kDefaultTimeoutMs = 5000;

// libmongoc logs to stderr by default, debug chatter included; only warnings matter, and
// they may quote a URI.
void logToQt(mongoc_log_level_t level, const char *domain, const char *message, void *)
{
    if (level > MONGOC_LOG_LEVEL_WARNING)
        return;
    qWarning("libmongoc %s: %s", domain, qPrintable(redactSecrets(QString::fromUtf8(message))));
}

void initDriverOnce()
{
    static std::once_flag once;
    std::call_once(once, [] {
        mongoc_init();
        mongoc_log_set_handler(logToQt, nullptr);
    });
}

struct CollectionDeleter {
    void operator()(mongoc_collection_t *c) const { mongoc_collection_destroy(c); }
};
using CollectionPtr = std::unique_ptr<mongoc_collection_t, CollectionDeleter>;

} // namespace

MongoSource::MongoSource(Endpoint endpoint) : m_endpoint(std::move(endpoint))
{
}

Status MongoSource::open()
{
    initDriverOnce();
    m_client.reset();
    const QString server = m_endpoint.redacted();
    m_database = m_endpoint.database().toUtf8();
    if (m_database.isEmpty())
        return Error(ErrorCode::Usage,
                     trEngine("%1 names no database. Enter it in the Database field (in a URI: "
                              "its path, e.g. mongodb://HOST:27017/DATABASE).")
                         .arg(server),
                     server);
    bson_error_t error;
    mongoc_uri_t *uri = mongoc_uri_new_with_error(m_endpoint.uri().toUtf8().constData(), &error);
    if (!uri)
        return Error(ErrorCode::Connect,
                     trEngine("%1 is not a valid MongoDB URI: %2.")
                         .arg(server, redactSecrets(QString::fromUtf8(error.message))),
                     server);
    if (!mongoc_uri_has_option(uri, MONGOC_URI_SERVERSELECTIONTIMEOUTMS))
        mongoc_uri_set_option_as_int32(uri, MONGOC_URI_SERVERSELECTIONTIMEOUTMS, kDefaultTimeoutMs);
    if (!mongoc_uri_has_option(uri, MONGOC_URI_CONNECTTIMEOUTMS))
        mongoc_uri_set_option_as_int32(uri, MONGOC_URI_CONNECTTIMEOUTMS, kDefaultTimeoutMs);
    mongoc_client_t *client = mongoc_client_new_from_uri_with_error(uri, &error);
    mongoc_uri_destroy(uri);
    if (!client)
        return Error(ErrorCode::Connect,
                     trEngine("Cannot use the MongoDB URI %1: %2.")
                         .arg(server, redactSecrets(QString::fromUtf8(error.message))),
                     server);
    mongoc_client_set_error_api(client, MONGOC_ERROR_API_VERSION_2);
    mongoc_client_set_appname(client, "ferry");
    std::shared_ptr<mongoc_client_t> shared(client, mongoc_client_destroy);

    // Contact the server now, so a wrong host or password fails here and not mid-run.
    bson_t ping = BSON_INITIALIZER;
    BSON_APPEND_INT32(&ping, "ping", 1);
    bson_t reply;
    const bool ok = mongoc_client_command_simple(client, m_database.constData(), &ping, nullptr,
                                                 &reply, &error);
    bson_destroy(&ping);
    bson_destroy(&reply);
    if (!ok)
        return mongoError(error, server, trEngine("connecting"), ErrorCode::Connect);
    m_client = std::move(shared);
    return {};
}

Status MongoSource::ensureOpen()
{
    return m_client ? Status() : open();
}

qint64 MongoSource::estimatedCount(mongoc_collection_t *collection) const
{
    bson_error_t error;
    const int64_t n =
        mongoc_collection_estimated_document_count(collection, nullptr, nullptr, nullptr, &error);
    return n < 0 ? -1 : qint64(n);
}

namespace {

QString utf8Field(const bson_t *doc, const char *path)
{
    bson_iter_t it;
    if (!bson_iter_init(&it, doc) || !bson_iter_find_descendant(&it, path, &it) ||
        !BSON_ITER_HOLDS_UTF8(&it))
        return {};
    return QString::fromUtf8(bson_iter_utf8(&it, nullptr));
}

} // namespace

// listCollections with its type information: a view has no documents of its own, a
// time-series collection is read through its own name (the server unpacks the buckets), and
// system.* collections, the buckets among them, are the server's bookkeeping.
void MongoSource::classify(const bson_t *entry, QList<CollectionInfo> &out)
{
    const QString name = utf8Field(entry, "name");
    const QString type = utf8Field(entry, "type");
    if (name.isEmpty())
        return;
    if (name.startsWith(QLatin1String("system.buckets."))) {
        m_skipped.append({name, QStringLiteral("timeseries-buckets"),
                          trEngine("the buckets of the time-series collection \"%1\", which is "
                                   "read as measurements under its own name")
                              .arg(name.mid(15))});
        return;
    }
    if (name.startsWith(QLatin1String("system."))) {
        m_skipped.append({name, QStringLiteral("system"),
                          trEngine("a system collection (the server's bookkeeping)")});
        return;
    }
    // A MongoDB target of an earlier Ferry run keeps its checkpoints beside the data.
    if (name.startsWith(QLatin1String("_ferry_"))) {
        m_skipped.append({name, QStringLiteral("ferry"),
                          trEngine("Ferry's own bookkeeping (the checkpoints of a run into "
                                   "this database), not data")});
        return;
    }
    if (type == QLatin1String("view")) {
        m_skipped.append({name, QStringLiteral("view"),
                          trEngine("a view on \"%1\": it holds no documents of its own")
                              .arg(utf8Field(entry, "options.viewOn"))});
        return;
    }
    const QByteArray utf8 = name.toUtf8();
    CollectionPtr handle(
        mongoc_client_get_collection(m_client.get(), m_database.constData(), utf8.constData()));
    CollectionInfo info;
    info.name = name;
    info.count = estimatedCount(handle.get());
    info.exact = false;
    info.detail = QStringLiteral("%1.%2").arg(QString::fromUtf8(m_database), name);
    info.timeseries = type == QLatin1String("timeseries");
    out.append(info);
}

Result<QList<CollectionInfo>> MongoSource::listCollections()
{
    if (Status s = ensureOpen(); !s)
        return s.error();
    m_skipped.clear();
    mongoc_database_t *db = mongoc_client_get_database(m_client.get(), m_database.constData());
    mongoc_cursor_t *cursor = mongoc_database_find_collections_with_opts(db, nullptr);
    mongoc_database_destroy(db);
    QList<CollectionInfo> out;
    const bson_t *entry = nullptr;
    while (mongoc_cursor_next(cursor, &entry))
        classify(entry, out);
    bson_error_t error;
    const bool failed = mongoc_cursor_error(cursor, &error);
    mongoc_cursor_destroy(cursor);
    if (failed)
        return mongoError(
            error, m_endpoint.redacted(),
            trEngine("listing the collections of \"%1\"").arg(QString::fromUtf8(m_database)));
    std::sort(out.begin(), out.end(),
              [](const CollectionInfo &a, const CollectionInfo &b) { return a.name < b.name; });
    std::sort(
        m_skipped.begin(), m_skipped.end(),
        [](const SkippedCollection &a, const SkippedCollection &b) { return a.name < b.name; });
    return out;
}

Result<BsonDoc> MongoSource::parseFilter(const QString &collection, const QString &filter) const
{
    BsonDoc doc;
    const QByteArray utf8 = filter.trimmed().toUtf8();
    if (utf8.isEmpty())
        return doc;
    bson_error_t error;
    bson_destroy(doc.get());
    if (!bson_init_from_json(doc.get(), utf8.constData(), utf8.size(), &error)) {
        bson_init(doc.get());
        return Error(ErrorCode::Usage,
                     trEngine("The filter for collection \"%1\" is not a valid Extended JSON "
                              "document: %2. Write it as a MongoDB query, e.g. "
                              "{\"status\": \"active\"}.")
                         .arg(collection, QString::fromUtf8(error.message)),
                     collection);
    }
    return doc;
}

Result<std::unique_ptr<DocumentReader>> MongoSource::openReader(const QString &collection,
                                                                const ReadOptions &options)
{
    if (Status s = ensureOpen(); !s)
        return s.error();
    if (collection.startsWith(QLatin1String("system.buckets.")))
        return Error(ErrorCode::Usage,
                     trEngine("\"%1\" holds the internal buckets of the time-series collection "
                              "\"%2\". Migrate \"%2\" instead: it is read as one document per "
                              "measurement.")
                         .arg(collection, collection.mid(15)),
                     collection);
    auto filter = parseFilter(collection, options.filter);
    if (!filter)
        return filter.error();
    CollectionPtr handle(mongoc_client_get_collection(m_client.get(), m_database.constData(),
                                                      collection.toUtf8().constData()));
    qint64 estimate = -1;
    if (options.filter.trimmed().isEmpty() && options.partitions <= 1)
        estimate = estimatedCount(handle.get());
    // The filter is copied: the slice's bounds are found with it below.
    auto reader = std::make_unique<MongoReader>(m_client, m_database, collection, *filter,
                                                m_endpoint.redacted(), estimate);
    if (Status s =
            reader->setResumePosition(options.resumeFrom, options.partition, options.partitions);
        !s)
        return s.error();
    if (options.partitions > 1 && !reader->hasSlice()) {
        IdSlice slice;
        slice.partition = options.partition;
        slice.partitions = options.partitions;
        qint64 docs = -1;
        if (Status s = findSlice(handle.get(), collection, filter->get(), slice, docs); !s)
            return s.error();
        reader->setSlice(std::move(slice));
        reader->setEstimate(docs);
    }
    return std::unique_ptr<DocumentReader>(std::move(reader));
}

// Every partition finds the same bounds on its own, with no coordinator: boundary k of N is
// the _id at position floor(n*k/N) in _id order among the n documents the filter matches
// (deterministic while the collection does not change, unlike $sample; the server walks the
// _id index to skip there, reading index keys only when there is no filter). Partition k reads
// [boundary k, boundary k+1); the first has no lower bound and the last no upper one, so together
// they cover every _id, however the collection changed.
Status MongoSource::findSlice(mongoc_collection_t *collection, const QString &name,
                              const bson_t *filter, IdSlice &slice, qint64 &docs) const
{
    // Without a filter the metadata count spares every process a scan of the collection: the
    // bounds only need the same n everywhere, not an exact one (a bound past the end leaves
    // the slices after it empty and the one before it open-ended).
    int64_t n = bson_empty(filter) ? estimatedCount(collection) : -1;
    if (n < 0) {
        bson_error_t error;
        n = mongoc_collection_count_documents(collection, filter, nullptr, nullptr, nullptr,
                                              &error);
        if (n < 0)
            return mongoError(error, m_endpoint.redacted(),
                              trEngine("counting the documents of \"%1\"").arg(name));
    }
    if (n <= 0 && slice.partition > 0) {
        // No bounds can be cut from nothing, and every slice would be unbounded: the first,
        // open-ended, reads whatever is there (a metadata count can say 0 after an unclean
        // shutdown, or documents can arrive after the count), the others read nothing.
        slice.empty = true;
        docs = 0;
        return {};
    }
    const auto boundary = [&](int k) { return qint64(n) * k / slice.partitions; };
    const qint64 first = slice.partition > 0 ? boundary(slice.partition) : 0;
    qint64 end = slice.partition + 1 < slice.partitions ? boundary(slice.partition + 1) : n;
    if (first > 0 && first >= n) {
        slice.empty = true; // past the end; the first slice, unbounded, still reads everything
        docs = 0;
        return {};
    }
    if (first > 0) {
        auto lo = idAt(collection, name, filter, first);
        if (!lo)
            return lo.error();
        slice.lo = std::move(*lo);
        slice.empty = bson_empty(slice.lo.get()); // the collection shrank meanwhile
    }
    if (end < n) {
        auto hi = idAt(collection, name, filter, end);
        if (!hi)
            return hi.error();
        slice.hi = std::move(*hi);
        if (bson_empty(slice.hi.get()))
            end = n;
    }
    docs = end - first;
    return {};
}

Result<BsonDoc> MongoSource::idAt(mongoc_collection_t *collection, const QString &name,
                                  const bson_t *filter, qint64 position) const
{
    BsonDoc opts;
    bson_t sort, projection;
    BSON_APPEND_DOCUMENT_BEGIN(opts.get(), "sort", &sort);
    BSON_APPEND_INT32(&sort, "_id", 1);
    bson_append_document_end(opts.get(), &sort);
    BSON_APPEND_DOCUMENT_BEGIN(opts.get(), "projection", &projection);
    BSON_APPEND_INT32(&projection, "_id", 1);
    bson_append_document_end(opts.get(), &projection);
    BSON_APPEND_INT64(opts.get(), "skip", position);
    BSON_APPEND_INT64(opts.get(), "limit", 1);
    mongoc_cursor_t *cursor =
        mongoc_collection_find_with_opts(collection, filter, opts.get(), nullptr);
    BsonDoc id;
    const bson_t *doc = nullptr;
    bson_iter_t it;
    if (mongoc_cursor_next(cursor, &doc) && bson_iter_init_find(&it, doc, "_id"))
        bson_append_iter(id.get(), "_id", 3, &it);
    bson_error_t error;
    const bool failed = mongoc_cursor_error(cursor, &error);
    mongoc_cursor_destroy(cursor);
    if (failed)
        return mongoError(error, m_endpoint.redacted(),
                          trEngine("finding where the partitions of \"%1\" begin").arg(name));
    return id;
}

Result<qint64> MongoSource::exactCount(const QString &collection, const QString &filter)
{
    if (Status s = ensureOpen(); !s)
        return s.error();
    auto match = parseFilter(collection, filter);
    if (!match)
        return match.error();
    CollectionPtr handle(mongoc_client_get_collection(m_client.get(), m_database.constData(),
                                                      collection.toUtf8().constData()));
    bson_error_t error;
    // countDocuments, not the estimate: the metadata count can be off after an unclean
    // shutdown, and it ignores the filter.
    const int64_t n = mongoc_collection_count_documents(handle.get(), match->get(), nullptr,
                                                        nullptr, nullptr, &error);
    if (n < 0)
        return mongoError(error, m_endpoint.redacted(),
                          trEngine("counting the documents of \"%1\"").arg(collection));
    return qint64(n);
}

Result<std::vector<BsonDoc>> MongoSource::sample(const QString &collection, qint64 n,
                                                 const QString &filter)
{
    if (Status s = ensureOpen(); !s)
        return s.error();
    auto match = parseFilter(collection, filter);
    if (!match)
        return match.error();
    if (n >= 0) {
        bson_t pipeline = BSON_INITIALIZER;
        bson_t stages, stage, sampleStage, size;
        BSON_APPEND_ARRAY_BEGIN(&pipeline, "pipeline", &stages);
        BSON_APPEND_DOCUMENT_BEGIN(&stages, "0", &stage);
        BSON_APPEND_DOCUMENT(&stage, "$match", match->get());
        bson_append_document_end(&stages, &stage);
        BSON_APPEND_DOCUMENT_BEGIN(&stages, "1", &sampleStage);
        BSON_APPEND_DOCUMENT_BEGIN(&sampleStage, "$sample", &size);
        BSON_APPEND_INT64(&size, "size", n);
        bson_append_document_end(&sampleStage, &size);
        bson_append_document_end(&stages, &sampleStage);
        bson_append_array_end(&pipeline, &stages);
        CollectionPtr handle(mongoc_client_get_collection(m_client.get(), m_database.constData(),
                                                          collection.toUtf8().constData()));
        mongoc_cursor_t *cursor = mongoc_collection_aggregate(handle.get(), MONGOC_QUERY_NONE,
                                                              &pipeline, nullptr, nullptr);
        bson_destroy(&pipeline);
        std::vector<BsonDoc> out;
        const bson_t *doc = nullptr;
        while (mongoc_cursor_next(cursor, &doc))
            out.emplace_back(doc);
        bson_error_t error;
        const bool failed = mongoc_cursor_error(cursor, &error);
        mongoc_cursor_destroy(cursor);
        if (!failed)
            return out;
        const Error e =
            mongoError(error, m_endpoint.redacted(), trEngine("sampling \"%1\"").arg(collection));
        if (isConnectOrAuth(e))
            return e;
        // Servers and proxies without $sample still get a sample spread over the collection.
    }
    return DumpReservoir::sampleByReading(*this, collection, n, filter);
}

} // namespace ferry

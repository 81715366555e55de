#include "stores/stores.h"

#include "stores/dump/dump_store.h"
#include "stores/mongo/mongo_store.h"
#include "stores/ndjson/ndjson_store.h"
#include "stores/postgres/postgres_store.h"
#include "stores/redis/redis_store.h"
#include "stores/sqlite/sqlite_store.h"

namespace ferry {

const StoreRegistry &storeRegistry()
{
    static const StoreRegistry registry = [] {
        StoreRegistry r;
        // One line per store; the order is the order the wizard offers them in.
        r.add(mongoStore());
        r.add(dumpStore());
        r.add(postgresStore());
        r.add(sqliteStore());
        r.add(ndjsonStore());
        r.add(redisStore());
        return r;
    }();
    return registry;
}

const StoreInfo *storeOf(const Endpoint &endpoint)
{
    const StoreRegistry &r = storeRegistry();
    return endpoint.scheme().isEmpty() ? r.bySuffix(endpoint.path())
                                       : r.byScheme(endpoint.scheme());
}

Result<Endpoint> parseEndpoint(const QString &text)
{
    auto parsed = Endpoint::parse(text);
    if (!parsed)
        return parsed;
    const StoreInfo *store = storeOf(*parsed);
    if (!store)
        return Error(
            ErrorCode::Usage,
            trEngine("\"%1\" is not a location Ferry understands. Use %2.")
                .arg(redactSecrets(text.trimmed()), storeRegistry().knownForms(true, true)));
    if (parsed->scheme().isEmpty())
        return parsed->withScheme(store->schemes.value(0));
    return parsed;
}

bool takesDocuments(const Endpoint &endpoint)
{
    const StoreInfo *store = storeOf(endpoint);
    return store && store->takes == StoreInput::Documents;
}

namespace {

Error unknownStore(const Endpoint &endpoint)
{
    return Error(ErrorCode::Usage,
                 trEngine("\"%1\" is not a location Ferry understands. Use %2.")
                     .arg(endpoint.redacted(), storeRegistry().knownForms(true, true)));
}

} // namespace

Result<std::unique_ptr<Source>> makeSource(const Endpoint &endpoint)
{
    const StoreInfo *store = storeOf(endpoint);
    if (!store)
        return unknownStore(endpoint);
    if (!store->openSource)
        return Error(ErrorCode::Usage,
                     store->notSourceHint.isEmpty()
                         ? trEngine("%1 cannot be read from.").arg(store->displayName)
                         : store->notSourceHint,
                     endpoint.redacted());
    return store->openSource(endpoint);
}

Result<std::unique_ptr<Source>> makeSourceFor(const Endpoint &endpoint, const Endpoint &target)
{
    auto source = makeSource(endpoint);
    if (source && *source)
        (*source)->setKeepColumnNames(!takesDocuments(target));
    return source;
}

Result<std::unique_ptr<Sink>> makeSink(const Endpoint &endpoint)
{
    const StoreInfo *store = storeOf(endpoint);
    if (!store)
        return unknownStore(endpoint);
    if (!store->openSink)
        return Error(ErrorCode::Usage,
                     store->notTargetHint.isEmpty()
                         ? trEngine("%1 cannot be written to.").arg(store->displayName)
                         : store->notTargetHint,
                     endpoint.redacted());
    return store->openSink(endpoint);
}

} // namespace ferry

#include "endpoints/reverse_factories.h"

#include "endpoints/mongo_sink.h"
#include "endpoints/ndjson_sink.h"
#include "endpoints/postgres_source.h"
#include "endpoints/sqlite_source.h"

namespace ferry {

std::unique_ptr<Source> makeSqlSource(const Endpoint &endpoint)
{
    switch (endpoint.kind()) {
    case EndpointKind::Sqlite:
        return std::make_unique<SqliteSource>(endpoint);
    case EndpointKind::Postgres:
        return std::make_unique<PostgresSource>(endpoint);
    default:
        return nullptr;
    }
}

std::unique_ptr<Sink> makeDocumentSink(const Endpoint &endpoint)
{
    switch (endpoint.kind()) {
    case EndpointKind::MongoDb:
        return std::make_unique<MongoSink>(endpoint);
    case EndpointKind::Ndjson:
        return std::make_unique<NdjsonSink>(endpoint);
    default:
        return nullptr;
    }
}

} // namespace ferry

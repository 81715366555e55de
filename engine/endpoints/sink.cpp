#include "endpoints/sink.h"

#include "endpoints/postgres_sink.h"
#include "endpoints/reverse_factories.h"
#include "endpoints/sqlite_sink.h"

namespace ferry {

Result<std::unique_ptr<Sink>> makeSink(const Endpoint &endpoint)
{
    switch (endpoint.kind()) {
    case EndpointKind::Postgres:
        return std::unique_ptr<Sink>(std::make_unique<PostgresSink>(endpoint));
    case EndpointKind::Sqlite:
        return std::unique_ptr<Sink>(std::make_unique<SqliteSink>(endpoint));
    case EndpointKind::MongoDb:
    case EndpointKind::Ndjson:
        return makeDocumentSink(endpoint);
    case EndpointKind::Dump:
        break;
    }
    return Error(ErrorCode::Usage,
                 trEngine("A MongoDB dump cannot be written to. To export documents, use "
                          "ndjson:DIR as the target."),
                 endpoint.redacted());
}

} // namespace ferry

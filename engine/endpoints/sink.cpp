#include "endpoints/sink.h"

#include "endpoints/postgres_sink.h"
#include "endpoints/sqlite_sink.h"

namespace ferry {

Result<std::unique_ptr<Sink>> makeSink(const Endpoint &endpoint)
{
    switch (endpoint.kind()) {
    case EndpointKind::Postgres:
        return std::unique_ptr<Sink>(std::make_unique<PostgresSink>(endpoint));
    case EndpointKind::Sqlite:
        return std::unique_ptr<Sink>(std::make_unique<SqliteSink>(endpoint));
    default:
        return Error(ErrorCode::Usage,
                     trEngine("Writing to %1 targets is not supported yet. Use a "
                              "postgresql:// or sqlite: target.")
                         .arg(Endpoint::kindName(endpoint.kind())),
                     endpoint.redacted());
    }
}

} // namespace ferry

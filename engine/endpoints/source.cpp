#include "endpoints/source.h"

#include "endpoints/dump_source.h"
#include "endpoints/mongo_source.h"
#include "endpoints/reverse_factories.h"

namespace ferry {

Result<std::unique_ptr<Source>> makeSource(const Endpoint &endpoint)
{
    switch (endpoint.kind()) {
    case EndpointKind::Dump:
        return std::unique_ptr<Source>(new DumpSource(endpoint.path()));
    case EndpointKind::MongoDb:
        return std::unique_ptr<Source>(new MongoSource(endpoint));
    case EndpointKind::Postgres:
    case EndpointKind::Sqlite:
        return makeSqlSource(endpoint);
    case EndpointKind::Ndjson:
        return Error(ErrorCode::Usage,
                     trEngine("ndjson: is a target only. To read mongoexport files, use "
                              "dump:PATH instead."));
    }
    return Error(ErrorCode::Internal, trEngine("Unknown source kind."));
}

} // namespace ferry

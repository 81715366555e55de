#include "endpoints/sink.h"

#include "endpoints/postgres_sink.h"
#include "endpoints/reverse_factories.h"
#include "endpoints/sqlite_sink.h"

namespace ferry {

Status Sink::addForeignKey(const QString &table, const QString &column, const QString &refTable,
                           const QString &refColumn)
{
    Q_UNUSED(column);
    Q_UNUSED(refColumn);
    return Error(ErrorCode::Schema,
                 trEngine("This target cannot add a foreign key to an existing table; the "
                          "reference from %1 to %2 is not enforced.")
                     .arg(table, refTable),
                 table);
}

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

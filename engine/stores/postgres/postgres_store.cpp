#include "stores/postgres/postgres_store.h"

#include "core/error.h"
#include "stores/postgres/postgres_sink.h"
#include "stores/postgres/postgres_source.h"

namespace ferry {

StoreInfo postgresStore()
{
    StoreInfo s;
    s.name = QStringLiteral("postgres");
    s.displayName = trEngine("PostgreSQL");
    s.schemes = {QStringLiteral("postgresql"), QStringLiteral("postgres")};
    s.uriExample = QStringLiteral("postgresql://USER@HOST[:PORT]/DB");
    s.server = true;
    s.clientCommand = QStringLiteral("psql");
    s.canRead = true;
    s.canWrite = true;
    s.dialect = Dialect::Postgres;
    s.fields = serverFields(5432, QStringLiteral("shop"));
    s.buildUri = [](const QHash<QString, QString> &v) {
        return buildServerUri(QStringLiteral("postgresql"), v);
    };
    s.splitUri = [](const Endpoint &e) { return splitServerUri(e, 5432); };
    s.openSource = [](const Endpoint &e) { return std::unique_ptr<Source>(new PostgresSource(e)); };
    s.openSink = [](const Endpoint &e) { return std::unique_ptr<Sink>(new PostgresSink(e)); };
    return s;
}

} // namespace ferry

#include "stores/mongo/mongo_store.h"

#include "core/error.h"
#include "stores/mongo/mongo_sink.h"
#include "stores/mongo/mongo_source.h"

namespace ferry {

StoreInfo mongoStore()
{
    StoreInfo s;
    s.name = QStringLiteral("mongo");
    s.displayName = trEngine("MongoDB server");
    s.schemes = {QStringLiteral("mongodb"), QStringLiteral("mongodb+srv")};
    s.uriExample = QStringLiteral("mongodb://HOST[:PORT]/DB");
    s.server = true;
    s.clientCommand = QStringLiteral("mongosh");
    s.canRead = true;
    s.canWrite = true;
    s.takes = StoreInput::Documents;
    s.fields = serverFields(27017, QStringLiteral("shop"));
    for (StoreField &f : s.fields) {
        if (f.key == QLatin1String("database"))
            f.requiredHint = trEngine("Enter the database: a MongoDB server holds several, and "
                                      "Ferry reads or writes one.");
    }
    s.buildUri = [](const QHash<QString, QString> &v) {
        return buildServerUri(QStringLiteral("mongodb"), v);
    };
    s.splitUri = [](const Endpoint &e) { return splitServerUri(e, 27017); };
    s.openSource = [](const Endpoint &e) { return std::unique_ptr<Source>(new MongoSource(e)); };
    s.openSink = [](const Endpoint &e) { return std::unique_ptr<Sink>(new MongoSink(e)); };
    return s;
}

} // namespace ferry

#include "stores/ndjson/ndjson_store.h"

#include "core/error.h"
#include "stores/ndjson/ndjson_sink.h"

namespace ferry {

StoreInfo ndjsonStore()
{
    StoreInfo s;
    s.name = QStringLiteral("ndjson");
    s.displayName = trEngine("NDJSON folder (Extended JSON export)");
    s.schemes = {QStringLiteral("ndjson")};
    s.uriExample = QStringLiteral("ndjson:DIR");
    s.canWrite = true;
    s.takes = StoreInput::Documents;
    s.notSourceHint = trEngine("ndjson: is a target only. To read mongoexport files, use "
                               "dump:PATH instead.");
    s.fields = pathField(StoreField::Kind::Folder, trEngine("folder for the *.json files"));
    s.buildUri = [](const QHash<QString, QString> &v) {
        return buildPathUri(QStringLiteral("ndjson"), v);
    };
    s.splitUri = splitPathUri;
    s.openSink = [](const Endpoint &e) { return std::unique_ptr<Sink>(new NdjsonSink(e)); };
    return s;
}

} // namespace ferry

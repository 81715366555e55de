#include "stores/dump/dump_store.h"

#include "core/error.h"
#include "stores/dump/dump_source.h"

namespace ferry {

StoreInfo dumpStore()
{
    StoreInfo s;
    s.name = QStringLiteral("dump");
    s.displayName = trEngine("MongoDB dump (mongodump / mongoexport files)");
    s.schemes = {QStringLiteral("dump")};
    s.uriExample = QStringLiteral("dump:PATH");
    s.canRead = true;
    s.notTargetHint = trEngine("A MongoDB dump cannot be written to. To export documents, use "
                               "ndjson:DIR as the target.");
    s.fields = pathField(StoreField::Kind::FileOrFolder,
                         trEngine("dump folder or root, --archive file, or one .bson/.json file "
                                  "(maybe .gz)"));
    // Files are recognised by content, so "All files" stays a choice beside these: an archive
    // is often named without a suffix.
    s.filePatterns = {QStringLiteral("*.bson"),   QStringLiteral("*.json"),
                      QStringLiteral("*.ndjson"), QStringLiteral("*.jsonl"),
                      QStringLiteral("*.gz"),     QStringLiteral("*.archive"),
                      QStringLiteral("*.agz")};
    s.buildUri = [](const QHash<QString, QString> &v) {
        return buildPathUri(QStringLiteral("dump"), v);
    };
    s.splitUri = splitPathUri;
    s.openSource = [](const Endpoint &e) {
        return std::unique_ptr<Source>(new DumpSource(e.path()));
    };
    return s;
}

} // namespace ferry

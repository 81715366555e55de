#include "stores/sqlite/sqlite_store.h"

#include "core/error.h"
#include "stores/sqlite/sqlite_sink.h"
#include "stores/sqlite/sqlite_source.h"

namespace ferry {

StoreInfo sqliteStore()
{
    StoreInfo s;
    s.name = QStringLiteral("sqlite");
    s.displayName = trEngine("SQLite file");
    s.schemes = {QStringLiteral("sqlite")};
    s.fileSuffixes = {QStringLiteral("sqlite"), QStringLiteral("sqlite3"), QStringLiteral("db")};
    s.uriExample = QStringLiteral("sqlite:FILE");
    s.canRead = true;
    s.canWrite = true;
    s.dialect = Dialect::Sqlite;
    s.fields = pathField(StoreField::Kind::SaveFile, trEngine("file.sqlite"));
    s.buildUri = [](const QHash<QString, QString> &v) {
        return buildPathUri(QStringLiteral("sqlite"), v);
    };
    s.splitUri = splitPathUri;
    s.openSource = [](const Endpoint &e) { return std::unique_ptr<Source>(new SqliteSource(e)); };
    s.openSink = [](const Endpoint &e) { return std::unique_ptr<Sink>(new SqliteSink(e)); };
    return s;
}

} // namespace ferry

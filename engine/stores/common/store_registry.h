#pragma once

#include "core/dialect.h"
#include "core/endpoint.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>
#include <optional>

namespace ferry {

class Sink;
class Source;

// What a target receives: rows per table (SQL stores) or whole documents.
enum class StoreInput { Rows, Documents };

// One input of the endpoint page's form for a store. The page builds its form from these;
// `StoreInfo::buildUri` turns the values back into a URI and `StoreInfo::splitUri` fills
// them from one.
struct StoreField {
    enum class Kind { Text, Port, Password, OpenFile, SaveFile, Folder, FileOrFolder };
    QString key;   // stable id ("host", "port", "path", ...)
    QString label; // translated, with an & mnemonic
    Kind kind = Kind::Text;
    QString placeholder; // translated
    QString defaultValue;
    // Non-empty: the field may not be left empty, and this (translated) says what to enter.
    QString requiredHint;
};

// Everything the run, the CLI and the wizard ask about a store. A store fills one in its
// own folder (stores/<store>/<store>_store.cpp) and stores/stores.cpp registers it.
struct StoreInfo {
    QString name;             // "postgres": stable, not shown
    QString displayName;      // translated: "PostgreSQL"
    QStringList schemes;      // the first is the one Ferry writes; the rest are aliases
    QStringList fileSuffixes; // a bare path with one of these belongs to this store
    // What the wizard's file dialog offers ("*.bson"), when it is more than fileSuffixes.
    QStringList filePatterns;
    QString uriExample;    // for messages: "postgresql://USER@HOST[:PORT]/DB"
    bool server = false;   // a network server (URL with host, user, password)
    QString clientCommand; // server stores: the shell a user opens it with ("psql")
    bool canRead = false;
    bool canWrite = false;
    StoreInput takes = StoreInput::Rows;
    std::optional<Dialect> dialect; // SQL stores: statements, DDL and validation queries
    QString notSourceHint;          // translated: what to do when used as a source it cannot be
    QString notTargetHint;
    QList<StoreField> fields; // the endpoint page's form, in order
    std::function<QString(const QHash<QString, QString> &)> buildUri;
    std::function<QHash<QString, QString>(const Endpoint &)> splitUri;
    std::function<std::unique_ptr<Source>(const Endpoint &)> openSource; // null: not a source
    std::function<std::unique_ptr<Sink>(const Endpoint &)> openSink;     // null: not a target

    bool isSql() const { return dialect.has_value(); }
};

class StoreRegistry {
public:
    void add(StoreInfo info);
    const QList<StoreInfo> &stores() const { return m_stores; }
    const StoreInfo *byName(const QString &name) const;
    const StoreInfo *byScheme(const QString &scheme) const;
    // The store a bare path belongs to by its suffix ("x.sqlite"), or nullptr.
    const StoreInfo *bySuffix(const QString &path) const;
    // "dump:PATH, mongodb://HOST[:PORT]/DB, …" for messages.
    QString knownForms(bool sources, bool targets) const;

private:
    QList<StoreInfo> m_stores;
};

} // namespace ferry

namespace ferry {

// Form fields and URI helpers shared by the server stores (host, port, database, user,
// password) and the file stores (one path).
QList<StoreField> serverFields(int defaultPort, const QString &databasePlaceholder);
QList<StoreField> pathField(StoreField::Kind kind, const QString &placeholder);
// scheme://[user@]host:port[/database]; the password never goes into the URI.
QString buildServerUri(const QString &scheme, const QHash<QString, QString> &values);
QHash<QString, QString> splitServerUri(const Endpoint &endpoint, int defaultPort);
QString buildPathUri(const QString &scheme, const QHash<QString, QString> &values);
QHash<QString, QString> splitPathUri(const Endpoint &endpoint);

} // namespace ferry

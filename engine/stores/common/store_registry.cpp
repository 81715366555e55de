#include "stores/common/store_registry.h"

#include "core/error.h"

#include <QUrl>

namespace ferry {

void StoreRegistry::add(StoreInfo info)
{
    m_stores.append(std::move(info));
}

const StoreInfo *StoreRegistry::byName(const QString &name) const
{
    for (const StoreInfo &s : m_stores) {
        if (s.name == name)
            return &s;
    }
    return nullptr;
}

const StoreInfo *StoreRegistry::byScheme(const QString &scheme) const
{
    for (const StoreInfo &s : m_stores) {
        if (s.schemes.contains(scheme, Qt::CaseInsensitive))
            return &s;
    }
    return nullptr;
}

const StoreInfo *StoreRegistry::bySuffix(const QString &path) const
{
    for (const StoreInfo &s : m_stores) {
        for (const QString &suffix : s.fileSuffixes) {
            if (path.endsWith(QLatin1Char('.') + suffix, Qt::CaseInsensitive))
                return &s;
        }
    }
    return nullptr;
}

QString StoreRegistry::knownForms(bool sources, bool targets) const
{
    QStringList forms;
    for (const StoreInfo &s : m_stores) {
        if ((sources && s.canRead) || (targets && s.canWrite))
            forms << s.uriExample;
    }
    return forms.join(QStringLiteral(", "));
}

} // namespace ferry

namespace ferry {

QList<StoreField> serverFields(int defaultPort, const QString &databasePlaceholder)
{
    using K = StoreField::Kind;
    return {
        {QStringLiteral("host"), trEngine("&Host:"), K::Text, QStringLiteral("localhost"), {}, {}},
        {QStringLiteral("port"), trEngine("P&ort:"), K::Port, {}, QString::number(defaultPort), {}},
        {QStringLiteral("database"), trEngine("&Database:"), K::Text, databasePlaceholder, {}, {}},
        {QStringLiteral("user"), trEngine("&User:"), K::Text, trEngine("(none)"), {}, {}},
        {QStringLiteral("password"), trEngine("Pass&word:"), K::Password, {}, {}, {}},
    };
}

QList<StoreField> pathField(StoreField::Kind kind, const QString &placeholder)
{
    return {{QStringLiteral("path"), trEngine("&Path:"), kind, placeholder, {}, {}}};
}

QString buildServerUri(const QString &scheme, const QHash<QString, QString> &values)
{
    QUrl url;
    url.setScheme(scheme);
    const QString host = values.value(QStringLiteral("host")).trimmed();
    url.setHost(host.isEmpty() ? QStringLiteral("localhost") : host);
    bool ok = false;
    const int port = values.value(QStringLiteral("port")).toInt(&ok);
    if (ok && port > 0)
        url.setPort(port);
    // An empty user must leave no "@" behind: "mongodb://@host" is a URI no driver accepts.
    const QString user = values.value(QStringLiteral("user")).trimmed();
    if (!user.isEmpty())
        url.setUserName(user);
    const QString database = values.value(QStringLiteral("database")).trimmed();
    if (!database.isEmpty())
        url.setPath(QLatin1Char('/') + database);
    return url.toString();
}

QHash<QString, QString> splitServerUri(const Endpoint &endpoint, int defaultPort)
{
    const QUrl url(endpoint.uri());
    QHash<QString, QString> values;
    values.insert(QStringLiteral("host"), url.host());
    values.insert(QStringLiteral("port"), QString::number(url.port(defaultPort)));
    values.insert(QStringLiteral("user"), url.userName());
    values.insert(QStringLiteral("database"), endpoint.database());
    if (!url.password().isEmpty())
        values.insert(QStringLiteral("password"), url.password());
    return values;
}

QString buildPathUri(const QString &scheme, const QHash<QString, QString> &values)
{
    const QString path = values.value(QStringLiteral("path")).trimmed();
    return path.isEmpty() ? QString() : scheme + QLatin1Char(':') + path;
}

QHash<QString, QString> splitPathUri(const Endpoint &endpoint)
{
    return {{QStringLiteral("path"), endpoint.path()}};
}

} // namespace ferry

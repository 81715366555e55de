#include "stores/redis/redis_store.h"

#include "core/error.h"
#include "stores/redis/redis_source.h"

#include <QUrl>
#include <QUrlQuery>

namespace ferry {

StoreInfo redisStore()
{
    StoreInfo s;
    s.name = QStringLiteral("redis");
    s.displayName = trEngine("Redis server");
    s.schemes = {QStringLiteral("redis")};
    s.uriExample = QStringLiteral("redis://[USER@]HOST[:PORT][/DB][?match=PATTERN]");
    s.server = true;
    s.canRead = true;
    s.canWrite = false;
    s.takes = StoreInput::Documents;
    s.notTargetHint = trEngine("Redis is a source only: migrate from it into PostgreSQL, SQLite "
                               "or MongoDB.");
    s.fields = serverFields(6379, QStringLiteral("0"));
    s.fields[2].label = trEngine("&Database number:");
    // Redis 6 ACL users; a server with only requirepass takes the user "default".
    s.fields[3].placeholder = trEngine("default");
    StoreField match;
    match.key = QStringLiteral("match");
    match.label = trEngine("Key &pattern:");
    match.placeholder = QStringLiteral("*");
    s.fields.append(match);
    s.buildUri = [](const QHash<QString, QString> &v) {
        QString uri = buildServerUri(QStringLiteral("redis"), v);
        const QString match = v.value(QStringLiteral("match")).trimmed();
        if (!match.isEmpty() && match != QLatin1String("*")) {
            QUrlQuery query;
            query.addQueryItem(QStringLiteral("match"),
                               QString::fromLatin1(QUrl::toPercentEncoding(match)));
            uri += QLatin1Char('?') + query.toString(QUrl::FullyEncoded);
        }
        return uri;
    };
    s.splitUri = [](const Endpoint &e) {
        QHash<QString, QString> values = splitServerUri(e, 6379);
        const QUrlQuery query{QUrl(e.uri())};
        values.insert(QStringLiteral("match"),
                      query.queryItemValue(QStringLiteral("match"), QUrl::FullyDecoded));
        return values;
    };
    s.openSource = [](const Endpoint &e) { return std::unique_ptr<Source>(new RedisSource(e)); };
    return s;
}

} // namespace ferry

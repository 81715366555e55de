#include "stores/redis/redis_connection.h"

#include <hiredis/hiredis.h>

#include <QUrl>
#include <QUrlQuery>

#include <sys/time.h>

namespace ferry {

void RedisReplyDeleter::operator()(redisReply *r) const
{
    if (r)
        freeReplyObject(r);
}

QByteArray replyBytes(const redisReply *reply)
{
    if (!reply || !reply->str)
        return {};
    if (reply->type != REDIS_REPLY_STRING && reply->type != REDIS_REPLY_STATUS &&
        reply->type != REDIS_REPLY_ERROR)
        return {};
    return QByteArray(reply->str, qsizetype(reply->len));
}

bool replyIsError(const redisReply *reply)
{
    return reply && reply->type == REDIS_REPLY_ERROR;
}

Result<RedisAddress> RedisAddress::parse(const Endpoint &endpoint)
{
    RedisAddress a;
    a.redacted = endpoint.redacted();
    const QUrl url(endpoint.uri(), QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty())
        return Error(ErrorCode::Usage,
                     trEngine("%1 is not a Redis URI. Use "
                              "redis://[USER:PASSWORD@]HOST[:PORT][/DB][?match=PATTERN].")
                         .arg(a.redacted));
    a.host = url.host();
    a.port = url.port(6379);
    a.user = url.userName();
    a.password = url.password();
    const QString db = endpoint.database();
    if (!db.isEmpty()) {
        bool ok = false;
        a.database = db.toInt(&ok);
        if (!ok || a.database < 0)
            return Error(ErrorCode::Usage,
                         trEngine("%1: \"%2\" is not a Redis database number (0, 1, …) after "
                                  "the host.")
                             .arg(a.redacted, db));
    }
    const QUrlQuery query(url);
    for (const auto &[key, value] : query.queryItems(QUrl::FullyDecoded)) {
        if (key == QLatin1String("match") && !value.isEmpty())
            a.match = value.toUtf8();
        else if (key == QLatin1String("separator") && !value.isEmpty())
            a.separator = value.toUtf8();
        else
            return Error(ErrorCode::Usage,
                         trEngine("%1: unknown option \"%2\" (Redis URIs take match= and "
                                  "separator=).")
                             .arg(a.redacted, key));
    }
    return a;
}

RedisConnection::~RedisConnection()
{
    if (m_context)
        redisFree(m_context);
}

Error RedisConnection::lost(const QString &what) const
{
    const QString why =
        m_context && m_context->err ? QString::fromUtf8(m_context->errstr) : trEngine("no reply");
    return Error(ErrorCode::Connect,
                 trEngine("Lost Redis at %1 while %2: %3").arg(m_address.redacted, what, why));
}

Error RedisConnection::refused(const QString &what, const redisReply *reply) const
{
    const QString text = redactSecrets(QString::fromUtf8(replyBytes(reply)));
    if (text.startsWith(QLatin1String("NOAUTH")) || text.startsWith(QLatin1String("WRONGPASS")) ||
        text.contains(QLatin1String("invalid password")) ||
        text.contains(QLatin1String("invalid username-password")))
        return Error(ErrorCode::Auth,
                     trEngine("Redis at %1 refused the login: %2. Check the user and password "
                              "(FERRY_SOURCE_PASSWORD, or the wizard's password field).")
                         .arg(m_address.redacted, text));
    return Error(ErrorCode::Target,
                 trEngine("Redis at %1 refused %2: %3").arg(m_address.redacted, what, text));
}

Result<std::unique_ptr<RedisConnection>> RedisConnection::open(const RedisAddress &address)
{
    std::unique_ptr<RedisConnection> c(new RedisConnection(address));
    const timeval timeout{5, 0};
    c->m_context =
        redisConnectWithTimeout(address.host.toUtf8().constData(), address.port, timeout);
    if (!c->m_context || c->m_context->err)
        return Error(ErrorCode::Connect,
                     trEngine("Cannot connect to Redis at %1: %2. Check that the server runs and "
                              "the host and port are right.")
                         .arg(address.redacted, c->m_context
                                                    ? QString::fromUtf8(c->m_context->errstr)
                                                    : trEngine("out of memory")));
    // A server that stops answering must not hang the run: replies wait 60 s at most.
    redisSetTimeout(c->m_context, timeval{60, 0});
    if (!address.password.isEmpty()) {
        QList<QByteArray> auth{QByteArrayLiteral("AUTH")};
        if (!address.user.isEmpty())
            auth << address.user.toUtf8();
        auth << address.password.toUtf8();
        auto reply = c->command(auth);
        if (!reply)
            return reply.error();
        if (replyIsError(reply->get()))
            return c->refused(trEngine("the login"), reply->get());
    }
    auto select = c->command({QByteArrayLiteral("SELECT"), QByteArray::number(address.database)});
    if (!select)
        return select.error();
    if (replyIsError(select->get())) {
        Error e = c->refused(trEngine("database %1").arg(address.database), select->get());
        if (e.code != ErrorCode::Auth)
            e.code = ErrorCode::Usage;
        return e;
    }
    return c;
}

Result<RedisReplyPtr> RedisConnection::command(const QList<QByteArray> &args)
{
    auto replies = pipeline({args});
    if (!replies)
        return replies.error();
    return std::move(replies->front());
}

Result<std::vector<RedisReplyPtr>>
RedisConnection::pipeline(const QList<QList<QByteArray>> &commands)
{
    std::vector<const char *> argv;
    std::vector<size_t> lengths;
    for (const QList<QByteArray> &args : commands) {
        argv.clear();
        lengths.clear();
        for (const QByteArray &a : args) {
            argv.push_back(a.constData());
            lengths.push_back(size_t(a.size()));
        }
        if (redisAppendCommandArgv(m_context, int(argv.size()), argv.data(), lengths.data()) !=
            REDIS_OK)
            return lost(trEngine("sending %1").arg(QString::fromUtf8(args.value(0))));
    }
    std::vector<RedisReplyPtr> out;
    out.reserve(size_t(commands.size()));
    for (const QList<QByteArray> &args : commands) {
        void *reply = nullptr;
        if (redisGetReply(m_context, &reply) != REDIS_OK || !reply)
            return lost(trEngine("reading the reply to %1").arg(QString::fromUtf8(args.value(0))));
        out.emplace_back(static_cast<redisReply *>(reply));
    }
    // NOAUTH on any command: the server wants a password the URI did not give.
    for (const RedisReplyPtr &r : out)
        if (replyIsError(r.get()) && replyBytes(r.get()).startsWith("NOAUTH"))
            return refused(trEngine("the commands"), r.get());
    return out;
}

} // namespace ferry

#pragma once

#include "core/endpoint.h"
#include "core/error.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <memory>
#include <vector>

struct redisContext;
struct redisReply;

namespace ferry {

// What a redis://[user:password@]host[:port][/db][?match=PATTERN&separator=:] URI says.
struct RedisAddress {
    QString host = QStringLiteral("localhost");
    int port = 6379;
    int database = 0;
    QString user;
    QString password;
    QByteArray match = QByteArrayLiteral("*"); // SCAN MATCH pattern over the whole key space
    QByteArray separator = QByteArrayLiteral(":");
    QString redacted; // the URI for messages

    static Result<RedisAddress> parse(const Endpoint &endpoint);
};

// A reply the connection owns until it goes away.
struct RedisReplyDeleter {
    void operator()(redisReply *r) const;
};
using RedisReplyPtr = std::unique_ptr<redisReply, RedisReplyDeleter>;

// One hiredis connection, logged in and on the right database. Binary safe: every
// argument goes with its length. Not shared between threads.
class RedisConnection {
public:
    ~RedisConnection();
    // Connects (5 s timeout), AUTH when the URI has a password, SELECT the database.
    // Unreachable → ErrorCode::Connect; refused login → ErrorCode::Auth.
    static Result<std::unique_ptr<RedisConnection>> open(const RedisAddress &address);

    Result<RedisReplyPtr> command(const QList<QByteArray> &args);
    // Sends all commands at once, then reads every reply (one round trip). An error
    // reply of one command is returned in its place; only a lost connection fails.
    Result<std::vector<RedisReplyPtr>> pipeline(const QList<QList<QByteArray>> &commands);

private:
    explicit RedisConnection(const RedisAddress &address) : m_address(address) {}
    Error lost(const QString &what) const;
    Error refused(const QString &what, const redisReply *reply) const;

    RedisAddress m_address;
    redisContext *m_context = nullptr;
};

// The text of a bulk/status/error reply ("" for others).
QByteArray replyBytes(const redisReply *reply);
bool replyIsError(const redisReply *reply);

} // namespace ferry

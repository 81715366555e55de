#include "stores/mongo/mongo_error.h"

#include <algorithm>
#include <iterator>

namespace ferry {

namespace {

// Server error codes for a refused login (AuthenticationFailed, Unauthorized).
constexpr uint32_t kAuthenticationFailed = 18;
constexpr uint32_t kUnauthorized = 13;

} // namespace

Error mongoError(const bson_error_t &error, const QString &server, const QString &doing,
                 ErrorCode otherwise)
{
    QString driver = redactSecrets(QString::fromUtf8(error.message)).trimmed();
    // Driver messages end with their own full stop; ours follows.
    while (driver.endsWith(QLatin1Char('.')))
        driver.chop(1);
    const bool authText =
        driver.contains(QLatin1String("Authentication failed"), Qt::CaseInsensitive);
    const bool auth =
        (error.domain == MONGOC_ERROR_CLIENT && error.code == MONGOC_ERROR_CLIENT_AUTHENTICATE) ||
        ((error.domain == MONGOC_ERROR_SERVER || error.domain == MONGOC_ERROR_QUERY ||
          error.domain == MONGOC_ERROR_COMMAND) &&
         (error.code == kAuthenticationFailed || error.code == kUnauthorized)) ||
        authText;
    if (auth)
        return Error(ErrorCode::Auth,
                     trEngine("MongoDB at %1 refused the login while %2: %3. Check the user name, "
                              "the password and authSource (the database the user was created "
                              "in).")
                         .arg(server, doing, driver),
                     server);
    const bool network =
        error.domain == MONGOC_ERROR_SERVER_SELECTION || error.domain == MONGOC_ERROR_STREAM;
    if (network)
        return Error(ErrorCode::Connect,
                     trEngine("Cannot reach the MongoDB server at %1 while %2: %3. Check the host "
                              "and port, that the server is running, and that no firewall or "
                              "TLS setting is in the way.")
                         .arg(server, doing, driver),
                     server);
    return Error(
        otherwise,
        trEngine("MongoDB at %1 reported an error while %2: %3.").arg(server, doing, driver),
        server);
}

bool isDroppedRead(const bson_error_t &error)
{
    if (error.domain != MONGOC_ERROR_SERVER && error.domain != MONGOC_ERROR_QUERY)
        return false;
    // The server's codes: HostUnreachable, HostNotFound, CursorNotFound, NetworkTimeout,
    // ShutdownInProgress, QueryPlanKilled, PrimarySteppedDown, CursorKilled, SocketException,
    // NotWritablePrimary, NotPrimaryNoSecondaryOk, NotPrimaryOrSecondary,
    // InterruptedAtShutdown, InterruptedDueToReplStateChange.
    static const uint32_t codes[] = {6,   7,    43,    89,    91,    175,   189,
                                     237, 9001, 10107, 13435, 13436, 11600, 11602};
    return std::find(std::begin(codes), std::end(codes), error.code) != std::end(codes);
}

bool isConnectOrAuth(const Error &error)
{
    return error.code == ErrorCode::Connect || error.code == ErrorCode::Auth;
}

} // namespace ferry

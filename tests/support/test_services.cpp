#include "support/test_services.h"

#include <QAtomicInt>
#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QProcessEnvironment>

#include <pqxx/pqxx>

namespace ferry::test {

namespace {

QString servicesFile(const char *name)
{
    const QString dir = qEnvironmentVariable("FERRY_SERVICES_DIR");
    if (dir.isEmpty())
        return {};
    QFile f(QDir(dir).filePath(QLatin1String(name)));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(f.readAll()).trimmed();
}

} // namespace

QString postgresAdminUri()
{
    return servicesFile("postgres.uri");
}

QString freshPostgresDatabase(const QString &prefix)
{
    const QString admin = postgresAdminUri();
    if (admin.isEmpty())
        return {};
    static QAtomicInt counter;
    const QString name = QStringLiteral("%1_%2_%3_%4")
                             .arg(prefix.toLower())
                             .arg(QCoreApplication::applicationPid())
                             .arg(QDateTime::currentMSecsSinceEpoch() % 100000000)
                             .arg(counter.fetchAndAddRelaxed(1));
    try {
        pqxx::connection c(admin.toStdString());
        pqxx::nontransaction tx(c);
        tx.exec("CREATE DATABASE \"" + name.toStdString() + "\"");
    } catch (const std::exception &e) {
        qWarning("cannot create test database: %s", e.what());
        return {};
    }
    QString uri = admin;
    uri.truncate(uri.lastIndexOf(QLatin1Char('/')) + 1);
    return uri + name;
}

QString mongoUri(const QString &database)
{
    const QString port = servicesFile("mongo.port");
    if (port.isEmpty())
        return {};
    return QStringLiteral("mongodb://127.0.0.1:%1/%2").arg(port, database);
}

int redisPort()
{
    return servicesFile("redis.port").toInt();
}

QString redisUri(int database)
{
    const int port = redisPort();
    return port > 0 ? QStringLiteral("redis://127.0.0.1:%1/%2").arg(port).arg(database) : QString();
}

QString freshTarget(const QString &kind, const QString &name, const QString &dir)
{
    if (kind == QLatin1String("sqlite"))
        return QStringLiteral("sqlite:") + QDir(dir).filePath(name + QStringLiteral(".sqlite"));
    const QString uri = freshPostgresDatabase(name);
    if (uri.isEmpty())
        qFatal("PostgreSQL is not running: run the tests through ctest (scripts/test)");
    return uri;
}

QString sharedDataset(const QString &relativePath)
{
    QString dir = qEnvironmentVariable("FERRY_SHARED_DIR");
    if (dir.isEmpty())
        dir = sourceDir() + QStringLiteral("/../shared");
    return QDir(dir).filePath(QStringLiteral("datasets/") + relativePath);
}

QString sourceDir()
{
    return qEnvironmentVariable("FERRY_SOURCE_DIR");
}

QString cliPath()
{
    return qEnvironmentVariable("FERRY_CLI");
}

} // namespace ferry::test

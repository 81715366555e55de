#include "support/adversarial_pg_cluster.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

namespace ferry::test {

namespace {

bool isRoot()
{
    return ::geteuid() == 0;
}

QString findPgBin()
{
    QStringList candidates;
    const QString env = qEnvironmentVariable("FERRY_PG_BIN");
    if (!env.isEmpty())
        candidates << env;
    candidates << QStringLiteral("/usr/lib/postgresql/15/bin");
    const QDir versions(QStringLiteral("/usr/lib/postgresql"));
    for (const QString &v :
         versions.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name | QDir::Reversed))
        candidates << versions.filePath(v + QStringLiteral("/bin"));
    for (const QString &d : std::as_const(candidates))
        if (QFileInfo(d + QStringLiteral("/pg_ctl")).isExecutable() &&
            QFileInfo(d + QStringLiteral("/initdb")).isExecutable())
            return d;
    return {};
}

// A port free now on 127.0.0.1; the server might lose it to someone else before binding,
// which start() reports (the log says so) rather than hides.
int freePort()
{
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0)
        return 0;
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t len = sizeof addr;
    int port = 0;
    if (::bind(fd, reinterpret_cast<sockaddr *>(&addr), sizeof addr) == 0 &&
        ::getsockname(fd, reinterpret_cast<sockaddr *>(&addr), &len) == 0)
        port = ntohs(addr.sin_port);
    ::close(fd);
    return port;
}

} // namespace

AdversarialPgCluster::AdversarialPgCluster()
    : m_dir(QDir::tempPath() + QStringLiteral("/ferry-pg-XXXXXX"))
{
    m_bin = findPgBin();
}

AdversarialPgCluster::~AdversarialPgCluster()
{
    if (m_running) {
        QString ignored;
        stop(&ignored);
    }
}

bool AdversarialPgCluster::runAsPostgres(const QString &program, const QStringList &args,
                                         QString *output, int timeoutMs) const
{
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    // initdb and postgres refuse to run as root.
    if (isRoot())
        p.start(QStringLiteral("runuser"),
                QStringList{QStringLiteral("-u"), QStringLiteral("postgres"), QStringLiteral("--"),
                            program} +
                    args);
    else
        p.start(program, args);
    const bool finished = p.waitForFinished(timeoutMs);
    if (output)
        *output = QString::fromLocal8Bit(p.readAll());
    return finished && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
}

bool AdversarialPgCluster::create(QString *error)
{
    if (m_bin.isEmpty()) {
        *error =
            QStringLiteral("PostgreSQL server binaries not found in /usr/lib/postgresql/*/bin");
        return false;
    }
    if (!m_dir.isValid() || !QDir(m_dir.path()).mkpath(QStringLiteral("sock"))) {
        *error = QStringLiteral("cannot create a temporary folder for the cluster");
        return false;
    }
    if (isRoot()) {
        QProcess chown;
        chown.start(QStringLiteral("chown"),
                    {QStringLiteral("-R"), QStringLiteral("postgres:"), m_dir.path()});
        if (!chown.waitForFinished() || chown.exitCode() != 0) {
            *error = QStringLiteral("cannot hand %1 to the postgres user").arg(m_dir.path());
            return false;
        }
    }
    QString out;
    if (!runAsPostgres(m_bin + QStringLiteral("/initdb"),
                       {QStringLiteral("-D"), m_dir.filePath(QStringLiteral("data")),
                        QStringLiteral("-U"), QStringLiteral("postgres"), QStringLiteral("-A"),
                        QStringLiteral("trust"), QStringLiteral("-E"), QStringLiteral("UTF8"),
                        QStringLiteral("--locale=C"), QStringLiteral("--no-sync")},
                       &out)) {
        *error = QStringLiteral("initdb failed: ") + out;
        return false;
    }
    m_port = freePort();
    return start(error);
}

bool AdversarialPgCluster::pgCtl(const QStringList &args, QString *error)
{
    QString out;
    const QStringList common{QStringLiteral("-D"), m_dir.filePath(QStringLiteral("data")),
                             QStringLiteral("-w"), QStringLiteral("-t"), QStringLiteral("60")};
    if (runAsPostgres(m_bin + QStringLiteral("/pg_ctl"), common + args, &out, 90000))
        return true;
    *error =
        QStringLiteral("pg_ctl %1 failed: %2\n%3").arg(args.join(QLatin1Char(' ')), out, lastLog());
    return false;
}

bool AdversarialPgCluster::start(QString *error)
{
    const QString options = QStringLiteral("-p %1 -k %2 -c listen_addresses=127.0.0.1 -c fsync=off "
                                           "-c synchronous_commit=off -c full_page_writes=off")
                                .arg(m_port)
                                .arg(m_dir.filePath(QStringLiteral("sock")));
    if (!pgCtl({QStringLiteral("-l"), m_dir.filePath(QStringLiteral("postgres.log")),
                QStringLiteral("-o"), options, QStringLiteral("start")},
               error))
        return false;
    m_running = true;
    return true;
}

bool AdversarialPgCluster::stop(QString *error)
{
    if (!pgCtl({QStringLiteral("-m"), QStringLiteral("fast"), QStringLiteral("stop")}, error))
        return false;
    m_running = false;
    return true;
}

bool AdversarialPgCluster::restart(QString *error)
{
    // pg_ctl restart keeps the options the server was started with (postmaster.opts).
    return pgCtl({QStringLiteral("-l"), m_dir.filePath(QStringLiteral("postgres.log")),
                  QStringLiteral("-m"), QStringLiteral("fast"), QStringLiteral("restart")},
                 error);
}

bool AdversarialPgCluster::isReady() const
{
    QProcess p;
    p.start(m_bin + QStringLiteral("/pg_isready"),
            {QStringLiteral("-q"), QStringLiteral("-h"), QStringLiteral("127.0.0.1"),
             QStringLiteral("-p"), QString::number(m_port), QStringLiteral("-U"),
             QStringLiteral("postgres")});
    return p.waitForFinished(10000) && p.exitCode() == 0;
}

QString AdversarialPgCluster::uri(const QString &database) const
{
    return QStringLiteral("postgresql://postgres@127.0.0.1:%1/%2").arg(m_port).arg(database);
}

QString AdversarialPgCluster::lastLog() const
{
    QFile log(m_dir.filePath(QStringLiteral("postgres.log")));
    if (!log.open(QIODevice::ReadOnly))
        return {};
    const QByteArray all = log.readAll();
    return QString::fromLocal8Bit(all.right(2000));
}

} // namespace ferry::test

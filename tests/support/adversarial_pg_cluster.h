#pragma once

#include <QString>
#include <QStringList>
#include <QTemporaryDir>

namespace ferry::test {

// A PostgreSQL cluster of one test's own, on a free 127.0.0.1 port in a temporary folder,
// for tests that stop or restart the server (the shared cluster of the ctest fixture serves
// other tests at the same time). Like tests/support/services.sh, it runs the server as the
// postgres user when the test runs as root. It only ever stops the cluster it started (by
// its data folder), and the destructor stops it.
class AdversarialPgCluster {
public:
    AdversarialPgCluster();
    ~AdversarialPgCluster();
    AdversarialPgCluster(const AdversarialPgCluster &) = delete;
    AdversarialPgCluster &operator=(const AdversarialPgCluster &) = delete;

    // initdb + start; false with *error on failure.
    bool create(QString *error);
    bool start(QString *error);
    bool stop(QString *error); // fast shutdown, waits until the server is gone
    bool
    restart(QString *error); // fast shutdown and start again, waits until it accepts connections
    bool isReady() const;    // pg_isready says the server accepts connections

    QString uri(const QString &database = QStringLiteral("postgres")) const;
    QString lastLog() const; // tail of the server log, for failure messages

private:
    bool pgCtl(const QStringList &args, QString *error);
    bool runAsPostgres(const QString &program, const QStringList &args, QString *output,
                       int timeoutMs = 60000) const;

    QTemporaryDir m_dir;
    QString m_bin;
    int m_port = 0;
    bool m_running = false;
};

} // namespace ferry::test

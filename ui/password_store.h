#pragma once

#include <QObject>
#include <QString>

#include <functional>

namespace QKeychain {
class Job;
}

namespace ferry {

class Endpoint;

// Keeps endpoint passwords in the OS keychain (qtkeychain, service "Ferry"), keyed by the
// endpoint's URI without its secret. Every call returns at once; answers come as signals.
// Where no keychain backend answers (no Secret Service or D-Bus, as on CI or offscreen)
// the store reports itself unavailable and the caller asks for the password each time.
// Nothing is ever stored in clear: qtkeychain's insecure fallback stays off.
class PasswordStore : public QObject {
    Q_OBJECT
public:
    enum class Availability { Unknown, Available, Unavailable };
    Q_ENUM(Availability)

    explicit PasswordStore(QObject *parent = nullptr);

    static QString keyFor(const Endpoint &endpoint);

    Availability availability() const { return m_availability; }
    // A job that gets no answer within this time counts as "no keychain".
    void setTimeout(int milliseconds) { m_timeoutMs = milliseconds; }

    void read(const QString &key);
    void write(const QString &key, const QString &password);
    void remove(const QString &key);

Q_SIGNALS:
    // password is empty when nothing is saved for key or the keychain did not answer.
    void readFinished(const QString &key, const QString &password);
    void writeFinished(const QString &key, bool ok);
    void availabilityChanged(ferry::PasswordStore::Availability availability);

private:
    void start(QKeychain::Job *job, const std::function<void(QKeychain::Job *)> &done,
               const std::function<void()> &timedOut);
    void noteResult(QKeychain::Job *job);
    void setAvailability(Availability availability);

    Availability m_availability = Availability::Unknown;
    int m_timeoutMs = 5000;
};

} // namespace ferry

#include "ui/password_store.h"

#include "core/endpoint.h"

#include <QTimer>
#include <qt6keychain/keychain.h>

#include <memory>

namespace ferry {

namespace {

const QString serviceName = QStringLiteral("Ferry");

template <typename JobType> JobType *makeJob(const QString &key)
{
    auto *job = new JobType(serviceName);
    job->setAutoDelete(true);
    // Without a keychain the password is asked for again, never kept in a settings file.
    job->setInsecureFallback(false);
    job->setKey(key);
    return job;
}

} // namespace

PasswordStore::PasswordStore(QObject *parent) : QObject(parent)
{
}

QString PasswordStore::keyFor(const Endpoint &endpoint)
{
    return endpoint.withoutSecret();
}

void PasswordStore::start(QKeychain::Job *job, const std::function<void(QKeychain::Job *)> &done,
                          const std::function<void()> &timedOut)
{
    // Whichever comes first, the job's answer or the timeout, decides; the other is ignored.
    auto settled = std::make_shared<bool>(false);
    connect(job, &QKeychain::Job::finished, this, [settled, done](QKeychain::Job *finished) {
        if (*settled)
            return;
        *settled = true;
        done(finished);
    });
    QTimer::singleShot(m_timeoutMs, this, [settled, timedOut] {
        if (*settled)
            return;
        *settled = true;
        timedOut();
    });
    // Queued, so callers always see the answer after the call returns.
    QTimer::singleShot(0, job, &QKeychain::Job::start);
}

void PasswordStore::noteResult(QKeychain::Job *job)
{
    switch (job->error()) {
    case QKeychain::NoError:
    case QKeychain::EntryNotFound:
    case QKeychain::AccessDeniedByUser:
    case QKeychain::AccessDenied:
    case QKeychain::CouldNotDeleteEntry:
        // The keychain answered, even if it said no.
        setAvailability(Availability::Available);
        break;
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
    case QKeychain::OtherError:
        setAvailability(Availability::Unavailable);
        break;
    }
}

void PasswordStore::read(const QString &key)
{
    auto *job = makeJob<QKeychain::ReadPasswordJob>(key);
    start(
        job,
        [this, key](QKeychain::Job *finished) {
            noteResult(finished);
            QString password;
            if (finished->error() == QKeychain::NoError)
                password = static_cast<QKeychain::ReadPasswordJob *>(finished)->textData();
            Q_EMIT readFinished(key, password);
        },
        [this, key] {
            setAvailability(Availability::Unavailable);
            Q_EMIT readFinished(key, QString());
        });
}

void PasswordStore::write(const QString &key, const QString &password)
{
    auto *job = makeJob<QKeychain::WritePasswordJob>(key);
    job->setTextData(password);
    start(
        job,
        [this, key](QKeychain::Job *finished) {
            noteResult(finished);
            Q_EMIT writeFinished(key, finished->error() == QKeychain::NoError);
        },
        [this, key] {
            setAvailability(Availability::Unavailable);
            Q_EMIT writeFinished(key, false);
        });
}

void PasswordStore::remove(const QString &key)
{
    auto *job = makeJob<QKeychain::DeletePasswordJob>(key);
    start(
        job, [this](QKeychain::Job *finished) { noteResult(finished); },
        [this] { setAvailability(Availability::Unavailable); });
}

void PasswordStore::setAvailability(Availability availability)
{
    if (m_availability == availability)
        return;
    m_availability = availability;
    Q_EMIT availabilityChanged(availability);
}

} // namespace ferry

#include "ui/connection_check.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QtConcurrent/QtConcurrentRun>

namespace ferry {

ConnectionCheck::ConnectionCheck(QWidget *parent) : QWidget(parent)
{
    m_test =
        new QPushButton(QIcon(QStringLiteral(":/icons/connect.svg")), tr("&Test connection"), this);
    m_test->setObjectName(QStringLiteral("testButton"));
    m_test->setToolTip(tr("Connect now and report what was found. Next checks the same."));
    m_busy = new QProgressBar(this);
    m_busy->setObjectName(QStringLiteral("checkBusy"));
    m_busy->setRange(0, 0);
    m_busy->setTextVisible(false);
    m_busy->setMaximumWidth(120);
    m_busy->setAccessibleName(tr("Checking the connection"));
    m_stop = new QPushButton(tr("&Stop checking"), this);
    m_stop->setObjectName(QStringLiteral("stopCheckButton"));
    m_stop->setToolTip(tr("Stop waiting for the answer, e.g. to correct a mistyped host."));
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("statusLabel"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_test);
    layout->addWidget(m_busy);
    layout->addWidget(m_stop);
    layout->addWidget(m_status, 1);
    m_busy->hide();
    m_stop->hide();

    connect(m_test, &QPushButton::clicked, this, &ConnectionCheck::testRequested);
    connect(m_stop, &QPushButton::clicked, this, &ConnectionCheck::stop);
}

ConnectionCheck::~ConnectionCheck() = default;

void ConnectionCheck::start(Job job, bool forNext)
{
    stop();
    m_forNext = forNext;
    // A fresh watcher per check: an abandoned one keeps its own future and is deleted when
    // that future ends, so a late answer never reaches the page.
    m_watcher = new QFutureWatcher<Result<QString>>(this);
    auto *watcher = m_watcher;
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher] {
        watcher->deleteLater();
        if (watcher != m_watcher)
            return;
        m_watcher = nullptr;
        const Result<QString> result = watcher->result();
        setRunning(false);
        if (result) {
            showSuccess(*result);
            Q_EMIT succeeded(*result, m_forNext);
        } else {
            Q_EMIT failed(result.error(), m_forNext);
        }
    });
    m_status->setStyleSheet({});
    m_status->setText(tr("Connecting…"));
    setRunning(true);
    watcher->setFuture(QtConcurrent::run(std::move(job)));
}

void ConnectionCheck::stop()
{
    if (!m_running)
        return;
    m_watcher = nullptr; // its answer is dropped; it deletes itself when the job ends
    m_status->setText(tr("Stopped. Correct the fields, then press Next or Test connection."));
    setRunning(false);
}

void ConnectionCheck::setRunning(bool running)
{
    m_running = running;
    m_busy->setVisible(running);
    m_stop->setVisible(running);
    m_test->setEnabled(!running);
    if (running)
        m_stop->setFocus();
    Q_EMIT runningChanged(running);
}

void ConnectionCheck::showSuccess(const QString &text)
{
    m_status->setStyleSheet(QStringLiteral("color: #207020"));
    m_status->setText(text);
}

void ConnectionCheck::clearMessage()
{
    m_status->clear();
}

QString ConnectionCheck::message() const
{
    return m_status->text();
}

} // namespace ferry

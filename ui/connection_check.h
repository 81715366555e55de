#pragma once

#include "core/error.h"

#include <QFutureWatcher>
#include <QWidget>

#include <functional>

class QLabel;
class QProgressBar;
class QPushButton;

namespace ferry {

// The row under an endpoint form: Test connection, a busy bar with Stop while a check runs,
// and the last success message. The check itself runs on the thread pool; stopping it only
// drops its answer (a driver call cannot be interrupted), so the page is free at once.
class ConnectionCheck : public QWidget {
    Q_OBJECT
public:
    using Job = std::function<Result<QString>()>;

    explicit ConnectionCheck(QWidget *parent = nullptr);
    ~ConnectionCheck() override;

    // `forNext` travels with the answer: the page moves on only for a check Next started.
    void start(Job job, bool forNext);
    void stop();
    bool isRunning() const { return m_running; }
    void showSuccess(const QString &text);
    void clearMessage();
    QString message() const;
    QPushButton *testButton() const { return m_test; }

Q_SIGNALS:
    void testRequested();
    void succeeded(const QString &message, bool forNext);
    void failed(const ferry::Error &error, bool forNext);
    void runningChanged(bool running);

private:
    void setRunning(bool running);

    QPushButton *m_test;
    QProgressBar *m_busy;
    QPushButton *m_stop;
    QLabel *m_status;
    QFutureWatcher<Result<QString>> *m_watcher = nullptr;
    bool m_running = false;
    bool m_forNext = false;
};

} // namespace ferry

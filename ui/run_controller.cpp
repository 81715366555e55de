#include "ui/run_controller.h"

#include <QThread>

namespace ferry {

RunController::RunController(QObject *parent) : QObject(parent)
{
}

RunController::~RunController()
{
    if (m_thread) {
        if (m_run)
            m_run->requestCancel();
        m_thread->quit();
        m_thread->wait();
        delete m_run;
    }
}

void RunController::start(Project project, Endpoint source, Endpoint target, RunRequest request,
                          const QString &command)
{
    if (m_thread)
        return;
    auto *thread = new QThread(this);
    auto *run = new MigrationRun(std::move(project), std::move(source), std::move(target),
                                 std::move(request));
    run->setCommand(command);
    run->moveToThread(thread);
    m_thread = thread;
    m_run = run;
    // Before the relays below: an observer's direct slot runs ahead of them, so it is done
    // before this controller reports the run finished.
    Q_EMIT runCreated(run);
    connect(thread, &QThread::started, run, &MigrationRun::start);
    connect(run, &MigrationRun::progress, this, &RunController::progress);
    connect(run, &MigrationRun::message, this, &RunController::message);
    connect(run, &MigrationRun::finished, thread, &QThread::quit);
    connect(run, &MigrationRun::finished, this, [this, run](const RunReport &report) {
        // The run emits finished as its last act: nothing writes its results any more.
        m_dryRun = run->dryRunResults();
        Q_EMIT finished(report);
    });
    connect(thread, &QThread::finished, this, [this, thread, run] {
        // The thread no longer runs the object's events, so deleting it here is safe.
        delete run;
        if (m_run == run)
            m_run = nullptr;
        if (m_thread == thread)
            m_thread = nullptr;
        thread->deleteLater();
    });
    thread->start();
}

void RunController::setPaused(bool paused)
{
    if (m_run)
        m_run->setPaused(paused);
}

void RunController::cancel()
{
    if (m_run)
        m_run->requestCancel();
}

} // namespace ferry

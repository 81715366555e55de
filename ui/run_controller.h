#pragma once

#include "run/migration_run.h"

#include <QObject>

class QThread;

namespace ferry {

// Runs one MigrationRun on its own QThread and relays its signals (queued, never
// blocking). Destroying the controller cancels a run still going and waits for its thread.
class RunController : public QObject {
    Q_OBJECT
public:
    explicit RunController(QObject *parent = nullptr);
    ~RunController() override;

    void start(Project project, Endpoint source, Endpoint target, RunRequest request,
               const QString &command);
    bool isRunning() const { return m_thread != nullptr; }
    void setPaused(bool paused);
    void cancel();
    // The run in progress (nullptr when none), for observers that need its own signals
    // in its own thread — tests check with it that the work never runs on the UI thread.
    const MigrationRun *currentRun() const { return m_run; }
    // What the last dry run found per collection (empty after a real run).
    const std::vector<DryRunCollection> &dryRunResults() const { return m_dryRun; }

Q_SIGNALS:
    // Emitted by start() before the run's thread starts and before this controller's own
    // relays: an observer connecting here misses none of the run's signals, and its direct
    // slots run before finished() below is sent.
    void runCreated(const ferry::MigrationRun *run);
    void progress(const ferry::RunProgress &progress);
    void message(int level, const QString &text);
    void finished(const ferry::RunReport &report);

private:
    QThread *m_thread = nullptr;
    std::vector<DryRunCollection> m_dryRun;
    // Lives in m_thread while it runs; deleted here once that thread has stopped, so that
    // cancel() and setPaused() never reach a run that is being destroyed.
    MigrationRun *m_run = nullptr;
};

} // namespace ferry

#pragma once

#include "core/endpoint.h"
#include "project/project.h"
#include "run/report.h"
#include "run/run_types.h"

#include <QObject>

#include <atomic>
#include <memory>

namespace ferry {

class Source;
class Sink;

// Moves the collections of a Project from a source to a target. start() does all the work
// on the calling thread — the CLI calls it directly, the wizard moves the object to a
// QThread — while an internal reader thread reads and transforms ahead through a bounded
// queue. Cancel and pause are atomics polled between batches; everything is reported
// through signals (at most ~20 progress signals a second) and the final RunReport.
class MigrationRun : public QObject {
    Q_OBJECT
public:
    // `source` and `target` carry their secrets; the project's URIs are only for display.
    MigrationRun(Project project, Endpoint source, Endpoint target, RunRequest request,
                 QObject *parent = nullptr);
    ~MigrationRun() override;

    // Safe from any thread.
    void requestCancel();
    void setPaused(bool paused);
    bool isPaused() const { return m_paused.load(); }
    const RunReport &report() const { return m_report; }
    // The error that stopped the run (code None when it did not stop on one).
    const Error &error() const { return m_error; }
    // Dry runs: what each collection would get (also in the report's "dry_run" objects).
    const std::vector<DryRunCollection> &dryRunResults() const { return m_dryRunResults; }
    // The report's "command" ("run", "migrate", "dry-run").
    void setCommand(const QString &command) { m_command = command; }
    // Exit code per the CLI contract (0 clean, 1 rejects/mismatches, 3 connect, 4 stopped).
    int exitCode() const;

public Q_SLOTS:
    void start();

Q_SIGNALS:
    void progress(const ferry::RunProgress &progress);
    void message(int level, const QString &text); // level: LogLevel
    void finished(const ferry::RunReport &report);

private:
    struct Impl;
    std::unique_ptr<Impl> d;
    Project m_project;
    Endpoint m_source;
    Endpoint m_target;
    RunRequest m_request;
    RunReport m_report;
    Error m_error;
    RunStatus m_status = RunStatus::Completed;
    std::vector<DryRunCollection> m_dryRunResults;
    QString m_command = QStringLiteral("run");
    std::atomic<bool> m_cancel{false};
    std::atomic<bool> m_paused{false};
    friend struct Impl;
};

} // namespace ferry

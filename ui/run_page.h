#pragma once

#include <QWizardPage>

class QLabel;
class QProgressBar;
class QPushButton;
class QTableView;

namespace ferry {

class LogView;
class MigrationWizard;
class ProgressModel;
class RunController;
class ThroughputChart;
struct RunProgress;
struct RunReport;

// Page 8: the migration itself on a worker thread, with progress per collection and
// overall, rate and ETA, a filterable log, and Pause / Resume / Cancel.
class RunPage : public QWizardPage {
    Q_OBJECT
public:
    explicit RunPage(MigrationWizard *wizard);
    ~RunPage() override;

    void initializePage() override;
    bool isComplete() const override;
    bool isFinished() const { return m_finished; }
    QString logPath() const { return m_logPath; }

    // What the summary page's buttons start again: the same run, a resume from the last
    // checkpoints, or the collections that rejected documents (rows already written are
    // skipped, so only the rejected documents are tried again).
    enum class Rerun { Again, Resume, Rejected };
    void rerun(Rerun kind);

private:
    void start(Rerun kind = Rerun::Again);
    void showProgress(const RunProgress &progress);
    void finished(const RunReport &report);
    void togglePause();

    MigrationWizard *m_wizard;
    RunController *m_controller = nullptr;
    ProgressModel *m_progress;
    QTableView *m_table;
    QProgressBar *m_overall;
    QLabel *m_rate;
    ThroughputChart *m_chart;
    LogView *m_log;
    QPushButton *m_pause;
    QPushButton *m_cancel;
    QString m_reportPath;
    QString m_logPath;
    bool m_paused = false;
    bool m_finished = false;
};

} // namespace ferry

#pragma once

#include <QWizardPage>

class QLabel;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QTabWidget;
class QTableView;

namespace ferry {

class DryRunTablesModel;
class LogView;
class SampleRowsModel;
class MigrationWizard;
class ReportModel;
class RunController;
struct RunReport;

// Page 7: a dry run on a sample — the statements the target would get, the rows and rejects
// each collection would produce, and an estimate of the real run's duration. Nothing stays
// in the target.
class DryRunPage : public QWizardPage {
    Q_OBJECT
public:
    explicit DryRunPage(MigrationWizard *wizard);
    ~DryRunPage() override;

    void initializePage() override;
    void cleanupPage() override;
    bool isComplete() const override;
    bool isFinished() const { return m_finished; }

private:
    void start();
    void finished(const RunReport &report);

    MigrationWizard *m_wizard;
    RunController *m_controller = nullptr;
    ReportModel *m_report;
    QTableView *m_table;
    DryRunTablesModel *m_tables;
    SampleRowsModel *m_sample;
    QTableView *m_tablesView;
    QTableView *m_sampleView;
    QPlainTextEdit *m_ddl;
    QPlainTextEdit *m_rejects;
    LogView *m_log;
    QProgressBar *m_busy;
    QTabWidget *m_tabs;
    QLabel *m_summary;
    QPushButton *m_again;
    bool m_finished = false;
    bool m_failed = false;
};

} // namespace ferry

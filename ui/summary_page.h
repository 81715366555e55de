#pragma once

#include <QWizardPage>

class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTableView;

namespace ferry {

class MigrationWizard;
class ReportModel;
struct RunReport;

// Page 9: what the run did per collection and what the check afterwards found, said in
// colour when nothing was written or something went wrong; where the target, the report,
// the log and the rejected documents are; and what to do next (run again, resume, re-run
// the rejected documents).
class SummaryPage : public QWizardPage {
    Q_OBJECT
public:
    enum class Tone { Good, Warning, Bad };

    explicit SummaryPage(MigrationWizard *wizard);
    void initializePage() override;
    // The last page: the Relations page's id comes after it, but is reached from Collections.
    int nextId() const override { return -1; }

    Tone tone() const { return m_tone; }
    // A local target's folder (file:// URL), or the command line that opens a server target.
    QString targetLocation() const;

private:
    void showVerdict(const RunReport &report);
    void showFiles(const RunReport &report);
    void showMismatches(const RunReport &report);
    void openTarget();
    void saveReport();

    MigrationWizard *m_wizard;
    ReportModel *m_model;
    QTableView *m_table;
    QLabel *m_status;
    QLabel *m_files;
    QPlainTextEdit *m_mismatches;
    QPushButton *m_openTarget;
    QPushButton *m_openLog;
    QPushButton *m_resume;
    QPushButton *m_rerunRejected;
    Tone m_tone = Tone::Good;
};

} // namespace ferry

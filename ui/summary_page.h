#pragma once

#include <QWizardPage>

class QLabel;
class QTableView;

namespace ferry {

class MigrationWizard;
class ReportModel;

// Page 9: what the run did per collection, where the report and the rejected documents
// are, and Save report.
class SummaryPage : public QWizardPage {
    Q_OBJECT
public:
    explicit SummaryPage(MigrationWizard *wizard);
    void initializePage() override;

private:
    void saveReport();

    MigrationWizard *m_wizard;
    ReportModel *m_model;
    QTableView *m_table;
    QLabel *m_status;
    QLabel *m_files;
};

} // namespace ferry

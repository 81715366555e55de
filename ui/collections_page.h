#pragma once

#include "models/source_jobs.h"

#include <QFutureWatcher>
#include <QWizardPage>

class QLabel;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QTableView;

namespace ferry {

class CollectionsModel;
class MigrationWizard;

// Page 4: the source's collections (loaded in the background with their counts and an
// inferred mapping each), which of them to move, and the target table names.
class CollectionsPage : public QWizardPage {
    Q_OBJECT
public:
    explicit CollectionsPage(MigrationWizard *wizard);
    ~CollectionsPage() override;

    void initializePage() override;
    bool isComplete() const override;
    bool validatePage() override;
    int nextId() const override;
    bool isLoading() const { return m_watcher.isRunning(); }

private:
    void load();
    void loaded();
    void move(int delta);
    void setAll(bool enabled);
    void updateOrderNote();

    MigrationWizard *m_wizard;
    CollectionsModel *m_model;
    QTableView *m_view;
    QProgressBar *m_busy;
    QLabel *m_status;
    QLabel *m_orderNote;
    QPushButton *m_reload;
    QSpinBox *m_sample;
    QFutureWatcher<Result<SourceLoad>> m_watcher;
    bool m_loaded = false;
};

} // namespace ferry

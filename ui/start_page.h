#pragma once

#include <QWizardPage>

class QLabel;
class QListWidget;

namespace ferry {

class MigrationWizard;

// Page 1: start a new project, open one (or a recent one), or try the demo.
class StartPage : public QWizardPage {
    Q_OBJECT
public:
    explicit StartPage(MigrationWizard *wizard);
    void initializePage() override;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void openFile(const QString &path);

    MigrationWizard *m_wizard;
    QListWidget *m_recent;
    QLabel *m_status;
};

} // namespace ferry

#pragma once

#include <QMainWindow>

class QMenu;

namespace ferry {

class MigrationWizard;
class ProjectDocument;

// The window around the wizard: File and Edit menus, the title with the project name and
// its unsaved mark, and the question before closing over unsaved changes.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    MigrationWizard *wizard() const { return m_wizard; }
    bool openProject(const QString &path);
    void startDemo();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void newProject();
    void openProjectDialog();
    bool save();
    bool saveAs();
    bool maybeSave();
    void updateTitle();
    void updateRecentMenu();

    MigrationWizard *m_wizard = nullptr;
    QMenu *m_recentMenu = nullptr;
};

} // namespace ferry

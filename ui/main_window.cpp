#include "ui/main_window.h"

#include "models/project_document.h"
#include "ui/help_menu.h"
#include "ui/language_menu.h"
#include "ui/migration_wizard.h"
#include "ui/recent_projects.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QMenuBar>
#include <QMessageBox>
#include <QUndoStack>

namespace ferry {

MainWindow::MainWindow(QWidget *parent) : QMainWindow(parent)
{
    m_wizard = new MigrationWizard(this);
    m_wizard->setWindowFlags(Qt::Widget);
    // File → Quit closes the window (and asks about unsaved changes); a Cancel button that
    // quit without asking sat beside the run page's "Cancel run".
    m_wizard->setOption(QWizard::NoCancelButton);
    setCentralWidget(m_wizard);
    setWindowIcon(QIcon(QStringLiteral(":/icons/ferry.svg")));
    ProjectDocument *doc = m_wizard->document();

    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *newAction = file->addAction(QIcon(QStringLiteral(":/icons/new.svg")), tr("&New"));
    newAction->setShortcut(QKeySequence::New);
    connect(newAction, &QAction::triggered, this, &MainWindow::newProject);
    QAction *openAction = file->addAction(QIcon(QStringLiteral(":/icons/open.svg")), tr("&Open…"));
    openAction->setShortcut(QKeySequence::Open);
    connect(openAction, &QAction::triggered, this, &MainWindow::openProjectDialog);
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    file->addSeparator();
    QAction *saveAction = file->addAction(QIcon(QStringLiteral(":/icons/save.svg")), tr("&Save"));
    saveAction->setShortcut(QKeySequence::Save);
    connect(saveAction, &QAction::triggered, this, [this] { save(); });
    QAction *saveAsAction = file->addAction(tr("Save &As…"));
    saveAsAction->setShortcut(QKeySequence::SaveAs);
    connect(saveAsAction, &QAction::triggered, this, [this] { saveAs(); });
    file->addSeparator();
    QAction *quitAction = file->addAction(tr("&Quit"));
    quitAction->setShortcut(QKeySequence::Quit);
    connect(quitAction, &QAction::triggered, this, &QWidget::close);

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    QAction *undo = doc->undoStack()->createUndoAction(this, tr("&Undo"));
    undo->setIcon(QIcon(QStringLiteral(":/icons/undo.svg")));
    undo->setShortcut(QKeySequence::Undo);
    QAction *redo = doc->undoStack()->createRedoAction(this, tr("&Redo"));
    redo->setIcon(QIcon(QStringLiteral(":/icons/redo.svg")));
    // Ctrl+Shift+Z everywhere; a duplicate of the platform's own binding would make the
    // shortcut ambiguous and disable it.
    QList<QKeySequence> redoKeys = QKeySequence::keyBindings(QKeySequence::Redo);
    const QKeySequence shiftZ(Qt::CTRL | Qt::SHIFT | Qt::Key_Z);
    if (!redoKeys.contains(shiftZ))
        redoKeys.append(shiftZ);
    redo->setShortcuts(redoKeys);
    edit->addAction(undo);
    edit->addAction(redo);

    // View: window-level toggles. View → Language is added to this menu by its own module.
    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->setObjectName(QStringLiteral("viewMenu"));
    QAction *fullScreen = view->addAction(tr("&Full screen"));
    fullScreen->setCheckable(true);
    fullScreen->setShortcut(QKeySequence::FullScreen);
    connect(fullScreen, &QAction::toggled, this, [this](bool on) {
        setWindowState(on ? windowState() | Qt::WindowFullScreen
                          : windowState() & ~Qt::WindowFullScreen);
    });
    addLanguageMenu(menuBar());
    addHelpMenu(menuBar(), this);

    connect(doc, &ProjectDocument::modifiedChanged, this, &MainWindow::updateTitle);
    connect(doc, &ProjectDocument::filePathChanged, this, &MainWindow::updateTitle);
    connect(doc, &ProjectDocument::projectReset, this, &MainWindow::updateTitle);
    connect(doc, &ProjectDocument::collectionChanged, this, &MainWindow::updateTitle);
    connect(m_wizard, &QWizard::finished, this, &QWidget::close);
    connect(m_recentMenu, &QMenu::aboutToShow, this, &MainWindow::updateRecentMenu);
    updateRecentMenu();
    updateTitle();
    resize(1000, 720);
}

MainWindow::~MainWindow() = default;

void MainWindow::updateTitle()
{
    const ProjectDocument *doc = m_wizard->document();
    QString name = doc->project().name;
    if (name.isEmpty())
        name = doc->filePath().isEmpty() ? tr("Untitled") : QFileInfo(doc->filePath()).fileName();
    setWindowTitle(tr("%1[*] — Ferry").arg(name));
    setWindowModified(doc->isModified());
}

void MainWindow::updateRecentMenu()
{
    m_recentMenu->clear();
    const QStringList files = RecentProjects::list();
    for (const QString &path : files) {
        QAction *a = m_recentMenu->addAction(QFileInfo(path).fileName());
        a->setToolTip(path);
        connect(a, &QAction::triggered, this, [this, path] { openProject(path); });
    }
    m_recentMenu->setEnabled(!files.isEmpty());
}

void MainWindow::newProject()
{
    if (!maybeSave())
        return;
    m_wizard->newProject();
}

void MainWindow::openProjectDialog()
{
    if (!maybeSave())
        return;
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Open project"), {}, tr("Ferry projects (*.ferry);;All files (*)"));
    if (!path.isEmpty())
        openProject(path);
}

bool MainWindow::openProject(const QString &path)
{
    const Error error = m_wizard->openProject(path);
    if (error.isError()) {
        QMessageBox::warning(this, tr("Cannot open project"), error.toString());
        return false;
    }
    updateRecentMenu();
    return true;
}

void MainWindow::startDemo()
{
    m_wizard->startDemo();
}

bool MainWindow::save()
{
    if (m_wizard->document()->filePath().isEmpty())
        return saveAs();
    const Error error = m_wizard->saveProject(m_wizard->document()->filePath());
    if (error.isError()) {
        QMessageBox::warning(this, tr("Cannot save project"), error.toString());
        return false;
    }
    updateRecentMenu();
    return true;
}

bool MainWindow::saveAs()
{
    QString path = QFileDialog::getSaveFileName(
        this, tr("Save project"), m_wizard->document()->project().name + QStringLiteral(".ferry"),
        tr("Ferry projects (*.ferry)"));
    if (path.isEmpty())
        return false;
    if (!path.endsWith(QStringLiteral(".ferry")))
        path += QStringLiteral(".ferry");
    m_wizard->document()->setFilePath(path);
    return save();
}

bool MainWindow::maybeSave()
{
    if (!m_wizard->document()->isModified())
        return true;
    const auto answer = QMessageBox::warning(
        this, tr("Unsaved changes"),
        tr("The project has changes that are not saved. Save them first?"),
        QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
    if (answer == QMessageBox::Save)
        return save();
    return answer == QMessageBox::Discard;
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (m_wizard->isRunning()) {
        const auto answer = QMessageBox::question(
            this, tr("Migration running"),
            tr("A migration is running. Cancel it and close? Committed batches stay in the "
               "target; the run can be resumed later."));
        if (answer != QMessageBox::Yes) {
            event->ignore();
            return;
        }
    }
    if (!maybeSave()) {
        event->ignore();
        return;
    }
    event->accept();
}

} // namespace ferry

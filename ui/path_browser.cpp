#include "ui/path_browser.h"

#include <QFileDialog>
#include <QFileInfo>
#include <QMenu>
#include <QPushButton>

namespace ferry {

PathBrowser::PathBrowser(QPushButton *button, QWidget *dialogParent)
    : QObject(button), m_button(button), m_dialogParent(dialogParent)
{
    m_menu = new QMenu(button);
    m_menu->setObjectName(QStringLiteral("browseMenu"));
    m_fileAction = m_menu->addAction(tr("A &file… (.bson, .json, an --archive, maybe .gz)"));
    m_fileAction->setObjectName(QStringLiteral("browseFileAction"));
    m_folderAction = m_menu->addAction(tr("A f&older… (a dump, or a dump root of databases)"));
    m_folderAction->setObjectName(QStringLiteral("browseFolderAction"));
    connect(m_fileAction, &QAction::triggered, this, [this] { openDialog(false); });
    connect(m_folderAction, &QAction::triggered, this, [this] { openDialog(true); });
    connect(button, &QPushButton::clicked, this, &PathBrowser::browseDefault);
}

void PathBrowser::setStore(const StoreInfo *store, Purpose purpose)
{
    m_store = store;
    m_purpose = purpose;
    m_kind = StoreField::Kind::OpenFile;
    for (const StoreField &f : store ? store->fields : QList<StoreField>()) {
        if (f.key == QLatin1String("path"))
            m_kind = f.kind;
    }
    // With a menu the button opens it instead of emitting clicked().
    const bool both = m_kind == StoreField::Kind::FileOrFolder && purpose == Purpose::Open;
    m_button->setMenu(both ? m_menu : nullptr);
    m_button->setToolTip(both ? tr("Choose a file or a folder") : QString());
}

void PathBrowser::browseDefault()
{
    if (m_button->menu())
        return;
    openDialog(m_kind == StoreField::Kind::Folder || m_kind == StoreField::Kind::FileOrFolder);
}

QString PathBrowser::filter() const
{
    QStringList patterns = m_store ? m_store->filePatterns : QStringList();
    for (const QString &suffix : m_store ? m_store->fileSuffixes : QStringList())
        patterns << QStringLiteral("*.") + suffix;
    if (patterns.isEmpty())
        return tr("All files (*)");
    return tr("%1 files (%2);;All files (*)")
        .arg(m_store->displayName, patterns.join(QLatin1Char(' ')));
}

void PathBrowser::openDialog(bool folder)
{
    if (m_dialog)
        m_dialog->close();
    auto *dialog = new QFileDialog(m_dialogParent);
    dialog->setObjectName(QStringLiteral("browseDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    const QFileInfo start(m_startPath);
    if (!m_startPath.isEmpty())
        dialog->setDirectory(start.isDir() ? start.absoluteFilePath() : start.absolutePath());
    if (folder) {
        dialog->setWindowTitle(tr("Choose the folder"));
        dialog->setFileMode(QFileDialog::Directory);
        dialog->setOption(QFileDialog::ShowDirsOnly);
    } else {
        dialog->setWindowTitle(tr("Choose the file"));
        dialog->setNameFilter(filter());
        if (m_purpose == Purpose::Save) {
            dialog->setAcceptMode(QFileDialog::AcceptSave);
            dialog->setFileMode(QFileDialog::AnyFile);
            dialog->setOption(QFileDialog::DontConfirmOverwrite);
        } else {
            dialog->setFileMode(QFileDialog::ExistingFile);
        }
    }
    // A folder dialog must not preselect a file: accepting it would do nothing.
    if (!folder && !m_startPath.isEmpty() && !start.isDir())
        dialog->selectFile(start.fileName());
    connect(dialog, &QFileDialog::fileSelected, this, [this](const QString &path) {
        if (!path.isEmpty())
            Q_EMIT chosen(path);
    });
    m_dialog = dialog;
    // open(), not exec(): no nested event loop on the wizard's thread.
    dialog->open();
}

} // namespace ferry

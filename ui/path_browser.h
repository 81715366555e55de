#pragma once

#include "stores/common/store_registry.h"

#include <QFileDialog>
#include <QObject>
#include <QPointer>

class QAction;
class QMenu;
class QPushButton;

namespace ferry {

// The Browse… button of a path field. A store that takes a file or a folder (a dump: a .bson,
// .json or .gz file, an --archive, a dump folder or a dump root) gets a menu with both
// choices, since one file dialog cannot pick either. The dialog opens without blocking and
// says what was chosen through chosen().
class PathBrowser : public QObject {
    Q_OBJECT
public:
    enum class Purpose { Open, Save };

    PathBrowser(QPushButton *button, QWidget *dialogParent);

    // Follows the endpoint page's kind: what the field takes and which files to offer.
    void setStore(const StoreInfo *store, Purpose purpose);
    void setStartPath(const QString &path) { m_startPath = path; }

Q_SIGNALS:
    void chosen(const QString &path);

private:
    void browseDefault();
    void openDialog(bool folder);
    QString filter() const;

    QPushButton *m_button;
    QWidget *m_dialogParent;
    QMenu *m_menu;
    QAction *m_fileAction;
    QAction *m_folderAction;
    QPointer<QFileDialog> m_dialog;
    const StoreInfo *m_store = nullptr;
    StoreField::Kind m_kind = StoreField::Kind::OpenFile;
    Purpose m_purpose = Purpose::Open;
    QString m_startPath;
};

} // namespace ferry

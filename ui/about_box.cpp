#include "ui/about_box.h"

#include <ferry_version.h>

#include <QCoreApplication>
#include <QIcon>
#include <QMessageBox>

namespace ferry {

QMessageBox *showAboutBox(QWidget *parent)
{
    auto *box = new QMessageBox(parent);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setObjectName(QStringLiteral("aboutBox"));
    box->setWindowTitle(QCoreApplication::translate("ferry::AboutBox", "About Ferry"));
    box->setIconPixmap(QIcon(QStringLiteral(":/icons/ferry.svg")).pixmap(64, 64));
    box->setTextFormat(Qt::RichText);
    box->setText(
        QCoreApplication::translate("ferry::AboutBox",
                                    "<h3>Ferry %1</h3>"
                                    "<p>Moves data between MongoDB and PostgreSQL or SQLite, in "
                                    "either direction, with a wizard and a command line "
                                    "(<tt>ferry-cli</tt>).</p>"
                                    "<p>Built with Qt %2, running on Qt %3.</p>")
            .arg(QStringLiteral(FERRY_VERSION), QStringLiteral(QT_VERSION_STR),
                 QString::fromLatin1(qVersion())));
    box->setStandardButtons(QMessageBox::Close);
    box->open();
    return box;
}

} // namespace ferry

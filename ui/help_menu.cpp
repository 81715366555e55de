#include "ui/help_menu.h"

#include "ui/about_box.h"

#include <QAction>
#include <QApplication>
#include <QCoreApplication>
#include <QDesktopServices>
#include <QFileInfo>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QUrl>

namespace ferry {

namespace {

void collect(const QList<QAction *> &actions, const QString &path, QStringList &lines)
{
    for (QAction *a : actions) {
        if (a->isSeparator())
            continue;
        QString name = a->text();
        name.remove(QLatin1Char('&'));
        if (QMenu *sub = a->menu()) {
            collect(sub->actions(), path + name + QStringLiteral(" → "), lines);
            continue;
        }
        if (!a->shortcut().isEmpty())
            lines.append(a->shortcut().toString(QKeySequence::NativeText) + QLatin1Char('\t') +
                         path + name);
    }
}

} // namespace

QString shortcutList(QMenuBar *bar)
{
    QStringList lines;
    collect(bar->actions(), QString(), lines);
    lines.append(QCoreApplication::translate("ferry::MainWindow", "Alt+N\tNext page"));
    lines.append(QCoreApplication::translate("ferry::MainWindow", "Alt+B\tPrevious page"));
    lines.append(QCoreApplication::translate(
        "ferry::MainWindow", "Alt+underlined letter\tThe button or field with that letter"));
    lines.append(QCoreApplication::translate(
        "ferry::MainWindow",
        "Alt+Up, Alt+Down\tCollections: run the selected collection earlier or "
        "later"));
    lines.append(QCoreApplication::translate("ferry::MainWindow",
                                             "Space\tTick or untick the selected collection"));
    lines.append(QCoreApplication::translate("ferry::MainWindow",
                                             "F2\tRename the selected table or column"));
    return lines.join(QLatin1Char('\n'));
}

QString documentationPath()
{
    const QString appDir = QCoreApplication::applicationDirPath();
    QStringList candidates = {appDir + QStringLiteral("/../share/doc/ferry/README.md"),
                              appDir + QStringLiteral("/../README.md"),
                              appDir + QStringLiteral("/../../README.md")};
#ifdef FERRY_SOURCE_TREE
    candidates.append(QStringLiteral(FERRY_SOURCE_TREE "/README.md"));
#endif
    for (const QString &c : std::as_const(candidates)) {
        if (QFileInfo::exists(c))
            return QFileInfo(c).canonicalFilePath();
    }
    return {};
}

void addHelpMenu(QMenuBar *bar, QWidget *window)
{
    QMenu *help = bar->addMenu(QCoreApplication::translate("ferry::MainWindow", "&Help"));
    help->setObjectName(QStringLiteral("helpMenu"));
    QAction *keys =
        help->addAction(QCoreApplication::translate("ferry::MainWindow", "&Keyboard shortcuts"));
    keys->setObjectName(QStringLiteral("shortcutsAction"));
    QObject::connect(keys, &QAction::triggered, window, [bar, window] {
        QMessageBox box(QMessageBox::NoIcon,
                        QCoreApplication::translate("ferry::MainWindow", "Keyboard shortcuts"), {},
                        QMessageBox::Close, window);
        QString rows;
        for (const QString &line : shortcutList(bar).split(QLatin1Char('\n'))) {
            const QString keys = line.section(QLatin1Char('\t'), 0, 0).toHtmlEscaped();
            const QString what = line.section(QLatin1Char('\t'), 1).toHtmlEscaped();
            rows += QStringLiteral("<tr><td><b>%1</b>&nbsp;&nbsp;</td><td>%2</td></tr>")
                        .arg(keys, what);
        }
        box.setText(QStringLiteral("<table>%1</table>").arg(rows));
        box.exec();
    });
    QAction *docs =
        help->addAction(QCoreApplication::translate("ferry::MainWindow", "&Documentation"));
    docs->setObjectName(QStringLiteral("documentationAction"));
    docs->setShortcut(QKeySequence::HelpContents);
    QObject::connect(docs, &QAction::triggered, window, [window] {
        const QString path = documentationPath();
        if (path.isEmpty() || !QDesktopServices::openUrl(QUrl::fromLocalFile(path)))
            QMessageBox::information(
                window, QCoreApplication::translate("ferry::MainWindow", "Documentation"),
                QCoreApplication::translate(
                    "ferry::MainWindow",
                    "The documentation (README.md) was not found beside Ferry. It is also "
                    "shown by ferry-cli --help."));
    });
    help->addSeparator();
    QAction *about =
        help->addAction(QCoreApplication::translate("ferry::MainWindow", "&About Ferry"));
    about->setObjectName(QStringLiteral("aboutAction"));
    about->setMenuRole(QAction::AboutRole);
    QObject::connect(about, &QAction::triggered, window, [window] { showAboutBox(window); });
    QAction *aboutQt =
        help->addAction(QCoreApplication::translate("ferry::MainWindow", "About &Qt"));
    QObject::connect(aboutQt, &QAction::triggered, qApp, &QApplication::aboutQt);
}

} // namespace ferry

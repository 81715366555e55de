#include "ui/language_menu.h"
#include "ui/main_window.h"

#include <ferry_version.h>

#include <QApplication>
#include <QCommandLineParser>
#include <QFileInfo>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("Ferry"));
    QApplication::setOrganizationDomain(QStringLiteral("ferry.invalid"));
    QApplication::setApplicationName(QStringLiteral("Ferry"));
    QApplication::setApplicationVersion(QStringLiteral(FERRY_VERSION));
    QGuiApplication::setDesktopFileName(QStringLiteral(FERRY_APP_ID));

    // The system's language, or the one chosen in View → Language.
    ferry::installTranslators(&app);

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QApplication::translate("main", "Moves MongoDB data into PostgreSQL or SQLite and back."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption demo(QStringLiteral("demo"),
                                  QApplication::translate("main", "Start on the demo project."));
    parser.addOption(demo);
    parser.addPositionalArgument(QStringLiteral("project"),
                                 QApplication::translate("main", "A .ferry project to open."),
                                 QStringLiteral("[project]"));
    parser.process(app);

    ferry::MainWindow window;
    if (parser.isSet(demo))
        window.startDemo();
    else if (!parser.positionalArguments().isEmpty())
        // Absolute, so Open Recent finds it again from wherever the next start happens.
        window.openProject(QFileInfo(parser.positionalArguments().constFirst()).absoluteFilePath());
    window.show();
    return QApplication::exec();
}

// What the desktop sees of the wizard beyond its pages: the About box with the project's
// version, and the language (system locale, or View → Language) with the embedded .qm files.
#include "ui/language_menu.h"
#include "ui/main_window.h"

#include <ferry_version.h>

#include <QAction>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QStandardPaths>
#include <QtTest>

using namespace ferry;

class TestDesktop : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void aboutBoxShowsTheVersion();
    void translationsAreEmbedded();
    void systemLocaleChoosesTheLanguage_data();
    void systemLocaleChoosesTheLanguage();
    void chosenLanguageWinsOverTheSystem();
    void languageMenuStoresTheChoice();
    void languageMenuJoinsAnExistingViewMenu();
    void cleanupTestCase();

private:
    static QMenu *languageMenu(QWidget *window);
};

void TestDesktop::initTestCase()
{
    // Settings go to a throwaway test location, never the user's.
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("FerryTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_ui_desktop"));
}

void TestDesktop::init()
{
    QSettings().clear();
    QLocale::setDefault(QLocale::c());
    installTranslators(qApp);
}

void TestDesktop::cleanupTestCase()
{
    QSettings().clear();
}

QMenu *TestDesktop::languageMenu(QWidget *window)
{
    return window->findChild<QMenu *>(QStringLiteral("languageMenu"));
}

void TestDesktop::aboutBoxShowsTheVersion()
{
    MainWindow window;
    auto *about = window.findChild<QAction *>(QStringLiteral("aboutAction"));
    QVERIFY(about);
    about->trigger();
    auto *box = window.findChild<QMessageBox *>(QStringLiteral("aboutBox"));
    QVERIFY2(box, "Help → About opened no box");
    QVERIFY2(box->text().contains(QStringLiteral("Ferry " FERRY_VERSION)), qPrintable(box->text()));
    QVERIFY(box->isVisible());
    box->close();
}

void TestDesktop::translationsAreEmbedded()
{
    QStringList codes;
    for (const UiLanguage &l : availableLanguages())
        codes.append(l.code);
    QCOMPARE(codes,
             (QStringList{QStringLiteral("en"), QStringLiteral("de"), QStringLiteral("fr")}));
    QCOMPARE(availableLanguages().at(1).nativeName, QStringLiteral("Deutsch"));
    QCOMPARE(availableLanguages().at(2).nativeName, QStringLiteral("Français"));
}

void TestDesktop::systemLocaleChoosesTheLanguage_data()
{
    QTest::addColumn<QString>("locale");
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("plural");
    QTest::newRow("English") << QStringLiteral("en_GB") << QStringLiteral("&File")
                             << QStringLiteral("3 tables in the target");
    QTest::newRow("German (Austria)") << QStringLiteral("de_AT") << QStringLiteral("&Datei")
                                      << QStringLiteral("3 Tabellen im Ziel");
    QTest::newRow("French") << QStringLiteral("fr_FR") << QStringLiteral("&Fichier")
                            << QStringLiteral("3 tables dans la cible");
}

void TestDesktop::systemLocaleChoosesTheLanguage()
{
    QFETCH(QString, locale);
    QFETCH(QString, file);
    QFETCH(QString, plural);
    QLocale::setDefault(QLocale(locale));
    installTranslators(qApp);
    MainWindow window;
    const QList<QAction *> menus = window.menuBar()->actions();
    QVERIFY(!menus.isEmpty());
    QCOMPARE(menus.first()->text(), file);
    // Plurals come from the .qm's numerus forms, not from the English "(s)".
    QCOMPARE(QCoreApplication::translate("ferry::CollectionsModel", "%n table(s) in the target",
                                         nullptr, 3),
             plural);
}

void TestDesktop::chosenLanguageWinsOverTheSystem()
{
    QLocale::setDefault(QLocale(QStringLiteral("de_DE")));
    setChosenLanguage(QStringLiteral("fr"));
    installTranslators(qApp);
    QCOMPARE(uiLocale().language(), QLocale::French);
    QCOMPARE(QCoreApplication::translate("ferry::MainWindow", "&Help"), QStringLiteral("Aid&e"));
    setChosenLanguage(QStringLiteral("en"));
    installTranslators(qApp);
    QCOMPARE(QCoreApplication::translate("ferry::MainWindow", "&Help"), QStringLiteral("&Help"));
}

void TestDesktop::languageMenuStoresTheChoice()
{
    MainWindow window;
    QMenu *menu = languageMenu(&window);
    QVERIFY2(menu, "no View → Language menu");
    QStringList texts;
    QAction *french = nullptr;
    QAction *system = nullptr;
    for (QAction *a : menu->actions()) {
        if (a->isSeparator())
            continue;
        texts.append(a->text());
        if (a->data().toString() == QLatin1String("fr"))
            french = a;
        if (a->data().toString().isEmpty())
            system = a;
    }
    QCOMPARE(texts, (QStringList{QStringLiteral("System language"), QStringLiteral("English"),
                                 QStringLiteral("Deutsch"), QStringLiteral("Français")}));
    QVERIFY(system && system->isChecked());
    QVERIFY(french && !french->isChecked());

    french->trigger();
    QVERIFY(french->isChecked());
    QCOMPARE(chosenLanguage(), QStringLiteral("fr"));
    auto *notice = window.findChild<QMessageBox *>(QStringLiteral("languageNotice"));
    QVERIFY2(notice, "choosing a language did not say when it applies");
    QVERIFY2(notice->text().contains(QStringLiteral("Français")), qPrintable(notice->text()));
    notice->close();

    system->trigger();
    QCOMPARE(chosenLanguage(), QString());
    QVERIFY(!QSettings().contains(QStringLiteral("ui/language")));

    // A new window shows the stored choice.
    setChosenLanguage(QStringLiteral("de"));
    MainWindow again;
    for (QAction *a : languageMenu(&again)->actions())
        if (!a->isSeparator())
            QCOMPARE(a->isChecked(), a->data().toString() == QLatin1String("de"));
}

void TestDesktop::languageMenuJoinsAnExistingViewMenu()
{
    QMenuBar bar;
    bar.addMenu(QStringLiteral("File"));
    QMenu *view = bar.addMenu(QStringLiteral("View"));
    view->setObjectName(QStringLiteral("viewMenu"));
    QMenu *help = bar.addMenu(QStringLiteral("Help"));
    help->setObjectName(QStringLiteral("helpMenu"));
    QMenu *language = addLanguageMenu(&bar);
    QVERIFY(view->actions().contains(language->menuAction()));
    QCOMPARE(bar.actions().size(), 3);

    // Without one, View is added before Help.
    QMenuBar plain;
    plain.addMenu(QStringLiteral("File"));
    QMenu *help2 = plain.addMenu(QStringLiteral("Help"));
    help2->setObjectName(QStringLiteral("helpMenu"));
    addLanguageMenu(&plain);
    QCOMPARE(plain.actions().size(), 3);
    QCOMPARE(plain.actions().at(1)->menu()->objectName(), QStringLiteral("viewMenu"));
    QCOMPARE(plain.actions().at(2)->menu(), help2);
}

QTEST_MAIN(TestDesktop)
#include "tst_ui_desktop.moc"

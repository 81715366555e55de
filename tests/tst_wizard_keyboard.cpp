// The whole wizard with the keyboard only, the way the second-pass review walked it: Alt keys
// reach one control each, Enter on a recent project opens it without also pressing Next,
// and Escape does not quit the application.
#include "models/project_document.h"
#include "ui/collections_page.h"
#include "ui/dry_run_page.h"
#include "ui/help_menu.h"
#include "ui/main_window.h"
#include "ui/mapping_page.h"
#include "ui/migration_wizard.h"
#include "ui/recent_projects.h"
#include "ui/run_page.h"

#include <QApplication>
#include <QCommandLinkButton>
#include <QListWidget>
#include <QMenuBar>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include "support/wizard_steps.h"

using namespace ferry;
using ferry::test::duplicateMnemonics;

class TestWizardKeyboard : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void demoWithTheKeyboardOnly();
    void enterOnRecentProjectOpensIt();
    void startButtonsShowFocus();
    void viewAndHelpMenus();

private:
    static void press(int key, Qt::KeyboardModifiers modifiers = Qt::NoModifier);
    static void alt(char letter);
};

void TestWizardKeyboard::initTestCase()
{
    QVERIFY2(ferry::test::prepareWizardTest(), "the demo dump is part of the checkout");
}

// Keys go where a real keyboard sends them: to the widget that has the focus.
void TestWizardKeyboard::press(int key, Qt::KeyboardModifiers modifiers)
{
    QWidget *target = QApplication::focusWidget();
    if (!target)
        target = QApplication::activeWindow();
    QVERIFY(target);
    QTest::keyClick(target, Qt::Key(key), modifiers);
}

void TestWizardKeyboard::alt(char letter)
{
    press(Qt::Key_A + (QChar::fromLatin1(letter).toUpper().unicode() - 'A'), Qt::AltModifier);
}

void TestWizardKeyboard::demoWithTheKeyboardOnly()
{
    QTemporaryDir tmp;
    MainWindow window;
    window.show();
    QApplication::setActiveWindow(&window);
    QVERIFY(QTest::qWaitForWindowActive(&window));
    MigrationWizard &wizard = *window.wizard();
    QCOMPARE(wizard.currentId(), int(MigrationWizard::StartPageId));
    QVERIFY(duplicateMnemonics(wizard).isEmpty());

    press(Qt::Key_Escape); // must not quit
    QVERIFY(window.isVisible());

    // A mnemonic "clicks" a button with its short press animation: wait for it.
    alt('d'); // Try the demo
    QTRY_COMPARE(wizard.currentId(), int(MigrationWizard::SourcePageId));
    alt('n');
    QTRY_COMPARE_WITH_TIMEOUT(wizard.currentId(), int(MigrationWizard::TargetPageId), 30000);

    alt('r'); // URI
    press(Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(QApplication::focusWidget(),
                     QStringLiteral("sqlite:") + tmp.filePath(QStringLiteral("keys.sqlite")));
    alt('n');
    QTRY_COMPARE_WITH_TIMEOUT(wizard.currentId(), int(MigrationWizard::CollectionsPageId), 30000);
    auto *collections = qobject_cast<CollectionsPage *>(wizard.currentPage());
    QTRY_VERIFY_WITH_TIMEOUT(collections->isComplete(), 60000);
    QVERIFY2(duplicateMnemonics(wizard).isEmpty(),
             qPrintable(duplicateMnemonics(wizard).join(u';')));
    alt('n');
    QTRY_COMPARE(wizard.currentId(), int(MigrationWizard::MappingPageId));
    auto *mapping = qobject_cast<MappingPage *>(wizard.currentPage());
    QTRY_VERIFY_WITH_TIMEOUT(mapping->isComplete(), 60000);
    alt('n');
    QTRY_COMPARE(wizard.currentId(), int(MigrationWizard::OptionsPageId));
    alt('n');
    QTRY_COMPARE(wizard.currentId(), int(MigrationWizard::DryRunPageId));
    auto *dryRun = qobject_cast<DryRunPage *>(wizard.currentPage());
    QTRY_VERIFY_WITH_TIMEOUT(dryRun->isFinished(), 120000);
    QVERIFY(dryRun->isComplete());
    alt('r'); // the commit button: Run
    QTRY_COMPARE(wizard.currentId(), int(MigrationWizard::RunPageId));
    auto *run = qobject_cast<RunPage *>(wizard.currentPage());
    QTRY_VERIFY_WITH_TIMEOUT(run->isFinished(), 300000);
    alt('n');
    QTRY_COMPARE(wizard.currentId(), int(MigrationWizard::SummaryPageId));
    QCOMPARE(wizard.lastReport().status, RunReport::statusName(RunStatus::Completed));
    QVERIFY(duplicateMnemonics(wizard).isEmpty());
    wizard.document()->markSaved(); // close without the unsaved-changes question
}

void TestWizardKeyboard::enterOnRecentProjectOpensIt()
{
    QTemporaryDir tmp;
    const QString path = tmp.filePath(QStringLiteral("recent.ferry"));
    {
        MigrationWizard writer;
        QVERIFY(writer.startDemo());
        QVERIFY(!writer.saveProject(path).isError());
    }
    MainWindow window;
    window.show();
    QApplication::setActiveWindow(&window);
    QVERIFY(QTest::qWaitForWindowActive(&window));
    MigrationWizard &wizard = *window.wizard();
    QCOMPARE(wizard.currentId(), int(MigrationWizard::StartPageId));
    auto *list = wizard.currentPage()->findChild<QListWidget *>(QStringLiteral("recentList"));
    QVERIFY(list && list->count() > 0);
    QCOMPARE(list->item(0)->data(Qt::UserRole).toString(), path);
    alt('r'); // Recent projects
    QCOMPARE(QApplication::focusWidget(), list);
    list->setCurrentRow(0);
    press(Qt::Key_Return);
    // Opened on the source page, not one further.
    QCOMPARE(wizard.currentId(), int(MigrationWizard::SourcePageId));
    QCOMPARE(wizard.document()->filePath(), path);
}

// Tabbing onto a start-page button must be visible: it is drawn differently with the focus.
void TestWizardKeyboard::startButtonsShowFocus()
{
    MainWindow window;
    window.show();
    QApplication::setActiveWindow(&window);
    QVERIFY(QTest::qWaitForWindowActive(&window));
    auto *page = window.wizard()->currentPage();
    auto *newButton = page->findChild<QCommandLinkButton *>(QStringLiteral("newButton"));
    auto *openButton = page->findChild<QCommandLinkButton *>(QStringLiteral("openButton"));
    QVERIFY(newButton && openButton);
    openButton->setFocus(Qt::TabFocusReason);
    QTRY_VERIFY(openButton->hasFocus());
    const QImage plain = newButton->grab().toImage();
    newButton->setFocus(Qt::TabFocusReason);
    QTRY_VERIFY(newButton->hasFocus());
    const QImage focused = newButton->grab().toImage();
    QVERIFY2(plain != focused, "the focused start button looks like the others");
}

void TestWizardKeyboard::viewAndHelpMenus()
{
    MainWindow window;
    QStringList titles;
    for (QAction *a : window.menuBar()->actions())
        titles.append(a->text());
    QVERIFY2(titles.contains(QStringLiteral("&View")) && titles.contains(QStringLiteral("&Help")),
             qPrintable(titles.join(u',')));
    QVERIFY(window.findChild<QAction *>(QStringLiteral("aboutAction")));
    QVERIFY(window.findChild<QAction *>(QStringLiteral("documentationAction")));
    QVERIFY(window.findChild<QAction *>(QStringLiteral("shortcutsAction")));
    // The list is read from the menus, so it names their shortcuts.
    const QString keys = shortcutList(window.menuBar());
    const QString save = QKeySequence(QKeySequence::Save).toString(QKeySequence::NativeText);
    QVERIFY2(keys.contains(save + QLatin1Char('\t') + QStringLiteral("File → Save")),
             qPrintable(keys));
    QVERIFY(keys.contains(QStringLiteral("Next page")));
    QVERIFY(!documentationPath().isEmpty());
}

QTEST_MAIN(TestWizardKeyboard)
#include "tst_wizard_keyboard.moc"

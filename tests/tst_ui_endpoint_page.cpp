#include "models/project_document.h"
#include "ui/endpoint_page.h"
#include "ui/main_window.h"
#include "ui/migration_wizard.h"

#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTemporaryDir>
#include <QtTest>

using namespace ferry;

// The source/target page: URI and fields stay in step, the password never reaches the
// project, Test connection reports the engine's answer without blocking; and the main
// window's title follows the project and its unsaved state.
class TestEndpointPage : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void testConnectionReportsSuccessAndError();
    void passwordIsNotSaved();
    void mainWindowTitleAndSave();
};

void TestEndpointPage::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    if (MigrationWizard::demoSourceDir().isEmpty())
        qputenv("FERRY_DEMO_DIR", (QCoreApplication::applicationDirPath() +
                                   QStringLiteral("/../../resources/demo/shop"))
                                      .toLocal8Bit());
    QVERIFY(!MigrationWizard::demoSourceDir().isEmpty());
}

void TestEndpointPage::testConnectionReportsSuccessAndError()
{
    MigrationWizard wizard;
    wizard.show();
    QVERIFY(wizard.startDemo());
    auto *page = qobject_cast<EndpointPage *>(wizard.currentPage());
    QVERIFY(page);
    auto *test = page->findChild<QPushButton *>(QStringLiteral("testButton"));
    auto *status = page->findChild<QLabel *>(QStringLiteral("statusLabel"));
    QTest::mouseClick(test, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(test->isEnabled(), 30000);
    QVERIFY2(status->text().contains(QStringLiteral("3")), qPrintable(status->text()));

    page->setUri(QStringLiteral("dump:/no/such/folder"));
    QTest::mouseClick(test, Qt::LeftButton);
    QVERIFY(!test->isEnabled()); // the click returns at once; the job runs elsewhere
    QTRY_VERIFY_WITH_TIMEOUT(test->isEnabled(), 30000);
    QVERIFY2(status->text().contains(QStringLiteral("/no/such/folder")),
             qPrintable(status->text()));

    // An unparsable location is refused by Next with the engine's message.
    auto *uri = page->findChild<QLineEdit *>(QStringLiteral("uriEdit"));
    uri->setText(QStringLiteral("ftp://nowhere"));
    wizard.next();
    QCOMPARE(wizard.currentId(), int(MigrationWizard::SourcePageId));
    QVERIFY(!status->text().isEmpty());
}

void TestEndpointPage::passwordIsNotSaved()
{
    MigrationWizard wizard;
    wizard.show();
    QVERIFY(wizard.startDemo());
    wizard.next(); // target page
    auto *page = qobject_cast<EndpointPage *>(wizard.currentPage());
    QVERIFY(page);
    page->setUri(QStringLiteral("postgresql://ferry:s3cret@db.example:5433/shop"));
    auto *password = page->findChild<QLineEdit *>(QStringLiteral("passwordEdit"));
    QCOMPARE(password->text(), QStringLiteral("s3cret"));
    QVERIFY(!page->uri().contains(QStringLiteral("s3cret")));
    QVERIFY(page->validatePage());
    QVERIFY(!wizard.document()->project().targetUri.contains(QStringLiteral("s3cret")));
    QCOMPARE(wizard.targetPassword(), QStringLiteral("s3cret"));
    QVERIFY(wizard.targetEndpoint()->uri().contains(QStringLiteral("s3cret")));
}

void TestEndpointPage::mainWindowTitleAndSave()
{
    QTemporaryDir dir;
    MainWindow window;
    window.show();
    window.startDemo();
    QVERIFY(window.windowTitle().contains(QStringLiteral("[*]")));
    QVERIFY(window.isWindowModified());
    const QString path = dir.filePath(QStringLiteral("demo.ferry"));
    QVERIFY(!window.wizard()->saveProject(path).isError());
    QVERIFY(!window.isWindowModified());
    window.wizard()->document()->modify(QStringLiteral("rename"),
                                        [](Project &p) { p.name = QStringLiteral("renamed"); });
    QVERIFY(window.isWindowModified());
    QVERIFY(window.windowTitle().startsWith(QStringLiteral("renamed")));
    window.wizard()->document()->undoStack()->undo();
    QVERIFY(!window.isWindowModified());
    QVERIFY(window.openProject(path));
    QCOMPARE(window.wizard()->currentId(), int(MigrationWizard::SourcePageId));
    QVERIFY(!window.isWindowModified());
}

QTEST_MAIN(TestEndpointPage)
#include "tst_ui_endpoint_page.moc"

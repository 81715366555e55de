#include "models/project_document.h"
#include "support/test_services.h"
#include "support/wizard_dumps.h"
#include "support/wizard_steps.h"
#include "ui/endpoint_page.h"
#include "ui/main_window.h"
#include "ui/migration_wizard.h"

#include <QApplication>
#include <QComboBox>
#include <QFileDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QUrl>
#include <QtTest>

using namespace ferry;
using ferry::test::nextTo;

// The source/target page: URI and fields stay in step, the password never reaches the
// project, Test connection reports the engine's answer without blocking; and the main
// window's title follows the project and its unsaved state.
class TestEndpointPage : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void testConnectionReportsSuccessAndError();
    void recognisesDumpShapes_data();
    void recognisesDumpShapes();
    void browseOffersFileAndFolder();
    void mongoFormWithoutUserConnects();
    void unreachableTargetIsCaughtOnNext();
    void testingSqliteTargetCreatesNoFile();
    void passwordIsNotSaved();
    void mainWindowTitleAndSave();
};

void TestEndpointPage::initTestCase()
{
    QVERIFY2(ferry::test::prepareWizardTest(), "the demo dump is part of the checkout");
}

namespace {

QLabel *errorAt(QWidget *page, const char *key)
{
    return page->findChild<QLabel *>(QLatin1String(key) + QStringLiteral("Error"));
}

// The error rows that show now, by key ("host", "uri", …).
QStringList shownErrors(QWidget *page)
{
    QStringList keys;
    for (QLabel *l : page->findChildren<QLabel *>()) {
        if (l->objectName().endsWith(QStringLiteral("Error")) && l->isVisible() &&
            !l->text().isEmpty())
            keys.append(l->objectName().chopped(5));
    }
    return keys;
}

void chooseKind(QWidget *page, const QString &name)
{
    auto *kind = page->findChild<QComboBox *>(QStringLiteral("kindCombo"));
    const int index = kind->findData(name);
    QVERIFY(index >= 0);
    kind->setCurrentIndex(index);
}

} // namespace

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
    // A folder is not "connected to", and a count reads as English, not "collection(s)".
    QCOMPARE(status->text(), QStringLiteral("Dump folder: 3 collections."));

    page->setUri(QStringLiteral("dump:/no/such/folder"));
    QTest::mouseClick(test, Qt::LeftButton);
    QVERIFY(!test->isEnabled()); // the click returns at once; the job runs elsewhere
    QTRY_VERIFY_WITH_TIMEOUT(test->isEnabled(), 30000);
    // Shown at the field to correct, with the path the user typed.
    QCOMPARE(shownErrors(page), QStringList{QStringLiteral("path")});
    QVERIFY2(errorAt(page, "path")->text().contains(QStringLiteral("/no/such/folder")),
             qPrintable(errorAt(page, "path")->text()));
    QVERIFY(status->text().isEmpty());

    // Next checks too, and refuses an unreadable source without leaving the page.
    QVERIFY(!page->validatePage());
    QTRY_VERIFY_WITH_TIMEOUT(test->isEnabled(), 30000);
    QCOMPARE(wizard.currentId(), int(MigrationWizard::SourcePageId));
    QCOMPARE(shownErrors(page), QStringList{QStringLiteral("path")});

    // An unparsable location is refused by Next with the engine's message.
    auto *uri = page->findChild<QLineEdit *>(QStringLiteral("uriEdit"));
    uri->setText(QStringLiteral("ftp://nowhere"));
    QVERIFY(shownErrors(page).isEmpty()); // what was said about the old value is gone
    wizard.next();
    QCOMPARE(wizard.currentId(), int(MigrationWizard::SourcePageId));
    QCOMPARE(shownErrors(page), QStringList{QStringLiteral("uri")});
    QCOMPARE(QApplication::focusWidget(), uri);

    // A stale error does not survive a change of kind, and the URI example follows the kind.
    chooseKind(page, QStringLiteral("sqlite"));
    QVERIFY(shownErrors(page).isEmpty());
    QVERIFY2(uri->placeholderText().startsWith(QStringLiteral("sqlite:")),
             qPrintable(uri->placeholderText()));
    chooseKind(page, QStringLiteral("dump"));
    QVERIFY2(uri->placeholderText().startsWith(QStringLiteral("dump:")),
             qPrintable(uri->placeholderText()));
}

void TestEndpointPage::recognisesDumpShapes_data()
{
    QTest::addColumn<QString>("shape");
    QTest::addColumn<QString>("expected");
    const QString skippedNote = QStringLiteral(
        "not migrated (system collections, views and the like: the next page lists them with "
        "the reason).");
    QTest::newRow("gzip folder") << QStringLiteral("folder")
                                 << QStringLiteral("Dump folder, gzip-compressed: 2 collections.");
    QTest::newRow("gzip archive") << QStringLiteral("archive")
                                  << QStringLiteral(
                                         "mongodump archive, gzip-compressed: 3 collections; 1 ") +
                                         skippedNote;
    QTest::newRow("dump root") << QStringLiteral("root")
                               << QStringLiteral("Dump root with 2 databases: 3 collections, 1 "
                                                 "of them time-series; 4 ") +
                                      skippedNote;
    QTest::newRow("gzip bson file")
        << QStringLiteral("file")
        << QStringLiteral("BSON file (mongodump), gzip-compressed: 1 collection.");
}

// What mongodump writes is recognised by content, and the check says what it found in words
// a user can compare with what they meant to pick.
void TestEndpointPage::recognisesDumpShapes()
{
    QFETCH(QString, shape);
    QFETCH(QString, expected);
    QTemporaryDir dir;
    QString path = dir.filePath(shape);
    if (shape == QLatin1String("folder")) {
        ferry::test::writeGzipDumpFolder(path);
    } else if (shape == QLatin1String("archive")) {
        path = dir.filePath(QStringLiteral("shop.agz")); // mongodump's own name for it
        ferry::test::writeGzipArchive(path);
    } else if (shape == QLatin1String("root")) {
        ferry::test::writeDumpRoot(path);
    } else {
        ferry::test::writeGzipDumpFolder(dir.path());
        path = dir.filePath(QStringLiteral("orders.bson.gz"));
    }
    MigrationWizard wizard;
    wizard.show();
    QVERIFY(wizard.startDemo());
    auto *page = qobject_cast<EndpointPage *>(wizard.currentPage());
    QVERIFY(page);
    page->setUri(QStringLiteral("dump:") + path);
    auto *status = page->findChild<QLabel *>(QStringLiteral("statusLabel"));
    auto *test = page->findChild<QPushButton *>(QStringLiteral("testButton"));
    QTest::mouseClick(test, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(test->isEnabled(), 30000);
    QVERIFY2(shownErrors(page).isEmpty(), qPrintable(errorAt(page, "path")->text()));
    QCOMPARE(status->text(), expected);
    const QString shots = qEnvironmentVariable("FERRY_SCREENSHOT_DIR");
    if (!shots.isEmpty())
        QVERIFY(wizard.grab().save(shots + QStringLiteral("/source-check-%1.png").arg(shape)));
    // Next says the same and goes on.
    QVERIFY(nextTo(wizard, MigrationWizard::TargetPageId));
    QCOMPARE(wizard.document()->project().sourceUri, QStringLiteral("dump:") + path);
}

// A dump may be a file or a folder, and one file dialog cannot pick either: Browse offers
// both, and what is chosen fills the path and the URI.
void TestEndpointPage::browseOffersFileAndFolder()
{
    QTemporaryDir dir;
    const QString archive = dir.filePath(QStringLiteral("shop.agz"));
    ferry::test::writeGzipArchive(archive);
    const QString root = dir.filePath(QStringLiteral("dump"));
    ferry::test::writeDumpRoot(root);
    MigrationWizard wizard;
    wizard.show();
    QVERIFY(wizard.startDemo());
    auto *page = qobject_cast<EndpointPage *>(wizard.currentPage());
    chooseKind(page, QStringLiteral("dump"));
    auto *browse = page->findChild<QPushButton *>(QStringLiteral("browseButton"));
    QVERIFY(browse);
    QVERIFY2(browse->menu(), "a dump source offers a file or a folder");
    auto *fileAction = browse->menu()->findChild<QAction *>(QStringLiteral("browseFileAction"));
    auto *folderAction = browse->menu()->findChild<QAction *>(QStringLiteral("browseFolderAction"));
    QVERIFY(fileAction && folderAction);
    auto *path = page->findChild<QLineEdit *>(QStringLiteral("pathEdit"));

    const auto answer = [&](QAction *action, const QString &chosen) {
        action->trigger();
        QFileDialog *dialog = nullptr;
        if (!QTest::qWaitFor([&] {
                dialog = page->findChild<QFileDialog *>(QStringLiteral("browseDialog"));
                return dialog && dialog->isVisible();
            }))
            return QStringLiteral("no dialog");
        const bool folder = dialog->fileMode() == QFileDialog::Directory;
        // Typed, as a user may: the dialog's own line edit takes a full path.
        auto *name = dialog->findChild<QLineEdit *>(QStringLiteral("fileNameEdit"));
        if (!name)
            return QStringLiteral("no file name field");
        name->setText(chosen);
        static_cast<QDialog *>(dialog)->accept(); // public there, as for the OK button
        return folder ? QStringLiteral("folder") : QStringLiteral("file");
    };
    QCOMPARE(answer(fileAction, archive), QStringLiteral("file"));
    QCOMPARE(path->text(), archive);
    QCOMPARE(page->uri(), QStringLiteral("dump:") + archive);
    QCOMPARE(answer(folderAction, root), QStringLiteral("folder"));
    QCOMPARE(path->text(), root);
    QCOMPARE(page->uri(), QStringLiteral("dump:") + root);

    // A store that only takes a file keeps the plain button.
    chooseKind(page, QStringLiteral("sqlite"));
    QVERIFY(!browse->menu());
}

// Item 1 of the second pass: an empty user left "mongodb://@host", which never connects,
// and a missing database was blamed on the URI although a Database field is right there.
void TestEndpointPage::mongoFormWithoutUserConnects()
{
    const QString peer = ferry::test::mongoUri(QStringLiteral("shop"));
    QVERIFY2(!peer.isEmpty(), "run through ctest: the Mongo wire peer is needed");
    const int port = QUrl(peer).port();
    MigrationWizard wizard;
    wizard.show();
    QApplication::setActiveWindow(&wizard);
    QVERIFY(QTest::qWaitForWindowActive(&wizard));
    QVERIFY(wizard.startDemo());
    auto *page = qobject_cast<EndpointPage *>(wizard.currentPage());
    chooseKind(page, QStringLiteral("mongo"));
    auto *host = page->findChild<QLineEdit *>(QStringLiteral("hostEdit"));
    auto *portSpin = page->findChild<QSpinBox *>(QStringLiteral("portEdit"));
    auto *database = page->findChild<QLineEdit *>(QStringLiteral("databaseEdit"));
    auto *user = page->findChild<QLineEdit *>(QStringLiteral("userEdit"));
    QVERIFY(host && portSpin && database && user);
    host->setFocus();
    QTest::keyClicks(host, QStringLiteral("127.0.0.1"));
    portSpin->setValue(port);
    QVERIFY(user->text().isEmpty());

    // No database: Next says so at the Database field, before any connection is tried.
    QVERIFY(!page->validatePage());
    QCOMPARE(shownErrors(page), QStringList{QStringLiteral("database")});
    QVERIFY2(errorAt(page, "database")->text().contains(QStringLiteral("Enter the database")),
             qPrintable(errorAt(page, "database")->text()));
    QCOMPARE(QApplication::focusWidget(), database);

    QTest::keyClicks(database, QStringLiteral("shop"));
    QCOMPARE(page->uri(), QStringLiteral("mongodb://127.0.0.1:%1/shop").arg(port));
    QVERIFY(!page->uri().contains(QLatin1Char('@')));
    QVERIFY(shownErrors(page).isEmpty());
    // The URI the form built reaches the server, and Next goes on by itself once it did.
    QVERIFY(!page->validatePage());
    QTRY_COMPARE_WITH_TIMEOUT(wizard.currentId(), int(MigrationWizard::TargetPageId), 30000);
    QCOMPARE(wizard.document()->project().sourceUri,
             QStringLiteral("mongodb://127.0.0.1:%1/shop").arg(port));
}

// Next on the target page connects first, shows a busy bar with Stop, and puts a refusal
// at the host field in one plain sentence.
void TestEndpointPage::unreachableTargetIsCaughtOnNext()
{
    MigrationWizard wizard;
    wizard.show();
    QVERIFY(wizard.startDemo());
    QVERIFY(nextTo(wizard, MigrationWizard::TargetPageId));
    auto *page = qobject_cast<EndpointPage *>(wizard.currentPage());
    auto *busy = page->findChild<QProgressBar *>(QStringLiteral("checkBusy"));
    auto *stop = page->findChild<QPushButton *>(QStringLiteral("stopCheckButton"));
    QVERIFY(busy && stop);
    QVERIFY(!busy->isVisible());
    page->setUri(QStringLiteral("postgresql://ferry@127.0.0.1:1/shop"));

    wizard.next();
    QVERIFY(busy->isVisible());
    QVERIFY(stop->isVisible());
    QVERIFY(!wizard.button(QWizard::NextButton)->isEnabled());
    // Stop frees the page at once; the answer that comes later is dropped.
    QTest::mouseClick(stop, Qt::LeftButton);
    QVERIFY(!busy->isVisible());
    QVERIFY(wizard.button(QWizard::NextButton)->isEnabled());
    QCOMPARE(wizard.currentId(), int(MigrationWizard::TargetPageId));

    wizard.next();
    QTRY_VERIFY_WITH_TIMEOUT(!busy->isVisible(), 30000);
    QCOMPARE(wizard.currentId(), int(MigrationWizard::TargetPageId));
    QCOMPARE(shownErrors(page), QStringList{QStringLiteral("host")});
    const QString text = errorAt(page, "host")->text();
    // libpq's own line breaks and tabs are gone (the label wraps the text at its width).
    QVERIFY2(!text.contains(QLatin1Char('\t')) && !text.contains(QStringLiteral("?.")),
             qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("127.0.0.1")), qPrintable(text));
    QCOMPARE(QApplication::focusWidget(), page->findChild<QLineEdit *>(QStringLiteral("hostEdit")));
    // The message sits under the field without squeezing it (or any other row) away.
    wizard.resize(800, 560);
    QCoreApplication::sendPostedEvents();
    for (const char *name : {"hostEdit", "portEdit", "databaseEdit", "userEdit", "uriEdit"}) {
        auto *edit = page->findChild<QWidget *>(QLatin1String(name));
        QVERIFY2(edit->isVisible() && edit->height() >= edit->minimumSizeHint().height(), name);
    }
    const QString shots = qEnvironmentVariable("FERRY_SCREENSHOT_DIR");
    if (!shots.isEmpty())
        QVERIFY(wizard.grab().save(shots + QStringLiteral("/12-target-unreachable-800.png")));
}

// Test connection on a SQLite target that does not exist yet leaves no empty file behind.
void TestEndpointPage::testingSqliteTargetCreatesNoFile()
{
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("new.sqlite"));
    MigrationWizard wizard;
    wizard.show();
    QVERIFY(wizard.startDemo());
    QVERIFY(nextTo(wizard, MigrationWizard::TargetPageId));
    auto *page = qobject_cast<EndpointPage *>(wizard.currentPage());
    page->setUri(QStringLiteral("sqlite:") + file);
    auto *test = page->findChild<QPushButton *>(QStringLiteral("testButton"));
    auto *status = page->findChild<QLabel *>(QStringLiteral("statusLabel"));
    QTest::mouseClick(test, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(test->isEnabled(), 30000);
    QVERIFY2(shownErrors(page).isEmpty(), qPrintable(shownErrors(page).join(u',')));
    QVERIFY(!status->text().isEmpty());
    QVERIFY2(!QFileInfo::exists(file), "a test must not create the target file");
}

void TestEndpointPage::passwordIsNotSaved()
{
    const QString admin = ferry::test::postgresAdminUri();
    QVERIFY2(!admin.isEmpty(), "run through ctest: PostgreSQL is needed");
    QUrl url(admin);
    url.setPassword(QStringLiteral("s3cret"));
    MigrationWizard wizard;
    wizard.show();
    QVERIFY(wizard.startDemo());
    QVERIFY(nextTo(wizard, MigrationWizard::TargetPageId));
    auto *page = qobject_cast<EndpointPage *>(wizard.currentPage());
    QVERIFY(page);
    page->setUri(url.toString());
    auto *password = page->findChild<QLineEdit *>(QStringLiteral("passwordEdit"));
    QCOMPARE(password->text(), QStringLiteral("s3cret"));
    QVERIFY(!page->uri().contains(QStringLiteral("s3cret")));
    QVERIFY(!page->validatePage()); // checks first, then moves on
    QTRY_COMPARE_WITH_TIMEOUT(wizard.currentId(), int(MigrationWizard::CollectionsPageId), 30000);
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

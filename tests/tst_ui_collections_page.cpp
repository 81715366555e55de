#include "models/project_document.h"
#include "run/collection_order.h"
#include "ui/collections_page.h"
#include "ui/main_window.h"
#include "ui/migration_wizard.h"

#include <QLabel>
#include <QTableView>
#include <QtTest>

#include "support/wizard_steps.h"

using namespace ferry;
using ferry::test::nextTo;

// The run order on the collections page: Alt+Up / Alt+Down move the selected collection,
// Ctrl+Z puts it back, and the note says when references override the list's order.
class TestCollectionsPage : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void reorderByKeyboardAndUndo();
};

namespace {

QStringList collectionNames(const Project &project)
{
    QStringList out;
    for (const CollectionMapping &c : project.collections)
        out.append(c.collection);
    return out;
}

} // namespace

void TestCollectionsPage::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    if (MigrationWizard::demoSourceDir().isEmpty())
        qputenv("FERRY_DEMO_DIR", (QCoreApplication::applicationDirPath() +
                                   QStringLiteral("/../../resources/demo/shop"))
                                      .toLocal8Bit());
    QVERIFY(!MigrationWizard::demoSourceDir().isEmpty());
}

void TestCollectionsPage::reorderByKeyboardAndUndo()
{
    MainWindow window;
    window.show();
    QApplication::setActiveWindow(&window);
    QVERIFY(QTest::qWaitForWindowActive(&window));
    MigrationWizard *wizard = window.wizard();
    window.startDemo();
    QVERIFY(nextTo(*wizard, MigrationWizard::TargetPageId));
    QVERIFY(nextTo(*wizard, MigrationWizard::CollectionsPageId));
    auto *page = qobject_cast<CollectionsPage *>(wizard->currentPage());
    QVERIFY(page);
    QTRY_VERIFY_WITH_TIMEOUT(page->isComplete(), 60000);
    ProjectDocument *doc = wizard->document();
    const QStringList before = collectionNames(doc->project());
    QVERIFY2(before.size() >= 2, qPrintable(before.join(u',')));

    auto *view = page->findChild<QTableView *>(QStringLiteral("collectionsView"));
    QVERIFY(view);
    view->setFocus();
    view->setCurrentIndex(view->model()->index(0, 0));
    QTest::keyClick(view, Qt::Key_Down, Qt::AltModifier);
    QStringList expected = before;
    expected.swapItemsAt(0, 1);
    QCOMPARE(collectionNames(doc->project()), expected);
    QCOMPARE(view->currentIndex().row(), 1); // the selection follows the collection
    QTest::keyClick(view, Qt::Key_Up, Qt::AltModifier);
    QCOMPARE(collectionNames(doc->project()), before);
    QTest::keyClick(view, Qt::Key_Up, Qt::AltModifier); // already first: nothing happens
    QCOMPARE(collectionNames(doc->project()), before);

    QTest::keyClick(view, Qt::Key_Down, Qt::AltModifier);
    QCOMPARE(collectionNames(doc->project()), expected);
    QTest::keyClick(&window, Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(collectionNames(doc->project()), before);
    QTest::keyClick(&window, Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(collectionNames(doc->project()), expected);

    // A reference from the first listed collection to the second: the run still moves the
    // referenced one first, and the note says in which order.
    auto *note = page->findChild<QLabel *>(QStringLiteral("runOrderNote"));
    QVERIFY(note);
    QVERIFY(!note->text().isEmpty());
    doc->modify(QStringLiteral("reference"), [&](Project &p) {
        p.collections[0].references = {
            {QStringLiteral("ref"), p.collections[1].collection, QStringLiteral("_id")}};
    });
    auto order = orderCollections(doc->project(), {});
    QVERIFY2(order, qPrintable(order ? QString() : order.error().toString()));
    QStringList actual;
    for (const CollectionMapping *c : *order)
        actual.append(c->collection);
    QVERIFY(actual.indexOf(expected[1]) < actual.indexOf(expected[0]));
    QVERIFY2(note->text().contains(actual.join(QStringLiteral(", "))), qPrintable(note->text()));
}

QTEST_MAIN(TestCollectionsPage)
#include "tst_ui_collections_page.moc"

#include "models/collections_model.h"
#include "models/project_document.h"
#include "run/collection_order.h"
#include "ui/collections_page.h"
#include "ui/main_window.h"
#include "ui/migration_wizard.h"

#include <QLabel>
#include <QTableView>
#include <QTemporaryDir>
#include <QtTest>

#include "support/wizard_dumps.h"
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
    void dumpRootShowsWhatIsLeftOut();
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
    QVERIFY2(ferry::test::prepareWizardTest(), "the demo dump is part of the checkout");
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

// A dump root of two databases plus admin and local: the collections to migrate are named
// db.collection, the time-series one is marked and can be ticked, and what is not migrated
// (a view, system collections, the server's databases) is listed greyed with the reason.
void TestCollectionsPage::dumpRootShowsWhatIsLeftOut()
{
    QTemporaryDir dir;
    const QString root = dir.filePath(QStringLiteral("dump"));
    ferry::test::writeDumpRoot(root);
    MainWindow window;
    window.resize(900, 620);
    window.show();
    MigrationWizard *wizard = window.wizard();
    ProjectDocument *doc = wizard->document();
    Project project;
    project.name = QStringLiteral("dump-root");
    project.sourceUri = QStringLiteral("dump:") + root;
    project.targetUri = QStringLiteral("sqlite:") + dir.filePath(QStringLiteral("out.sqlite"));
    doc->setProject(std::move(project));
    wizard->restart();
    wizard->next();
    QCOMPARE(wizard->currentId(), int(MigrationWizard::SourcePageId));
    QVERIFY(nextTo(*wizard, MigrationWizard::TargetPageId));
    QVERIFY(nextTo(*wizard, MigrationWizard::CollectionsPageId));
    auto *page = qobject_cast<CollectionsPage *>(wizard->currentPage());
    QVERIFY(page);
    QTRY_VERIFY_WITH_TIMEOUT(page->isComplete(), 60000);

    auto *view = page->findChild<QTableView *>(QStringLiteral("collectionsView"));
    QAbstractItemModel *model = view->model();
    QHash<QString, int> rowOf;
    for (int r = 0; r < model->rowCount(); ++r)
        rowOf.insert(model->index(r, CollectionsModel::NameColumn).data().toString(), r);
    const auto cell = [&](const QString &name, int column, int role = Qt::DisplayRole) {
        return model->index(rowOf.value(name, -1), column).data(role);
    };
    const auto flags = [&](const QString &name) {
        return model->flags(model->index(rowOf.value(name, -1), CollectionsModel::NameColumn));
    };
    QCOMPARE(model->rowCount(), 7);
    for (const QString &name : {QStringLiteral("shop.orders"), QStringLiteral("shop.weather"),
                                QStringLiteral("crm.contacts")}) {
        QVERIFY2(rowOf.contains(name), qPrintable(name));
        QVERIFY2(flags(name) & Qt::ItemIsUserCheckable, qPrintable(name));
        QCOMPARE(cell(name, CollectionsModel::NameColumn, Qt::CheckStateRole).toInt(),
                 int(Qt::Checked));
    }
    QCOMPARE(cell(QStringLiteral("shop.weather"), CollectionsModel::KindColumn).toString(),
             QStringLiteral("time-series"));
    // Measurements, not buckets: five of them in two buckets.
    QCOMPARE(cell(QStringLiteral("shop.weather"), CollectionsModel::CountColumn).toString(),
             QLocale().toString(5));
    QCOMPARE(cell(QStringLiteral("shop.orders"), CollectionsModel::KindColumn).toString(),
             QStringLiteral("collection"));

    const QHash<QString, QString> leftOut{
        {QStringLiteral("shop.big_orders"), QStringLiteral("view")},
        {QStringLiteral("shop.system.js"), QStringLiteral("system")},
        {QStringLiteral("admin.system.version"), QStringLiteral("system")},
        {QStringLiteral("local.startup_log"), QStringLiteral("system")}};
    for (auto it = leftOut.cbegin(); it != leftOut.cend(); ++it) {
        QVERIFY2(rowOf.contains(it.key()), qPrintable(it.key()));
        QCOMPARE(cell(it.key(), CollectionsModel::KindColumn).toString(), it.value());
        // Greyed (not enabled), not selectable, nothing to tick or rename.
        QCOMPARE(flags(it.key()), Qt::ItemFlags(Qt::NoItemFlags));
        const QString reason = cell(it.key(), CollectionsModel::TableColumn).toString();
        QVERIFY2(reason.startsWith(QStringLiteral("not migrated: ")) && reason.size() > 20,
                 qPrintable(reason));
        QVERIFY(!model->setData(model->index(rowOf.value(it.key()), CollectionsModel::NameColumn),
                                Qt::Checked, Qt::CheckStateRole));
    }
    QVERIFY2(cell(QStringLiteral("shop.big_orders"), CollectionsModel::TableColumn)
                 .toString()
                 .contains(QStringLiteral("orders")),
             "the view's reason names what it is a view on");
    // Left-out rows never reach the project, and "Select all" does not tick them.
    QCOMPARE(doc->project().collections.size(), size_t(3));
    auto *status = page->findChild<QLabel *>(QStringLiteral("statusLabel"));
    QVERIFY2(status->text().contains(QStringLiteral("4 more not migrated")),
             qPrintable(status->text()));

    const QString shots = qEnvironmentVariable("FERRY_SCREENSHOT_DIR");
    if (!shots.isEmpty())
        QVERIFY(window.grab().save(shots + QStringLiteral("/collections-dump-root.png")));
}

QTEST_MAIN(TestCollectionsPage)
#include "tst_ui_collections_page.moc"

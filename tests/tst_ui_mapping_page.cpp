#include "models/mapping_model.h"
#include "models/project_document.h"
#include "ui/collections_page.h"
#include "ui/main_window.h"
#include "ui/mapping_page.h"
#include "ui/migration_wizard.h"

#include <QLineEdit>
#include <QTableView>
#include <QtTest>

#include "support/wizard_steps.h"

using namespace ferry;
using ferry::test::nextTo;

// The mapping grid by keyboard: F2 edits a column name, Enter commits it, and the main
// window's Ctrl+Z / Ctrl+Shift+Z undo and redo it.
class TestMappingPage : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void renameByKeyboardAndUndo();
};

void TestMappingPage::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    if (MigrationWizard::demoSourceDir().isEmpty())
        qputenv("FERRY_DEMO_DIR", (QCoreApplication::applicationDirPath() +
                                   QStringLiteral("/../../resources/demo/shop"))
                                      .toLocal8Bit());
    QVERIFY(!MigrationWizard::demoSourceDir().isEmpty());
}

void TestMappingPage::renameByKeyboardAndUndo()
{
    MainWindow window;
    window.show();
    QApplication::setActiveWindow(&window);
    QVERIFY(QTest::qWaitForWindowActive(&window));
    MigrationWizard *wizard = window.wizard();
    window.startDemo();
    QVERIFY(nextTo(*wizard, MigrationWizard::TargetPageId));
    QVERIFY(nextTo(*wizard, MigrationWizard::CollectionsPageId));
    auto *collections = qobject_cast<CollectionsPage *>(wizard->currentPage());
    QTRY_VERIFY_WITH_TIMEOUT(collections->isComplete(), 60000);
    wizard->next();
    auto *page = qobject_cast<MappingPage *>(wizard->currentPage());
    QVERIFY(page);
    page->selectCollection(QStringLiteral("products"));

    auto *view = page->findChild<QTableView *>(QStringLiteral("columnView"));
    MappingModel *model = page->mappingModel();
    int row = -1;
    for (int r = 0; r < model->rowCount() && row < 0; ++r) {
        if (model->table()->columns[size_t(r)].role == ColumnRole::Value &&
            model->table()->columns[size_t(r)].source != QStringLiteral("_id"))
            row = r;
    }
    QVERIFY(row >= 0);
    const QString before = model->index(row, MappingModel::NameColumn).data().toString();
    view->setFocus();
    view->setCurrentIndex(model->index(row, MappingModel::NameColumn));
    QTest::keyClick(view, Qt::Key_F2);
    auto *editor = view->findChild<QLineEdit *>();
    QVERIFY(editor);
    editor->selectAll();
    QTest::keyClicks(editor, QStringLiteral("label"));
    QTest::keyClick(editor, Qt::Key_Return);
    // The delegate commits from a queued call.
    QTRY_COMPARE(model->index(row, MappingModel::NameColumn).data().toString(),
                 QStringLiteral("label"));
    QVERIFY(window.isWindowModified());

    QTest::keyClick(&window, Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(model->index(row, MappingModel::NameColumn).data().toString(), before);
    QTest::keyClick(&window, Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(model->index(row, MappingModel::NameColumn).data().toString(),
             QStringLiteral("label"));
}

QTEST_MAIN(TestMappingPage)
#include "tst_ui_mapping_page.moc"

#include "models/mapping_edits.h"
#include "models/mapping_model.h"
#include "models/project_document.h"
#include "ui/collections_page.h"
#include "ui/main_window.h"
#include "ui/mapping_page.h"
#include "ui/migration_wizard.h"

#include <QLineEdit>
#include <QTableView>
#include <QTemporaryDir>
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
    void previewAfterReopen();
};

void TestMappingPage::initTestCase()
{
    QVERIFY2(ferry::test::prepareWizardTest(), "the demo dump is part of the checkout");
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

// Reopening a project whose mapping page showed a collection before: the samples arrive
// after the project, without a mapping change, and must still fill the preview. JSON cells
// read as one line (not "[ …" of a wrapped value), the whole value in their tooltip.
void TestMappingPage::previewAfterReopen()
{
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    MainWindow window;
    window.show();
    MigrationWizard *wizard = window.wizard();
    window.startDemo();
    const auto toMapping = [&] {
        QVERIFY(nextTo(*wizard, MigrationWizard::TargetPageId));
        QVERIFY(nextTo(*wizard, MigrationWizard::CollectionsPageId));
        auto *collections = qobject_cast<CollectionsPage *>(wizard->currentPage());
        QTRY_VERIFY_WITH_TIMEOUT(collections->isComplete(), 60000);
        wizard->next();
        QVERIFY(qobject_cast<MappingPage *>(wizard->currentPage()));
    };
    toMapping();
    auto *page = qobject_cast<MappingPage *>(wizard->currentPage());
    page->selectCollection(QStringLiteral("customers"));
    auto *preview = page->findChild<QTableView *>(QStringLiteral("previewView"));
    QVERIFY(!preview->wordWrap());
    QTRY_VERIFY(preview->model()->rowCount() > 0);

    const QString file = tmp.filePath(QStringLiteral("shop.ferry"));
    QVERIFY(!wizard->saveProject(file).isError());
    QVERIFY(!wizard->openProject(file).isError());
    QCOMPARE(wizard->currentId(), int(MigrationWizard::SourcePageId));
    toMapping();
    QCOMPARE(wizard->currentPage(), page);
    page->selectCollection(QStringLiteral("customers"));
    QVERIFY2(preview->model()->rowCount() > 0, "the preview of a reopened project has rows");

    // The customers' tags stored as one JSON column give JSON cells.
    const QString wanted = QStringLiteral("tags");
    wizard->document()->modify(QStringLiteral("tags as JSON"), [&](Project &p) {
        CollectionMapping *c = p.findCollection(QStringLiteral("customers"));
        setArrayStrategy(*c, wanted, ArrayStrategy::JsonColumn,
                         wizard->document()->schema(QStringLiteral("customers"))->find(wanted),
                         nullptr, p.targetDialect());
    });
    int column = -1;
    for (int c = 0; c < preview->model()->columnCount(); ++c) {
        if (preview->model()->headerData(c, Qt::Horizontal).toString() == wanted)
            column = c;
    }
    QVERIFY(column >= 0);
    bool sawArray = false;
    for (int r = 0; r < preview->model()->rowCount(); ++r) {
        const QModelIndex cell = preview->model()->index(r, column);
        const QString shown = cell.data().toString();
        if (!shown.startsWith(QLatin1Char('[')) || shown == QStringLiteral("[]"))
            continue;
        sawArray = true;
        QVERIFY2(!shown.contains(QLatin1Char('\n')) && !shown.startsWith(QStringLiteral("[ ")),
                 qPrintable(shown));
        QVERIFY2(shown.contains(QLatin1Char('"')), qPrintable(shown));
        QVERIFY(cell.data(Qt::ToolTipRole).toString().size() >= shown.size());
    }
    QVERIFY2(sawArray, "some sampled customer has tags");
}

QTEST_MAIN(TestMappingPage)
#include "tst_ui_mapping_page.moc"

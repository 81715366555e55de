// The target schema diagram beside the mapping editor, on the demo shop going into
// PostgreSQL: what it draws, opening a table by click and by keyboard, renames showing at
// once, zoom, SVG/PNG export, a dark palette, and 200 tables.
#include "models/mapping_model.h"
#include "models/project_document.h"
#include "models/schema_graph.h"
#include "support/test_services.h"
#include "ui/collections_page.h"
#include "ui/mapping_page.h"
#include "ui/migration_wizard.h"
#include "ui/schema_diagram_panel.h"
#include "ui/schema_diagram_view.h"

#include <QLineEdit>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QXmlStreamReader>
#include "support/wizard_steps.h"

#include <QtTest>

using namespace ferry;
using namespace ferry::test;

class TestSchemaDiagram : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void demoShopIntoPostgres();
    void exportAndPalette();
    void twoHundredTables();

private:
    MappingPage *openMapping(MigrationWizard &wizard);
    void shot(QWidget *w, const QString &name);

    QTemporaryDir m_dir;
    QString m_target;
};

void TestSchemaDiagram::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    if (MigrationWizard::demoSourceDir().isEmpty())
        qputenv("FERRY_DEMO_DIR",
                (sourceDir() + QStringLiteral("/resources/demo/shop")).toLocal8Bit());
    QVERIFY(!MigrationWizard::demoSourceDir().isEmpty());
    m_target = freshPostgresDatabase(QStringLiteral("diagram"));
    QVERIFY2(!m_target.isEmpty(), "PostgreSQL is not running: run the tests through ctest");
}

MappingPage *TestSchemaDiagram::openMapping(MigrationWizard &wizard)
{
    if (!wizard.startDemo())
        return nullptr;
    if (!test::nextTo(wizard, MigrationWizard::TargetPageId))
        return nullptr;
    auto *uri = wizard.currentPage()->findChild<QLineEdit *>(QStringLiteral("uriEdit"));
    if (!uri)
        return nullptr;
    uri->setText(m_target);
    if (!test::nextTo(wizard, MigrationWizard::CollectionsPageId))
        return nullptr;
    auto *collections = qobject_cast<CollectionsPage *>(wizard.currentPage());
    if (!collections ||
        !QTest::qWaitFor([collections] { return collections->isComplete(); }, 60000))
        return nullptr;
    wizard.next();
    auto *page = qobject_cast<MappingPage *>(wizard.currentPage());
    if (page)
        page->tabs()->setCurrentWidget(page->diagram());
    return page;
}

void TestSchemaDiagram::shot(QWidget *w, const QString &name)
{
    const QString dir = qEnvironmentVariable("FERRY_SCREENSHOT_DIR");
    if (dir.isEmpty())
        return;
    QDir().mkpath(dir);
    QVERIFY(w->grab().save(dir + QLatin1Char('/') + name));
}

void TestSchemaDiagram::demoShopIntoPostgres()
{
    for (const QSize size : {QSize(1280, 800), QSize(800, 600)}) {
        MigrationWizard wizard;
        wizard.setMinimumSize(size);
        wizard.resize(size);
        wizard.show();
        QVERIFY(QTest::qWaitForWindowExposed(&wizard));
        MappingPage *page = openMapping(wizard);
        QVERIFY(page);
        SchemaDiagramView *view = page->diagram()->view();
        const Project &project = wizard.document()->project();
        // A box per table the run creates, a link per child table and per reference.
        qsizetype tables = 0, children = 0;
        for (const CollectionMapping &c : project.collections)
            if (c.enabled) {
                tables += qsizetype(c.tables().size());
                children += qsizetype(c.tables().size()) - 1;
            }
        QCOMPARE(view->graph().tables.size(), tables);
        QVERIFY(children > 0);
        QVERIFY(view->graph().links.size() >= children);
        for (int i = 0; i < tables; ++i)
            for (int j = i + 1; j < tables; ++j)
                QVERIFY(!view->boxRect(i).intersects(view->boxRect(j)));
        const QString suffix = QStringLiteral("-%1x%2.png").arg(size.width()).arg(size.height());
        view->fitAll();
        shot(&wizard, QStringLiteral("mapping-diagram-shop-postgres") + suffix);
        if (size.width() < 1000)
            continue;

        // Click a child table: the editor opens on it.
        int child = -1;
        for (int i = 0; i < tables && child < 0; ++i)
            if (!view->graph().tables[i].path.isEmpty())
                child = i;
        QVERIFY(child >= 0);
        const GraphTable picked = view->graph().tables[child];
        view->centerOn(view->boxRect(child).center());
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {},
                          view->mapFromScene(view->boxRect(child).center()));
        QCOMPARE(page->tabs()->currentIndex(), 0);
        QCOMPARE(page->mappingModel()->collection(), picked.collection);
        QCOMPARE(page->mappingModel()->tablePath(), picked.path);

        // By keyboard: Tab enters the boxes, arrows move, Enter opens.
        page->tabs()->setCurrentWidget(page->diagram());
        page->tabs()->setFocus(Qt::OtherFocusReason);
        view->setFocus(Qt::TabFocusReason);
        QCOMPARE(view->currentTable(), 0);
        QTest::keyClick(view, Qt::Key_Tab);
        QCOMPARE(view->currentTable(), 1);
        QTest::keyClick(view, Qt::Key_Backtab);
        QCOMPARE(view->currentTable(), 0);
        QTest::keyClick(view, Qt::Key_Right);
        const int moved = view->currentTable();
        QVERIFY(moved != 0);
        QVERIFY(view->boxRect(moved).center().x() > view->boxRect(0).center().x());
        QTest::keyClick(view, Qt::Key_Return);
        QCOMPARE(page->tabs()->currentIndex(), 0);
        QCOMPARE(page->mappingModel()->collection(), view->graph().tables[moved].collection);

        // A rename in the editor shows in the diagram at once.
        page->tabs()->setCurrentWidget(page->diagram());
        MappingModel *model = page->mappingModel();
        int row = -1;
        for (int r = 0; r < model->rowCount() && row < 0; ++r)
            if (model->table()->columns[size_t(r)].role == ColumnRole::Value &&
                !model->table()->columns[size_t(r)].primaryKey)
                row = r;
        QVERIFY(row >= 0);
        QVERIFY(model->setData(model->index(row, MappingModel::NameColumn),
                               QStringLiteral("renamed_here")));
        const int box = view->graph().indexOf(model->collection(), model->tablePath());
        QVERIFY(box >= 0);
        bool found = false;
        for (const GraphColumn &c : view->graph().tables[box].columns)
            found = found || c.name == QStringLiteral("renamed_here");
        QVERIFY(found);

        // Zoom from the keyboard, then fit.
        const qreal before = view->zoom();
        QTest::keyClick(view, Qt::Key_Plus, Qt::ControlModifier);
        QVERIFY(view->zoom() > before);
        QTest::keyClick(view, Qt::Key_Minus, Qt::ControlModifier);
        QTest::keyClick(view, Qt::Key_Minus, Qt::ControlModifier);
        QVERIFY(view->zoom() < before);
        QTest::keyClick(view, Qt::Key_0, Qt::ControlModifier);
        QVERIFY(view->zoom() <= 1.0);
    }
}

void TestSchemaDiagram::exportAndPalette()
{
    Project project;
    project.targetUri = QStringLiteral("sqlite:x.sqlite");
    CollectionMapping orders;
    orders.collection = QStringLiteral("orders");
    orders.root.table = QStringLiteral("orders");
    orders.root.columns = {{QStringLiteral("_id"), QStringLiteral("id"), ColumnType::Text,
                            ColumnRole::Value, Conversion::Auto, false, true},
                           {QStringLiteral("note"), QStringLiteral("note <&>")}};
    TableMapping items;
    items.table = QStringLiteral("orders_items");
    items.kind = TableKind::Array;
    items.source = QStringLiteral("items");
    items.columns = {
        {QString(), QStringLiteral("order_id"), ColumnType::Text, ColumnRole::ParentKey}};
    orders.root.children.push_back(items);
    project.collections.push_back(orders);

    SchemaDiagramView view;
    view.resize(600, 400);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.setGraph(targetSchemaGraph(project));
    QCOMPARE(view.graph().tables.size(), qsizetype(2));
    QCOMPARE(view.graph().links.size(), qsizetype(1));

    // SVG: well-formed, every table and column named, special characters escaped.
    const QString svg = view.toSvg();
    QXmlStreamReader xml(svg);
    int rects = 0;
    QStringList texts;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement() && xml.name() == QLatin1String("rect"))
            ++rects;
        if (xml.isStartElement() && xml.name() == QLatin1String("text"))
            texts.append(xml.readElementText());
    }
    QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
    QVERIFY(rects >= 1 + 2 * 2);
    QVERIFY(texts.contains(QStringLiteral("orders_items")));
    QVERIFY(texts.contains(QStringLiteral("note <&>")));
    QVERIFY(texts.contains(QStringLiteral("PK id")));

    QTemporaryDir dir;
    QVERIFY(view.exportTo(dir.filePath(QStringLiteral("d.svg"))).isEmpty());
    QVERIFY(view.exportTo(dir.filePath(QStringLiteral("d.png"))).isEmpty());
    QImage png(dir.filePath(QStringLiteral("d.png")));
    QVERIFY(!png.isNull());
    QVERIFY(!view.exportTo(dir.filePath(QStringLiteral("no/such/dir/d.png"))).isEmpty());

    // A dark palette: the drawing follows it (background and box body from the palette).
    QPalette dark;
    dark.setColor(QPalette::Window, QColor(0x20, 0x20, 0x24));
    dark.setColor(QPalette::Base, QColor(0x2b, 0x2b, 0x30));
    dark.setColor(QPalette::Text, QColor(0xee, 0xee, 0xee));
    dark.setColor(QPalette::PlaceholderText, QColor(0xa0, 0xa0, 0xa0));
    dark.setColor(QPalette::Mid, QColor(0x60, 0x60, 0x66));
    view.setPalette(dark);
    const QImage image = view.toImage();
    QCOMPARE(image.pixelColor(2, 2), dark.color(QPalette::Window));
    const QPointF body = view.boxRect(0).bottomLeft() + QPointF(6, -4) - view.sceneRect().topLeft();
    QCOMPARE(image.pixelColor(body.toPoint()), dark.color(QPalette::Base));
    QVERIFY(view.toSvg().contains(dark.color(QPalette::Window).name()));
}

void TestSchemaDiagram::twoHundredTables()
{
    Project project;
    for (int i = 0; i < 100; ++i) {
        CollectionMapping c;
        c.collection = QStringLiteral("c%1").arg(i);
        c.root.table = c.collection;
        for (int k = 0; k < 1 + i % 9; ++k)
            c.root.columns.push_back({QStringLiteral("f%1").arg(k), QStringLiteral("f%1").arg(k)});
        TableMapping child;
        child.table = c.collection + QStringLiteral("_lines");
        child.kind = TableKind::Array;
        child.source = QStringLiteral("lines");
        child.columns = {
            {QString(), QStringLiteral("parent"), ColumnType::Text, ColumnRole::ParentKey}};
        c.root.children.push_back(child);
        if (i > 0)
            c.references.push_back(
                {QStringLiteral("f0"), QStringLiteral("c%1").arg(i / 3), QStringLiteral("f0")});
        project.collections.push_back(c);
    }
    SchemaDiagramView view;
    view.resize(1000, 700);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.setGraph(targetSchemaGraph(project));
    QCOMPARE(view.graph().tables.size(), qsizetype(200));
    for (int i = 0; i < 200; ++i)
        for (int j = i + 1; j < 200; ++j)
            QVERIFY(!view.boxRect(i).intersects(view.boxRect(j)));
    view.fitAll();
    QVERIFY(view.zoom() <= 1.0);
    // The whole graph again after an edit keeps the focus on the same table.
    view.setCurrentTable(150);
    project.collections[75].root.columns[0].column = QStringLiteral("renamed");
    view.setGraph(targetSchemaGraph(project));
    QCOMPARE(view.currentTable(), 150);
}

QTEST_MAIN(TestSchemaDiagram)
#include "tst_ui_schema_diagram.moc"

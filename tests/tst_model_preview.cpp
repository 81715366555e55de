#include "model_test_data.h"
#include "models/mapping_edits.h"
#include "models/mapping_model.h"
#include "models/preview_model.h"

#include <QAbstractItemModelTester>
#include <QtTest>

using namespace ferry;

class TestPreviewModel : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void rootRows();
    void childRowsAndEdits();
};

static int columnOf(const QAbstractItemModel &model, const QString &name)
{
    for (int c = 0; c < model.columnCount(); ++c) {
        if (model.headerData(c, Qt::Horizontal).toString() == name)
            return c;
    }
    return -1;
}

void TestPreviewModel::rootRows()
{
    ProjectDocument doc;
    testdata::loadOrders(doc);
    PreviewModel model(&doc);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setTable(QStringLiteral("orders"), {});
    QCOMPARE(model.rowCount(), 3);
    const int customer = columnOf(model, QStringLiteral("customer"));
    QVERIFY(customer >= 0);
    QCOMPARE(model.index(0, customer).data().toString(), QStringLiteral("Ada"));
    const int city = columnOf(model, QStringLiteral("address_city"));
    QCOMPARE(model.index(2, city).data().toString(), QStringLiteral("Helsinki"));
    QVERIFY(model.rejects().isEmpty());
}

void TestPreviewModel::childRowsAndEdits()
{
    ProjectDocument doc;
    testdata::loadOrders(doc);
    PreviewModel preview(&doc);
    QAbstractItemModelTester tester(&preview,
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    const QList<TablePath> paths =
        tablePaths(*doc.project().findCollection(QStringLiteral("orders")));
    TablePath itemsTable;
    for (const TablePath &p : paths) {
        if (!p.isEmpty() &&
            tableAt(*doc.project().findCollection(QStringLiteral("orders")), p)->source ==
                QStringLiteral("items"))
            itemsTable = p;
    }
    QVERIFY(!itemsTable.isEmpty());
    preview.setTable(QStringLiteral("orders"), itemsTable);
    QCOMPARE(preview.rowCount(), 3); // 2 + 1 + 0 items
    QCOMPARE(preview.index(2, columnOf(preview, QStringLiteral("sku"))).data().toString(),
             QStringLiteral("C-3"));

    // A rename through the mapping model shows in the preview's header at once.
    MappingModel mapping(&doc);
    mapping.setTable(QStringLiteral("orders"), itemsTable);
    int skuRow = -1;
    for (int r = 0; r < mapping.rowCount(); ++r) {
        if (mapping.index(r, 0).data().toString() == QStringLiteral("sku"))
            skuRow = r;
    }
    QVERIFY(mapping.setData(mapping.index(skuRow, 0), QStringLiteral("article")));
    QVERIFY(columnOf(preview, QStringLiteral("article")) >= 0);
    doc.undoStack()->undo();
    QVERIFY(columnOf(preview, QStringLiteral("sku")) >= 0);

    // Storing the array as JSON removes the child table and adds a JSON column to the root.
    preview.setTable(QStringLiteral("orders"), {});
    const FieldNode *node = doc.schema(QStringLiteral("orders"))->find(QStringLiteral("items"));
    doc.modify(QStringLiteral("json"), [&](Project &p) {
        setArrayStrategy(*p.findCollection(QStringLiteral("orders")), QStringLiteral("items"),
                         ArrayStrategy::JsonColumn, node, nullptr, p.targetDialect());
    });
    const int items = columnOf(preview, QStringLiteral("items"));
    QVERIFY(items >= 0);
    const QString json = preview.index(0, items).data().toString();
    QVERIFY2(json.contains(QStringLiteral("A-1")) && json.startsWith(QLatin1Char('[')),
             qPrintable(json));
}

QTEST_MAIN(TestPreviewModel)
#include "tst_model_preview.moc"

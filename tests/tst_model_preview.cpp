#include "model_test_data.h"
#include "models/json_cell_text.h"
#include "models/mapping_edits.h"
#include "models/mapping_model.h"
#include "models/preview_model.h"

#include <QAbstractItemModelTester>
#include <QtTest>

using namespace ferry;
using namespace Qt::StringLiterals;

class TestPreviewModel : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void rootRows();
    void childRowsAndEdits();
    void numberPairCell();
    void jsonCellText_data();
    void jsonCellText();
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

// A PostgreSQL array column previews as its values on one line.
void TestPreviewModel::numberPairCell()
{
    ProjectDocument doc;
    testdata::loadPlaces(doc, QStringLiteral("postgresql://localhost/geo"));
    PreviewModel model(&doc);
    model.setTable(QStringLiteral("places"), {});
    QCOMPARE(model.rowCount(), 2);
    const int coordinates = columnOf(model, QStringLiteral("geo_coordinates"));
    QVERIFY(coordinates >= 0);
    QCOMPARE(model.index(0, coordinates).data().toString(), u"[-93.24565, 44.85466]"_s);
}

void TestPreviewModel::jsonCellText_data()
{
    QTest::addColumn<QString>("json");
    QTest::addColumn<QString>("oneLine");
    QTest::addColumn<QString>("indented");
    QTest::newRow("pair") << u"[ -93.24565, 44.85466 ]"_s << u"[-93.24565, 44.85466]"_s
                          << u"[\n  -93.24565,\n  44.85466\n]"_s;
    QTest::newRow("nested") << u"{ \"a\" : [ 1, { } ], \"b\" : \"x , [ y\" }"_s
                            << u"{\"a\": [1, {}], \"b\": \"x , [ y\"}"_s
                            << u"{\n  \"a\": [\n    1,\n    {}\n  ],\n  \"b\": \"x , [ y\"\n}"_s;
    QTest::newRow("escaped quote")
        << u"[ \"say \\\" hi\" ]"_s << u"[\"say \\\" hi\"]"_s << u"[\n  \"say \\\" hi\"\n]"_s;
    QTest::newRow("long") << u"[ %1 ]"_s.arg(u"12345, "_s.repeated(20) + u"6"_s)
                          << u"[12345, 12345, 12345, 12345, 12345, 12345, 12345, 12345, 123…"_s
                          << QString();
    QTest::newRow("scalar") << u"42"_s << u"42"_s << u"42"_s;
}

void TestPreviewModel::jsonCellText()
{
    QFETCH(QString, json);
    QFETCH(QString, oneLine);
    QFETCH(QString, indented);
    QCOMPARE(jsonOneLine(json, 60), oneLine);
    if (!indented.isEmpty())
        QCOMPARE(jsonIndented(json, 40), indented);
    else // cut after the line limit, and says so
        QCOMPARE(jsonIndented(json, 5).split(u'\n').size(), 6);
}

QTEST_MAIN(TestPreviewModel)
#include "tst_model_preview.moc"

#include "model_test_data.h"
#include "models/field_tree_model.h"
#include "models/mapping_edits.h"

#include <QAbstractItemModelTester>
#include <QtTest>

using namespace ferry;

class TestFieldTreeModel : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void showsFieldsWithPresenceAndTypes();
    void flagsMixedTypes();
    void excludeAndUndo();
};

static QModelIndex childNamed(const QAbstractItemModel &model, const QString &name,
                              const QModelIndex &parent = {})
{
    for (int r = 0; r < model.rowCount(parent); ++r) {
        const QModelIndex i = model.index(r, 0, parent);
        if (i.data(FieldTreeModel::PathRole).toString().endsWith(name))
            return i;
    }
    return {};
}

void TestFieldTreeModel::showsFieldsWithPresenceAndTypes()
{
    ProjectDocument doc;
    testdata::loadOrders(doc);
    FieldTreeModel model(&doc);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setCollection(QStringLiteral("orders"));
    QCOMPARE(model.rowCount(), 7); // _id customer total code address items tags
    const QModelIndex customer = childNamed(model, QStringLiteral("customer"));
    QVERIFY(customer.isValid());
    QCOMPARE(customer.siblingAtColumn(FieldTreeModel::PresenceColumn).data().toString(),
             QStringLiteral("100.0 %"));
    QCOMPARE(customer.siblingAtColumn(FieldTreeModel::TypesColumn).data().toString(),
             QStringLiteral("string 3"));
    // A plain field says where it lands too, not only arrays.
    const QString landed =
        customer.siblingAtColumn(FieldTreeModel::StrategyColumn).data().toString();
    QVERIFY2(landed.startsWith(QStringLiteral("customer (")), qPrintable(landed));
    const QModelIndex items = childNamed(model, QStringLiteral("items"));
    QVERIFY(items.data(FieldTreeModel::IsArrayRole).toBool());
    QCOMPARE(model.rowCount(items), 1); // the "[]" element
    const QModelIndex element = model.index(0, 0, items);
    QCOMPARE(element.data().toString(), QStringLiteral("[]"));
    QCOMPARE(model.rowCount(element), 2); // sku, qty
    QCOMPARE(model.parent(model.index(0, 0, element)), element);
    QCOMPARE(items.siblingAtColumn(FieldTreeModel::StrategyColumn).data().toString(),
             arrayStrategyLabel(ArrayStrategy::ChildTable));
}

void TestFieldTreeModel::flagsMixedTypes()
{
    ProjectDocument doc;
    testdata::loadOrders(doc);
    FieldTreeModel model(&doc);
    model.setCollection(QStringLiteral("orders"));
    const QModelIndex code = childNamed(model, QStringLiteral("code"));
    QVERIFY(code.data(FieldTreeModel::MixedTypesRole).toBool());
    const QString types = code.siblingAtColumn(FieldTreeModel::TypesColumn).data().toString();
    QVERIFY2(types.contains(QStringLiteral("int32 2")) &&
                 types.contains(QStringLiteral("string 1")),
             qPrintable(types));
    QVERIFY(code.siblingAtColumn(FieldTreeModel::TypesColumn).data(Qt::ForegroundRole).isValid());
    QVERIFY(!childNamed(model, QStringLiteral("customer"))
                 .data(FieldTreeModel::MixedTypesRole)
                 .toBool());
}

void TestFieldTreeModel::excludeAndUndo()
{
    ProjectDocument doc;
    testdata::loadOrders(doc);
    FieldTreeModel model(&doc);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setCollection(QStringLiteral("orders"));
    const CollectionMapping before = *doc.project().findCollection(QStringLiteral("orders"));

    const QModelIndex address = childNamed(model, QStringLiteral("address"));
    QCOMPARE(address.data(Qt::CheckStateRole).toInt(), int(Qt::Checked));
    QVERIFY(model.setData(address, Qt::Unchecked, Qt::CheckStateRole));
    const CollectionMapping *after = doc.project().findCollection(QStringLiteral("orders"));
    QVERIFY(after->excluded.contains(QStringLiteral("address")));
    for (const ColumnMapping &c : after->root.columns)
        QVERIFY2(!c.source.startsWith(QStringLiteral("address")), qPrintable(c.source));
    QCOMPARE(address.data(Qt::CheckStateRole).toInt(), int(Qt::Unchecked));
    QVERIFY(doc.isModified());

    doc.undoStack()->undo();
    QCOMPARE(*doc.project().findCollection(QStringLiteral("orders")), before);
    QVERIFY(!doc.isModified());
    doc.undoStack()->redo();
    QVERIFY(doc.project()
                .findCollection(QStringLiteral("orders"))
                ->excluded.contains(QStringLiteral("address")));

    // Including it again brings back the columns the proposal had.
    QVERIFY(model.setData(address, Qt::Checked, Qt::CheckStateRole));
    const CollectionMapping *again = doc.project().findCollection(QStringLiteral("orders"));
    QVERIFY(again->excluded.isEmpty());
    int addressColumns = 0;
    for (const ColumnMapping &c : again->root.columns)
        addressColumns += c.source.startsWith(QStringLiteral("address.")) ? 1 : 0;
    QCOMPARE(addressColumns, 2);
}

QTEST_MAIN(TestFieldTreeModel)
#include "tst_model_field_tree.moc"

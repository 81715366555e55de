#include "model_test_data.h"
#include "models/collections_model.h"

#include <QAbstractItemModelTester>
#include <QtTest>

using namespace ferry;

class TestCollectionsModel : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void editsAndUndo();
};

void TestCollectionsModel::editsAndUndo()
{
    ProjectDocument doc;
    testdata::loadOrders(doc);
    CollectionsModel model(&doc);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 1);

    // A second collection arrives (e.g. the source was read again): rows are reset.
    doc.modify(QStringLiteral("add"), [](Project &p) {
        CollectionMapping c = p.collections.front();
        c.collection = QStringLiteral("archive");
        c.root.table = QStringLiteral("archive");
        c.root.children.clear();
        p.collections.push_back(c);
    });
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.enabledCount(), 2);
    CollectionInfo info;
    info.name = QStringLiteral("orders");
    info.count = 1234;
    doc.setCollectionInfos({info});
    QCOMPARE(model.index(0, CollectionsModel::CountColumn).data().toString(),
             QLocale().toString(1234));
    QCOMPARE(model.index(1, CollectionsModel::CountColumn).data().toString(), tr("unknown"));

    QVERIFY(model.setData(model.index(1, 0), Qt::Unchecked, Qt::CheckStateRole));
    QCOMPARE(model.enabledCount(), 1);
    QVERIFY(model.setData(model.index(1, 0), Qt::Checked, Qt::CheckStateRole));

    // Same table name twice is refused through the problem role.
    QVERIFY(model.setData(model.index(1, CollectionsModel::TableColumn), QStringLiteral("Orders")));
    QVERIFY(!model.index(1, CollectionsModel::TableColumn)
                 .data(CollectionsModel::ProblemRole)
                 .toString()
                 .isEmpty());
    QCOMPARE(model.problems().size(), 2);
    doc.undoStack()->undo();
    QVERIFY(model.problems().isEmpty());

    QVERIFY(model.moveCollection(1, -1));
    QCOMPARE(model.index(0, 0).data().toString(), QStringLiteral("archive"));
    QVERIFY(!model.moveCollection(0, -1));
    doc.undoStack()->undo();
    QCOMPARE(model.index(0, 0).data().toString(), QStringLiteral("orders"));
    doc.undoStack()->undo(); // checked again
    doc.undoStack()->undo(); // unchecked
    doc.undoStack()->undo(); // the second collection is gone again
    QCOMPARE(model.rowCount(), 1);
}

QTEST_MAIN(TestCollectionsModel)
#include "tst_model_collections.moc"

#include "model_test_data.h"
#include "models/collections_model.h"

#include <QAbstractItemModelTester>
#include <QtTest>

using namespace ferry;

class TestCollectionsModel : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void editsAndUndo();
    void skippedRowsAndTimeseries();
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

// What the source leaves out is listed below the project's collections, greyed and out of
// reach; a time-series collection is a collection like the others, marked as such.
void TestCollectionsModel::skippedRowsAndTimeseries()
{
    ProjectDocument doc;
    testdata::loadOrders(doc);
    CollectionsModel model(&doc);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 1);
    doc.setCollectionInfos(
        doc.collectionInfos(),
        {{QStringLiteral("recent"), QStringLiteral("view"), QStringLiteral("a view on \"orders\"")},
         {QStringLiteral("system.js"), QStringLiteral("system"),
          QStringLiteral("a system collection")}});
    QCOMPARE(model.rowCount(), 3);
    QVERIFY(!model.isSkippedRow(0));
    QVERIFY(model.isSkippedRow(1) && model.isSkippedRow(2));
    QCOMPARE(model.index(1, CollectionsModel::NameColumn).data().toString(),
             QStringLiteral("recent"));
    QCOMPARE(model.index(1, CollectionsModel::KindColumn).data().toString(),
             QStringLiteral("view"));
    QCOMPARE(model.index(2, CollectionsModel::KindColumn).data().toString(),
             QStringLiteral("system"));
    QCOMPARE(model.index(1, CollectionsModel::TableColumn).data().toString(),
             QStringLiteral("not migrated: a view on \"orders\""));
    QCOMPARE(model.flags(model.index(1, 0)), Qt::ItemFlags(Qt::NoItemFlags));
    QVERIFY(!model.setData(model.index(1, 0), Qt::Checked, Qt::CheckStateRole));
    QVERIFY(!model.moveCollection(0, 1)); // nothing moves into the left-out rows
    QCOMPARE(model.enabledCount(), 1);

    const QString name = doc.project().collections.front().collection;
    QCOMPARE(model.index(0, CollectionsModel::KindColumn).data().toString(),
             QStringLiteral("collection"));
    CollectionInfo info;
    info.name = name;
    info.count = 42;
    info.timeseries = true;
    doc.setCollectionInfos({info});
    QCOMPARE(model.index(0, CollectionsModel::KindColumn).data().toString(),
             QStringLiteral("time-series"));
    QVERIFY(model.flags(model.index(0, 0)) & Qt::ItemIsUserCheckable);
    QVERIFY(
        !model.index(0, CollectionsModel::KindColumn).data(Qt::ToolTipRole).toString().isEmpty());

    doc.clearSourceData();
    QCOMPARE(model.rowCount(), 1);
}

QTEST_MAIN(TestCollectionsModel)
#include "tst_model_collections.moc"

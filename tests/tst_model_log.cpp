#include "models/log_model.h"
#include "models/progress_model.h"
#include "models/report_model.h"

#include <QAbstractItemModelTester>
#include <QFont>
#include <QtTest>

using namespace ferry;

class TestLogModel : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void appendsAndFilters();
    void progressRows();
    void collectionsUnderWayStandOut();
    void reportRows();
};

void TestLogModel::appendsAndFilters()
{
    LogModel log;
    LogFilterModel filter;
    filter.setSourceModel(&log);
    QAbstractItemModelTester t1(&log, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester t2(&filter, QAbstractItemModelTester::FailureReportingMode::QtTest);
    log.append(0, QStringLiteral("orders: 100 documents"));
    log.append(1, QStringLiteral("orders: document rejected: bad date"));
    log.append(2, QStringLiteral("cannot connect"));
    QCOMPARE(log.rowCount(), 3);
    QCOMPARE(log.count(1), 1);
    filter.setMinimumLevel(1);
    QCOMPARE(filter.rowCount(), 2);
    filter.setFilterFixedString(QStringLiteral("REJECTED"));
    QCOMPARE(filter.rowCount(), 1);
    QVERIFY(log.toPlainText().contains(QStringLiteral("cannot connect")));
    log.clear();
    QCOMPARE(filter.rowCount(), 0);
}

void TestLogModel::progressRows()
{
    ProgressModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    RunProgress p;
    CollectionProgress c;
    c.name = QStringLiteral("orders");
    c.total = 200;
    c.read = 50;
    p.collections.push_back(c);
    p.current = 0;
    model.setProgress(p);
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(
        model.index(0, ProgressModel::ProgressColumn).data(ProgressModel::FractionRole).toDouble(),
        0.25);
    p.collections[0].read = 200;
    p.collections[0].done = true;
    model.setProgress(p);
    QCOMPARE(model.index(0, ProgressModel::ProgressColumn).data().toString(),
             QStringLiteral("100 %"));
}

void TestLogModel::collectionsUnderWayStandOut()
{
    ProgressModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    RunProgress p;
    for (const char *name : {"done", "moving", "current", "waiting"}) {
        CollectionProgress c;
        c.name = QString::fromLatin1(name);
        c.total = 100;
        p.collections.push_back(c);
    }
    p.collections[0].read = 100;
    p.collections[0].done = true;
    p.collections[1].read = 40; // side by side with the one begun last
    p.current = 2;
    model.setProgress(p);
    const auto bold = [&](int row) {
        return model.index(row, ProgressModel::NameColumn).data(Qt::FontRole).value<QFont>().bold();
    };
    QVERIFY(!bold(0));
    QVERIFY(bold(1));
    QVERIFY(bold(2));
    QVERIFY(!bold(3));
}

void TestLogModel::reportRows()
{
    ReportModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    RunReport report;
    CollectionReport c;
    c.name = QStringLiteral("orders");
    c.status = QStringLiteral("completed");
    c.sourceCount = 3;
    c.written = 3;
    c.tables = {{QStringLiteral("orders"), 3}, {QStringLiteral("orders_items"), 3}};
    report.collections.push_back(c);
    model.setReport(report);
    QCOMPARE(model.rowCount(), 1);
    QVERIFY(model.index(0, ReportModel::TablesColumn)
                .data()
                .toString()
                .contains(QStringLiteral("orders_items: 3")));
}

QTEST_MAIN(TestLogModel)
#include "tst_model_log.moc"

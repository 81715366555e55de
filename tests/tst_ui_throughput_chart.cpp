#include "run/run_types.h"
#include "ui/throughput_chart.h"

#include <QtTest>

using namespace ferry;

// The run page's throughput chart: bounded memory, the rate it reports, and that it paints.
class TestThroughputChart : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void keepsAtMostCapacitySamples();
    void reportsCurrentAndPeakRates();
    void restartsWhenTimeGoesBack();
    void paints();
};

void TestThroughputChart::keepsAtMostCapacitySamples()
{
    ThroughputChart chart;
    QCOMPARE(chart.capacity(), ThroughputChart::DefaultCapacity);
    for (int i = 0; i < 1000; ++i)
        chart.addSample(i * 0.25, 100 + i);
    QCOMPARE(chart.sampleCount(), ThroughputChart::DefaultCapacity);
    // The oldest samples went: the peak is the newest one, not the first 700.
    QCOMPARE(chart.currentRate(), 1099.0);
    QCOMPARE(chart.maximumRate(), 1099.0);
    chart.setCapacity(10);
    QCOMPARE(chart.sampleCount(), 10);
    chart.clear();
    QCOMPARE(chart.sampleCount(), 0);
    QCOMPARE(chart.currentRate(), 0.0);
}

void TestThroughputChart::reportsCurrentAndPeakRates()
{
    ThroughputChart chart;
    RunProgress progress;
    const QList<double> rates{50, 400, 250, 120};
    for (int i = 0; i < rates.size(); ++i) {
        progress.elapsedSeconds = i;
        progress.docsPerSecond = rates[i];
        chart.addProgress(progress);
    }
    QCOMPARE(chart.sampleCount(), 4);
    QCOMPARE(chart.currentRate(), 120.0);
    QCOMPARE(chart.maximumRate(), 400.0);
    QVERIFY2(!chart.accessibleName().isEmpty(), "the chart needs an accessible name");
    QVERIFY2(chart.toolTip().contains(QLocale().toString(120)),
             qPrintable(QStringLiteral("tooltip without the current rate: ") + chart.toolTip()));
    chart.addSample(5, qQNaN());
    QCOMPARE(chart.sampleCount(), 4);
}

void TestThroughputChart::restartsWhenTimeGoesBack()
{
    ThroughputChart chart;
    chart.addSample(10, 500);
    chart.addSample(11, 600);
    chart.addSample(0.5, 30);
    QCOMPARE(chart.sampleCount(), 1);
    QCOMPARE(chart.maximumRate(), 30.0);
}

void TestThroughputChart::paints()
{
    ThroughputChart chart;
    chart.resize(chart.sizeHint());
    for (int i = 0; i < 20; ++i)
        chart.addSample(i, (i % 5) * 100);
    const QPixmap pixmap = chart.grab();
    QVERIFY(!pixmap.isNull());
    QCOMPARE(pixmap.size(), chart.sizeHint());
}

QTEST_MAIN(TestThroughputChart)
#include "tst_ui_throughput_chart.moc"

#pragma once

#include <QPointF>
#include <QWidget>

#include <deque>

namespace ferry {

struct RunProgress;

// A small line chart of docs/s over the run's elapsed time. Painted by hand (about 130
// lines) rather than with Qt Charts, which would add 4.2 MB of libraries (QtCharts,
// QtOpenGL, QtOpenGLWidgets) to the package for one line series. Keeps only the most
// recent samples so a long run cannot grow it.
class ThroughputChart : public QWidget {
    Q_OBJECT
public:
    static constexpr int DefaultCapacity = 300;

    explicit ThroughputChart(QWidget *parent = nullptr);

    void addProgress(const RunProgress &progress);
    void addSample(double elapsedSeconds, double docsPerSecond);
    void clear();

    void setCapacity(int capacity);
    int capacity() const { return m_capacity; }
    int sampleCount() const { return int(m_samples.size()); }
    double currentRate() const { return m_samples.empty() ? 0.0 : m_samples.back().y(); }
    // Highest rate among the kept samples: the chart's vertical scale.
    double maximumRate() const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    void updateDescription();
    QString rateText(double rate) const;

    std::deque<QPointF> m_samples; // x: elapsed seconds, y: docs/s
    int m_capacity = DefaultCapacity;
};

} // namespace ferry

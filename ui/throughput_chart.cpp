#include "ui/throughput_chart.h"

#include "run/run_types.h"

#include <QLocale>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <cmath>

namespace ferry {

ThroughputChart::ThroughputChart(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("throughputChart"));
    setAccessibleName(tr("Throughput"));
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    updateDescription();
}

void ThroughputChart::addProgress(const RunProgress &progress)
{
    addSample(progress.elapsedSeconds, progress.docsPerSecond);
}

void ThroughputChart::addSample(double elapsedSeconds, double docsPerSecond)
{
    if (!std::isfinite(elapsedSeconds) || !std::isfinite(docsPerSecond))
        return;
    // Time going backwards means a new run reuses the widget: start the line over.
    if (!m_samples.empty() && elapsedSeconds < m_samples.back().x())
        m_samples.clear();
    m_samples.emplace_back(elapsedSeconds, std::max(0.0, docsPerSecond));
    while (int(m_samples.size()) > m_capacity)
        m_samples.pop_front();
    updateDescription();
    update();
}

void ThroughputChart::clear()
{
    m_samples.clear();
    updateDescription();
    update();
}

void ThroughputChart::setCapacity(int capacity)
{
    m_capacity = std::max(2, capacity);
    while (int(m_samples.size()) > m_capacity)
        m_samples.pop_front();
    updateDescription();
    update();
}

double ThroughputChart::maximumRate() const
{
    double max = 0;
    for (const QPointF &sample : m_samples)
        max = std::max(max, sample.y());
    return max;
}

QSize ThroughputChart::sizeHint() const
{
    return {320, fontMetrics().height() * 5};
}

QSize ThroughputChart::minimumSizeHint() const
{
    return {120, fontMetrics().height() * 3};
}

QString ThroughputChart::rateText(double rate) const
{
    return tr("%1 docs/s").arg(QLocale().toString(qRound64(rate)));
}

void ThroughputChart::updateDescription()
{
    const QString text =
        m_samples.empty()
            ? tr("No throughput measured yet")
            : tr("Now %1, peak %2").arg(rateText(currentRate()), rateText(maximumRate()));
    setToolTip(text);
    setAccessibleDescription(text);
}

void ThroughputChart::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const QPalette &pal = palette();
    painter.fillRect(rect(), pal.color(QPalette::Base));
    painter.setPen(pal.color(QPalette::Mid));
    painter.drawRect(rect().adjusted(0, 0, -1, -1));

    const int lineHeight = fontMetrics().height();
    const QRectF plot = QRectF(rect()).adjusted(4, lineHeight + 4, -4, -4);
    painter.setPen(pal.color(QPalette::Text));
    const QString label =
        m_samples.empty()
            ? tr("docs/s")
            : tr("%1 (peak %2)").arg(rateText(currentRate()), rateText(maximumRate()));
    painter.drawText(QRectF(rect()).adjusted(6, 2, -6, 0), Qt::AlignLeft | Qt::AlignTop, label);

    if (m_samples.size() < 2 || plot.width() <= 0 || plot.height() <= 0)
        return;
    const double maxRate = std::max(1.0, maximumRate());
    const double t0 = m_samples.front().x();
    const double span = std::max(1e-9, m_samples.back().x() - t0);
    QPainterPath line;
    QPainterPath area;
    area.moveTo(plot.left(), plot.bottom());
    for (size_t i = 0; i < m_samples.size(); ++i) {
        const QPointF p(plot.left() + (m_samples[i].x() - t0) / span * plot.width(),
                        plot.bottom() - m_samples[i].y() / maxRate * plot.height());
        if (i == 0)
            line.moveTo(p);
        else
            line.lineTo(p);
        area.lineTo(p);
    }
    area.lineTo(plot.right(), plot.bottom());
    area.closeSubpath();
    QColor fill = pal.color(QPalette::Highlight);
    fill.setAlpha(60);
    painter.fillPath(area, fill);
    painter.setPen(QPen(pal.color(QPalette::Highlight), 1.5));
    painter.drawPath(line);
}

} // namespace ferry

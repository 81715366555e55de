#include "ui/diagram_painting.h"

namespace ferry {

QColor mix(const QColor &a, const QColor &b, qreal t)
{
    return QColor::fromRgbF(float(a.redF() * (1 - t) + b.redF() * t),
                            float(a.greenF() * (1 - t) + b.greenF() * t),
                            float(a.blueF() * (1 - t) + b.blueF() * t));
}

QString elided(const QFont &font, const QString &text, qreal width)
{
    return QFontMetricsF(font).elidedText(text, Qt::ElideRight, width);
}

QPainterPath linkPath(const QRectF &from, const QRectF &to)
{
    QPainterPath path;
    if (from.right() < to.left()) {
        const QPointF a(from.right(), from.center().y());
        const QPointF b(to.left(), to.center().y());
        const qreal dx = std::max<qreal>(24, (b.x() - a.x()) / 2);
        path.moveTo(a);
        path.cubicTo(a + QPointF(dx, 0), b - QPointF(dx, 0), b);
    } else {
        // Same column or backwards (a cycle, a self-reference): loop out on the right.
        const QPointF a(from.right(), from.top() + 14);
        const QPointF b(to.right(), to.top() + 28);
        const qreal out = 40 + std::abs(a.y() - b.y()) / 8;
        path.moveTo(a);
        path.cubicTo(a + QPointF(out, 0), b + QPointF(out, 0), b);
    }
    return path;
}

QPolygonF arrowHead(const QPainterPath &path)
{
    const QPointF tip = path.pointAtPercent(1);
    const QPointF back = path.pointAtPercent(0.97);
    QLineF dir(tip, back);
    dir.setLength(9);
    QLineF left = dir, right = dir;
    left.setAngle(dir.angle() + 25);
    right.setAngle(dir.angle() - 25);
    return QPolygonF({tip, left.p2(), right.p2()});
}

QString svgColor(const QColor &c)
{
    return c.name(QColor::HexRgb);
}

QString svgPath(const QPainterPath &p)
{
    QString d;
    for (int i = 0; i < p.elementCount(); ++i) {
        const QPainterPath::Element e = p.elementAt(i);
        if (e.isMoveTo())
            d += QStringLiteral("M%1 %2 ").arg(e.x).arg(e.y);
        else if (e.isLineTo())
            d += QStringLiteral("L%1 %2 ").arg(e.x).arg(e.y);
        else if (e.isCurveTo())
            d += QStringLiteral("C%1 %2 ").arg(e.x).arg(e.y);
        else
            d += QStringLiteral("%1 %2 ").arg(e.x).arg(e.y);
    }
    return d.trimmed();
}

} // namespace ferry

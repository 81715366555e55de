#pragma once

#include "models/schema_graph.h"

#include <QColor>
#include <QFont>
#include <QFontMetricsF>
#include <QPainterPath>
#include <QPalette>
#include <QPolygonF>

#include <algorithm>
#include <cmath>

namespace ferry {

// What the diagram's items, its image and its SVG export share: sizes from the font,
// colours from the palette, and the shape of a link.

inline constexpr qreal Pad = 8;
inline constexpr qreal MinZoom = 0.1;
inline constexpr qreal MaxZoom = 4.0;

// The sizes every box is drawn with, from the view's font; SVG export uses the same.
struct Metrics {
    QFont font;
    QFont bold;
    QFont small;
    qreal line = 0;
    qreal smallLine = 0;
    explicit Metrics(const QFont &base) : font(base), bold(base), small(base)
    {
        bold.setBold(true);
        small.setPointSizeF(std::max<qreal>(6, base.pointSizeF() * 0.85));
        line = QFontMetricsF(font).height() + 4;
        smallLine = QFontMetricsF(small).height() + 2;
    }
    qreal keyWidth() const
    {
        return QFontMetricsF(small).horizontalAdvance(QStringLiteral("PK")) + 6;
    }
    qreal headerHeight() const { return Pad + line + smallLine + Pad / 2; }
    QSizeF sizeOf(const GraphTable &t) const
    {
        const QFontMetricsF fm(font), fb(bold), fs(small);
        qreal nameWidth = 0, typeWidth = 0;
        for (const GraphColumn &c : t.columns) {
            nameWidth = std::max(nameWidth, (c.primaryKey ? fb : fm).horizontalAdvance(c.name));
            typeWidth = std::max(typeWidth, fs.horizontalAdvance(c.type));
        }
        const qreal keyMark = keyWidth();
        qreal w = keyMark + nameWidth + 16 + typeWidth;
        w = std::max({w, fb.horizontalAdvance(t.name), fs.horizontalAdvance(t.caption)});
        return {std::ceil(std::min<qreal>(w + 2 * Pad, 420)),
                std::ceil(headerHeight() + std::max<qsizetype>(1, t.columns.size()) * line + Pad)};
    }
};

QColor mix(const QColor &a, const QColor &b, qreal t);

// The colours of the diagram, all from the palette.
struct Colors {
    QColor background, body, header, text, headerText, dim, border, link, focus;
    explicit Colors(const QPalette &p)
        : background(p.color(QPalette::Window)), body(p.color(QPalette::Base)),
          header(mix(p.color(QPalette::Base), p.color(QPalette::Highlight), 0.18)),
          text(p.color(QPalette::Text)), headerText(p.color(QPalette::Text)),
          dim(p.color(QPalette::PlaceholderText)), border(p.color(QPalette::Mid)),
          link(mix(p.color(QPalette::Text), p.color(QPalette::Window), 0.35)),
          focus(p.color(QPalette::Highlight))
    {
    }
};

QString elided(const QFont &font, const QString &text, qreal width);
// From the right edge of `from` to the left edge of `to` (a loop on the right when `to` is
// not to the right).
QPainterPath linkPath(const QRectF &from, const QRectF &to);
QPolygonF arrowHead(const QPainterPath &path);
QString svgColor(const QColor &c);
QString svgPath(const QPainterPath &p);

} // namespace ferry

#include "ui/schema_diagram_view.h"

#include "models/diagram_layout.h"
#include "ui/diagram_painting.h"

#include <QFile>
#include <QFontMetricsF>
#include <QGraphicsItem>
#include <QGraphicsScene>
#include <QImage>
#include <QKeyEvent>
#include <QPainter>
#include <QPainterPath>
#include <QScrollBar>
#include <QStyleOptionGraphicsItem>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

namespace ferry {

// One table. Paints itself from the view's palette and font; the view owns focus and clicks.
class TableBoxItem : public QGraphicsItem {
public:
    TableBoxItem(const GraphTable &table, const QSizeF &size, const SchemaDiagramView *view)
        : m_table(table), m_size(size), m_view(view)
    {
        setCacheMode(QGraphicsItem::DeviceCoordinateCache);
        setToolTip(table.caption);
    }
    QRectF boundingRect() const override { return QRectF(QPointF(-3, -3), m_size + QSizeF(6, 6)); }
    void setCurrent(bool current)
    {
        if (current == m_current)
            return;
        m_current = current;
        update();
    }
    void paint(QPainter *p, const QStyleOptionGraphicsItem *, QWidget *) override
    {
        const Metrics m(m_view->font());
        const Colors c(m_view->palette());
        const QRectF box(QPointF(0, 0), m_size);
        p->setRenderHint(QPainter::Antialiasing);
        p->setPen(QPen(m_current ? c.focus : c.border, m_current ? 3 : 1));
        p->setBrush(m_table.muted ? c.background : c.body);
        p->drawRoundedRect(box, 4, 4);
        const QRectF head(0, 0, m_size.width(), m.headerHeight());
        p->setPen(Qt::NoPen);
        p->setBrush(m_table.muted ? c.background : c.header);
        QPainterPath headPath;
        headPath.addRoundedRect(head.adjusted(1, 1, -1, 0), 3, 3);
        p->drawPath(headPath);
        p->setPen(QPen(c.border, 1));
        p->drawLine(head.bottomLeft(), head.bottomRight());
        const qreal w = m_size.width() - 2 * Pad;
        p->setFont(m.bold);
        p->setPen(m_table.muted ? c.dim : c.headerText);
        p->drawText(QRectF(Pad, Pad / 2, w, m.line), Qt::AlignVCenter | Qt::AlignLeft,
                    elided(m.bold, m_table.name, w));
        p->setFont(m.small);
        p->setPen(c.dim);
        p->drawText(QRectF(Pad, Pad / 2 + m.line, w, m.smallLine), Qt::AlignVCenter,
                    elided(m.small, m_table.caption, w));
        qreal y = m.headerHeight() + Pad / 2;
        const qreal keyWidth = m.keyWidth();
        for (const GraphColumn &col : m_table.columns) {
            const QRectF row(Pad, y, w, m.line);
            p->setPen(col.muted || m_table.muted ? c.dim : c.text);
            if (col.primaryKey || col.key) {
                p->setFont(m.small);
                p->drawText(QRectF(Pad, y, keyWidth, m.line), Qt::AlignVCenter,
                            col.primaryKey ? QStringLiteral("PK") : QStringLiteral("FK"));
            }
            QFont nameFont = col.primaryKey ? m.bold : m.font;
            nameFont.setStrikeOut(col.muted);
            p->setFont(nameFont);
            p->drawText(row.adjusted(keyWidth, 0, 0, 0), Qt::AlignVCenter | Qt::AlignLeft,
                        elided(nameFont, col.name, w - keyWidth));
            p->setFont(m.small);
            p->setPen(c.dim);
            p->drawText(row, Qt::AlignVCenter | Qt::AlignRight, col.type);
            y += m.line;
        }
    }

private:
    GraphTable m_table;
    QSizeF m_size;
    const SchemaDiagramView *m_view;
    bool m_current = false;
};

namespace {

// A link with its arrow and label; recomputed only when the diagram is rebuilt.
class LinkItem : public QGraphicsItem {
public:
    LinkItem(QPainterPath path, QString label, bool dashed, const SchemaDiagramView *view)
        : m_path(std::move(path)), m_label(std::move(label)), m_dashed(dashed), m_view(view)
    {
        setZValue(-1);
        const Metrics m(view->font());
        const QSizeF text(QFontMetricsF(m.small).horizontalAdvance(m_label) + 6, m.smallLine);
        m_labelRect =
            QRectF(m_path.pointAtPercent(0.5) - QPointF(text.width() / 2, text.height()), text);
        m_bounds = m_path.boundingRect().adjusted(-10, -10, 10, 10).united(m_labelRect);
    }
    QRectF boundingRect() const override { return m_bounds; }
    void paint(QPainter *p, const QStyleOptionGraphicsItem *, QWidget *) override
    {
        const Colors c(m_view->palette());
        p->setRenderHint(QPainter::Antialiasing);
        QPen pen(c.link, 1.4);
        if (m_dashed)
            pen.setStyle(Qt::DashLine);
        p->setPen(pen);
        p->setBrush(Qt::NoBrush);
        p->drawPath(m_path);
        p->setPen(Qt::NoPen);
        p->setBrush(c.link);
        p->drawPolygon(arrowHead(m_path));
        if (m_label.isEmpty())
            return;
        p->setBrush(c.background);
        p->drawRect(m_labelRect);
        p->setPen(c.dim);
        p->setFont(Metrics(m_view->font()).small);
        p->drawText(m_labelRect, Qt::AlignCenter, m_label);
    }

private:
    QPainterPath m_path;
    QString m_label;
    bool m_dashed;
    const SchemaDiagramView *m_view;
    QRectF m_labelRect, m_bounds;
};

} // namespace

SchemaDiagramView::SchemaDiagramView(QWidget *parent) : QGraphicsView(parent)
{
    setScene(new QGraphicsScene(this));
    setFocusPolicy(Qt::StrongFocus);
    setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
    setViewportUpdateMode(QGraphicsView::SmartViewportUpdate);
    setTransformationAnchor(QGraphicsView::AnchorUnderMouse);
    setDragMode(QGraphicsView::ScrollHandDrag);
    setBackgroundRole(QPalette::Window);
    setAccessibleName(tr("Schema diagram"));
}

SchemaDiagramView::~SchemaDiagramView() = default;

void SchemaDiagramView::setGraph(const SchemaGraph &graph)
{
    QString focusedCollection;
    QList<int> focusedPath;
    QString focusedName;
    if (m_current >= 0 && m_current < m_graph.tables.size()) {
        focusedCollection = m_graph.tables[m_current].collection;
        focusedPath = m_graph.tables[m_current].path;
    }
    m_graph = graph;
    m_current = focusedCollection.isEmpty() ? -1 : m_graph.indexOf(focusedCollection, focusedPath);
    rebuild();
}

void SchemaDiagramView::rebuild()
{
    scene()->clear();
    m_boxes.clear();
    const Metrics m(font());
    QList<QSizeF> sizes;
    for (const GraphTable &t : std::as_const(m_graph.tables))
        sizes.append(m.sizeOf(t));
    QList<QPair<int, int>> edges;
    for (const GraphLink &l : std::as_const(m_graph.links))
        edges.append({l.from, l.to});
    DiagramLayoutOptions options;
    options.columnGap = 90; // room for a link's label
    const DiagramLayout layout = layoutDiagram(sizes, edges, options);
    for (int i = 0; i < m_graph.tables.size(); ++i) {
        auto *box = new TableBoxItem(m_graph.tables[i], sizes[i], this);
        box->setPos(layout.boxes[i].topLeft());
        box->setCurrent(i == m_current);
        scene()->addItem(box);
        m_boxes.append(box);
    }
    for (const GraphLink &l : std::as_const(m_graph.links)) {
        if (l.from < 0 || l.to < 0 || l.from >= sizes.size() || l.to >= sizes.size())
            continue;
        scene()->addItem(new LinkItem(linkPath(layout.boxes[l.from], layout.boxes[l.to]), l.label,
                                      l.dashed, this));
    }
    scene()->setSceneRect(scene()->itemsBoundingRect().adjusted(-20, -20, 20, 20));
    if (!m_fitted && isVisible() && !m_graph.tables.isEmpty()) {
        m_fitted = true;
        fitAll();
    }
}

QRectF SchemaDiagramView::boxRect(int table) const
{
    if (table < 0 || table >= m_boxes.size())
        return {};
    const TableBoxItem *b = m_boxes[table];
    return b->mapRectToScene(b->boundingRect().adjusted(3, 3, -3, -3));
}

void SchemaDiagramView::setCurrentTable(int table)
{
    if (table < 0 || table >= m_boxes.size() || table == m_current)
        return;
    if (m_current >= 0 && m_current < m_boxes.size())
        m_boxes[m_current]->setCurrent(false);
    m_current = table;
    m_boxes[table]->setCurrent(true);
    ensureVisible(boxRect(table), 24, 24);
    Q_EMIT currentTableChanged(table);
}

void SchemaDiagramView::activate(int table)
{
    if (table < 0 || table >= m_boxes.size())
        return;
    setCurrentTable(table);
    Q_EMIT tableActivated(table);
}

qreal SchemaDiagramView::zoom() const
{
    return transform().m11();
}

void SchemaDiagramView::zoomBy(qreal factor)
{
    const qreal target = std::clamp(zoom() * factor, MinZoom, MaxZoom);
    const qreal f = target / zoom();
    scale(f, f);
}

void SchemaDiagramView::fitAll()
{
    if (scene()->items().isEmpty())
        return;
    fitInView(scene()->sceneRect(), Qt::KeepAspectRatio);
    // Never blow a small diagram up past its natural size, nor shrink below readability
    // limits the user cannot zoom back from.
    if (zoom() > 1.0)
        setTransform(QTransform());
    else if (zoom() < MinZoom)
        setTransform(QTransform::fromScale(MinZoom, MinZoom));
}

void SchemaDiagramView::wheelEvent(QWheelEvent *event)
{
    if (event->modifiers() & Qt::ControlModifier) {
        const int steps = event->angleDelta().y() / 120;
        if (steps != 0)
            zoomBy(std::pow(1.15, steps));
        event->accept();
        return;
    }
    QGraphicsView::wheelEvent(event);
}

int SchemaDiagramView::neighbour(int from, int dx, int dy) const
{
    if (from < 0)
        return m_boxes.isEmpty() ? -1 : 0;
    const QPointF origin = boxRect(from).center();
    int best = -1;
    qreal bestScore = 0;
    for (int i = 0; i < m_boxes.size(); ++i) {
        if (i == from)
            continue;
        const QPointF d = boxRect(i).center() - origin;
        const qreal along = d.x() * dx + d.y() * dy;
        if (along <= 1)
            continue;
        const qreal across = std::abs(d.x() * dy) + std::abs(d.y() * dx);
        const qreal score = along + 2 * across; // prefer what lies straight ahead
        if (best < 0 || score < bestScore) {
            best = i;
            bestScore = score;
        }
    }
    return best;
}

void SchemaDiagramView::keyPressEvent(QKeyEvent *event)
{
    const bool ctrl = event->modifiers() & Qt::ControlModifier;
    if (ctrl && (event->key() == Qt::Key_Plus || event->key() == Qt::Key_Equal)) {
        zoomBy(1.25);
        return;
    }
    if (ctrl && event->key() == Qt::Key_Minus) {
        zoomBy(0.8);
        return;
    }
    if (ctrl && event->key() == Qt::Key_0) {
        fitAll();
        return;
    }
    int next = -1;
    switch (event->key()) {
    case Qt::Key_Left:
        next = neighbour(m_current, -1, 0);
        break;
    case Qt::Key_Right:
        next = neighbour(m_current, 1, 0);
        break;
    case Qt::Key_Up:
        next = neighbour(m_current, 0, -1);
        break;
    case Qt::Key_Down:
        next = neighbour(m_current, 0, 1);
        break;
    case Qt::Key_Home:
        next = m_boxes.isEmpty() ? -1 : 0;
        break;
    case Qt::Key_End:
        next = int(m_boxes.size()) - 1;
        break;
    case Qt::Key_Return:
    case Qt::Key_Enter:
    case Qt::Key_Space:
        if (m_current >= 0) {
            activate(m_current);
            return;
        }
        break;
    default:
        QGraphicsView::keyPressEvent(event);
        return;
    }
    if (next >= 0)
        setCurrentTable(next);
    event->accept();
}

void SchemaDiagramView::focusInEvent(QFocusEvent *event)
{
    QGraphicsView::focusInEvent(event);
    if (m_boxes.isEmpty())
        return;
    if (event->reason() == Qt::TabFocusReason)
        setCurrentTable(0);
    else if (event->reason() == Qt::BacktabFocusReason)
        setCurrentTable(int(m_boxes.size()) - 1);
    else if (m_current < 0)
        setCurrentTable(0);
}

bool SchemaDiagramView::focusNextPrevChild(bool next)
{
    // Tab walks through the boxes first, then leaves the view.
    if (hasFocus() && !m_boxes.isEmpty()) {
        const int to = m_current + (next ? 1 : -1);
        if (m_current >= 0 && to >= 0 && to < m_boxes.size()) {
            setCurrentTable(to);
            return true;
        }
    }
    return QWidget::focusNextPrevChild(next);
}

int SchemaDiagramView::tableAt(const QPoint &viewPos) const
{
    const QPointF p = mapToScene(viewPos);
    for (int i = 0; i < m_boxes.size(); ++i)
        if (boxRect(i).contains(p))
            return i;
    return -1;
}

void SchemaDiagramView::mousePressEvent(QMouseEvent *event)
{
    const int table = event->button() == Qt::LeftButton ? tableAt(event->pos()) : -1;
    if (table >= 0) {
        setFocus(Qt::MouseFocusReason);
        activate(table);
        event->accept();
        return;
    }
    QGraphicsView::mousePressEvent(event);
}

void SchemaDiagramView::changeEvent(QEvent *event)
{
    QGraphicsView::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange) {
        if (event->type() == QEvent::FontChange)
            rebuild(); // box sizes follow the font
        else
            for (TableBoxItem *b : std::as_const(m_boxes))
                b->update(); // cached pixmaps are repainted with the new colours
        viewport()->update();
    }
}

QImage SchemaDiagramView::toImage(qreal scale) const
{
    const QRectF area = scene()->sceneRect();
    QImage image((area.size() * scale).toSize(), QImage::Format_ARGB32_Premultiplied);
    image.fill(palette().color(QPalette::Window));
    QPainter p(&image);
    p.setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
    scene()->render(&p, QRectF(QPointF(0, 0), area.size() * scale), area);
    return image;
}

QString SchemaDiagramView::toSvg() const
{
    const Metrics m(font());
    const Colors c(palette());
    const QRectF area = scene()->sceneRect();
    QString out;
    const auto esc = [](const QString &s) { return s.toHtmlEscaped(); };
    const QString family = esc(m.font.family());
    out += QStringLiteral("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                          "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%1\" height=\"%2\" "
                          "viewBox=\"%3 %4 %1 %2\" font-family=\"%5\" font-size=\"%6px\">\n")
               .arg(area.width())
               .arg(area.height())
               .arg(area.left())
               .arg(area.top())
               .arg(family)
               .arg(QFontInfo(m.font).pixelSize());
    out += QStringLiteral("<rect x=\"%1\" y=\"%2\" width=\"%3\" height=\"%4\" fill=\"%5\"/>\n")
               .arg(area.left())
               .arg(area.top())
               .arg(area.width())
               .arg(area.height())
               .arg(svgColor(c.background));
    QList<QRectF> rects;
    for (int i = 0; i < m_boxes.size(); ++i)
        rects.append(boxRect(i));
    for (const GraphLink &l : std::as_const(m_graph.links)) {
        if (l.from < 0 || l.to < 0 || l.from >= rects.size() || l.to >= rects.size())
            continue;
        const QPainterPath path = linkPath(rects[l.from], rects[l.to]);
        out +=
            QStringLiteral("<path d=\"%1\" fill=\"none\" stroke=\"%2\" stroke-width=\"1.4\"%3/>\n")
                .arg(svgPath(path), svgColor(c.link),
                     l.dashed ? QStringLiteral(" stroke-dasharray=\"5 4\"") : QString());
        QString points;
        for (const QPointF &pt : arrowHead(path))
            points += QStringLiteral("%1,%2 ").arg(pt.x()).arg(pt.y());
        out += QStringLiteral("<polygon points=\"%1\" fill=\"%2\"/>\n")
                   .arg(points.trimmed(), svgColor(c.link));
        if (!l.label.isEmpty()) {
            const QPointF mid = path.pointAtPercent(0.5);
            out += QStringLiteral("<text x=\"%1\" y=\"%2\" text-anchor=\"middle\" "
                                  "font-size=\"%3px\" fill=\"%4\">%5</text>\n")
                       .arg(mid.x())
                       .arg(mid.y() - 4)
                       .arg(QFontInfo(m.small).pixelSize())
                       .arg(svgColor(c.dim), esc(l.label));
        }
    }
    for (int i = 0; i < rects.size(); ++i) {
        const GraphTable &t = m_graph.tables[i];
        const QRectF r = rects[i];
        out += QStringLiteral("<g>\n<rect x=\"%1\" y=\"%2\" width=\"%3\" height=\"%4\" rx=\"4\" "
                              "fill=\"%5\" stroke=\"%6\"/>\n")
                   .arg(r.left())
                   .arg(r.top())
                   .arg(r.width())
                   .arg(r.height())
                   .arg(svgColor(t.muted ? c.background : c.body), svgColor(c.border));
        out += QStringLiteral("<rect x=\"%1\" y=\"%2\" width=\"%3\" height=\"%4\" fill=\"%5\"/>\n")
                   .arg(r.left() + 1)
                   .arg(r.top() + 1)
                   .arg(r.width() - 2)
                   .arg(m.headerHeight() - 1)
                   .arg(svgColor(t.muted ? c.background : c.header));
        const qreal x = r.left() + Pad;
        out +=
            QStringLiteral("<text x=\"%1\" y=\"%2\" font-weight=\"bold\" fill=\"%3\">%4</text>\n")
                .arg(x)
                .arg(r.top() + Pad / 2 + m.line - 6)
                .arg(svgColor(t.muted ? c.dim : c.text), esc(t.name));
        out += QStringLiteral("<text x=\"%1\" y=\"%2\" font-size=\"%3px\" fill=\"%4\">%5</text>\n")
                   .arg(x)
                   .arg(r.top() + Pad / 2 + m.line + m.smallLine - 4)
                   .arg(QFontInfo(m.small).pixelSize())
                   .arg(svgColor(c.dim), esc(t.caption));
        qreal y = r.top() + m.headerHeight() + Pad / 2 + m.line - 6;
        for (const GraphColumn &col : t.columns) {
            out += QStringLiteral("<text x=\"%1\" y=\"%2\" fill=\"%3\"%4%5>%6%7</text>\n")
                       .arg(x)
                       .arg(y)
                       .arg(svgColor(col.muted || t.muted ? c.dim : c.text),
                            col.primaryKey ? QStringLiteral(" font-weight=\"bold\"") : QString(),
                            col.muted ? QStringLiteral(" text-decoration=\"line-through\"")
                                      : QString(),
                            col.primaryKey ? QStringLiteral("PK ")
                                           : (col.key ? QStringLiteral("FK ") : QString()),
                            esc(col.name));
            out += QStringLiteral("<text x=\"%1\" y=\"%2\" text-anchor=\"end\" font-size=\"%3px\" "
                                  "fill=\"%4\">%5</text>\n")
                       .arg(r.right() - Pad)
                       .arg(y)
                       .arg(QFontInfo(m.small).pixelSize())
                       .arg(svgColor(c.dim), esc(col.type));
            y += m.line;
        }
        out += QStringLiteral("</g>\n");
    }
    out += QStringLiteral("</svg>\n");
    return out;
}

QString SchemaDiagramView::exportTo(const QString &path) const
{
    if (path.endsWith(QLatin1String(".svg"), Qt::CaseInsensitive)) {
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) || f.write(toSvg().toUtf8()) < 0 ||
            !f.flush())
            return tr("Cannot write %1: %2.").arg(path, f.errorString());
        return {};
    }
    if (!toImage(2.0).save(path, "PNG"))
        return tr("Cannot write %1 as PNG: check the folder exists and can be written to.")
            .arg(path);
    return {};
}

} // namespace ferry

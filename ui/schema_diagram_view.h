#pragma once

#include "models/schema_graph.h"

#include <QGraphicsView>

namespace ferry {

class TableBoxItem;

// Draws a SchemaGraph: tables as boxes (name, what the table holds, columns with types, the
// key marked), links from parent to child (dashed for references), placed by layoutDiagram.
// Only the palette's colours are used, so it follows light and dark themes. Click a box or
// press Enter on it to open it; Tab / Shift+Tab and the arrow keys move between boxes;
// Ctrl+wheel, Ctrl++ and Ctrl+- zoom, Ctrl+0 fits the whole diagram.
class SchemaDiagramView : public QGraphicsView {
    Q_OBJECT
public:
    explicit SchemaDiagramView(QWidget *parent = nullptr);
    ~SchemaDiagramView() override;

    // Redraws; the box that had the focus keeps it when its table is still there.
    void setGraph(const SchemaGraph &graph);
    const SchemaGraph &graph() const { return m_graph; }
    QRectF boxRect(int table) const; // in scene coordinates
    int currentTable() const { return m_current; }
    void setCurrentTable(int table);
    void activate(int table);

    void zoomBy(qreal factor);
    void fitAll();
    qreal zoom() const;

    // The diagram as SVG text (our own writer: no Qt SVG module needed) or as an image at
    // `scale` times its natural size.
    QString toSvg() const;
    QImage toImage(qreal scale = 1.0) const;
    // By the file's suffix (.svg or .png); returns an error message or "".
    QString exportTo(const QString &path) const;

Q_SIGNALS:
    void tableActivated(int table);
    void currentTableChanged(int table);

protected:
    void wheelEvent(QWheelEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void focusInEvent(QFocusEvent *event) override;
    bool focusNextPrevChild(bool next) override;
    void mousePressEvent(QMouseEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void rebuild();
    int tableAt(const QPoint &viewPos) const;
    int neighbour(int from, int dx, int dy) const;

    SchemaGraph m_graph;
    QList<TableBoxItem *> m_boxes;
    int m_current = -1;
    bool m_fitted = false;
};

} // namespace ferry

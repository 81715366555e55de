#pragma once

#include <QWidget>

class QLabel;

namespace ferry {

class SchemaDiagramView;

// The diagram with its toolbar: zoom in and out, fit, export as SVG or PNG.
class SchemaDiagramPanel : public QWidget {
    Q_OBJECT
public:
    explicit SchemaDiagramPanel(const QString &hint, QWidget *parent = nullptr);

    SchemaDiagramView *view() const { return m_view; }

private:
    void exportDiagram();

    SchemaDiagramView *m_view;
    QLabel *m_hint;
};

} // namespace ferry

#include "ui/schema_diagram_panel.h"

#include "ui/schema_diagram_view.h"

#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QToolButton>
#include <QVBoxLayout>

namespace ferry {

SchemaDiagramPanel::SchemaDiagramPanel(const QString &hint, QWidget *parent)
    : QWidget(parent), m_view(new SchemaDiagramView(this)), m_hint(new QLabel(hint, this))
{
    m_view->setObjectName(QStringLiteral("schemaDiagram"));
    m_hint->setWordWrap(true);
    m_hint->setForegroundRole(QPalette::PlaceholderText);
    const auto button = [this](const QString &text, const QString &tip, const QKeySequence &keys,
                               auto slot) {
        auto *b = new QToolButton(this);
        b->setText(text);
        b->setToolTip(
            keys.isEmpty() ? tip : tr("%1 (%2)").arg(tip, keys.toString(QKeySequence::NativeText)));
        b->setAutoRaise(true);
        connect(b, &QToolButton::clicked, this, slot);
        return b;
    };
    auto *bar = new QHBoxLayout;
    bar->setContentsMargins(0, 0, 0, 0);
    bar->addStretch(1);
    bar->addWidget(button(tr("−"), tr("Zoom out"), QKeySequence(Qt::CTRL | Qt::Key_Minus),
                          [this] { m_view->zoomBy(0.8); }));
    bar->addWidget(button(tr("+"), tr("Zoom in"), QKeySequence(Qt::CTRL | Qt::Key_Plus),
                          [this] { m_view->zoomBy(1.25); }));
    bar->addWidget(button(tr("Fit"), tr("Show the whole diagram"),
                          QKeySequence(Qt::CTRL | Qt::Key_0), [this] { m_view->fitAll(); }));
    auto *exportButton = button(tr("Export…"), tr("Save the diagram as SVG or PNG"), {},
                                [this] { exportDiagram(); });
    exportButton->setObjectName(QStringLiteral("exportDiagramButton"));
    bar->addWidget(exportButton);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(bar);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_hint);
    m_view->setToolTip(hint);
}

void SchemaDiagramPanel::exportDiagram()
{
    QString selected;
    QString path =
        QFileDialog::getSaveFileName(this, tr("Export diagram"), tr("schema.svg"),
                                     tr("SVG drawing (*.svg);;PNG image (*.png)"), &selected);
    if (path.isEmpty())
        return;
    if (!path.contains(QLatin1Char('.')))
        path += selected.contains(QLatin1String("png")) ? QStringLiteral(".png")
                                                        : QStringLiteral(".svg");
    const QString error = m_view->exportTo(path);
    if (!error.isEmpty())
        QMessageBox::warning(this, tr("Export diagram"), error);
}

} // namespace ferry

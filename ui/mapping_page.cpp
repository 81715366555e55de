#include "ui/mapping_page.h"

#include "models/field_tree_model.h"
#include "models/mapping_model.h"
#include "models/preview_model.h"
#include "models/project_document.h"
#include "ui/choice_delegate.h"
#include "ui/migration_wizard.h"
#include "ui/schema_diagram_panel.h"
#include "ui/schema_diagram_view.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QPushButton>
#include <QSplitter>
#include <QStandardItemModel>
#include <QTabWidget>
#include <QTableView>
#include <QTreeView>
#include <QVBoxLayout>

namespace ferry {

MappingPage::MappingPage(MigrationWizard *wizard)
    : QWizardPage(wizard), m_wizard(wizard), m_fields(new FieldTreeModel(wizard->document(), this)),
      m_mapping(new MappingModel(wizard->document(), this)),
      m_preview(new PreviewModel(wizard->document(), this))
{
    setTitle(tr("Mapping"));
    // One line at 1280 px: a longer subtitle wraps under the logo.
    setSubTitle(tr("Untick fields to leave them out, choose how arrays and maps are stored, "
                   "rename or retype columns; the preview shows the rows."));

    m_collection = new QComboBox(this);
    m_collection->setObjectName(QStringLiteral("collectionCombo"));
    m_table = new QComboBox(this);
    m_table->setObjectName(QStringLiteral("tableCombo"));
    auto *top = new QHBoxLayout;
    auto *collectionLabel = new QLabel(tr("&Collection:"), this);
    collectionLabel->setBuddy(m_collection);
    auto *tableLabel = new QLabel(tr("&Table:"), this);
    tableLabel->setBuddy(m_table);
    top->addWidget(collectionLabel);
    top->addWidget(m_collection, 1);
    top->addWidget(tableLabel);
    top->addWidget(m_table, 1);

    m_fieldView = new QTreeView(this);
    m_fieldView->setObjectName(QStringLiteral("fieldView"));
    m_fieldView->setModel(m_fields);
    m_fieldView->setAlternatingRowColors(true);
    m_fieldView->setDragEnabled(true);
    m_fieldView->setDragDropMode(QAbstractItemView::DragOnly);
    m_fieldView->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_fieldView->header()->setStretchLastSection(true);
    m_strategy = new QComboBox(this);
    m_strategy->setObjectName(QStringLiteral("strategyCombo"));
    for (ArrayStrategy s : {ArrayStrategy::ChildTable, ArrayStrategy::JsonColumn,
                            ArrayStrategy::PgArray, ArrayStrategy::Skip})
        m_strategy->addItem(arrayStrategyLabel(s), int(s));
    m_strategy->setToolTip(tr("How the selected array or map is stored: rows of a child table "
                              "(one per element, or per key for a map), one JSON column, a "
                              "PostgreSQL array (arrays only), or not at all."));
    auto *left = new QWidget(this);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(m_fieldView, 1);
    auto *strategyForm = new QFormLayout;
    strategyForm->addRow(tr("&Array or map stored as:"), m_strategy);
    leftLayout->addLayout(strategyForm);

    m_columnView = new QTableView(this);
    m_columnView->setObjectName(QStringLiteral("columnView"));
    m_columnView->setModel(m_mapping);
    m_columnView->setItemDelegate(new ChoiceDelegate(MappingModel::ChoicesRole, m_columnView));
    m_columnView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_columnView->setSelectionMode(QAbstractItemView::SingleSelection);
    // A field dragged from the tree on the left becomes a column (see MappingModel).
    m_columnView->setAcceptDrops(true);
    m_columnView->setDragDropMode(QAbstractItemView::DropOnly);
    m_columnView->setDropIndicatorShown(true);
    m_columnView->setEditTriggers(QAbstractItemView::DoubleClicked |
                                  QAbstractItemView::EditKeyPressed |
                                  QAbstractItemView::AnyKeyPressed);
    m_columnView->verticalHeader()->hide();
    m_columnView->verticalHeader()->setDefaultSectionSize(m_columnView->fontMetrics().height() + 8);
    m_columnView->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_columnView->horizontalHeader()->setStretchLastSection(true);
    auto *up = new QPushButton(QIcon(QStringLiteral(":/icons/up.svg")), tr("&Up"), this);
    up->setToolTip(tr("Move the selected column one place up"));
    auto *down = new QPushButton(QIcon(QStringLiteral(":/icons/down.svg")), tr("Do&wn"), this);
    down->setToolTip(tr("Move the selected column one place down"));
    auto *right = new QWidget(this);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addWidget(m_columnView, 1);
    auto *moveRow = new QHBoxLayout;
    moveRow->addWidget(up);
    moveRow->addWidget(down);
    moveRow->addStretch(1);
    rightLayout->addLayout(moveRow);

    auto *upper = new QSplitter(Qt::Horizontal, this);
    upper->addWidget(left);
    upper->addWidget(right);
    upper->setStretchFactor(0, 1);
    upper->setStretchFactor(1, 1);

    m_previewView = new QTableView(this);
    m_previewView->setObjectName(QStringLiteral("previewView"));
    m_previewView->setModel(m_preview);
    m_previewView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    // Rows are one line high: wrapping would show only a value's first word.
    m_previewView->setWordWrap(false);
    m_previewView->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_previewView->verticalHeader()->setDefaultSectionSize(m_previewView->fontMetrics().height() +
                                                           6);
    m_previewNote = new QLabel(this);
    m_previewNote->setWordWrap(true);
    auto *lower = new QWidget(this);
    auto *lowerLayout = new QVBoxLayout(lower);
    lowerLayout->setContentsMargins(0, 0, 0, 0);
    auto *previewLabel = new QLabel(tr("&Preview (first rows, from sample documents):"), this);
    previewLabel->setBuddy(m_previewView);
    lowerLayout->addWidget(previewLabel);
    lowerLayout->addWidget(m_previewView, 1);
    lowerLayout->addWidget(m_previewNote);

    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(upper);
    split->addWidget(lower);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);

    m_problems = new QLabel(this);
    m_problems->setObjectName(QStringLiteral("problemsLabel"));
    m_problems->setWordWrap(true);
    m_problems->setStyleSheet(QStringLiteral("color: #b01010"));

    // The whole target schema beside the one-table editor; a table opened in the diagram
    // comes up in the editor.
    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("mappingTabs"));
    m_tabs->addTab(split, tr("&Editor"));
    m_diagram = new SchemaDiagramPanel(
        tr("The tables the run creates and how they are linked. Click a table, or Tab to it and "
           "press Enter, to edit it."),
        this);
    m_tabs->addTab(m_diagram, tr("&Diagram"));
    connect(m_tabs, &QTabWidget::currentChanged, this, [this] { updateDiagram(); });
    connect(m_diagram->view(), &SchemaDiagramView::tableActivated, this,
            &MappingPage::openFromDiagram);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_tabs, 1);
    layout->addWidget(m_problems);

    connect(m_collection, &QComboBox::currentIndexChanged, this, &MappingPage::collectionSelected);
    connect(m_table, &QComboBox::currentIndexChanged, this, &MappingPage::tableSelected);
    connect(m_fieldView->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &MappingPage::fieldSelected);
    connect(m_strategy, &QComboBox::activated, this, &MappingPage::strategyChosen);
    // The same choices on the array itself, for mouse users.
    m_fieldView->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_fieldView, &QWidget::customContextMenuRequested, this, [this](const QPoint &pos) {
        const QModelIndex index = m_fieldView->indexAt(pos);
        if (!index.data(FieldTreeModel::IsArrayRole).toBool() &&
            !index.data(FieldTreeModel::IsMapRole).toBool())
            return;
        m_fieldView->setCurrentIndex(index);
        QMenu menu(this);
        const auto *items = qobject_cast<QStandardItemModel *>(m_strategy->model());
        for (int i = 0; i < m_strategy->count(); ++i) {
            QAction *action = menu.addAction(m_strategy->itemText(i));
            action->setEnabled(!items || items->item(i)->isEnabled());
            action->setCheckable(true);
            action->setChecked(i == m_strategy->currentIndex());
            connect(action, &QAction::triggered, this, [this, i] {
                m_strategy->setCurrentIndex(i);
                strategyChosen();
            });
        }
        menu.exec(m_fieldView->viewport()->mapToGlobal(pos));
    });
    connect(up, &QPushButton::clicked, this, [this] { moveColumn(-1); });
    connect(down, &QPushButton::clicked, this, [this] { moveColumn(+1); });
    connect(m_wizard->document(), &ProjectDocument::collectionChanged, this, [this] {
        if (!isVisible())
            return;
        fillTables();
        fieldSelected();
        updateProblems();
        updateDiagram();
    });
    // Columns as wide as their header and values, within reason: ~100 px clipped both.
    connect(m_preview, &QAbstractItemModel::modelReset, this, [this] {
        m_previewView->resizeColumnsToContents();
        const int cap = m_previewView->fontMetrics().horizontalAdvance(QLatin1Char('x')) * 36;
        for (int c = 0; c < m_preview->columnCount(); ++c) {
            if (m_previewView->columnWidth(c) > cap)
                m_previewView->setColumnWidth(c, cap);
        }
    });
    connect(m_preview, &PreviewModel::refreshed, this, [this] {
        const QStringList rejects = m_preview->rejects();
        m_previewNote->setText(rejects.isEmpty() ? QString()
                                                 : tr("%n sample document(s) would be rejected: %1",
                                                      nullptr, int(rejects.size()))
                                                       .arg(rejects.constFirst()));
    });
    setTabOrder(m_collection, m_table);
    setTabOrder(m_table, m_fieldView);
    setTabOrder(m_fieldView, m_strategy);
    setTabOrder(m_strategy, m_columnView);
    setTabOrder(m_columnView, up);
    setTabOrder(up, down);
    setTabOrder(down, m_previewView);
}

void MappingPage::initializePage()
{
    fillCollections();
    updateProblems();
    updateDiagram();
}

void MappingPage::updateDiagram()
{
    // Built only while it shows: a rename then redraws one diagram, not one per keystroke
    // on a hidden tab.
    if (m_tabs->currentWidget() == m_diagram)
        m_diagram->view()->setGraph(targetSchemaGraph(m_wizard->document()->project()));
}

void MappingPage::openFromDiagram(int table)
{
    const SchemaGraph &graph = m_diagram->view()->graph();
    if (table < 0 || table >= graph.tables.size())
        return;
    const GraphTable &t = graph.tables[table];
    selectCollection(t.collection);
    const int index = int(m_tablePaths.indexOf(t.path));
    if (index >= 0)
        selectTable(index);
    m_tabs->setCurrentIndex(0);
    m_columnView->setFocus(Qt::OtherFocusReason);
}

void MappingPage::fillCollections()
{
    const QString current = m_collection->currentText();
    m_filling = true;
    m_collection->clear();
    for (const CollectionMapping &c : m_wizard->document()->project().collections) {
        if (c.enabled)
            m_collection->addItem(c.collection);
    }
    m_filling = false;
    const int index = m_collection->findText(current);
    m_collection->setCurrentIndex(index >= 0 ? index : 0);
    collectionSelected();
}

void MappingPage::selectCollection(const QString &collection)
{
    m_collection->setCurrentIndex(m_collection->findText(collection));
}

void MappingPage::selectTable(int index)
{
    m_table->setCurrentIndex(index);
}

void MappingPage::collectionSelected()
{
    if (m_filling)
        return;
    m_fields->setCollection(m_collection->currentText());
    m_fieldView->expandToDepth(0);
    m_table->setCurrentIndex(-1);
    fillTables();
    fieldSelected();
}

void MappingPage::fillTables()
{
    const CollectionMapping *mapping =
        m_wizard->document()->project().findCollection(m_collection->currentText());
    const QString current = m_table->currentText();
    m_filling = true;
    m_table->clear();
    m_tablePaths = mapping ? tablePaths(*mapping) : QList<TablePath>();
    for (const TablePath &path : std::as_const(m_tablePaths)) {
        const TableMapping *t = tableAt(*mapping, path);
        m_table->addItem(path.isEmpty() ? t->table
                                        : tr("%1 (rows of %2)").arg(t->table, t->source));
    }
    m_filling = false;
    const int index = m_table->findText(current);
    m_table->setCurrentIndex(index >= 0 ? index : 0);
    tableSelected();
}

void MappingPage::tableSelected()
{
    if (m_filling)
        return;
    const int index = m_table->currentIndex();
    const TablePath path =
        index >= 0 && index < m_tablePaths.size() ? m_tablePaths[index] : TablePath();
    const QString collection = m_collection->currentText();
    if (m_mapping->collection() != collection || m_mapping->tablePath() != path) {
        m_mapping->setTable(collection, path);
        m_preview->setTable(collection, path);
    }
}

void MappingPage::fieldSelected()
{
    const QModelIndex index = m_fieldView->currentIndex();
    const bool isArray = index.isValid() && index.data(FieldTreeModel::IsArrayRole).toBool();
    const bool isMap = index.isValid() && index.data(FieldTreeModel::IsMapRole).toBool();
    m_strategy->setEnabled(isArray || isMap);
    if (!isArray && !isMap) {
        // Blank rather than the previous array's choice, which would read as this field's.
        m_strategy->setCurrentIndex(-1);
        return;
    }
    m_strategy->setItemText(m_strategy->findData(int(ArrayStrategy::ChildTable)),
                            fieldStrategyLabel(ArrayStrategy::ChildTable, isMap));
    // Only PostgreSQL has array columns, and only for arrays; elsewhere the choice would
    // silently become JSON.
    if (auto *items = qobject_cast<QStandardItemModel *>(m_strategy->model())) {
        const int pg = m_strategy->findData(int(ArrayStrategy::PgArray));
        items->item(pg)->setEnabled(!isMap && m_wizard->document()->project().targetDialect() ==
                                                  Dialect::Postgres);
    }
    const CollectionMapping *mapping =
        m_wizard->document()->project().findCollection(m_collection->currentText());
    if (!mapping)
        return;
    const ArrayStrategy s =
        arrayStrategy(*mapping, index.data(FieldTreeModel::PathRole).toString());
    m_strategy->setCurrentIndex(m_strategy->findData(int(s)));
}

void MappingPage::strategyChosen()
{
    const QModelIndex index = m_fieldView->currentIndex();
    if (!index.isValid())
        return;
    const QString collection = m_collection->currentText();
    const QString path = index.data(FieldTreeModel::PathRole).toString();
    const FieldNode *node = m_fields->nodeAt(index);
    const auto strategy = ArrayStrategy(m_strategy->currentData().toInt());
    ProjectDocument *doc = m_wizard->document();
    const CollectionMapping *proposal = doc->proposal(collection);
    doc->modify(
        tr("Store %1 as %2").arg(path, fieldStrategyLabel(strategy, node && node->mapLike)),
        [&](Project &p) {
            if (CollectionMapping *m = p.findCollection(collection))
                setArrayStrategy(*m, path, strategy, node, proposal, p.targetDialect());
        },
        collection);
}

void MappingPage::moveColumn(int delta)
{
    const QModelIndex current = m_columnView->currentIndex();
    if (current.isValid() && m_mapping->moveColumn(current.row(), delta))
        m_columnView->setCurrentIndex(m_mapping->index(current.row() + delta, current.column()));
}

QStringList MappingPage::allProblems() const
{
    QStringList out;
    const Project &project = m_wizard->document()->project();
    for (const CollectionMapping &c : project.collections) {
        if (c.enabled)
            out += mappingProblems(c, project.targetDialect());
    }
    return out;
}

void MappingPage::updateProblems()
{
    const QStringList problems = allProblems();
    m_problems->setText(
        problems.isEmpty()
            ? QString()
            : tr("Fix these names to go on: %1").arg(problems.join(QStringLiteral("; "))));
    m_problems->setVisible(!problems.isEmpty());
    Q_EMIT completeChanged();
}

bool MappingPage::isComplete() const
{
    return allProblems().isEmpty();
}

bool MappingPage::validatePage()
{
    const QStringList problems = allProblems();
    if (problems.isEmpty())
        return true;
    m_problems->setText(
        tr("Fix these names to go on: %1").arg(problems.join(QStringLiteral("; "))));
    m_problems->setVisible(true);
    return false;
}

} // namespace ferry

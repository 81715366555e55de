#include "ui/relations_page.h"

#include "models/document_fields_model.h"
#include "models/project_document.h"
#include "models/relations_model.h"
#include "models/schema_graph.h"
#include "stores/stores.h"
#include "ui/choice_delegate.h"
#include "ui/migration_wizard.h"
#include "ui/schema_diagram_panel.h"
#include "ui/schema_diagram_view.h"

#include <QComboBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSplitter>
#include <QTableView>
#include <QToolButton>
#include <QUndoStack>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace ferry {

namespace {

QTableView *makeTable(QWidget *parent, const QString &name)
{
    auto *view = new QTableView(parent);
    view->setObjectName(name);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed |
                          QAbstractItemView::SelectedClicked);
    view->verticalHeader()->hide();
    view->verticalHeader()->setDefaultSectionSize(view->fontMetrics().height() + 8);
    view->horizontalHeader()->setStretchLastSection(true);
    view->setTabKeyNavigation(false); // Tab leaves the table: the page is keyboard-driven
    return view;
}

} // namespace

RelationsPage::RelationsPage(MigrationWizard *wizard)
    : QWizardPage(wizard), m_wizard(wizard),
      m_relations(new RelationsModel(wizard->document(), this)),
      m_fields(new DocumentFieldsModel(wizard->document(), this))
{
    setTitle(tr("Relations"));
    setSubTitle(tr("Choose, for each foreign key, whether the child rows are embedded in the "
                   "parent's documents or stay a collection of their own. Ferry's proposal is "
                   "preselected; the preview shows a real document as the run will write it."));

    m_diagram = new SchemaDiagramPanel(
        tr("Source tables: solid links are embedded, dashed ones stay references. Click a "
           "table (or Tab to it, Enter) to edit its fields."),
        this);
    m_relationView = makeTable(this, QStringLiteral("relationsView"));
    m_relationView->setModel(m_relations);
    m_relationView->setItemDelegateForColumn(
        RelationsModel::ChoiceColumn,
        new ChoiceDelegate(RelationsModel::ChoicesRole, m_relationView));
    m_relationView->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    // The reason is shown in full under the table for the selected relation.
    m_relationView->setColumnHidden(RelationsModel::ReasonColumn, true);
    m_relationView->setWordWrap(true);
    auto *relationsLabel = new QLabel(tr("&Relations (F2 to change the selected one):"), this);
    relationsLabel->setBuddy(m_relationView);

    // Short labels: the stack's own actions would put the whole command text on the button.
    QUndoStack *stack = wizard->document()->undoStack();
    auto *undo = new QToolButton(this);
    undo->setText(tr("Undo"));
    auto *redo = new QToolButton(this);
    redo->setText(tr("Redo"));
    const auto updateUndo = [stack, undo, redo] {
        undo->setEnabled(stack->canUndo());
        undo->setToolTip(tr("Undo: %1").arg(stack->undoText()));
        redo->setEnabled(stack->canRedo());
        redo->setToolTip(tr("Redo: %1").arg(stack->redoText()));
    };
    connect(undo, &QToolButton::clicked, stack, &QUndoStack::undo);
    connect(redo, &QToolButton::clicked, stack, &QUndoStack::redo);
    connect(stack, &QUndoStack::indexChanged, this, updateUndo);
    connect(stack, &QUndoStack::cleanChanged, this, updateUndo);
    updateUndo();
    m_reason = new QLabel(this);
    m_reason->setObjectName(QStringLiteral("reasonLabel"));
    m_reason->setWordWrap(true);
    m_reason->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *relationsHead = new QHBoxLayout;
    relationsHead->addWidget(relationsLabel, 1);
    relationsHead->addWidget(undo);
    relationsHead->addWidget(redo);
    auto *relationsBox = new QWidget(this);
    auto *relationsLayout = new QVBoxLayout(relationsBox);
    relationsLayout->setContentsMargins(0, 0, 0, 0);
    relationsLayout->addLayout(relationsHead);
    relationsLayout->addWidget(m_relationView, 1);
    relationsLayout->addWidget(m_reason);

    m_table = new QComboBox(this);
    m_table->setObjectName(QStringLiteral("tableCombo"));
    m_collectionName = new QLineEdit(this);
    m_collectionName->setObjectName(QStringLiteral("collectionName"));
    m_fieldView = makeTable(this, QStringLiteral("fieldsView"));
    m_fieldView->setModel(m_fields);
    m_fieldView->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    auto *tableForm = new QFormLayout;
    tableForm->addRow(tr("&Table:"), m_table);
    tableForm->addRow(tr("&Collection name:"), m_collectionName);
    auto *fieldsLabel = new QLabel(tr("&Fields (untick to leave out, F2 to rename):"), this);
    fieldsLabel->setBuddy(m_fieldView);
    auto *tableBox = new QWidget(this);
    auto *tableLayout = new QVBoxLayout(tableBox);
    tableLayout->setContentsMargins(0, 0, 0, 0);
    tableLayout->addLayout(tableForm);
    tableLayout->addWidget(fieldsLabel);
    tableLayout->addWidget(m_fieldView, 1);

    m_preview = new QPlainTextEdit(this);
    m_preview->setObjectName(QStringLiteral("documentPreview"));
    m_preview->setReadOnly(true);
    m_preview->setTabChangesFocus(true);
    m_preview->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_previewNote = new QLabel(this);
    // One line, clipped rather than pushing the preview away on small screens; the whole
    // text is in the tooltip.
    m_previewNote->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    auto *previewLabel = new QLabel(tr("&Preview (one document, from real rows):"), this);
    previewLabel->setBuddy(m_preview);
    auto *previewBox = new QWidget(this);
    auto *previewLayout = new QVBoxLayout(previewBox);
    previewLayout->setContentsMargins(0, 0, 0, 0);
    previewLayout->addWidget(previewLabel);
    previewLayout->addWidget(m_preview, 1);
    previewLayout->addWidget(m_previewNote);

    auto *upper = new QSplitter(Qt::Horizontal, this);
    upper->addWidget(m_diagram);
    upper->addWidget(relationsBox);
    upper->setStretchFactor(0, 1);
    upper->setStretchFactor(1, 1);
    auto *lower = new QSplitter(Qt::Horizontal, this);
    lower->addWidget(tableBox);
    lower->addWidget(previewBox);
    lower->setStretchFactor(0, 1);
    lower->setStretchFactor(1, 1);
    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(upper);
    split->addWidget(lower);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);

    m_status = new QLabel(this);
    m_status->setWordWrap(true);
    m_problems = new QLabel(this);
    m_problems->setObjectName(QStringLiteral("problemsLabel"));
    m_problems->setWordWrap(true);
    m_problems->hide();

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_status);
    layout->addWidget(split, 1);
    layout->addWidget(m_problems);

    connect(m_table, &QComboBox::currentIndexChanged, this, &RelationsPage::tableChosen);
    connect(m_collectionName, &QLineEdit::editingFinished, this,
            &RelationsPage::collectionNameEdited);
    connect(m_diagram->view(), &SchemaDiagramView::tableActivated, this, [this](int table) {
        const SchemaGraph &g = m_diagram->view()->graph();
        if (table >= 0 && table < g.tables.size())
            selectTable(g.tables[table].name);
        m_fieldView->setFocus(Qt::OtherFocusReason);
    });
    connect(
        m_relationView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
        [this](const QModelIndex &current) {
            if (!current.isValid())
                return;
            selectTable(current.data(RelationsModel::ChildRole).toString());
            const QModelIndex why = current.siblingAtColumn(RelationsModel::ReasonColumn);
            m_reason->setText(
                tr("Why Ferry proposes %1: %2")
                    .arg(relationChoiceLabel(
                             RelationChoice(current.data(RelationsModel::SuggestedRole).toInt()))
                             .toLower(),
                         why.data().toString()));
        });
    connect(wizard->document(), &ProjectDocument::collectionChanged, this,
            &RelationsPage::projectChanged);
    connect(wizard->document(), &ProjectDocument::projectReset, this, [this] {
        m_loadedFor.clear();
        m_suggestedFor.clear();
    });
    setTabOrder(m_diagram->view(), m_relationView);
    setTabOrder(m_relationView, m_table);
    setTabOrder(m_table, m_collectionName);
    setTabOrder(m_collectionName, m_fieldView);
    setTabOrder(m_fieldView, m_preview);
}

void RelationsPage::initializePage()
{
    const QString source = m_wizard->document()->project().sourceUri;
    if (source != m_loadedFor)
        loadCatalog();
    else
        projectChanged();
}

void RelationsPage::loadCatalog()
{
    auto source = m_wizard->sourceEndpoint();
    auto target = m_wizard->targetEndpoint();
    if (!source || !target) {
        m_status->setText((source ? target.error() : source.error()).message);
        return;
    }
    m_loading = true;
    m_status->setText(tr("Reading the tables and foreign keys of the source…"));
    auto *watcher = new QFutureWatcher<Result<QList<TableInfo>>>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher] {
        watcher->deleteLater();
        catalogArrived(watcher->result());
    });
    watcher->setFuture(QtConcurrent::run(ferry::loadCatalog, *source, *target));
}

void RelationsPage::catalogArrived(const Result<QList<TableInfo>> &result)
{
    m_loading = false;
    if (!result) {
        m_status->setText(tr("Cannot read the source's tables: %1").arg(result.error().message));
        Q_EMIT catalogLoaded();
        return;
    }
    ProjectDocument *doc = m_wizard->document();
    const QString source = doc->project().sourceUri;
    m_loadedFor = source;
    m_relations->setCatalog(*result);
    // A project inferred in this session gets Ferry's proposals once, as one undo step; a
    // project opened from a file keeps the choices it was saved with.
    bool hasEmbeddings = false;
    for (const CollectionMapping &c : doc->project().collections)
        hasEmbeddings = hasEmbeddings || !c.embeddings.empty();
    if (m_suggestedFor != source && doc->filePath().isEmpty() && !hasEmbeddings) {
        const QList<TableInfo> tables = *result;
        doc->modify(tr("Apply Ferry's proposed relations"),
                    [&tables](Project &p) { applySuggestions(p, tables); });
    }
    m_suggestedFor = source;
    m_status->setText(tr("%n foreign key(s) between %1 tables.", nullptr, m_relations->rowCount())
                          .arg(result->size()));
    m_table->blockSignals(true);
    m_table->clear();
    for (const TableInfo &t : *result)
        if (doc->project().findCollection(t.name))
            m_table->addItem(t.name);
    m_table->blockSignals(false);
    tableChosen();
    projectChanged();
    m_diagram->view()->fitAll();
    Q_EMIT catalogLoaded();
}

void RelationsPage::selectTable(const QString &table)
{
    const int index = m_table->findText(table);
    if (index >= 0)
        m_table->setCurrentIndex(index);
}

void RelationsPage::tableChosen()
{
    const QString name = m_table->currentText();
    for (const TableInfo &t : m_relations->catalog())
        if (t.name == name)
            m_fields->setTable(t);
    const CollectionMapping *c = m_wizard->document()->project().findCollection(name);
    m_collectionName->setText(c ? (c->root.table.isEmpty() ? c->collection : c->root.table)
                                : QString());
    m_collectionName->setEnabled(c && c->enabled);
    m_collectionName->setToolTip(c && !c->enabled
                                     ? tr("%1 is embedded in another collection.").arg(name)
                                     : tr("The collection %1's rows go to.").arg(name));
    requestPreview();
}

void RelationsPage::collectionNameEdited()
{
    const QString table = m_table->currentText();
    const QString name = m_collectionName->text().trimmed();
    if (table.isEmpty() || name.isEmpty())
        return;
    m_wizard->document()->modify(
        tr("Name the collection of %1 %2").arg(table, name),
        [&](Project &p) {
            if (CollectionMapping *c = p.findCollection(table))
                c->root.table = name;
        },
        table);
}

void RelationsPage::projectChanged()
{
    const Project &project = m_wizard->document()->project();
    m_diagram->view()->setGraph(relationsGraph(m_relations->catalog(), project));
    const CollectionMapping *c = project.findCollection(m_table->currentText());
    if (c && !m_collectionName->hasFocus())
        m_collectionName->setText(c->root.table.isEmpty() ? c->collection : c->root.table);
    if (c)
        m_collectionName->setEnabled(c->enabled);
    const QStringList found = problems();
    m_problems->setText(tr("Fix this to go on: %1").arg(found.join(QLatin1Char('\n'))));
    m_problems->setVisible(!found.isEmpty());
    requestPreview();
    Q_EMIT completeChanged();
}

void RelationsPage::requestPreview()
{
    const QString table = m_table->currentText();
    auto source = m_wizard->sourceEndpoint();
    auto target = m_wizard->targetEndpoint();
    if (table.isEmpty() || !source || !target || m_relations->catalog().isEmpty())
        return;
    const quint64 generation = ++m_generation;
    m_previewNote->setText(tr("Building the preview…"));
    auto *watcher = new QFutureWatcher<Result<DocumentPreview>>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        previewArrived(generation, watcher->result());
    });
    watcher->setFuture(QtConcurrent::run(previewDocument, *source, *target,
                                         m_wizard->document()->project(), table));
}

void RelationsPage::previewArrived(quint64 generation, const Result<DocumentPreview> &result)
{
    if (generation != m_generation)
        return; // the choices changed since: a newer preview is on its way
    if (!result) {
        m_preview->clear();
        m_previewNote->setText(tr("No preview: %1").arg(result.error().message));
    } else {
        m_preview->setPlainText(result->json);
        m_previewNote->setText(result->note);
        m_previewNote->setToolTip(result->note);
    }
    Q_EMIT previewUpdated();
}

QString RelationsPage::previewText() const
{
    return m_preview->toPlainText();
}

QStringList RelationsPage::problems() const
{
    return relationProblems(m_wizard->document()->project(), m_relations->catalog());
}

bool RelationsPage::isComplete() const
{
    return !m_loading && problems().isEmpty();
}

bool RelationsPage::validatePage()
{
    return problems().isEmpty();
}

int RelationsPage::nextId() const
{
    return MigrationWizard::OptionsPageId;
}

} // namespace ferry

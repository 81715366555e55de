#include "ui/collections_page.h"
#include "stores/stores.h"

#include "models/collections_model.h"
#include "models/project_document.h"
#include "run/collection_order.h"
#include "ui/migration_wizard.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QShortcut>
#include <QSpinBox>
#include <QTableView>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace ferry {

CollectionsPage::CollectionsPage(MigrationWizard *wizard)
    : QWizardPage(wizard), m_wizard(wizard), m_model(new CollectionsModel(wizard->document(), this))
{
    setTitle(tr("Collections"));
    setSubTitle(tr("Tick the collections to move and check the tables they become. Double-click "
                   "a table name to change it."));

    m_view = new QTableView(this);
    m_view->setObjectName(QStringLiteral("collectionsView"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed |
                            QAbstractItemView::AnyKeyPressed);
    m_view->horizontalHeader()->setSectionResizeMode(CollectionsModel::NameColumn,
                                                     QHeaderView::Stretch);
    m_view->horizontalHeader()->setSectionResizeMode(CollectionsModel::KindColumn,
                                                     QHeaderView::ResizeToContents);
    m_view->horizontalHeader()->setSectionResizeMode(CollectionsModel::CountColumn,
                                                     QHeaderView::ResizeToContents);
    m_view->horizontalHeader()->setSectionResizeMode(CollectionsModel::TableColumn,
                                                     QHeaderView::Stretch);
    m_view->verticalHeader()->hide();

    const QKeySequence upKey(Qt::ALT | Qt::Key_Up);
    const QKeySequence downKey(Qt::ALT | Qt::Key_Down);
    auto *up = new QPushButton(QIcon(QStringLiteral(":/icons/up.svg")), tr("Move &up"), this);
    up->setObjectName(QStringLiteral("moveUpButton"));
    up->setToolTip(tr("Run the selected collection earlier (%1)")
                       .arg(upKey.toString(QKeySequence::NativeText)));
    auto *down = new QPushButton(QIcon(QStringLiteral(":/icons/down.svg")), tr("Move do&wn"), this);
    down->setObjectName(QStringLiteral("moveDownButton"));
    down->setToolTip(tr("Run the selected collection later (%1)")
                         .arg(downKey.toString(QKeySequence::NativeText)));
    // Anywhere on the page, like the buttons' own mnemonics.
    auto *upShortcut = new QShortcut(upKey, this);
    upShortcut->setContext(Qt::WidgetWithChildrenShortcut);
    auto *downShortcut = new QShortcut(downKey, this);
    downShortcut->setContext(Qt::WidgetWithChildrenShortcut);
    m_orderNote = new QLabel(this);
    m_orderNote->setObjectName(QStringLiteral("runOrderNote"));
    m_orderNote->setWordWrap(true);
    auto *all = new QPushButton(tr("Select &all"), this);
    auto *none = new QPushButton(tr("Select n&one"), this);
    m_reload = new QPushButton(tr("&Reload"), this);
    m_reload->setToolTip(tr("Read the source again (counts, fields, sample documents)."));
    // Asked here, where the sample is taken, not after the mapping was inferred from it.
    m_sample = new QSpinBox(this);
    m_sample->setObjectName(QStringLiteral("sampleSizeSpin"));
    m_sample->setRange(-1, 10000000);
    m_sample->setSingleStep(1000);
    m_sample->setSpecialValueText(tr("all documents"));
    m_sample->setSuffix(tr(" documents"));
    m_sample->setToolTip(tr("Documents read, spread over each collection, to find its fields "
                            "and types. More finds rare fields; fewer is faster. Reload applies "
                            "it to collections already read."));
    auto *sampleLabel = new QLabel(tr("Sam&ple:"), this);
    sampleLabel->setBuddy(m_sample);
    m_busy = new QProgressBar(this);
    m_busy->setRange(0, 0);
    m_busy->setMaximumHeight(16);
    m_busy->setTextVisible(false);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("statusLabel"));
    m_status->setWordWrap(true);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(up);
    buttons->addWidget(down);
    buttons->addStretch(1);
    buttons->addWidget(all);
    buttons->addWidget(none);
    buttons->addSpacing(12);
    buttons->addWidget(sampleLabel);
    buttons->addWidget(m_sample);
    buttons->addWidget(m_reload);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_view, 1);
    layout->addLayout(buttons);
    layout->addWidget(m_orderNote);
    layout->addWidget(m_busy);
    layout->addWidget(m_status);

    connect(up, &QPushButton::clicked, this, [this] { move(-1); });
    connect(down, &QPushButton::clicked, this, [this] { move(+1); });
    connect(upShortcut, &QShortcut::activated, this, [this] { move(-1); });
    connect(downShortcut, &QShortcut::activated, this, [this] { move(+1); });
    connect(all, &QPushButton::clicked, this, [this] { setAll(true); });
    connect(none, &QPushButton::clicked, this, [this] { setAll(false); });
    connect(m_sample, &QSpinBox::editingFinished, this, [this] {
        const int size = m_sample->value() == 0 ? 1 : m_sample->value();
        if (size == m_wizard->document()->project().options.sampleSize)
            return;
        m_wizard->document()->modify(tr("Change the sample size"),
                                     [size](Project &p) { p.options.sampleSize = size; });
        m_status->setText(tr("Press Reload to read the source again with the new sample."));
    });
    connect(m_reload, &QPushButton::clicked, this, [this] {
        m_wizard->setLoadedSource({});
        load();
    });
    connect(&m_watcher, &QFutureWatcher<Result<SourceLoad>>::finished, this,
            &CollectionsPage::loaded);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &QWizardPage::completeChanged);
    connect(m_model, &QAbstractItemModel::modelReset, this, &QWizardPage::completeChanged);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &CollectionsPage::updateOrderNote);
    connect(m_model, &QAbstractItemModel::modelReset, this, &CollectionsPage::updateOrderNote);
    updateOrderNote();
}

CollectionsPage::~CollectionsPage()
{
    m_watcher.waitForFinished();
}

void CollectionsPage::initializePage()
{
    m_sample->setValue(m_wizard->document()->project().options.sampleSize);
    if (m_wizard->loadedSource() != m_wizard->document()->project().sourceUri || !m_loaded)
        load();
}

void CollectionsPage::load()
{
    if (m_watcher.isRunning())
        return;
    auto source = m_wizard->sourceEndpoint();
    auto target = m_wizard->targetEndpoint();
    if (!source || !target) {
        m_status->setText((source ? target.error() : source.error()).toString());
        return;
    }
    m_loaded = false;
    m_busy->show();
    m_reload->setEnabled(false);
    m_status->setStyleSheet({});
    m_status->setText(
        tr("Reading %1: collections, counts and a sample of each…").arg(source->redacted()));
    const Endpoint src = *source;
    const Endpoint tgt = *target;
    Project current = m_wizard->document()->project();
    // Mappings of collections from another source would point at nothing: start over.
    const QString before = m_wizard->loadedSource();
    if (!before.isEmpty() && before != current.sourceUri)
        current.collections.clear();
    m_watcher.setFuture(
        QtConcurrent::run([src, tgt, current] { return loadSource(src, tgt, current); }));
    Q_EMIT completeChanged();
}

void CollectionsPage::loaded()
{
    m_busy->hide();
    m_reload->setEnabled(true);
    Result<SourceLoad> result = m_watcher.result();
    if (!result) {
        m_status->setStyleSheet(QStringLiteral("color: #b01010"));
        m_status->setText(result.error().toString());
        Q_EMIT completeChanged();
        return;
    }
    ProjectDocument *doc = m_wizard->document();
    SourceLoad &load = *result;
    for (auto it = load.schemas.cbegin(); it != load.schemas.cend(); ++it)
        doc->setSchema(it.key(), it.value());
    for (auto it = load.samples.begin(); it != load.samples.end(); ++it)
        doc->setSamples(it.key(), std::move(it.value()));
    for (const CollectionMapping &m : std::as_const(load.proposals))
        doc->setProposal(m);
    if (doc->project().collections.empty()) {
        // A fresh inference is the starting point, not an edit to undo.
        doc->setProject(std::move(load.project));
        doc->markDirty();
    } else {
        doc->modify(tr("Add collections found in the source"),
                    [&](Project &p) { p = load.project; });
    }
    doc->setCollectionInfos(load.infos, load.skipped);
    m_wizard->setLoadedSource(doc->project().sourceUri);
    m_loaded = true;
    m_status->setStyleSheet({});
    QString text = tr("%n collection(s) found.", nullptr, int(load.infos.size()));
    if (!load.skipped.isEmpty())
        text += QLatin1Char(' ') + tr("%n more not migrated: greyed below, with the reason.",
                                      nullptr, int(load.skipped.size()));
    if (!load.warnings.isEmpty())
        text += QLatin1Char('\n') + load.warnings.join(QLatin1Char('\n'));
    m_status->setText(text);
    Q_EMIT completeChanged();
}

void CollectionsPage::move(int delta)
{
    const QModelIndex current = m_view->currentIndex();
    if (!current.isValid())
        return;
    if (m_model->moveCollection(current.row(), delta))
        m_view->setCurrentIndex(m_model->index(current.row() + delta, current.column()));
}

// The list order is a wish: the run still moves a referenced collection before the
// collections that point to it, so say so, and say which order that gives.
void CollectionsPage::updateOrderNote()
{
    const Project &project = m_wizard->document()->project();
    QString text = tr("Collections are moved from top to bottom, except that a collection "
                      "others reference is always moved before them.");
    auto order = orderCollections(project, {});
    if (!order) {
        text += QLatin1Char(' ') + order.error().toString();
    } else {
        QStringList listed;
        for (const CollectionMapping &c : project.collections) {
            if (c.enabled)
                listed.append(c.collection);
        }
        QStringList actual;
        for (const CollectionMapping *c : *order)
            actual.append(c->collection);
        if (actual != listed)
            text += QLatin1Char(' ') + tr("Because of references the run order is: %1.")
                                           .arg(actual.join(QStringLiteral(", ")));
    }
    m_orderNote->setText(text);
}

void CollectionsPage::setAll(bool enabled)
{
    m_wizard->document()->modify(
        enabled ? tr("Select all collections") : tr("Select no collection"), [enabled](Project &p) {
            for (CollectionMapping &c : p.collections)
                c.enabled = enabled;
        });
}

bool CollectionsPage::isComplete() const
{
    return m_loaded && !m_watcher.isRunning() && m_model->enabledCount() > 0;
}

bool CollectionsPage::validatePage()
{
    const QStringList problems = m_model->problems();
    if (!problems.isEmpty()) {
        m_status->setStyleSheet(QStringLiteral("color: #b01010"));
        m_status->setText(tr("Some target table names cannot be used:\n%1")
                              .arg(problems.join(QLatin1Char('\n'))));
        return false;
    }
    return true;
}

int CollectionsPage::nextId() const
{
    auto target = parseEndpoint(m_wizard->document()->project().targetUri);
    // A document target takes the documents as they are: there are no columns to map.
    if (target && takesDocuments(*target)) {
        // Tables into documents: their foreign keys can become embedded documents.
        auto source = parseEndpoint(m_wizard->document()->project().sourceUri);
        const StoreInfo *store = source ? storeOf(*source) : nullptr;
        return store && store->isSql() ? MigrationWizard::RelationsPageId
                                       : MigrationWizard::OptionsPageId;
    }
    return MigrationWizard::MappingPageId;
}

} // namespace ferry

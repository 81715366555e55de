#include "ui/dry_run_page.h"

#include "models/dry_run_model.h"
#include "models/project_document.h"
#include "models/report_model.h"
#include "ui/log_view.h"
#include "ui/migration_wizard.h"
#include "ui/run_controller.h"

#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace ferry {

DryRunPage::DryRunPage(MigrationWizard *wizard)
    : QWizardPage(wizard), m_wizard(wizard), m_report(new ReportModel(this)),
      m_tables(new DryRunTablesModel(this)), m_sample(new SampleRowsModel(this))
{
    setCommitPage(true);
    setButtonText(QWizard::CommitButton, tr("&Run"));
    setTitle(tr("Dry run"));
    setSubTitle(tr("A rehearsal on a sample of each collection: tables are created and rows "
                   "written inside a transaction that is rolled back."));

    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("dryRunTable"));
    m_table->setModel(m_report);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_report->setDryRun(true);
    m_table->hideColumn(ReportModel::CheckColumn); // a rehearsal leaves nothing to check
    m_log = new LogView(this);
    m_busy = new QProgressBar(this);
    m_busy->setRange(0, 0);
    m_busy->setMaximumHeight(16);
    m_busy->setTextVisible(false);
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("summaryLabel"));
    m_summary->setWordWrap(true);
    m_again = new QPushButton(QIcon(QStringLiteral(":/icons/run.svg")), tr("Run &again"), this);
    m_again->setObjectName(QStringLiteral("dryRunAgainButton"));

    m_tablesView = new QTableView(this);
    m_tablesView->setObjectName(QStringLiteral("dryRunTables"));
    m_tablesView->setModel(m_tables);
    m_tablesView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_tablesView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_tablesView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_tablesView->verticalHeader()->hide();
    m_tablesView->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_sampleView = new QTableView(this);
    m_sampleView->setObjectName(QStringLiteral("dryRunSample"));
    m_sampleView->setModel(m_sample);
    m_sampleView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_sampleView->verticalHeader()->setDefaultSectionSize(m_sampleView->fontMetrics().height() + 6);
    auto *tablesSplit = new QSplitter(Qt::Horizontal, this);
    tablesSplit->addWidget(m_tablesView);
    tablesSplit->addWidget(m_sampleView);
    tablesSplit->setStretchFactor(1, 1);
    tablesSplit->setSizes({460, 480});
    m_ddl = new QPlainTextEdit(this);
    m_ddl->setObjectName(QStringLiteral("ddlText"));
    m_ddl->setReadOnly(true);
    m_ddl->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_ddl->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_rejects = new QPlainTextEdit(this);
    m_rejects->setReadOnly(true);
    auto *tabs = new QTabWidget(this);
    m_tabs = tabs;
    tabs->setObjectName(QStringLiteral("dryRunTabs"));
    tabs->addTab(tablesSplit, tr("&Tables and sample rows"));
    tabs->addTab(m_ddl, tr("&Statements"));
    tabs->addTab(m_rejects, tr("Re&jects"));
    tabs->addTab(m_log, tr("&Log"));

    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_table);
    split->addWidget(tabs);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 2);
    auto *bottom = new QHBoxLayout;
    bottom->addWidget(m_summary, 1);
    bottom->addWidget(m_again);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(split, 1);
    layout->addWidget(m_busy);
    layout->addLayout(bottom);

    connect(m_again, &QPushButton::clicked, this, &DryRunPage::start);
    connect(m_tablesView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                m_sample->setTable(m_tables->tableAt(current.row()));
            });
}

DryRunPage::~DryRunPage() = default;

void DryRunPage::initializePage()
{
    start();
}

void DryRunPage::cleanupPage()
{
    // Going back while it runs: stop it; the next visit starts a fresh one.
    delete m_controller;
    m_controller = nullptr;
}

void DryRunPage::start()
{
    if (m_controller && m_controller->isRunning())
        return;
    auto source = m_wizard->sourceEndpoint();
    auto target = m_wizard->targetEndpoint();
    m_log->clear();
    m_report->setReport({});
    m_tables->setResults({});
    m_sample->setTable(nullptr);
    m_ddl->clear();
    m_rejects->clear();
    // A failed rehearsal switched to the log; a new one starts on its results again.
    m_tabs->setCurrentIndex(0);
    m_summary->setStyleSheet({});
    m_finished = false;
    m_failed = false;
    Q_EMIT completeChanged();
    if (!source || !target) {
        m_summary->setText((source ? target.error() : source.error()).toString());
        return;
    }
    delete m_controller;
    m_controller = new RunController(this);
    connect(m_controller, &RunController::message, m_log, &LogView::append);
    connect(m_controller, &RunController::finished, this, &DryRunPage::finished);
    RunRequest request;
    request.mode = RunMode::DryRun;
    request.dryRunSample = 1000;
    request.validate = false;
    m_busy->show();
    m_again->setEnabled(false);
    m_summary->setText(tr("Rehearsing on up to %1 documents per collection…")
                           .arg(QLocale().toString(request.dryRunSample)));
    m_controller->start(m_wizard->document()->project(), *source, *target, request,
                        QStringLiteral("dry-run"));
}

void DryRunPage::finished(const RunReport &report)
{
    m_busy->hide();
    m_again->setEnabled(true);
    m_report->setReport(report);
    m_tables->setResults(m_controller->dryRunResults());
    QStringList ddl;
    QStringList rejects;
    double estimate = 0;
    bool estimated = false;
    for (const DryRunCollection &c : m_tables->results()) {
        ddl.append(QStringLiteral("-- %1").arg(c.collection));
        for (const QString &statement : c.ddl)
            ddl.append(statement.trimmed().endsWith(QLatin1Char(';'))
                           ? statement
                           : statement + QLatin1Char(';'));
        ddl.append(QString());
        for (const DryRunReject &r : c.rejects)
            rejects.append(tr("%1 %2: %3").arg(c.collection, r.id, r.reason));
        if (c.estimatedSeconds >= 0) {
            estimate += c.estimatedSeconds;
            estimated = true;
        }
    }
    m_ddl->setPlainText(ddl.join(QLatin1Char('\n')));
    m_rejects->setPlainText(rejects.isEmpty() ? tr("No sample document would be rejected.")
                                              : rejects.join(QLatin1Char('\n')));
    if (m_tables->rowCount() > 0)
        m_tablesView->selectRow(0);
    m_finished = true;
    m_failed = report.status == RunReport::statusName(RunStatus::Failed) ||
               report.status == RunReport::statusName(RunStatus::Cancelled);
    if (m_failed) {
        QString cause;
        for (const CollectionReport &c : report.collections) {
            if (!c.warnings.isEmpty() && cause.isEmpty())
                cause = plainSentence(c.warnings.constLast());
        }
        m_summary->setStyleSheet(QStringLiteral("color: #b01010"));
        m_summary->setText(tr("The dry run failed. %1 Go Back to correct the mapping or the "
                              "connection, then press Run again.")
                               .arg(cause));
        m_tabs->setCurrentWidget(m_log);
    } else {
        // The engine extrapolates each collection from its sample's speed; without that,
        // fall back to the sample rate over the source count.
        double seconds = estimate;
        qint64 rejected = 0;
        for (const CollectionReport &c : report.collections) {
            rejected += c.rejected;
            if (!estimated && c.docsPerSecond > 0 && c.sourceCount > 0)
                seconds += double(c.sourceCount) / c.docsPerSecond;
        }
        qint64 skipped = 0;
        for (const CollectionReport &c : report.collections)
            skipped += c.skippedExisting;
        m_summary->setStyleSheet(rejected > 0 || skipped > 0 ? QStringLiteral("color: #8a5200")
                                                             : QString());
        QString text = tr("The dry run passed. Estimated time for the real run: %1.")
                           .arg(seconds < 1 ? tr("under a second")
                                            : tr("about %Ln second(s)", nullptr, qRound(seconds)));
        if (rejected > 0)
            text += QLatin1Char(' ') +
                    tr("%Ln sample document(s) would be rejected.", nullptr, int(rejected));
        // Rows already there are skipped silently by a real run: say so before it starts.
        if (skipped > 0)
            text += QLatin1Char(' ') +
                    tr("%Ln sampled document(s) are already in the target: a real run would "
                       "skip them (Existing rows on the Options page).",
                       nullptr, int(skipped));
        m_summary->setText(text);
    }
    Q_EMIT completeChanged();
}

bool DryRunPage::isComplete() const
{
    return m_finished && !m_failed;
}

} // namespace ferry

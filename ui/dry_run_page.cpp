#include "ui/dry_run_page.h"

#include "models/project_document.h"
#include "models/report_model.h"
#include "ui/log_view.h"
#include "ui/migration_wizard.h"
#include "ui/run_controller.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace ferry {

DryRunPage::DryRunPage(MigrationWizard *wizard)
    : QWizardPage(wizard), m_wizard(wizard), m_report(new ReportModel(this))
{
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
    m_log = new LogView(this);
    m_busy = new QProgressBar(this);
    m_busy->setRange(0, 0);
    m_busy->setMaximumHeight(16);
    m_busy->setTextVisible(false);
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("summaryLabel"));
    m_summary->setWordWrap(true);
    m_again = new QPushButton(QIcon(QStringLiteral(":/icons/run.svg")), tr("Run &again"), this);

    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_table);
    split->addWidget(m_log);
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
    m_finished = true;
    m_failed = report.status == RunReport::statusName(RunStatus::Failed) ||
               report.status == RunReport::statusName(RunStatus::Cancelled);
    if (m_failed) {
        m_summary->setStyleSheet(QStringLiteral("color: #b01010"));
        m_summary->setText(tr("The dry run failed; see the log. Go back to fix the mapping or "
                              "the connection."));
    } else {
        // Extrapolate from the sample's speed to each collection's full count.
        double seconds = 0;
        qint64 rejected = 0;
        for (const CollectionReport &c : report.collections) {
            rejected += c.rejected;
            if (c.docsPerSecond > 0 && c.sourceCount > 0)
                seconds += double(c.sourceCount) / c.docsPerSecond;
        }
        m_summary->setStyleSheet({});
        QString text = tr("The dry run passed. Estimated time for the real run: %1.")
                           .arg(seconds < 1 ? tr("under a second")
                                            : tr("about %n second(s)", nullptr, qRound(seconds)));
        if (rejected > 0)
            text += QLatin1Char(' ') +
                    tr("%n sample document(s) would be rejected.", nullptr, int(rejected));
        m_summary->setText(text);
    }
    Q_EMIT completeChanged();
}

bool DryRunPage::isComplete() const
{
    return m_finished && !m_failed;
}

} // namespace ferry

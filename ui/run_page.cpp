#include "ui/run_page.h"

#include "models/log_model.h"
#include "models/progress_model.h"
#include "models/project_document.h"
#include "ui/log_view.h"
#include "ui/migration_wizard.h"
#include "ui/progress_delegate.h"
#include "ui/run_controller.h"
#include "ui/throughput_chart.h"

#include <QDateTime>
#include <QDir>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QSaveFile>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace ferry {

namespace {

QString duration(double seconds)
{
    const qint64 s = qRound64(seconds);
    if (s < 60)
        return QCoreApplication::translate("ferry::RunPage", "%n s", nullptr, int(s));
    return QStringLiteral("%1:%2").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0'));
}

} // namespace

RunPage::RunPage(MigrationWizard *wizard)
    : QWizardPage(wizard), m_wizard(wizard), m_progress(new ProgressModel(this))
{
    setTitle(tr("Run"));
    setSubTitle(tr("Moving the data. Each batch is committed with a checkpoint: a cancelled or "
                   "crashed run can be resumed."));

    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("progressTable"));
    m_table->setModel(m_progress);
    m_table->setItemDelegateForColumn(ProgressModel::ProgressColumn,
                                      new ProgressDelegate(ProgressModel::FractionRole, m_table));
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(ProgressModel::ProgressColumn,
                                                      QHeaderView::Stretch);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_overall = new QProgressBar(this);
    m_overall->setObjectName(QStringLiteral("overallProgress"));
    m_overall->setRange(0, 1000);
    m_overall->setFormat(tr("%p %"));
    m_rate = new QLabel(this);
    m_rate->setObjectName(QStringLiteral("rateLabel"));
    m_chart = new ThroughputChart(this);
    m_log = new LogView(this);
    m_pause = new QPushButton(QIcon(QStringLiteral(":/icons/pause.svg")), tr("&Pause"), this);
    m_pause->setObjectName(QStringLiteral("pauseButton"));
    m_pause->setToolTip(tr("Pause after the batch being written"));
    m_cancel =
        new QPushButton(QIcon(QStringLiteral(":/icons/cancel.svg")), tr("&Cancel run"), this);
    m_cancel->setObjectName(QStringLiteral("cancelRunButton"));
    m_cancel->setToolTip(tr("Stop after the batch being written; committed batches stay and the "
                            "run can be resumed"));

    auto *overallRow = new QHBoxLayout;
    overallRow->addWidget(new QLabel(tr("Overall:"), this));
    overallRow->addWidget(m_overall, 1);
    overallRow->addWidget(m_rate);
    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_pause);
    buttons->addWidget(m_cancel);
    auto *top = new QWidget(this);
    auto *topLayout = new QVBoxLayout(top);
    topLayout->setContentsMargins(0, 0, 0, 0);
    topLayout->addWidget(m_table, 1);
    topLayout->addLayout(overallRow);
    topLayout->addWidget(m_chart);
    topLayout->addLayout(buttons);
    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(top);
    split->addWidget(m_log);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(split, 1);

    connect(m_pause, &QPushButton::clicked, this, &RunPage::togglePause);
    connect(m_cancel, &QPushButton::clicked, this, [this] {
        if (m_controller) {
            m_cancel->setEnabled(false);
            m_log->append(1, tr("Cancelling after the current batch…"));
            m_controller->cancel();
        }
    });
}

RunPage::~RunPage() = default;

void RunPage::initializePage()
{
    start();
}

void RunPage::rerun(Rerun kind)
{
    if (m_wizard->currentPage() != this)
        m_wizard->back();
    start(kind);
}

void RunPage::start(Rerun kind)
{
    if (m_controller && m_controller->isRunning())
        return;
    // Back stays off while a run writes (the dry run page commits), and comes back after it,
    // so a finished run can lead back to the mapping or the options.
    if (QWizardPage *dryRun = m_wizard->page(MigrationWizard::DryRunPageId))
        dryRun->setCommitPage(true);
    m_finished = false;
    m_paused = false;
    m_log->clear();
    m_progress->setProgress({});
    m_overall->setValue(0);
    m_chart->clear();
    Q_EMIT completeChanged();
    auto source = m_wizard->sourceEndpoint();
    auto target = m_wizard->targetEndpoint();
    if (!source || !target) {
        m_log->append(2, (source ? target.error() : source.error()).toString());
        m_finished = true;
        Q_EMIT completeChanged();
        return;
    }
    Project project = m_wizard->document()->project();
    const QString dir = MigrationWizard::dataDir() + QStringLiteral("/reports");
    QDir().mkpath(dir);
    const QString base =
        QStringLiteral("%1/%2-%3")
            .arg(dir, project.name.isEmpty() ? QStringLiteral("migration") : project.name,
                 QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss")));
    RunRequest request;
    request.mode = RunMode::Run;
    request.reportPath = base + QStringLiteral(".json");
    request.rejectPath = base + QStringLiteral(".rejects.ndjson");
    request.resume = kind == Rerun::Resume;
    if (kind == Rerun::Rejected) {
        for (const CollectionReport &c : m_wizard->lastReport().collections) {
            if (c.rejected > 0)
                request.collections.append(c.name);
        }
        project.options.existingRows = ExistingRows::Skip;
    }
    m_reportPath = request.reportPath;
    m_logPath = base + QStringLiteral(".log");

    delete m_controller;
    m_controller = new RunController(this);
    connect(m_controller, &RunController::progress, this, &RunPage::showProgress);
    connect(m_controller, &RunController::message, m_log, &LogView::append);
    connect(m_controller, &RunController::finished, this, &RunPage::finished);
    m_pause->setEnabled(true);
    m_cancel->setEnabled(true);
    m_wizard->setRunning(true);
    m_controller->start(project, *source, *target, request, QStringLiteral("run"));
}

void RunPage::showProgress(const RunProgress &progress)
{
    m_progress->setProgress(progress);
    m_overall->setValue(int(progress.fraction * 1000));
    m_chart->addProgress(progress);
    QString text = tr("%1 docs/s").arg(QLocale().toString(qRound64(progress.docsPerSecond)));
    text += QStringLiteral(" · ") + tr("elapsed %1").arg(duration(progress.elapsedSeconds));
    if (progress.etaSeconds >= 0)
        text += QStringLiteral(" · ") + tr("ETA %1").arg(duration(progress.etaSeconds));
    m_rate->setText(text);
}

void RunPage::togglePause()
{
    if (!m_controller)
        return;
    m_paused = !m_paused;
    m_controller->setPaused(m_paused);
    m_pause->setText(m_paused ? tr("&Resume") : tr("&Pause"));
    m_pause->setIcon(QIcon(m_paused ? QStringLiteral(":/icons/resume.svg")
                                    : QStringLiteral(":/icons/pause.svg")));
    m_log->append(0, m_paused ? tr("Paused.") : tr("Resumed."));
}

void RunPage::finished(const RunReport &report)
{
    m_finished = true;
    m_wizard->setRunning(false);
    m_pause->setEnabled(false);
    m_cancel->setEnabled(false);
    m_wizard->setLastReport(report, m_reportPath);
    if (report.status == RunReport::statusName(RunStatus::Completed))
        m_overall->setValue(m_overall->maximum());
    m_log->append(0, tr("Finished: %1.").arg(report.status));
    // The log is kept beside the report, so the summary can name and open it.
    QSaveFile log(m_logPath);
    if (log.open(QIODevice::WriteOnly | QIODevice::Text)) {
        log.write(m_log->model()->toPlainText().toUtf8());
        if (!log.commit())
            m_logPath.clear();
    } else {
        m_logPath.clear();
    }
    if (QWizardPage *dryRun = m_wizard->page(MigrationWizard::DryRunPageId))
        dryRun->setCommitPage(false);
    Q_EMIT completeChanged();
}

bool RunPage::isComplete() const
{
    return m_finished;
}

} // namespace ferry

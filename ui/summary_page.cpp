#include "ui/summary_page.h"
#include "stores/stores.h"

#include "models/project_document.h"
#include "models/report_model.h"
#include "ui/migration_wizard.h"
#include "ui/run_page.h"

#include <QApplication>
#include <QClipboard>
#include <QDesktopServices>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonObject>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTableView>
#include <QUrl>
#include <QVBoxLayout>

namespace ferry {

namespace {

QString fileLink(const QString &path)
{
    return QStringLiteral("<a href='%1'>%2</a>")
        .arg(QUrl::fromLocalFile(path).toString(), path.toHtmlEscaped());
}

int clampCount(qint64 n)
{
    return int(std::min<qint64>(n, std::numeric_limits<int>::max()));
}

struct Totals {
    qint64 read = 0, written = 0, skipped = 0, rejected = 0, mismatches = 0;
};

Totals totalsOf(const RunReport &report)
{
    Totals t;
    for (const CollectionReport &c : report.collections) {
        t.read += c.read;
        t.written += c.written;
        t.skipped += c.skippedExisting;
        t.rejected += c.rejected;
        t.mismatches += c.mismatches.size();
    }
    return t;
}

} // namespace

SummaryPage::SummaryPage(MigrationWizard *wizard)
    : QWizardPage(wizard), m_wizard(wizard), m_model(new ReportModel(this))
{
    setTitle(tr("Summary"));
    setSubTitle(tr("What was moved, and what the check afterwards compared."));
    setFinalPage(true);

    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("statusLabel"));
    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::RichText);
    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("summaryTable"));
    m_table->setModel(m_model);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_mismatches = new QPlainTextEdit(this);
    m_mismatches->setObjectName(QStringLiteral("mismatchText"));
    m_mismatches->setReadOnly(true);
    m_mismatches->setMaximumHeight(110);
    m_files = new QLabel(this);
    m_files->setObjectName(QStringLiteral("filesLabel"));
    m_files->setWordWrap(true);
    m_files->setTextFormat(Qt::RichText);
    m_files->setOpenExternalLinks(true);
    m_files->setTextInteractionFlags(Qt::TextBrowserInteraction);

    m_openTarget = new QPushButton(tr("Open &target"), this);
    m_openTarget->setObjectName(QStringLiteral("openTargetButton"));
    m_openLog = new QPushButton(tr("Open &log"), this);
    m_openLog->setObjectName(QStringLiteral("openLogButton"));
    auto *save =
        new QPushButton(QIcon(QStringLiteral(":/icons/report.svg")), tr("&Save report…"), this);
    save->setObjectName(QStringLiteral("saveReportButton"));
    auto *again = new QPushButton(QIcon(QStringLiteral(":/icons/run.svg")), tr("Run &again"), this);
    again->setObjectName(QStringLiteral("runAgainButton"));
    again->setToolTip(tr("The same run once more; rows already in the target are handled as "
                         "the Options page says."));
    m_resume = new QPushButton(tr("Res&ume"), this);
    m_resume->setObjectName(QStringLiteral("resumeButton"));
    m_resume->setToolTip(tr("Continue from the last committed batch of each collection."));
    m_rerunRejected = new QPushButton(tr("Re-run re&jected"), this);
    m_rerunRejected->setObjectName(QStringLiteral("rerunRejectedButton"));
    m_rerunRejected->setToolTip(tr("Run the collections that rejected documents again, "
                                   "skipping rows already written: after correcting the "
                                   "mapping, only the rejected documents are tried again."));

    auto *files = new QHBoxLayout;
    files->addWidget(m_files, 1);
    files->addWidget(m_openTarget, 0, Qt::AlignTop);
    files->addWidget(m_openLog, 0, Qt::AlignTop);
    files->addWidget(save, 0, Qt::AlignTop);
    auto *next = new QHBoxLayout;
    next->addStretch(1);
    next->addWidget(again);
    next->addWidget(m_resume);
    next->addWidget(m_rerunRejected);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_status);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_mismatches);
    layout->addLayout(files);
    layout->addLayout(next);

    connect(m_openTarget, &QPushButton::clicked, this, &SummaryPage::openTarget);
    connect(m_openLog, &QPushButton::clicked, this, [this] {
        const auto *run = qobject_cast<RunPage *>(m_wizard->page(MigrationWizard::RunPageId));
        QDesktopServices::openUrl(QUrl::fromLocalFile(run->logPath()));
    });
    connect(save, &QPushButton::clicked, this, &SummaryPage::saveReport);
    const auto rerun = [this](RunPage::Rerun kind) {
        qobject_cast<RunPage *>(m_wizard->page(MigrationWizard::RunPageId))->rerun(kind);
    };
    connect(again, &QPushButton::clicked, this, [rerun] { rerun(RunPage::Rerun::Again); });
    connect(m_resume, &QPushButton::clicked, this, [rerun] { rerun(RunPage::Rerun::Resume); });
    connect(m_rerunRejected, &QPushButton::clicked, this,
            [rerun] { rerun(RunPage::Rerun::Rejected); });
}

void SummaryPage::initializePage()
{
    const RunReport &report = m_wizard->lastReport();
    m_model->setReport(report);
    showVerdict(report);
    showMismatches(report);
    showFiles(report);
    const Totals t = totalsOf(report);
    const bool stopped = report.status == RunReport::statusName(RunStatus::Failed) ||
                         report.status == RunReport::statusName(RunStatus::Cancelled);
    m_resume->setEnabled(stopped);
    m_rerunRejected->setEnabled(t.rejected > 0);
    const auto *run = qobject_cast<RunPage *>(m_wizard->page(MigrationWizard::RunPageId));
    m_openLog->setEnabled(run && QFileInfo::exists(run->logPath()));
}

// One sentence in colour: a run that wrote nothing is not a success, whatever its status.
void SummaryPage::showVerdict(const RunReport &report)
{
    const Totals t = totalsOf(report);
    const QLocale locale;
    QString text;
    if (report.status == RunReport::statusName(RunStatus::Failed)) {
        m_tone = Tone::Bad;
        text = tr("The run failed after %Ln document(s) were written. Committed batches stay in "
                  "the target: correct the cause (see the log), then Resume.",
                  nullptr, clampCount(t.written));
    } else if (report.status == RunReport::statusName(RunStatus::Cancelled)) {
        m_tone = Tone::Bad;
        text = tr("The run was cancelled after %Ln document(s) were written. Resume continues "
                  "where it stopped.",
                  nullptr, clampCount(t.written));
    } else if (t.written == 0 && t.skipped > 0) {
        m_tone = Tone::Warning;
        text = tr("Nothing was written: all %Ln document(s) were already in the target and were "
                  "skipped. To write them again, choose \"Update them\" or \"Empty the tables "
                  "first\" for existing rows on the Options page.",
                  nullptr, clampCount(t.skipped));
    } else if (t.written == 0 && t.rejected == 0) {
        m_tone = Tone::Warning;
        text = tr("Nothing was written: the source gave no documents.");
    } else {
        m_tone = t.rejected > 0 || t.mismatches > 0 ? Tone::Warning : Tone::Good;
        text = tr("%Ln document(s) written", nullptr, clampCount(t.written));
        if (t.skipped > 0)
            text += tr(", %Ln already in the target and skipped", nullptr, clampCount(t.skipped));
        if (t.rejected > 0)
            text += tr(", %Ln rejected (kept in the reject file)", nullptr, clampCount(t.rejected));
        text += tr(" in %1 s.").arg(locale.toString(report.durationSeconds, 'f', 1));
        if (t.mismatches > 0)
            text +=
                QLatin1Char(' ') + tr("The check afterwards found %Ln difference(s): see below.",
                                      nullptr, clampCount(t.mismatches));
        else if (m_tone == Tone::Good)
            text += QLatin1Char(' ') + tr("The check afterwards found no difference.");
    }
    const QString colour = m_tone == Tone::Good      ? QStringLiteral("#1e6b1e")
                           : m_tone == Tone::Warning ? QStringLiteral("#8a5200")
                                                     : QStringLiteral("#b01010");
    m_status->setText(
        QStringLiteral("<b style='color:%1'>%2</b>").arg(colour, text.toHtmlEscaped()));
}

void SummaryPage::showMismatches(const RunReport &report)
{
    QStringList lines;
    for (const CollectionReport &c : report.collections) {
        for (const QJsonValue &v : c.mismatches) {
            const QJsonObject m = v.toObject();
            const QString id = m.value(QStringLiteral("_id")).toString();
            const QString column = m.value(QStringLiteral("column")).toString();
            lines.append(tr("%1 → %2%3%4: expected %5, found %6")
                             .arg(c.name, m.value(QStringLiteral("table")).toString(),
                                  column.isEmpty() ? QString() : QLatin1Char('.') + column,
                                  id.isEmpty() ? QString() : tr(" (_id %1)").arg(id),
                                  m.value(QStringLiteral("expected")).toString(),
                                  m.value(QStringLiteral("found")).toString()));
        }
    }
    m_mismatches->setPlainText(lines.join(QLatin1Char('\n')));
    m_mismatches->setVisible(!lines.isEmpty());
}

QString SummaryPage::targetLocation() const
{
    auto target = parseEndpoint(m_wizard->document()->project().targetUri);
    if (!target)
        return {};
    const StoreInfo *store = storeOf(*target);
    if (store && store->server)
        return store->clientCommand.isEmpty()
                   ? target->redacted()
                   : QStringLiteral("%1 '%2'").arg(store->clientCommand, target->redacted());
    const QFileInfo path(target->path());
    return QUrl::fromLocalFile(path.isDir() ? path.absoluteFilePath() : path.absolutePath())
        .toString();
}

void SummaryPage::openTarget()
{
    const QString where = targetLocation();
    if (where.startsWith(QLatin1String("file:"))) {
        QDesktopServices::openUrl(QUrl(where));
        return;
    }
    QApplication::clipboard()->setText(where);
    m_files->setText(m_files->text() + QStringLiteral("<br>") +
                     tr("Copied to the clipboard: <code>%1</code>").arg(where.toHtmlEscaped()));
}

void SummaryPage::showFiles(const RunReport &report)
{
    QStringList lines;
    auto target = parseEndpoint(m_wizard->document()->project().targetUri);
    if (target && !target->path().isEmpty())
        lines.append(tr("Target: %1").arg(fileLink(QFileInfo(target->path()).absoluteFilePath())));
    else if (target)
        lines.append(tr("Target: %1").arg(target->redacted().toHtmlEscaped()));
    // Ferry's own tables are what Resume and rollback read: say where they are, so nobody
    // takes them for data, or drops them while a run may still need them.
    const StoreInfo *store = target ? storeOf(*target) : nullptr;
    if (store && store->dialect == Dialect::Postgres)
        lines.append(tr("Ferry keeps its checkpoints and run records in the schema "
                        "<code>ferry</code> of the target database, apart from your tables; "
                        "drop it once you no longer need Resume or rollback."));
    else if (store && store->dialect == Dialect::Sqlite)
        lines.append(tr("Ferry keeps its checkpoints and run records in the file's "
                        "<code>_ferry_*</code> tables; drop them once you no longer need Resume "
                        "or rollback."));
    const QString reportPath = m_wizard->lastReportPath();
    if (!reportPath.isEmpty() && QFileInfo::exists(reportPath))
        lines.append(tr("Report: %1").arg(fileLink(reportPath)));
    const auto *run = qobject_cast<RunPage *>(m_wizard->page(MigrationWizard::RunPageId));
    if (run && QFileInfo::exists(run->logPath()))
        lines.append(tr("Log: %1").arg(fileLink(run->logPath())));
    if (!report.rejectFile.isEmpty() && QFileInfo::exists(report.rejectFile))
        lines.append(tr("Rejected documents: %1").arg(fileLink(report.rejectFile)));
    m_files->setText(lines.join(QStringLiteral("<br>")));
}

void SummaryPage::saveReport()
{
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Save report"), QStringLiteral("ferry-report.json"), tr("JSON reports (*.json)"));
    if (path.isEmpty())
        return;
    if (Status s = m_wizard->lastReport().save(path); !s)
        m_files->setText(m_files->text() + QStringLiteral("<br>") +
                         s.error().toString().toHtmlEscaped());
    else
        m_files->setText(m_files->text() + QStringLiteral("<br>") +
                         tr("Report saved to %1.").arg(fileLink(path)));
}

} // namespace ferry

#include "ui/summary_page.h"

#include "models/report_model.h"
#include "ui/migration_wizard.h"

#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
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

} // namespace

SummaryPage::SummaryPage(MigrationWizard *wizard)
    : QWizardPage(wizard), m_wizard(wizard), m_model(new ReportModel(this))
{
    setTitle(tr("Summary"));
    setSubTitle(tr("What was moved. Rejected documents are kept, unchanged, in the reject file."));
    setFinalPage(true);

    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("statusLabel"));
    m_status->setWordWrap(true);
    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("summaryTable"));
    m_table->setModel(m_model);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_files = new QLabel(this);
    m_files->setObjectName(QStringLiteral("filesLabel"));
    m_files->setWordWrap(true);
    m_files->setTextFormat(Qt::RichText);
    m_files->setOpenExternalLinks(true);
    m_files->setTextInteractionFlags(Qt::TextBrowserInteraction);
    auto *save =
        new QPushButton(QIcon(QStringLiteral(":/icons/report.svg")), tr("&Save report…"), this);
    save->setObjectName(QStringLiteral("saveReportButton"));

    auto *bottom = new QHBoxLayout;
    bottom->addWidget(m_files, 1);
    bottom->addWidget(save, 0, Qt::AlignTop);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_status);
    layout->addWidget(m_table, 1);
    layout->addLayout(bottom);

    connect(save, &QPushButton::clicked, this, &SummaryPage::saveReport);
}

void SummaryPage::initializePage()
{
    const RunReport &report = m_wizard->lastReport();
    m_model->setReport(report);
    qint64 written = 0;
    qint64 rejected = 0;
    for (const CollectionReport &c : report.collections) {
        written += c.written;
        rejected += c.rejected;
    }
    m_status->setText(
        tr("Status: %1 — %n document(s) written", nullptr, int(written)).arg(report.status) +
        (rejected > 0 ? tr(", %n rejected", nullptr, int(rejected)) : QString()) +
        tr(" in %1 s.").arg(report.durationSeconds, 0, 'f', 1));
    QStringList lines;
    const QString reportPath = m_wizard->lastReportPath();
    if (!reportPath.isEmpty() && QFileInfo::exists(reportPath))
        lines.append(tr("Report: %1").arg(fileLink(reportPath)));
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
        m_status->setText(s.error().toString());
    else
        m_status->setText(tr("Report saved to %1.").arg(path));
}

} // namespace ferry

#include "models/report_model.h"

#include <QBrush>
#include <QColor>
#include <QJsonObject>
#include <QLocale>

namespace ferry {

ReportModel::ReportModel(QObject *parent) : QAbstractTableModel(parent)
{
}

void ReportModel::setReport(const RunReport &report)
{
    beginResetModel();
    m_report = report;
    endResetModel();
}

int ReportModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_report.collections.size());
}

int ReportModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

// "same: counts, 20 sampled" from the validation the run did (see validator.h).
QString ReportModel::checkText(const CollectionReport &c)
{
    const QJsonObject v = c.extra.value(QStringLiteral("validation")).toObject();
    if (v.isEmpty())
        return tr("not checked");
    if (!c.mismatches.isEmpty())
        return tr("%n difference(s)", nullptr, int(c.mismatches.size()));
    const int sampled = v.value(QStringLiteral("sampled")).toInt();
    const bool counted =
        v.value(QStringLiteral("counts")).toString() != QLatin1String("not checked");
    if (counted)
        return tr("same: count, %Ln sampled", nullptr, sampled);
    return tr("same: %Ln sampled", nullptr, sampled);
}

QVariant ReportModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || size_t(index.row()) >= m_report.collections.size())
        return {};
    const CollectionReport &c = m_report.collections[size_t(index.row())];
    const QLocale locale;
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case NameColumn:
            return c.name;
        case StatusColumn:
            return c.status;
        case SourceColumn:
            return c.sourceCount < 0 ? tr("unknown") : locale.toString(c.sourceCount);
        case WrittenColumn:
            return locale.toString(c.written);
        case SkippedColumn:
            return locale.toString(c.skippedExisting);
        case RejectedColumn:
            return locale.toString(c.rejected);
        case TablesColumn: {
            QStringList parts;
            for (const TableCount &t : c.tables)
                parts.append(tr("%1: %2").arg(t.name, locale.toString(t.rows)));
            return parts.join(QStringLiteral(", "));
        }
        case CheckColumn:
            return checkText(c);
        }
        return {};
    case Qt::ToolTipRole:
        if (!c.warnings.isEmpty())
            return c.warnings.join(QLatin1Char('\n'));
        return {};
    case Qt::ForegroundRole:
        if (index.column() == CheckColumn && !c.mismatches.isEmpty())
            return QBrush(QColor(0xc0, 0x10, 0x10));
        if (index.column() == RejectedColumn && c.rejected > 0)
            return QBrush(QColor(0xa0, 0x60, 0x00));
        if (index.column() == StatusColumn &&
            (c.status == QLatin1String("failed") || c.status == QLatin1String("cancelled")))
            return QBrush(QColor(0xc0, 0x10, 0x10));
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() >= SourceColumn && index.column() <= RejectedColumn)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    }
    return {};
}

QVariant ReportModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Collection");
    case StatusColumn:
        return tr("Status");
    case SourceColumn:
        return tr("Source");
    case WrittenColumn:
        return m_dryRun ? tr("Would write") : tr("Written");
    case SkippedColumn:
        return m_dryRun ? tr("Would skip") : tr("Skipped");
    case RejectedColumn:
        return tr("Rejected");
    case TablesColumn:
        // Rows the tables hold now, which may include rows from before this run.
        return m_dryRun ? tr("Predicted rows") : tr("Rows in the target");
    case CheckColumn:
        return tr("Checked");
    }
    return {};
}

} // namespace ferry

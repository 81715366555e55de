#include "models/progress_model.h"

#include <QFont>
#include <QLocale>

namespace ferry {

ProgressModel::ProgressModel(QObject *parent) : QAbstractTableModel(parent)
{
}

void ProgressModel::setProgress(const RunProgress &progress)
{
    if (progress.collections.size() != m_progress.collections.size()) {
        beginResetModel();
        m_progress = progress;
        endResetModel();
        return;
    }
    m_progress = progress;
    if (!m_progress.collections.empty())
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

int ProgressModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_progress.collections.size());
}

int ProgressModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ProgressModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || size_t(index.row()) >= m_progress.collections.size())
        return {};
    const CollectionProgress &c = m_progress.collections[size_t(index.row())];
    const QLocale locale;
    const double fraction = c.done        ? 1.0
                            : c.total > 0 ? std::min(1.0, double(c.read) / double(c.total))
                                          : c.fraction;
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case NameColumn:
            return c.name;
        case ProgressColumn:
            return QStringLiteral("%1 %").arg(int(fraction * 100));
        case ReadColumn:
            return c.total >= 0
                       ? tr("%1 of %2").arg(locale.toString(c.read), locale.toString(c.total))
                       : locale.toString(c.read);
        case WrittenColumn:
            return locale.toString(c.written);
        case RejectedColumn:
            return locale.toString(c.rejected);
        case RateColumn:
            return c.docsPerSecond > 0
                       ? tr("%1 docs/s").arg(locale.toString(qRound64(c.docsPerSecond)))
                       : QString();
        }
        return {};
    case FractionRole:
        return fraction;
    case Qt::TextAlignmentRole:
        if (index.column() >= ReadColumn)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::FontRole:
        // Bold while moving: collections that move side by side are all under way at once.
        if (!c.done && (index.row() == m_progress.current || c.read > 0)) {
            QFont f;
            f.setBold(true);
            return f;
        }
        return {};
    }
    return {};
}

QVariant ProgressModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Collection");
    case ProgressColumn:
        return tr("Progress");
    case ReadColumn:
        return tr("Read");
    case WrittenColumn:
        return tr("Written");
    case RejectedColumn:
        return tr("Rejected");
    case RateColumn:
        return tr("Rate");
    }
    return {};
}

} // namespace ferry

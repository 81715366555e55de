#include "models/log_model.h"

#include <QBrush>
#include <QColor>

namespace ferry {

LogModel::LogModel(QObject *parent) : QAbstractListModel(parent)
{
}

void LogModel::append(int level, const QString &text)
{
    const int row = int(m_entries.size());
    beginInsertRows({}, row, row);
    m_entries.append({QDateTime::currentDateTime(), level, text});
    endInsertRows();
}

void LogModel::clear()
{
    beginResetModel();
    m_entries.clear();
    endResetModel();
}

int LogModel::count(int level) const
{
    int n = 0;
    for (const Entry &e : m_entries)
        n += e.level == level ? 1 : 0;
    return n;
}

QString LogModel::toPlainText() const
{
    QStringList lines;
    for (int r = 0; r < m_entries.size(); ++r)
        lines.append(data(index(r), Qt::DisplayRole).toString());
    return lines.join(QLatin1Char('\n'));
}

int LogModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

QVariant LogModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_entries.size())
        return {};
    const Entry &e = m_entries[index.row()];
    switch (role) {
    case Qt::DisplayRole: {
        const QString level = e.level >= 2   ? tr("error")
                              : e.level == 1 ? tr("warning")
                                             : tr("info");
        return QStringLiteral("%1  %2  %3")
            .arg(e.time.toString(QStringLiteral("HH:mm:ss")), level, e.text);
    }
    case Qt::ToolTipRole:
        return e.text;
    case Qt::ForegroundRole:
        if (e.level >= 2)
            return QBrush(QColor(0xc0, 0x10, 0x10));
        if (e.level == 1)
            return QBrush(QColor(0xa0, 0x60, 0x00));
        return {};
    case LevelRole:
        return e.level;
    case TimeRole:
        return e.time;
    }
    return {};
}

LogFilterModel::LogFilterModel(QObject *parent) : QSortFilterProxyModel(parent)
{
    setFilterCaseSensitivity(Qt::CaseInsensitive);
}

void LogFilterModel::setMinimumLevel(int level)
{
    m_minimumLevel = level;
    invalidateFilter();
}

bool LogFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    if (index.data(LogModel::LevelRole).toInt() < m_minimumLevel)
        return false;
    return QSortFilterProxyModel::filterAcceptsRow(sourceRow, sourceParent);
}

} // namespace ferry

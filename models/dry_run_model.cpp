#include "models/dry_run_model.h"

#include <QLocale>

namespace ferry {

DryRunTablesModel::DryRunTablesModel(QObject *parent) : QAbstractTableModel(parent)
{
}

void DryRunTablesModel::setResults(std::vector<DryRunCollection> results)
{
    beginResetModel();
    m_results = std::move(results);
    m_rows.clear();
    for (size_t c = 0; c < m_results.size(); ++c) {
        for (size_t t = 0; t < m_results[c].tables.size(); ++t)
            m_rows.append({int(c), int(t)});
    }
    endResetModel();
}

const DryRunTable *DryRunTablesModel::tableAt(int row) const
{
    if (row < 0 || row >= m_rows.size())
        return nullptr;
    return &m_results[size_t(m_rows[row].first)].tables[size_t(m_rows[row].second)];
}

int DryRunTablesModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int DryRunTablesModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant DryRunTablesModel::data(const QModelIndex &index, int role) const
{
    const DryRunTable *table = index.isValid() ? tableAt(index.row()) : nullptr;
    if (!table)
        return {};
    const QLocale locale;
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case CollectionColumn:
            return m_results[size_t(m_rows[index.row()].first)].collection;
        case TableColumn:
            return table->name;
        case SampleColumn:
            return locale.toString(table->sampleRowCount);
        case PredictedColumn:
            return locale.toString(table->predictedRows);
        }
    }
    if (role == Qt::TextAlignmentRole && index.column() >= SampleColumn)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

QVariant DryRunTablesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case CollectionColumn:
        return tr("Collection");
    case TableColumn:
        return tr("Table");
    case SampleColumn:
        return tr("Sample rows");
    case PredictedColumn:
        return tr("Predicted");
    }
    return {};
}

SampleRowsModel::SampleRowsModel(QObject *parent) : QAbstractTableModel(parent)
{
}

void SampleRowsModel::setTable(const DryRunTable *table)
{
    beginResetModel();
    m_columns = table ? table->columns : QStringList();
    m_rows = table ? table->sampleRows : QList<QStringList>();
    endResetModel();
}

int SampleRowsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int SampleRowsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_columns.size());
}

QVariant SampleRowsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || (role != Qt::DisplayRole && role != Qt::ToolTipRole))
        return {};
    const QStringList &row = m_rows[index.row()];
    return index.column() < row.size() ? row[index.column()] : QString();
}

QVariant SampleRowsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole)
        return {};
    if (orientation == Qt::Vertical)
        return section + 1;
    return section < m_columns.size() ? QVariant(m_columns[section]) : QVariant();
}

} // namespace ferry

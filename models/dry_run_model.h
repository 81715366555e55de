#pragma once

#include "run/run_types.h"

#include <QAbstractTableModel>

namespace ferry {

// The tables a dry run would fill: rows its sample produced and rows predicted for the
// whole collection.
class DryRunTablesModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { CollectionColumn, TableColumn, SampleColumn, PredictedColumn, ColumnCount };

    explicit DryRunTablesModel(QObject *parent = nullptr);

    void setResults(std::vector<DryRunCollection> results);
    const std::vector<DryRunCollection> &results() const { return m_results; }
    const DryRunTable *tableAt(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    std::vector<DryRunCollection> m_results;
    QList<QPair<int, int>> m_rows; // (collection, table) per row
};

// The first rows a dry run wrote into one table, as the target would hold them.
class SampleRowsModel : public QAbstractTableModel {
    Q_OBJECT
public:
    explicit SampleRowsModel(QObject *parent = nullptr);

    void setTable(const DryRunTable *table);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QStringList m_columns;
    QList<QStringList> m_rows;
};

} // namespace ferry

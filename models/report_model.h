#pragma once

#include "run/report.h"

#include <QAbstractTableModel>

namespace ferry {

// The per-collection outcome of a run or dry run: counts and rows per table.
class ReportModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        NameColumn,
        StatusColumn,
        SourceColumn,
        WrittenColumn,
        SkippedColumn,
        RejectedColumn,
        TablesColumn,
        CheckColumn, // what the check after the run compared, and what differed
        ColumnCount
    };

    explicit ReportModel(QObject *parent = nullptr);

    void setReport(const RunReport &report);
    // A dry run's counts are what a run would do: the headers say so.
    void setDryRun(bool dryRun) { m_dryRun = dryRun; }
    const RunReport &report() const { return m_report; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    static QString checkText(const CollectionReport &c);

    RunReport m_report;
    bool m_dryRun = false;
};

} // namespace ferry

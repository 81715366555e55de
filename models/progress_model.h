#pragma once

#include "run/run_types.h"

#include <QAbstractTableModel>

namespace ferry {

// Per-collection progress of a run, replaced wholesale by each (throttled) progress signal.
class ProgressModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        NameColumn,
        ProgressColumn,
        ReadColumn,
        WrittenColumn,
        RejectedColumn,
        RateColumn,
        ColumnCount
    };
    enum Role { FractionRole = Qt::UserRole + 1 };

    explicit ProgressModel(QObject *parent = nullptr);

    void setProgress(const RunProgress &progress);
    const RunProgress &progress() const { return m_progress; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    RunProgress m_progress;
};

} // namespace ferry

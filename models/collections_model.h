#pragma once

#include <QAbstractTableModel>

namespace ferry {

class ProjectDocument;

// The collections of the project: checkable (migrate or not), with their kind, source counts
// and editable target table names, in run order. Edits are undo steps on the document.
// Below them, greyed and not selectable, what the source holds but Ferry does not migrate
// (views, system collections, the oplog…), each with the reason.
class CollectionsModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { NameColumn, KindColumn, CountColumn, TableColumn, ColumnCount };
    enum Role { ProblemRole = Qt::UserRole + 1 };

    explicit CollectionsModel(ProjectDocument *document, QObject *parent = nullptr);

    bool moveCollection(int row, int delta);
    int enabledCount() const;
    // Rows below the project's collections that only say what is left out and why.
    bool isSkippedRow(int row) const { return row >= m_rows && row < m_rows + m_skippedRows; }
    // Translated lines naming every unusable target table name, empty when all are fine.
    QStringList problems() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    void documentChanged();
    QString tableProblem(int row) const;
    QVariant skippedData(int row, int column, int role) const;
    bool isTimeseries(const QString &collection) const;

    ProjectDocument *m_document;
    int m_rows = 0; // the project's collections
    int m_skippedRows = 0;
};

} // namespace ferry

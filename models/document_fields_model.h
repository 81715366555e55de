#pragma once

#include "core/catalog.h"

#include <QAbstractTableModel>

namespace ferry {

class ProjectDocument;

// The fields one table's rows become in documents: each column as its document field (the
// key as _id), its source type, whether it is kept, and the name it gets. Checking, unchecking
// and renaming are undoable edits of the project.
class DocumentFieldsModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { FieldColumn, TypeColumn, NameColumn, ColumnCount };

    explicit DocumentFieldsModel(ProjectDocument *document, QObject *parent = nullptr);

    void setTable(const TableInfo &table);
    QString table() const { return m_table.name; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;

private:
    bool isKey(int row) const;
    QString fieldAt(int row) const;

    ProjectDocument *m_document;
    TableInfo m_table;
};

} // namespace ferry

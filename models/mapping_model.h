#pragma once

#include "models/mapping_edits.h"

#include <QAbstractTableModel>

namespace ferry {

class ProjectDocument;

// The columns of one table of a collection mapping, editable in place. Names that the
// target cannot take (duplicate, too long, reserved) are flagged per cell; hasProblems()
// lets the page refuse to go on. Edits become undo steps on the document.
class MappingModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        NameColumn,
        SourceColumn,
        TypeColumn,
        ConversionColumn,
        NullableColumn,
        PrimaryKeyColumn,
        ColumnCount
    };
    enum Role {
        ProblemRole = Qt::UserRole + 1, // QString, empty when the name is fine
        ChoicesRole,                    // QStringList of values an editor may offer
    };

    explicit MappingModel(ProjectDocument *document, QObject *parent = nullptr);

    void setTable(const QString &collection, const TablePath &table);
    QString collection() const { return m_collection; }
    TablePath tablePath() const { return m_table; }
    const TableMapping *table() const;
    bool hasProblems() const;
    // Moves a column one place up (-1) or down (+1) in the table; returns false at an end.
    bool moveColumn(int row, int delta);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    // Fields dragged from the schema tree become columns of this table, as if ticked there.
    QStringList mimeTypes() const override;
    Qt::DropActions supportedDropActions() const override { return Qt::CopyAction; }
    bool canDropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
                         const QModelIndex &parent) const override;
    bool dropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
                      const QModelIndex &parent) override;

Q_SIGNALS:
    void problemsChanged(bool hasProblems);

private:
    void documentChanged(const QString &collection);
    QStringList droppablePaths(const QMimeData *data) const;
    void editColumn(int row, const QString &text, const std::function<void(ColumnMapping &)> &edit);

    ProjectDocument *m_document;
    QString m_collection;
    TablePath m_table;
    int m_rows = 0;
};

} // namespace ferry

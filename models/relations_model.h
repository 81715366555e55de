#pragma once

#include "core/catalog.h"
#include "models/relation_rules.h"

#include <QAbstractTableModel>

namespace ferry {

class ProjectDocument;

// One row per foreign key of a relational source bound for a document target: how the child
// table is stored (its own collection with a reference, or embedded in the parent), the field
// it is embedded as, and why Ferry proposes its default. Edits go through the document, so
// they are undoable and land in the project file.
class RelationsModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { RelationColumn, ChoiceColumn, FieldColumn, ReasonColumn, ColumnCount };
    enum Role {
        ChoicesRole = Qt::UserRole + 1, // QStringList of the labels one can choose
        ChoiceRole,                     // int(RelationChoice) now
        SuggestedRole,                  // int(RelationChoice) Ferry proposes
        ChildRole,                      // the child table's name
        ParentRole,
    };

    explicit RelationsModel(ProjectDocument *document, QObject *parent = nullptr);

    void setCatalog(const QList<TableInfo> &tables);
    const QList<TableInfo> &catalog() const { return m_tables; }
    const QList<Relation> &relations() const { return m_relations; }
    // The first relation with this child and parent, or -1.
    int rowOf(const QString &child, const QString &parent) const;
    // Chooses by value (the page's keyboard shortcuts and the tests use this).
    bool setChoice(int row, RelationChoice choice);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;

private:
    void refresh();

    ProjectDocument *m_document;
    QList<TableInfo> m_tables;
    QList<Relation> m_relations;
    QList<RelationSuggestion> m_suggestions;
};

} // namespace ferry

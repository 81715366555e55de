#pragma once

#include "schema/field_tree.h"

#include <QAbstractItemModel>

#include <memory>

namespace ferry {

class ProjectDocument;

// The inferred fields of one collection as a tree: name, presence, types seen. Column 0 is
// checkable (include / exclude the field); the check goes through the document's undo stack.
// Array elements, and the merged values of a map-like object, appear as a "[]" child.
class FieldTreeModel : public QAbstractItemModel {
    Q_OBJECT
public:
    enum Column { NameColumn, PresenceColumn, TypesColumn, StrategyColumn, ColumnCount };
    enum Role {
        MixedTypesRole = Qt::UserRole + 1, // bool: more than one non-null type was seen
        PathRole,                          // QString: the field's dotted path
        IsArrayRole,                       // bool
        IsMapRole,                         // bool: an object used as a map (see FieldNode)
    };

    explicit FieldTreeModel(ProjectDocument *document, QObject *parent = nullptr);

    void setCollection(const QString &collection);
    QString collection() const { return m_collection; }
    const FieldNode *nodeAt(const QModelIndex &index) const;
    QModelIndex indexOfPath(const QString &path) const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    // Fields can be dragged onto a column list (see field_path_mime.h).
    QStringList mimeTypes() const override;
    QMimeData *mimeData(const QModelIndexList &indexes) const override;
    Qt::DropActions supportedDragActions() const override { return Qt::CopyAction; }
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    static QString typesText(const FieldNode &node);

private:
    const FieldNode *childAt(const FieldNode *node, int row) const;
    int childCount(const FieldNode *node) const;
    int rowOf(const FieldNode *node) const;
    void mappingChanged(const QString &collection);

    ProjectDocument *m_document;
    QString m_collection;
    std::shared_ptr<const FieldNode> m_root;
};

} // namespace ferry

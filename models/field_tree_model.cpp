#include "models/field_tree_model.h"

#include "models/field_path_mime.h"
#include "models/mapping_edits.h"
#include "models/project_document.h"

#include <QBrush>
#include <QColor>
#include <QFont>

#include <functional>
#include <optional>

namespace ferry {

namespace {

bool isArray(const FieldNode &node)
{
    return node.types[size_t(BsonKind::Array)] > 0;
}

// How many values the parent offered this field (documents for top-level fields,
// embedded documents or array elements below).
qint64 opportunities(const FieldNode &node)
{
    const FieldNode *p = node.parent;
    if (!p)
        return node.present;
    if (node.name == QLatin1String("[]"))
        return p->totalLength;
    const qint64 docs = p->types[size_t(BsonKind::Document)];
    return docs > 0 ? docs : std::max<qint64>(p->present, p->total());
}

} // namespace

FieldTreeModel::FieldTreeModel(ProjectDocument *document, QObject *parent)
    : QAbstractItemModel(parent), m_document(document)
{
    connect(m_document, &ProjectDocument::collectionChanged, this, &FieldTreeModel::mappingChanged);
    connect(m_document, &ProjectDocument::projectReset, this,
            [this] { mappingChanged(QString()); });
}

void FieldTreeModel::setCollection(const QString &collection)
{
    beginResetModel();
    m_collection = collection;
    m_root = m_document->schema(collection);
    endResetModel();
}

void FieldTreeModel::mappingChanged(const QString &collection)
{
    if (!collection.isEmpty() && collection != m_collection)
        return;
    // Only check states and strategies change: the schema tree itself stays.
    const int rows = rowCount();
    if (rows == 0)
        return;
    std::function<void(const QModelIndex &)> touch = [&](const QModelIndex &parent) {
        const int n = rowCount(parent);
        if (n == 0)
            return;
        Q_EMIT dataChanged(index(0, 0, parent), index(n - 1, ColumnCount - 1, parent));
        for (int r = 0; r < n; ++r)
            touch(index(r, 0, parent));
    };
    touch({});
}

int FieldTreeModel::childCount(const FieldNode *node) const
{
    return int(node->children.size()) + (node->element ? 1 : 0);
}

const FieldNode *FieldTreeModel::childAt(const FieldNode *node, int row) const
{
    if (row < int(node->children.size()))
        return node->children[size_t(row)].get();
    return node->element.get();
}

int FieldTreeModel::rowOf(const FieldNode *node) const
{
    const FieldNode *p = node->parent;
    if (!p)
        return 0;
    if (p->element.get() == node)
        return int(p->children.size());
    for (size_t i = 0; i < p->children.size(); ++i) {
        if (p->children[i].get() == node)
            return int(i);
    }
    return 0;
}

const FieldNode *FieldTreeModel::nodeAt(const QModelIndex &index) const
{
    if (!index.isValid())
        return m_root.get();
    return static_cast<const FieldNode *>(index.internalPointer());
}

QModelIndex FieldTreeModel::indexOfPath(const QString &path) const
{
    if (!m_root)
        return {};
    const FieldNode *node = m_root->find(path);
    if (!node || node == m_root.get())
        return {};
    return createIndex(rowOf(node), 0, const_cast<FieldNode *>(node));
}

QModelIndex FieldTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    if (!m_root || !hasIndex(row, column, parent))
        return {};
    const FieldNode *p = nodeAt(parent);
    return createIndex(row, column, const_cast<FieldNode *>(childAt(p, row)));
}

QModelIndex FieldTreeModel::parent(const QModelIndex &child) const
{
    if (!child.isValid())
        return {};
    const FieldNode *node = nodeAt(child);
    const FieldNode *p = node->parent;
    if (!p || p == m_root.get())
        return {};
    return createIndex(rowOf(p), 0, const_cast<FieldNode *>(p));
}

int FieldTreeModel::rowCount(const QModelIndex &parent) const
{
    if (!m_root || parent.column() > 0)
        return 0;
    return childCount(nodeAt(parent));
}

int FieldTreeModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QString FieldTreeModel::typesText(const FieldNode &node)
{
    QStringList parts;
    for (size_t k = 0; k < node.types.size(); ++k) {
        if (node.types[k] > 0)
            parts.append(QStringLiteral("%1 %2").arg(bsonKindName(BsonKind(k))).arg(node.types[k]));
    }
    return parts.join(QStringLiteral(" \u00b7 "));
}

QVariant FieldTreeModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    const FieldNode &node = *nodeAt(index);
    const CollectionMapping *mapping = m_document->project().findCollection(m_collection);
    const bool isElement = node.name == QLatin1String("[]");
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case NameColumn:
            return node.mapLike ? tr("%1 (map)").arg(node.name) : node.name;
        case PresenceColumn: {
            if (isElement)
                return node.parent && node.parent->arrays > 0
                           ? tr("avg %1 items")
                                 .arg(double(node.parent->totalLength) /
                                          double(node.parent->arrays),
                                      0, 'f', 1)
                           : QString();
            const qint64 of = opportunities(node);
            return of > 0 ? QStringLiteral("%1 %").arg(100.0 * double(node.present) / double(of), 0,
                                                       'f', 1)
                          : QString();
        }
        case TypesColumn:
            return typesText(node);
        case StrategyColumn:
            if (mapping && (isArray(node) || node.mapLike) && !isElement)
                return fieldStrategyLabel(arrayStrategy(*mapping, node.path), node.mapLike);
            if (mapping && isExcluded(*mapping, node.path))
                return tr("excluded");
            // Every field says where it lands, not only arrays: "column name (type)".
            if (mapping) {
                for (const ColumnMapping &c : mapping->root.columns) {
                    if (c.source == node.path)
                        return tr("%1 (%2)").arg(c.column, columnTypeName(c.type));
                }
            }
            return {};
        }
        return {};
    case Qt::CheckStateRole:
        if (index.column() == NameColumn && !isElement && mapping)
            return isExcluded(*mapping, node.path) ? Qt::Unchecked : Qt::Checked;
        return {};
    case Qt::ForegroundRole:
        if (index.column() == TypesColumn && node.mixed())
            return QBrush(QColor(0xb0, 0x50, 0x00));
        if (mapping && isExcluded(*mapping, node.path))
            return QBrush(QColor(0x80, 0x80, 0x80));
        return {};
    case Qt::FontRole:
        if (index.column() == TypesColumn && node.mixed()) {
            QFont f;
            f.setBold(true);
            return f;
        }
        return {};
    case Qt::ToolTipRole:
        if (node.mixed())
            return tr("Mixed types in %1: %2. The column gets the widest type that keeps every "
                      "value, or JSON text.")
                .arg(node.path, typesText(node));
        return node.path;
    case MixedTypesRole:
        return node.mixed();
    case PathRole:
        return node.path;
    case IsArrayRole:
        return isArray(node) && !isElement;
    case IsMapRole:
        return node.mapLike && !isElement;
    }
    return {};
}

bool FieldTreeModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!index.isValid() || index.column() != NameColumn || role != Qt::CheckStateRole)
        return false;
    const FieldNode *node = nodeAt(index);
    const bool include =
        value.value<Qt::CheckState>() == Qt::Checked || value.toInt() == int(Qt::Checked);
    const CollectionMapping *proposal = m_document->proposal(m_collection);
    const std::optional<CollectionMapping> proposalCopy =
        proposal ? std::optional<CollectionMapping>(*proposal) : std::nullopt;
    const QString collection = m_collection;
    const QString path = node->path;
    m_document->modify(
        include ? tr("Include %1").arg(path) : tr("Exclude %1").arg(path),
        [&](Project &project) {
            CollectionMapping *m = project.findCollection(collection);
            if (!m)
                return;
            setFieldIncluded(*m, path, include, node, proposalCopy ? &*proposalCopy : nullptr,
                             project.targetDialect());
        },
        collection);
    return true;
}

Qt::ItemFlags FieldTreeModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    Qt::ItemFlags f = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    if (nodeAt(index)->name != QLatin1String("[]")) {
        f |= Qt::ItemIsDragEnabled;
        if (index.column() == NameColumn)
            f |= Qt::ItemIsUserCheckable;
    }
    return f;
}

QStringList FieldTreeModel::mimeTypes() const
{
    return {fieldPathMimeType()};
}

QMimeData *FieldTreeModel::mimeData(const QModelIndexList &indexes) const
{
    QStringList paths;
    for (const QModelIndex &index : indexes) {
        const FieldNode *node = index.isValid() ? nodeAt(index) : nullptr;
        // A row arrives once per column; array elements are not fields of their own.
        if (node && node->name != QLatin1String("[]") && !paths.contains(node->path))
            paths.append(node->path);
    }
    return paths.isEmpty() ? nullptr : encodeFieldPaths(m_collection, paths);
}

QVariant FieldTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Field");
    case PresenceColumn:
        return tr("Present");
    case TypesColumn:
        return tr("Types seen");
    case StrategyColumn:
        return tr("Mapped as");
    }
    return {};
}

} // namespace ferry

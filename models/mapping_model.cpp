#include "models/mapping_model.h"

#include "models/field_path_mime.h"
#include "models/project_document.h"

#include <QBrush>
#include <QColor>

#include <optional>

namespace ferry {

namespace {

QStringList columnTypeNames()
{
    QStringList out;
    for (int t = int(ColumnType::Text); t <= int(ColumnType::Json); ++t)
        out.append(columnTypeName(ColumnType(t)));
    return out;
}

QStringList conversionNames()
{
    QStringList out;
    for (int c = int(Conversion::Auto); c <= int(Conversion::Json); ++c)
        out.append(conversionName(Conversion(c)));
    return out;
}

} // namespace

MappingModel::MappingModel(ProjectDocument *document, QObject *parent)
    : QAbstractTableModel(parent), m_document(document)
{
    connect(m_document, &ProjectDocument::collectionChanged, this, &MappingModel::documentChanged);
    connect(m_document, &ProjectDocument::projectReset, this,
            [this] { documentChanged(QString()); });
}

void MappingModel::setTable(const QString &collection, const TablePath &table)
{
    beginResetModel();
    m_collection = collection;
    m_table = table;
    const TableMapping *t = this->table();
    m_rows = t ? int(t->columns.size()) : 0;
    endResetModel();
    Q_EMIT problemsChanged(hasProblems());
}

const TableMapping *MappingModel::table() const
{
    const CollectionMapping *mapping = m_document->project().findCollection(m_collection);
    return mapping ? tableAt(*mapping, m_table) : nullptr;
}

void MappingModel::documentChanged(const QString &collection)
{
    if (!collection.isEmpty() && collection != m_collection)
        return;
    const TableMapping *t = table();
    const int rows = t ? int(t->columns.size()) : 0;
    if (rows != m_rows) {
        // A strategy change added or removed columns: the rows are not the same any more.
        beginResetModel();
        m_rows = rows;
        endResetModel();
    } else if (rows > 0) {
        Q_EMIT dataChanged(index(0, 0), index(rows - 1, ColumnCount - 1));
    }
    Q_EMIT problemsChanged(hasProblems());
}

bool MappingModel::hasProblems() const
{
    const TableMapping *t = table();
    if (!t)
        return false;
    const Dialect dialect = m_document->project().targetDialect();
    for (size_t i = 0; i < t->columns.size(); ++i) {
        if (!columnProblem(*t, int(i), dialect).isEmpty())
            return true;
    }
    return false;
}

int MappingModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_rows;
}

int MappingModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant MappingModel::data(const QModelIndex &index, int role) const
{
    const TableMapping *t = table();
    if (!index.isValid() || !t || size_t(index.row()) >= t->columns.size())
        return {};
    const ColumnMapping &c = t->columns[size_t(index.row())];
    const Dialect dialect = m_document->project().targetDialect();
    const QString problem =
        index.column() == NameColumn ? columnProblem(*t, index.row(), dialect) : QString();
    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole:
        switch (index.column()) {
        case NameColumn:
            return c.column;
        case SourceColumn:
            switch (c.role) {
            case ColumnRole::Value:
                return c.source.isEmpty() ? tr("(element)") : c.source;
            case ColumnRole::ParentKey:
                return tr("(parent key)");
            case ColumnRole::Ordinal:
                return tr("(position in array)");
            case ColumnRole::MapKey:
                return tr("(map key)");
            case ColumnRole::Extra:
                return tr("(unknown fields)");
            }
            return {};
        case TypeColumn:
            if (role == Qt::EditRole)
                return columnTypeName(c.type);
            return QStringLiteral("%1 (%2)").arg(columnTypeName(c.type), sqlTypeName(c, dialect));
        case ConversionColumn:
            return conversionName(c.conversion);
        }
        return {};
    case Qt::CheckStateRole:
        if (index.column() == NullableColumn)
            return c.nullable ? Qt::Checked : Qt::Unchecked;
        if (index.column() == PrimaryKeyColumn)
            return c.primaryKey ? Qt::Checked : Qt::Unchecked;
        return {};
    case Qt::ToolTipRole:
        if (!problem.isEmpty())
            return problem;
        if (index.column() == TypeColumn)
            return tr("Stored as %1 in the target").arg(sqlTypeName(c, dialect));
        return {};
    case Qt::ForegroundRole:
        if (!problem.isEmpty())
            return QBrush(QColor(0xc0, 0x10, 0x10));
        return {};
    case ProblemRole:
        return problem;
    case ChoicesRole:
        if (index.column() == TypeColumn)
            return columnTypeNames();
        if (index.column() == ConversionColumn)
            return conversionNames();
        return {};
    }
    return {};
}

void MappingModel::editColumn(int row, const QString &text,
                              const std::function<void(ColumnMapping &)> &edit)
{
    const QString collection = m_collection;
    const TablePath path = m_table;
    m_document->modify(
        text,
        [&](Project &project) {
            CollectionMapping *m = project.findCollection(collection);
            TableMapping *t = m ? tableAt(*m, path) : nullptr;
            if (t && size_t(row) < t->columns.size())
                edit(t->columns[size_t(row)]);
        },
        collection);
}

bool MappingModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    const TableMapping *t = table();
    if (!index.isValid() || !t || size_t(index.row()) >= t->columns.size())
        return false;
    const ColumnMapping &current = t->columns[size_t(index.row())];
    if (role == Qt::CheckStateRole) {
        const bool on = value.toInt() == int(Qt::Checked);
        if (index.column() == NullableColumn) {
            editColumn(index.row(),
                       on ? tr("Allow NULL in %1").arg(current.column)
                          : tr("Forbid NULL in %1").arg(current.column),
                       [on](ColumnMapping &c) { c.nullable = on; });
            return true;
        }
        if (index.column() == PrimaryKeyColumn) {
            editColumn(index.row(), tr("Primary key %1").arg(current.column),
                       [on](ColumnMapping &c) {
                           c.primaryKey = on;
                           if (on)
                               c.nullable = false;
                       });
            return true;
        }
        return false;
    }
    if (role != Qt::EditRole)
        return false;
    const QString text = value.toString().trimmed();
    switch (index.column()) {
    case NameColumn:
        if (text == current.column)
            return false;
        editColumn(index.row(), tr("Rename %1 to %2").arg(current.column, text),
                   [text](ColumnMapping &c) { c.column = text; });
        return true;
    case TypeColumn: {
        ColumnType type;
        if (!parseColumnType(text, &type))
            return false;
        editColumn(index.row(), tr("Make %1 %2").arg(current.column, columnTypeName(type)),
                   [type](ColumnMapping &c) { c.type = type; });
        return true;
    }
    case ConversionColumn: {
        Conversion conversion;
        if (!parseConversion(text, &conversion))
            return false;
        editColumn(index.row(),
                   tr("Convert %1 with %2").arg(current.column, conversionName(conversion)),
                   [conversion](ColumnMapping &c) { c.conversion = conversion; });
        return true;
    }
    }
    return false;
}

bool MappingModel::moveColumn(int row, int delta)
{
    const TableMapping *t = table();
    const int to = row + delta;
    if (!t || row < 0 || to < 0 || size_t(row) >= t->columns.size() ||
        size_t(to) >= t->columns.size())
        return false;
    const QString collection = m_collection;
    const TablePath path = m_table;
    m_document->modify(
        tr("Move column %1").arg(t->columns[size_t(row)].column),
        [&](Project &project) {
            CollectionMapping *m = project.findCollection(collection);
            TableMapping *tm = m ? tableAt(*m, path) : nullptr;
            if (tm)
                std::swap(tm->columns[size_t(row)], tm->columns[size_t(to)]);
        },
        collection);
    return true;
}

Qt::ItemFlags MappingModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::ItemIsDropEnabled;
    Qt::ItemFlags f = Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsDropEnabled;
    switch (index.column()) {
    case NameColumn:
    case TypeColumn:
    case ConversionColumn:
        f |= Qt::ItemIsEditable;
        break;
    case NullableColumn:
    case PrimaryKeyColumn:
        f |= Qt::ItemIsUserCheckable;
        break;
    }
    return f;
}

QStringList MappingModel::mimeTypes() const
{
    return {fieldPathMimeType()};
}

QStringList MappingModel::droppablePaths(const QMimeData *data) const
{
    QString collection;
    QStringList paths;
    if (!decodeFieldPaths(data, &collection, &paths) || collection != m_collection)
        return {};
    const CollectionMapping *mapping = m_document->project().findCollection(m_collection);
    const std::shared_ptr<const FieldNode> root = m_document->schema(m_collection);
    if (!mapping || !root)
        return {};
    QStringList out;
    for (const QString &path : std::as_const(paths)) {
        // Only fields not mapped yet whose column would land in the table on show.
        const FieldNode *node = root->find(path);
        if (node && node != root.get() && !isMapped(*mapping, path) &&
            tableForField(*mapping, path) == m_table)
            out.append(path);
    }
    return out;
}

bool MappingModel::canDropMimeData(const QMimeData *data, Qt::DropAction action, int, int,
                                   const QModelIndex &) const
{
    return action == Qt::CopyAction && !droppablePaths(data).isEmpty();
}

bool MappingModel::dropMimeData(const QMimeData *data, Qt::DropAction action, int, int,
                                const QModelIndex &)
{
    if (action != Qt::CopyAction)
        return false;
    const QStringList paths = droppablePaths(data);
    if (paths.isEmpty())
        return false;
    const QString collection = m_collection;
    const std::shared_ptr<const FieldNode> root = m_document->schema(collection);
    const CollectionMapping *proposal = m_document->proposal(collection);
    const std::optional<CollectionMapping> proposalCopy =
        proposal ? std::optional<CollectionMapping>(*proposal) : std::nullopt;
    m_document->modify(
        paths.size() == 1 ? tr("Include %1").arg(paths.first())
                          : tr("Include %n fields", nullptr, int(paths.size())),
        [&](Project &project) {
            CollectionMapping *m = project.findCollection(collection);
            if (!m)
                return;
            for (const QString &path : paths)
                setFieldIncluded(*m, path, true, root->find(path),
                                 proposalCopy ? &*proposalCopy : nullptr, project.targetDialect());
        },
        collection);
    return true;
}

QVariant MappingModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Column");
    case SourceColumn:
        return tr("Source field");
    case TypeColumn:
        return tr("Type");
    case ConversionColumn:
        return tr("Conversion");
    case NullableColumn:
        return tr("Nullable");
    case PrimaryKeyColumn:
        return tr("Primary key");
    }
    return {};
}

} // namespace ferry

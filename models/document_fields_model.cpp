#include "models/document_fields_model.h"

#include "models/project_document.h"
#include "models/relation_rules.h"

namespace ferry {

DocumentFieldsModel::DocumentFieldsModel(ProjectDocument *document, QObject *parent)
    : QAbstractTableModel(parent), m_document(document)
{
    const auto refresh = [this] {
        if (rowCount() > 0)
            Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
    };
    connect(document, &ProjectDocument::collectionChanged, this, refresh);
    connect(document, &ProjectDocument::projectReset, this, refresh);
}

void DocumentFieldsModel::setTable(const TableInfo &table)
{
    beginResetModel();
    m_table = table;
    endResetModel();
}

bool DocumentFieldsModel::isKey(int row) const
{
    return fieldAt(row).startsWith(QLatin1String("_id"));
}

QString DocumentFieldsModel::fieldAt(int row) const
{
    return documentFieldOf(m_table, m_table.columns[row].name);
}

int DocumentFieldsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_table.columns.size());
}

int DocumentFieldsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant DocumentFieldsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    const ColumnInfo &column = m_table.columns[index.row()];
    const QString field = fieldAt(index.row());
    const Project &project = m_document->project();
    const bool included = isFieldIncluded(project, m_table.name, field);
    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole:
        if (index.column() == FieldColumn)
            return field == column.name ? field : tr("%1 (column %2)").arg(field, column.name);
        if (index.column() == TypeColumn)
            return column.sqlType;
        if (index.column() == NameColumn)
            return included ? fieldName(project, m_table.name, field) : QString();
        return {};
    case Qt::CheckStateRole:
        if (index.column() == FieldColumn)
            return included ? Qt::Checked : Qt::Unchecked;
        return {};
    case Qt::ToolTipRole:
        if (isKey(index.row()))
            return tr("The table's key becomes the document's _id: it is always kept.");
        if (index.column() == NameColumn)
            return tr("Double-click or press F2 to rename the field in the documents.");
        return tr("Untick to leave the field out of the documents.");
    }
    return {};
}

QVariant DocumentFieldsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case FieldColumn:
        return tr("Field");
    case TypeColumn:
        return tr("Source type");
    case NameColumn:
        return tr("Name in documents");
    }
    return {};
}

Qt::ItemFlags DocumentFieldsModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags f = QAbstractTableModel::flags(index);
    if (!index.isValid() || isKey(index.row()))
        return f;
    if (index.column() == FieldColumn)
        f |= Qt::ItemIsUserCheckable;
    if (index.column() == NameColumn &&
        isFieldIncluded(m_document->project(), m_table.name, fieldAt(index.row())))
        f |= Qt::ItemIsEditable;
    return f;
}

bool DocumentFieldsModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!index.isValid() || isKey(index.row()))
        return false;
    const QString field = fieldAt(index.row());
    const QString table = m_table.name;
    if (index.column() == FieldColumn && role == Qt::CheckStateRole) {
        const bool include = value.toInt() == Qt::Checked;
        m_document->modify(include ? tr("Keep %1.%2").arg(table, field)
                                   : tr("Leave out %1.%2").arg(table, field),
                           [&](Project &p) { setFieldIncluded(p, table, field, include); });
        return true;
    }
    if (index.column() == NameColumn && role == Qt::EditRole) {
        const QString name = value.toString().trimmed();
        if (name.isEmpty())
            return false;
        m_document->modify(tr("Rename %1.%2 to %3").arg(table, field, name),
                           [&](Project &p) { setFieldName(p, table, field, name); });
        return true;
    }
    return false;
}

} // namespace ferry

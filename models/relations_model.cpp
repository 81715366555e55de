#include "models/relations_model.h"

#include "models/project_document.h"

#include <QFont>

namespace ferry {

RelationsModel::RelationsModel(ProjectDocument *document, QObject *parent)
    : QAbstractTableModel(parent), m_document(document)
{
    connect(document, &ProjectDocument::collectionChanged, this, &RelationsModel::refresh);
    connect(document, &ProjectDocument::projectReset, this, &RelationsModel::refresh);
}

void RelationsModel::setCatalog(const QList<TableInfo> &tables)
{
    beginResetModel();
    m_tables = tables;
    m_relations.clear();
    m_suggestions.clear();
    // Only tables the project moves: a table left out on the collections page has no
    // collection to embed in or to be embedded from.
    for (const Relation &r : sourceRelations(tables)) {
        if (!m_document->project().findCollection(r.child) ||
            !m_document->project().findCollection(r.parent))
            continue;
        m_relations.append(r);
        m_suggestions.append(suggestChoice(tables, r));
    }
    endResetModel();
}

void RelationsModel::refresh()
{
    if (!m_relations.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

int RelationsModel::rowOf(const QString &child, const QString &parent) const
{
    for (int i = 0; i < m_relations.size(); ++i)
        if (m_relations[i].child == child && m_relations[i].parent == parent)
            return i;
    return -1;
}

int RelationsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_relations.size());
}

int RelationsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RelationsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    const Relation &r = m_relations[index.row()];
    const Project &project = m_document->project();
    const RelationChoice choice = currentChoice(project, r);
    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole:
        switch (index.column()) {
        case RelationColumn:
            // The key only when the child has several to the same parent.
            for (const Relation &other : m_relations)
                if (other.child == r.child && other.parent == r.parent &&
                    other.columns != r.columns)
                    return tr("%1 → %2 (%3)")
                        .arg(r.child, r.parent, r.columns.join(QLatin1String(", ")));
            return tr("%1 → %2").arg(r.child, r.parent);
        case ChoiceColumn:
            return relationChoiceLabel(choice);
        case FieldColumn:
            return embeddedField(project, r);
        case ReasonColumn:
            return m_suggestions[index.row()].reason;
        }
        return {};
    case Qt::ToolTipRole:
        if (index.column() == RelationColumn)
            return tr("%1 (%2) refers to %3. %4")
                .arg(r.child, r.columns.join(QLatin1String(", ")), r.parent,
                     m_suggestions[index.row()].reason);
        if (index.column() == ReasonColumn)
            return m_suggestions[index.row()].reason;
        if (index.column() == FieldColumn)
            return tr("The field of each %1 document that holds the embedded %2.")
                .arg(r.parent, r.child);
        if (index.column() == ChoiceColumn && choice != m_suggestions[index.row()].choice)
            return tr("Ferry proposes: %1")
                .arg(relationChoiceLabel(m_suggestions[index.row()].choice));
        return {};
    case Qt::FontRole:
        if (index.column() == ChoiceColumn && choice != m_suggestions[index.row()].choice) {
            QFont f;
            f.setItalic(true); // changed from the proposal
            return f;
        }
        return {};
    case ChoicesRole: {
        if (index.column() != ChoiceColumn)
            return {};
        QStringList labels;
        for (RelationChoice c : choicesFor(r))
            labels.append(relationChoiceLabel(c));
        return labels;
    }
    case ChoiceRole:
        return int(choice);
    case SuggestedRole:
        return int(m_suggestions[index.row()].choice);
    case ChildRole:
        return r.child;
    case ParentRole:
        return r.parent;
    }
    return {};
}

QVariant RelationsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case RelationColumn:
        return tr("Relation (child → parent)");
    case ChoiceColumn:
        return tr("Stored as");
    case FieldColumn:
        return tr("Field in parent");
    case ReasonColumn:
        return tr("Why Ferry proposes it");
    }
    return {};
}

Qt::ItemFlags RelationsModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags f = QAbstractTableModel::flags(index);
    if (!index.isValid())
        return f;
    const Relation &r = m_relations[index.row()];
    if (index.column() == ChoiceColumn && choicesFor(r).size() > 1)
        f |= Qt::ItemIsEditable;
    if (index.column() == FieldColumn &&
        currentChoice(m_document->project(), r) != RelationChoice::Reference)
        f |= Qt::ItemIsEditable;
    return f;
}

bool RelationsModel::setChoice(int row, RelationChoice choice)
{
    if (row < 0 || row >= m_relations.size() || !choicesFor(m_relations[row]).contains(choice))
        return false;
    const Relation r = m_relations[row];
    m_document->modify(
        tr("Store %1 in %2 as: %3").arg(r.child, r.parent, relationChoiceLabel(choice)),
        [&](Project &p) { ferry::setChoice(p, r, choice); });
    return true;
}

bool RelationsModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::EditRole || !index.isValid())
        return false;
    const Relation r = m_relations[index.row()];
    if (index.column() == ChoiceColumn) {
        for (RelationChoice c : choicesFor(r))
            if (relationChoiceLabel(c) == value.toString() ||
                (value.typeId() == QMetaType::Int && value.toInt() == int(c)))
                return setChoice(index.row(), c);
        return false;
    }
    if (index.column() == FieldColumn) {
        const QString field = value.toString().trimmed();
        if (field.isEmpty() || currentChoice(m_document->project(), r) == RelationChoice::Reference)
            return false;
        m_document->modify(tr("Embed %1 as field %2").arg(r.child, field),
                           [&](Project &p) { setEmbeddedField(p, r, field); });
        return true;
    }
    return false;
}

} // namespace ferry

#include "models/collections_model.h"

#include "core/identifiers.h"
#include "models/mapping_edits.h"
#include "models/project_document.h"

#include <QBrush>
#include <QColor>
#include <QFont>
#include <QLocale>

namespace ferry {

CollectionsModel::CollectionsModel(ProjectDocument *document, QObject *parent)
    : QAbstractTableModel(parent), m_document(document)
{
    m_rows = int(m_document->project().collections.size());
    m_skippedRows = int(m_document->skippedCollections().size());
    connect(m_document, &ProjectDocument::collectionChanged, this,
            &CollectionsModel::documentChanged);
    connect(m_document, &ProjectDocument::projectReset, this, &CollectionsModel::documentChanged);
    connect(m_document, &ProjectDocument::sourceDataChanged, this,
            &CollectionsModel::documentChanged);
}

void CollectionsModel::documentChanged()
{
    const int rows = int(m_document->project().collections.size());
    const int skipped = int(m_document->skippedCollections().size());
    if (rows != m_rows || skipped != m_skippedRows) {
        beginResetModel();
        m_rows = rows;
        m_skippedRows = skipped;
        endResetModel();
    } else if (rows + skipped > 0) {
        Q_EMIT dataChanged(index(0, 0), index(rows + skipped - 1, ColumnCount - 1));
    }
}

int CollectionsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_rows + m_skippedRows;
}

int CollectionsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

int CollectionsModel::enabledCount() const
{
    int n = 0;
    for (const CollectionMapping &c : m_document->project().collections)
        n += c.enabled ? 1 : 0;
    return n;
}

QString CollectionsModel::tableProblem(int row) const
{
    const Project &project = m_document->project();
    const CollectionMapping &c = project.collections[size_t(row)];
    if (!c.enabled)
        return {};
    return identifierProblem(c.root.table, project.targetDialect(),
                             tableNamesLower(project.collections, c.collection));
}

QStringList CollectionsModel::problems() const
{
    QStringList out;
    for (int r = 0; r < m_rows; ++r) {
        const QString p = tableProblem(r);
        if (!p.isEmpty())
            out.append(
                tr("%1: %2").arg(m_document->project().collections[size_t(r)].collection, p));
    }
    return out;
}

bool CollectionsModel::isTimeseries(const QString &collection) const
{
    const CollectionInfo *info = m_document->collectionInfo(collection);
    return info && info->timeseries;
}

QVariant CollectionsModel::skippedData(int row, int column, int role) const
{
    const QList<SkippedCollection> &all = m_document->skippedCollections();
    if (row - m_rows >= all.size())
        return {};
    const SkippedCollection &s = all[row - m_rows];
    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case NameColumn:
            return s.name;
        case KindColumn:
            if (s.kind == QLatin1String("view"))
                return tr("view");
            if (s.kind == QLatin1String("timeseries-buckets"))
                return tr("time-series buckets");
            if (s.kind == QLatin1String("timeseries"))
                return tr("time-series");
            if (s.kind == QLatin1String("oplog"))
                return tr("oplog");
            if (s.kind == QLatin1String("file"))
                return tr("file");
            if (s.kind == QLatin1String("ferry"))
                return tr("Ferry bookkeeping");
            return tr("system");
        case TableColumn:
            return tr("not migrated: %1").arg(s.reason);
        }
        return {};
    case Qt::ToolTipRole:
        return tr("%1 is not migrated: %2.").arg(s.name, s.reason);
    case Qt::CheckStateRole:
        if (column == NameColumn)
            return Qt::Unchecked;
        return {};
    case Qt::ForegroundRole:
        return QBrush(QColor(0x80, 0x80, 0x80));
    case Qt::FontRole:
        if (column == TableColumn) {
            QFont italic;
            italic.setItalic(true);
            return italic;
        }
        return {};
    }
    return {};
}

QVariant CollectionsModel::data(const QModelIndex &index, int role) const
{
    const Project &project = m_document->project();
    if (index.isValid() && isSkippedRow(index.row()))
        return skippedData(index.row(), index.column(), role);
    if (!index.isValid() || size_t(index.row()) >= project.collections.size())
        return {};
    const CollectionMapping &c = project.collections[size_t(index.row())];
    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole:
        switch (index.column()) {
        case NameColumn:
            return c.collection;
        case KindColumn:
            return isTimeseries(c.collection) ? tr("time-series") : tr("collection");
        case CountColumn: {
            const qint64 n = m_document->sourceCount(c.collection);
            return n < 0 ? tr("unknown") : QLocale().toString(n);
        }
        case TableColumn:
            return c.root.table;
        }
        return {};
    case Qt::CheckStateRole:
        if (index.column() == NameColumn)
            return c.enabled ? Qt::Checked : Qt::Unchecked;
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == CountColumn)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::ToolTipRole:
    case ProblemRole:
        if (role == Qt::ToolTipRole && index.column() == KindColumn && isTimeseries(c.collection))
            return tr("A time-series collection: each measurement is migrated as one document "
                      "of %1, as MongoDB users see it, not its internal buckets.")
                .arg(c.collection);
        if (index.column() == TableColumn) {
            const QString p = tableProblem(index.row());
            if (!p.isEmpty() || role == ProblemRole)
                return p;
            return tr("%n table(s) in the target", nullptr, int(c.tables().size()));
        }
        return {};
    case Qt::ForegroundRole:
        if (index.column() == TableColumn && !tableProblem(index.row()).isEmpty())
            return QBrush(QColor(0xc0, 0x10, 0x10));
        if (!c.enabled)
            return QBrush(QColor(0x80, 0x80, 0x80));
        return {};
    }
    return {};
}

bool CollectionsModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    const Project &project = m_document->project();
    if (!index.isValid() || size_t(index.row()) >= project.collections.size())
        return false; // also refuses the skipped rows below the project's collections
    const QString name = project.collections[size_t(index.row())].collection;
    if (index.column() == NameColumn && role == Qt::CheckStateRole) {
        const bool on = value.toInt() == int(Qt::Checked);
        m_document->modify(
            on ? tr("Migrate %1").arg(name) : tr("Leave out %1").arg(name),
            [&](Project &p) { p.findCollection(name)->enabled = on; }, name);
        return true;
    }
    if (index.column() == TableColumn && role == Qt::EditRole) {
        const QString table = value.toString().trimmed();
        m_document->modify(tr("Rename table of %1 to %2").arg(name, table),
                           [&](Project &p) { p.findCollection(name)->root.table = table; }, {});
        return true;
    }
    return false;
}

bool CollectionsModel::moveCollection(int row, int delta)
{
    const int to = row + delta;
    if (row < 0 || to < 0 || row >= m_rows || to >= m_rows)
        return false;
    const QString name = m_document->project().collections[size_t(row)].collection;
    m_document->modify(tr("Move %1").arg(name), [&](Project &p) {
        std::swap(p.collections[size_t(row)], p.collections[size_t(to)]);
    });
    return true;
}

Qt::ItemFlags CollectionsModel::flags(const QModelIndex &index) const
{
    // Greyed and out of reach: nothing to tick, select or rename on what is left out.
    if (!index.isValid() || isSkippedRow(index.row()))
        return Qt::NoItemFlags;
    Qt::ItemFlags f = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    if (index.column() == NameColumn)
        f |= Qt::ItemIsUserCheckable;
    if (index.column() == TableColumn)
        f |= Qt::ItemIsEditable;
    return f;
}

QVariant CollectionsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Collection");
    case KindColumn:
        return tr("Kind");
    case CountColumn:
        return tr("Documents");
    case TableColumn:
        return tr("Target table");
    }
    return {};
}

} // namespace ferry

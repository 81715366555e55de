#include "models/preview_model.h"

#include "models/json_cell_text.h"
#include "models/project_document.h"
#include "transform/transformer.h"

#include <QBrush>
#include <QColor>
#include <QDateTime>
#include <QUuid>

namespace ferry {

namespace {

// A cell's one-line text: enough of a JSON value to recognise it, the rest in the tooltip.
constexpr int kJsonCellChars = 60;
constexpr int kJsonTooltipLines = 40;

QVariant cellValue(const TableRows &rows, const Cell &cell)
{
    switch (cell.kind) {
    case CellKind::Null:
        return {};
    case CellKind::Int:
        return QString::number(cell.i);
    case CellKind::Double:
        return QString::number(cell.d, 'g', 15);
    case CellKind::Bool:
        return cell.i ? QStringLiteral("true") : QStringLiteral("false");
    case CellKind::Timestamp:
        return QDateTime::fromMSecsSinceEpoch(cell.i, Qt::UTC).toString(Qt::ISODateWithMs);
    case CellKind::Uuid: {
        const std::string_view b = rows.bytes(cell);
        return QUuid::fromRfc4122(QByteArrayView(b.data(), qsizetype(b.size())))
            .toString(QUuid::WithoutBraces);
    }
    case CellKind::Blob: {
        const std::string_view b = rows.bytes(cell);
        const QByteArray bytes(b.data(), qsizetype(std::min<size_t>(b.size(), 32)));
        return QStringLiteral("0x%1%2").arg(QString::fromLatin1(bytes.toHex()),
                                            b.size() > 32 ? QStringLiteral("…") : QString());
    }
    case CellKind::Text:
    case CellKind::Numeric:
    case CellKind::Json: {
        const std::string_view b = rows.bytes(cell);
        return QString::fromUtf8(b.data(), qsizetype(b.size()));
    }
    }
    return {};
}

} // namespace

PreviewModel::PreviewModel(ProjectDocument *document, QObject *parent)
    : QAbstractTableModel(parent), m_document(document)
{
    connect(m_document, &ProjectDocument::collectionChanged, this,
            [this](const QString &collection) {
                if (collection.isEmpty() || collection == m_collection)
                    refresh();
            });
    connect(m_document, &ProjectDocument::projectReset, this, &PreviewModel::refresh);
    // The samples arrive after the project: a reopened project is set first (no samples yet:
    // an empty preview), and reading the source adds them without changing the mapping.
    connect(m_document, &ProjectDocument::sourceDataChanged, this, &PreviewModel::refresh);
}

void PreviewModel::setTable(const QString &collection, const TablePath &table)
{
    m_collection = collection;
    m_table = table;
    refresh();
}

void PreviewModel::refresh()
{
    beginResetModel();
    m_headers.clear();
    m_rows.clear();
    m_rejects.clear();
    const Project &project = m_document->project();
    const CollectionMapping *mapping = project.findCollection(m_collection);
    const TableMapping *table = mapping ? tableAt(*mapping, m_table) : nullptr;
    const DocBatch *samples = m_document->samples(m_collection);
    if (table) {
        for (const ColumnMapping &c : table->columns)
            m_headers.append(c.column);
    }
    const int flat = mapping ? int(tablePaths(*mapping).indexOf(m_table)) : -1;
    if (table && samples && !samples->empty() && flat >= 0) {
        RowBatch batch;
        batch.docs = *samples;
        Transformer transformer(*mapping, project.options, project.targetDialect());
        transformer.transform(batch);
        if (size_t(flat) < batch.tables.size()) {
            const TableRows &rows = batch.tables[size_t(flat)];
            const size_t n = std::min<size_t>(rows.rows(), MaxRows);
            for (size_t r = 0; r < n; ++r) {
                QList<PreviewCell> row;
                for (int c = 0; c < rows.columns(); ++c) {
                    const Cell &cell = rows.at(r, c);
                    row.append({cellValue(rows, cell), cell.kind == CellKind::Json});
                }
                m_rows.append(row);
            }
        }
        for (const DocReject &reject : batch.rejects)
            m_rejects.append(reject.reason);
    }
    endResetModel();
    Q_EMIT refreshed();
}

int PreviewModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int PreviewModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_headers.size());
}

QVariant PreviewModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const QList<PreviewCell> &row = m_rows[index.row()];
    const PreviewCell cell = index.column() < row.size() ? row[index.column()] : PreviewCell();
    const QVariant &value = cell.value;
    switch (role) {
    case Qt::DisplayRole:
        if (value.isNull())
            return QStringLiteral("NULL");
        return cell.json ? jsonOneLine(value.toString(), kJsonCellChars) : value;
    case Qt::ToolTipRole:
        return cell.json ? jsonIndented(value.toString(), kJsonTooltipLines) : value;
    case Qt::ForegroundRole:
        if (value.isNull())
            return QBrush(QColor(0x90, 0x90, 0x90));
        return {};
    case IsNullRole:
        return value.isNull();
    }
    return {};
}

QVariant PreviewModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole)
        return {};
    if (orientation == Qt::Vertical)
        return section + 1;
    return section < m_headers.size() ? QVariant(m_headers[section]) : QVariant();
}

} // namespace ferry

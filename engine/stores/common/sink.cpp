#include "stores/common/sink.h"

#include "core/cell_text.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>

namespace ferry {

Dialect cellDialect(Sink &sink)
{
    SqlSink *sql = sink.asSql();
    return sql ? sql->dialect() : Dialect::Postgres;
}

QString rowKeyText(const std::vector<int> &keys, const TableRows &rows, size_t r)
{
    QJsonArray out;
    for (int k : keys) {
        const Cell &cell = rows.at(r, k);
        if (cell.kind == CellKind::Timestamp) {
            // SQLite stores the ISO form with milliseconds; PostgreSQL reads it as well.
            std::string iso;
            appendTimestamp(iso, cell.i, TimestampStyle::Iso);
            out.append(QString::fromLatin1(iso.data(), qsizetype(iso.size())));
        } else if (cell.kind == CellKind::Null) {
            out.append(QJsonValue());
        } else {
            out.append(cellToDisplay(rows, cell));
        }
    }
    return QString::fromUtf8(QJsonDocument(out).toJson(QJsonDocument::Compact));
}

QString checkpointKey(const CollectionMapping &mapping, const Checkpoint &checkpoint)
{
    return checkpoint.key.isEmpty() ? mapping.root.table : checkpoint.key;
}

void foldBatchMarks(Checkpoint &into, std::vector<BatchMark> marks)
{
    std::sort(marks.begin(), marks.end(),
              [](const BatchMark &a, const BatchMark &b) { return a.firstDoc < b.firstDoc; });
    into.ahead.clear();
    for (BatchMark &m : marks) {
        if (m.firstDoc < into.read)
            continue;
        if (m.firstDoc == into.read && into.ahead.empty()) {
            into.read += m.docs;
            into.position = m.position;
            into.written += m.written;
            into.skippedExisting += m.skippedExisting;
            into.rejected += m.rejected;
            continue;
        }
        into.ahead.push_back(std::move(m));
    }
}

Status SqlSink::addForeignKey(const QString &table, const QString &column, const QString &refTable,
                              const QString &refColumn)
{
    Q_UNUSED(column);
    Q_UNUSED(refColumn);
    return Error(ErrorCode::Schema,
                 trEngine("This target cannot add a foreign key to an existing table; the "
                          "reference from %1 to %2 is not enforced.")
                     .arg(table, refTable),
                 table);
}

Status checkBatchShape(const CollectionMapping &mapping, const RowBatch &batch, size_t tableCount)
{
    if (batch.tables.size() == tableCount)
        return {};
    return Error(ErrorCode::Internal,
                 trEngine("A batch for \"%1\" has rows for %2 tables, the mapping has %3.")
                     .arg(mapping.collection)
                     .arg(batch.tables.size())
                     .arg(tableCount));
}

size_t batchDocumentCount(const RowBatch &batch)
{
    size_t count = batch.docs.size();
    for (const TableRows &t : batch.tables) {
        for (size_t r = 0; r < t.rows(); ++r)
            count = std::max<size_t>(count, t.rowDoc(r) + 1);
    }
    return count;
}

} // namespace ferry

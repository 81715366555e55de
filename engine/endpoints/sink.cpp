#include "endpoints/sink.h"

#include "endpoints/copy_encoder.h"
#include "endpoints/postgres_sink.h"
#include "endpoints/reverse_factories.h"
#include "endpoints/sqlite_sink.h"
#include "transform/value_converter.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>

namespace ferry {

namespace {

Error notAvailable()
{
    return Error(ErrorCode::Usage, trEngine("Validation is not available for this target yet."));
}

} // namespace

Result<std::vector<QVariantList>> Sink::query(const QString &, const QVariantList &)
{
    return notAvailable();
}

Status Sink::execute(const QStringList &, const QList<QVariantList> &)
{
    return notAvailable();
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

Status Sink::addForeignKey(const QString &table, const QString &column, const QString &refTable,
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

Result<std::unique_ptr<Sink>> makeSink(const Endpoint &endpoint)
{
    switch (endpoint.kind()) {
    case EndpointKind::Postgres:
        return std::unique_ptr<Sink>(std::make_unique<PostgresSink>(endpoint));
    case EndpointKind::Sqlite:
        return std::unique_ptr<Sink>(std::make_unique<SqliteSink>(endpoint));
    case EndpointKind::MongoDb:
    case EndpointKind::Ndjson:
        return makeDocumentSink(endpoint);
    case EndpointKind::Dump:
        break;
    }
    return Error(ErrorCode::Usage,
                 trEngine("A MongoDB dump cannot be written to. To export documents, use "
                          "ndjson:DIR as the target."),
                 endpoint.redacted());
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

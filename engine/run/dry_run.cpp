#include "run/dry_run.h"

#include "core/bson_text.h"
#include "core/count_text.h"
#include "run/batch_writer.h"
#include "stores/common/sink.h"
#include "stores/common/source.h"
#include "transform/transformer.h"
#include "transform/value_converter.h"

#include <QElapsedTimer>
#include <QJsonArray>

namespace ferry {

namespace {

constexpr int SampleRowsShown = 20;

QString documentId(const RowBatch &batch, uint32_t doc)
{
    bson_t view;
    if (!batch.docs.view(doc, &view))
        return {};
    bson_iter_t it;
    if (!bson_iter_init_find(&it, &view, "_id"))
        return {};
    if (BSON_ITER_HOLDS_OID(&it)) {
        char hex[25];
        formatObjectId(bson_iter_oid(&it), hex);
        return QString::fromLatin1(hex, 24);
    }
    if (BSON_ITER_HOLDS_UTF8(&it))
        return QString::fromUtf8(bson_iter_utf8(&it, nullptr));
    return relaxedJsonText(&it);
}

} // namespace

Result<DryRunCollection> dryRunCollection(Source &source, Sink &sink,
                                          const CollectionMapping &mapping,
                                          const ProjectOptions &options, qint64 sampleSize,
                                          qint64 sourceCount)
{
    DryRunCollection out;
    out.collection = mapping.collection;
    out.sourceCount = sourceCount;

    auto docs = source.sample(mapping.collection, sampleSize, mapping.filter);
    if (!docs)
        return docs.error();
    RowBatch batch;
    for (const BsonDoc &d : *docs)
        batch.docs.append(d.get());
    out.sampled = qint64(batch.docs.size());

    QElapsedTimer clock;
    clock.start();
    const Transformer transformer(mapping, options, cellDialect(sink));
    transformer.transform(batch);

    auto prepared = sink.prepare(mapping, options, false);
    if (!prepared)
        return prepared.error();
    out.ddl = prepared->ddl;

    // Under a dry run every refusal is a finding, never a reason to stop.
    ProjectOptions probing = options;
    probing.onError = ErrorPolicy::Reject;
    BatchWriter writer(sink, mapping, probing);
    writer.setRetryBudget(0);
    Checkpoint cp;
    cp.read = out.sampled;
    auto written = writer.write(batch, cp);
    if (!written)
        return written.error();
    out.sampleSeconds = clock.elapsed() / 1000.0;
    // What a real run would skip: the rehearsal writes under the same existing-rows policy.
    out.skippedExisting = written->checkpoint.skippedExisting;

    for (const DocReject &r : written->rejects)
        out.rejects.push_back({documentId(batch, r.doc), r.field, r.reason});

    const std::vector<const TableMapping *> tables = mapping.tables();
    const double scale =
        out.sampled > 0 && sourceCount >= 0 ? double(sourceCount) / double(out.sampled) : 1.0;
    for (size_t t = 0; t < tables.size(); ++t) {
        DryRunTable table;
        table.name = tables[t]->table;
        for (const ColumnMapping &c : tables[t]->columns)
            table.columns.append(c.column);
        const TableRows &rows = batch.tables[t];
        table.sampleRowCount = qint64(rows.rows());
        table.predictedRows = qint64(double(rows.rows()) * scale + 0.5);
        for (size_t r = 0; r < rows.rows() && r < size_t(SampleRowsShown); ++r) {
            QStringList cells;
            for (int c = 0; c < rows.columns(); ++c)
                cells.append(cellToDisplay(rows, rows.at(r, c)));
            table.sampleRows.append(cells);
        }
        out.tables.push_back(std::move(table));
    }
    for (auto it = batch.unknownFields.cbegin(); it != batch.unknownFields.cend(); ++it)
        out.warnings.append(
            trEngineCount("Field `%1` is not in the mapping (%n value in the sample).",
                          "Field `%1` is not in the mapping (%n values in the sample).", it.value())
                .arg(it.key()));
    if (out.sampled > 0 && sourceCount > 0)
        out.estimatedSeconds = out.sampleSeconds * double(sourceCount) / double(out.sampled);
    return out;
}

QJsonObject dryRunToJson(const DryRunCollection &r)
{
    QJsonArray tables;
    for (const DryRunTable &t : r.tables) {
        QJsonArray rows;
        for (const QStringList &row : t.sampleRows)
            rows.append(QJsonArray::fromStringList(row));
        tables.append(
            QJsonObject{{QStringLiteral("name"), t.name},
                        {QStringLiteral("columns"), QJsonArray::fromStringList(t.columns)},
                        {QStringLiteral("sample_rows"), rows},
                        {QStringLiteral("sample_row_count"), t.sampleRowCount},
                        {QStringLiteral("predicted_rows"), t.predictedRows}});
    }
    QJsonArray rejects;
    for (const DryRunReject &x : r.rejects)
        rejects.append(QJsonObject{{QStringLiteral("_id"), x.id},
                                   {QStringLiteral("field"), x.field},
                                   {QStringLiteral("reason"), x.reason}});
    return QJsonObject{{QStringLiteral("sampled"), r.sampled},
                       {QStringLiteral("ddl"), QJsonArray::fromStringList(r.ddl)},
                       {QStringLiteral("tables"), tables},
                       {QStringLiteral("would_reject"), rejects},
                       {QStringLiteral("estimated_seconds"), r.estimatedSeconds}};
}

} // namespace ferry

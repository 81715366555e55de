// The steps of a collection after its documents are in: the counts for the report, what was
// read against the source's own count, and validation.
#include "run/collection_mover.h"

#include "core/count_text.h"
#include "run/progress_tracker.h"
#include "run/reject_file.h"
#include "run/run_registry.h"
#include "run/validator.h"
#include "stores/common/source.h"

#include <QJsonObject>

namespace ferry {

namespace {

QJsonObject countsToJson(const QHash<QString, qint64> &counts)
{
    QJsonObject json;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it)
        json.insert(it.key(), it.value());
    return json;
}

} // namespace

void CollectionMover::summarize()
{
    for (const QString &line : m_rejectSummary.lines(m_mapping.collection, m_ctx.rejects.path()))
        m_ctx.log(LogLevel::Warning, line);
    if (!m_rejectSummary.isEmpty())
        m_report.extra.insert(QStringLiteral("rejects"), m_rejectSummary.toJson());
    m_progress.done = true;
    m_ctx.tracker.endCollection();
    m_report.read = m_checkpoint.read;
    m_report.written = m_checkpoint.written;
    m_report.skippedExisting = m_checkpoint.skippedExisting;
    m_report.rejected = m_checkpoint.rejected;
    for (const TableMapping *t : m_mapping.tables()) {
        auto rows = m_ctx.sink.countRows(t->table);
        m_report.tables.push_back({t->table, rows ? *rows : -1});
    }
    if (m_report.written + m_report.skippedExisting + m_report.rejected != m_report.read)
        m_report.warnings.append(
            trEngine("Counts do not add up: %1 read, %2 written, %3 skipped, %4 rejected.")
                .arg(countText(m_report.read), countText(m_report.written),
                     countText(m_report.skippedExisting), countText(m_report.rejected)));
    if (!m_unknownFields.isEmpty())
        m_report.extra.insert(QStringLiteral("unknown_fields"), countsToJson(m_unknownFields));
    if (!m_excludedValues.isEmpty())
        m_report.extra.insert(QStringLiteral("excluded_values"), countsToJson(m_excludedValues));
    // "Kept" only where a column kept them: a document target keeps whole documents.
    const ColumnMapping *extra = extraColumnOf(m_mapping);
    const bool kept = m_ctx.project.options.unknownFields == UnknownFields::Extra &&
                      (extra || m_ctx.sink.takes() == StoreInput::Documents);
    for (auto it = m_unknownFields.cbegin(); it != m_unknownFields.cend(); ++it)
        m_report.warnings.append(
            kept ? trEngineCount("Field `%1` is not in the mapping: %n value kept in %2.",
                                 "Field `%1` is not in the mapping: %n values kept in %2.",
                                 it.value())
                       .arg(it.key(), extra ? extra->column : trEngine("the documents"))
                 : trEngineCount("Field `%1` is not in the mapping: %n value counted, not kept.",
                                 "Field `%1` is not in the mapping: %n values counted, not kept.",
                                 it.value())
                       .arg(it.key()));
}

void CollectionMover::checkRead()
{
    const QString w =
        checkReadAgainstSource(m_sourceCounts, m_report.read, m_mapping.root.table, m_report);
    if (!w.isEmpty())
        m_ctx.log(LogLevel::Warning, w);
}

Status CollectionMover::validate()
{
    SqlSink *sql = m_ctx.sink.asSql();
    if (!sql)
        return {};
    if (Status s = markRunFinished(*sql, m_ctx.runId, m_mapping.collection); !s)
        return s;
    // A partition holds a slice of tables others fill too: `finish` validates the whole.
    if (m_ctx.request.validate && m_ctx.request.partitions <= 1) {
        // A resumed run counts like any other when the registry says the root table holds
        // only this run's rows (it created or emptied it before the interruption).
        bool onlyOurs =
            m_prepared.tablesWereEmpty ||
            (!m_ctx.request.resume && m_ctx.project.options.existingRows == ExistingRows::Truncate);
        if (!onlyOurs && m_ctx.request.resume) {
            auto ours = rootHoldsOnlyRun(*sql, m_ctx.runId, m_mapping);
            if (!ours)
                return ours.error();
            onlyOurs = *ours;
        }
        validateAfterRun(m_ctx.source, *sql, m_mapping, m_ctx.project.options, onlyOurs, m_report,
                         m_uncomparedKeys);
        if (const QString w = setAsideChangedFindings(m_sourceCounts, m_report); !w.isEmpty())
            m_ctx.log(LogLevel::Warning, w);
    }
    if (!m_report.mismatches.isEmpty())
        m_ctx.log(LogLevel::Warning,
                  trEngineCount("%1: validation found %n mismatch (see the report).",
                                "%1: validation found %n mismatches (see the report).",
                                m_report.mismatches.size())
                      .arg(m_mapping.collection));
    return {};
}

// The source's own count, for the check of what was read; -1 when it cannot count cheaply,
// when the run does not check (a dry run, a partition, which reads only a slice), or when the
// count fails (said in the log: the run goes on).
qint64 CollectionMover::countSource()
{
    if (!m_ctx.request.validate || m_ctx.request.partitions > 1)
        return -1;
    auto n = m_ctx.source.exactCount(m_mapping.collection, m_mapping.filter);
    if (n)
        return *n;
    m_ctx.log(LogLevel::Warning,
              trEngine("%1: could not count the source's documents, so what was read is not "
                       "checked against it: %2")
                  .arg(m_mapping.collection, n.error().message));
    return -1;
}

} // namespace ferry

#pragma once

#include "core/dialect.h"
#include "core/endpoint.h"
#include "core/error.h"
#include "core/row_batch.h"
#include "project/project.h"
#include "stores/common/store_registry.h"

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QString>
#include <QStringList>
#include <QVariant>
#include <QVariantList>

#include <memory>
#include <optional>
#include <vector>

namespace ferry {

// A batch committed by one of several parallel writers, recorded on its own row because
// batches commit out of order (see Checkpoint::batchFirstDoc).
struct BatchMark {
    qint64 firstDoc = 0; // documents of the collection (or partition) read before the batch
    qint64 docs = 0;
    QByteArray position; // reader position after the batch
    qint64 written = 0;
    qint64 skippedExisting = 0;
    qint64 rejected = 0;
};

// Progress of one collection (keyed by its root table), committed with its rows so that a resumed
// run starts exactly after the last committed batch.
struct Checkpoint {
    QString runId;
    QByteArray position; // DocumentReader::position() after the batch
    qint64 read = 0;
    qint64 written = 0;
    qint64 skippedExisting = 0;
    qint64 rejected = 0;
    bool finished = false;
    // Length of the run's reject file when this checkpoint committed: the rejects of a batch
    // are synced before it commits, so a resume cuts the file back to this length and redoes
    // the batch. -1: unknown (a checkpoint written before Ferry kept it).
    qint64 rejectBytes = -1;
    // The row's key; empty = the collection's root table. A partition has its own.
    QString key;
    // >= 0: this write is one of several in flight. The sink records the batch on its own
    // row (BatchMark: read = the batch's documents, counts its own) and leaves the
    // collection's row alone; the finishing write folds the batch rows into it.
    qint64 batchFirstDoc = -1;
    // Filled by loadCheckpoint: batches committed beyond the contiguous prefix the fields
    // above describe (already folded in), which a resumed run must not write again.
    std::vector<BatchMark> ahead;
};

struct PrepareOutcome {
    QStringList createdTables;   // tables this run created (rollback drops them)
    QStringList ddl;             // statements executed (the dry run shows them)
    bool tablesWereEmpty = true; // every table of the collection was empty (or new)
    // The tables' keys wait for the end of the load (SqlSink::buildDeferredKeys); until then
    // they hold only rows of this run, of the run it resumes, or of its sibling partitions.
    bool keysDeferred = false;
};

struct WriteOutcome {
    qint64 written = 0;            // documents written (root rows)
    qint64 skippedExisting = 0;    // documents whose key already existed
    std::vector<qint64> tableRows; // rows written per table, CollectionMapping::tables() order
};

class SqlSink;

// A target: what every store that can be written to does. All methods run on the writer
// thread; one instance is used by one thread at a time.
class Sink {
public:
    virtual ~Sink() = default;
    virtual Status open() = 0;
    // Rows per table (the batch's `tables`) or documents (the batch's `outDocs`).
    virtual StoreInput takes() const = 0;
    // The SQL side of a relational target; nullptr for document targets.
    virtual SqlSink *asSql() { return nullptr; }
    // Creates the collection's tables or checks existing ones are compatible (a clear
    // error names the table, column and the mismatch); applies Truncate unless resuming.
    virtual Result<PrepareOutcome> prepare(const CollectionMapping &mapping,
                                           const ProjectOptions &options, bool resuming) = 0;
    // Writes one batch — all tables — and the checkpoint in one transaction. Honors
    // options.existingRows. The checkpoint row stored is `checkpoint` with this batch's
    // written / skippedExisting added. On failure nothing of the batch is kept.
    virtual Result<WriteOutcome> write(const CollectionMapping &mapping,
                                       const ProjectOptions &options, const RowBatch &batch,
                                       const Checkpoint &checkpoint) = 0;
    // Tries the batch the way write() would and rolls it back: how a failing batch is
    // split to find the documents the target refuses.
    virtual Status probe(const CollectionMapping &mapping, const ProjectOptions &options,
                         const RowBatch &batch) = 0;
    // The last committed checkpoint for this collection, if any.
    virtual Result<std::optional<Checkpoint>> loadCheckpoint(const QString &collection) = 0;
    virtual Status clearCheckpoint(const QString &collection) = 0;
    virtual Result<qint64> countRows(const QString &table) = 0;
    // Everything done since open() is undone at close (dry runs); must be set before prepare.
    virtual void setDryRun(bool dryRun) { m_dryRun = dryRun; }
    // Another open connection to the same target for a parallel writer, sharing what
    // prepare() decided; nullptr when the target takes one writer at a time.
    virtual Result<std::unique_ptr<Sink>> openWriter() { return std::unique_ptr<Sink>(); }
    // Whether openWriter() gives connections that may write at the same time (and so also
    // whole collections side by side).
    virtual bool takesManyWriters() const { return false; }
    // This process moves one slice of a collection while others move the rest into the same
    // tables: nothing may assume the tables hold only this process's rows. Set before prepare.
    void setPartitioned(bool partitioned) { m_partitioned = partitioned; }
    // This sink loads the rows of a run (not a dry run, a check, a rollback or a finish).
    // Set before open().
    void setLoads(bool loads) { m_loads = loads; }
    // Makes what was written durable where writing did not wait for it; the run's outcome
    // depends on it, so a run calls it before its report.
    virtual Status close() { return {}; }

protected:
    bool m_dryRun = false;
    bool m_partitioned = false;
    bool m_loads = false;
};

// A relational target: statements in its dialect, constraints after the load, and the
// bookkeeping validation and rollback read back (run/validator.h, run/rollback.h).
class SqlSink : public Sink {
public:
    StoreInput takes() const final { return StoreInput::Rows; }
    SqlSink *asSql() final { return this; }
    virtual Dialect dialect() const = 0;
    // Post-load step: a FOREIGN KEY from `table`.`column` to `refTable`.`refColumn`, added
    // once every table of the run holds its rows (so no load order can trip over it).
    // Targets that cannot add a constraint to an existing table return ErrorCode::Schema.
    virtual Status addForeignKey(const QString &table, const QString &column,
                                 const QString &refTable, const QString &refColumn);
    // Post-load step: the primary keys prepare() left out of tables it created (sorting once
    // after the load costs far less than a B-tree insert per row), for `tables` or, when
    // empty, every table still waiting. Idempotent; a duplicate key is a clear error.
    virtual Status buildDeferredKeys(const QStringList &tables = {})
    {
        Q_UNUSED(tables);
        return {};
    }
    // `statement` uses `?` placeholders. PostgreSQL returns every value as text (or null);
    // SQLite as stored.
    virtual Result<std::vector<QVariantList>> query(const QString &statement,
                                                    const QVariantList &params = {}) = 0;
    // Runs the statements in one transaction; params[i] (if present) belongs to statement i.
    virtual Status execute(const QStringList &statements,
                           const QList<QVariantList> &params = {}) = 0;
    // Root rows this run adds to `rootTable` — a table that existed before the run — are
    // recorded in _ferry_run_keys in the same transaction as their batch, so that rollback
    // removes exactly them. The table must exist (run/run_registry.h creates it).
    void trackNewRows(const QString &rootTable, const QString &runId)
    {
        m_trackedRuns.insert(rootTable, runId);
    }

protected:
    QString trackingRun(const QString &rootTable) const { return m_trackedRuns.value(rootTable); }
    QHash<QString, QString> m_trackedRuns; // root table -> run id
};

// What ensureIndexes found: indexes it built, and indexes whose key pattern was already there.
struct IndexOutcome {
    int created = 0;
    int existing = 0;
};

// A target that takes whole documents (MongoDB, NDJSON files).
class DocumentSink : public Sink {
public:
    StoreInput takes() const final { return StoreInput::Documents; }
    // Post-load step: builds those of `indexes` the collection lacks. One whose key pattern
    // is there already (by any name, with any options) is left alone: it is the user's.
    // Targets without indexes (files) build nothing.
    virtual Result<IndexOutcome> ensureIndexes(const CollectionMapping &mapping,
                                               const std::vector<IndexSpec> &indexes)
    {
        Q_UNUSED(mapping);
        Q_UNUSED(indexes);
        return IndexOutcome();
    }
    // False when ensureIndexes does nothing, so the report and dry run do not promise any.
    virtual bool hasIndexes() const { return false; }
};

// The dialect the transformer shapes cells for: a SQL target's own; PostgreSQL's rules for a
// document target, which receives the documents themselves (its cells only feed previews).
Dialect cellDialect(Sink &sink);

// The key of root row r as _ferry_run_keys stores it: a JSON array of the key cells as text
// in the form both targets compare equal to the stored value (ISO dates, hyphenated UUIDs).
QString rowKeyText(const std::vector<int> &keys, const TableRows &rows, size_t r);

// The key of the checkpoint row `checkpoint` belongs to.
QString checkpointKey(const CollectionMapping &mapping, const Checkpoint &checkpoint);
// Takes batch rows into `into` (the collection's row as loaded): those that continue its
// contiguous prefix advance it, later ones go to `ahead`, earlier ones (already counted)
// are dropped.
void foldBatchMarks(Checkpoint &into, std::vector<BatchMark> marks);

// For relational sinks: the batch has rows for exactly the mapping's tables.
Status checkBatchShape(const CollectionMapping &mapping, const RowBatch &batch, size_t tableCount);
// Documents a batch speaks for; hand-built batches (tests, probes) may carry rows but no
// documents, so the rows' document indices count too.
size_t batchDocumentCount(const RowBatch &batch);

} // namespace ferry

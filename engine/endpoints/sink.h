#pragma once

#include "core/endpoint.h"
#include "core/error.h"
#include "project/project.h"
#include "transform/row_batch.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>
#include <vector>

namespace ferry {

// Progress of one collection (keyed by its root table), committed with its rows so that a resumed run starts
// exactly after the last committed batch.
struct Checkpoint {
    QString runId;
    QByteArray position; // DocumentReader::position() after the batch
    qint64 read = 0;
    qint64 written = 0;
    qint64 skippedExisting = 0;
    qint64 rejected = 0;
    bool finished = false;
};

struct PrepareOutcome {
    QStringList createdTables; // tables this run created (rollback drops them)
    QStringList ddl;           // statements executed (the dry run shows them)
    bool tablesWereEmpty = true; // every table of the collection was empty (or new)
};

struct WriteOutcome {
    qint64 written = 0;                  // documents written (root rows)
    qint64 skippedExisting = 0;          // documents whose key already existed
    std::vector<qint64> tableRows;       // rows written per table, CollectionMapping::tables() order
};

// A relational or document target. All methods run on the writer thread; one instance is
// used by one thread at a time.
class Sink {
public:
    virtual ~Sink() = default;
    virtual Status open() = 0;
    virtual Dialect dialect() const = 0;
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

protected:
    bool m_dryRun = false;
};

Result<std::unique_ptr<Sink>> makeSink(const Endpoint &endpoint);

} // namespace ferry

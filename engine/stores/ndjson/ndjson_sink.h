#pragma once

#include "stores/common/sink.h"

#include <QFile>
#include <QString>

#include <memory>

namespace ferry {

// Exports each collection to DIR/<collection>.json, one canonical Extended JSON document
// per line (what the dump: source reads back). The checkpoint of a collection lives in
// DIR/.ferry-checkpoints/<collection>.json and is replaced atomically only after the
// batch's lines are on disk; it records the file's size then, so a resumed run first cuts
// the file back to that size and no document appears twice.
class NdjsonSink : public DocumentSink {
public:
    explicit NdjsonSink(const Endpoint &endpoint);
    ~NdjsonSink() override;

    Status open() override;
    Result<PrepareOutcome> prepare(const CollectionMapping &mapping, const ProjectOptions &options,
                                   bool resuming) override;
    Result<WriteOutcome> write(const CollectionMapping &mapping, const ProjectOptions &options,
                               const RowBatch &batch, const Checkpoint &checkpoint) override;
    Status probe(const CollectionMapping &mapping, const ProjectOptions &options,
                 const RowBatch &batch) override;
    Result<std::optional<Checkpoint>> loadCheckpoint(const QString &collection) override;
    Status clearCheckpoint(const QString &collection) override;
    Result<qint64> countRows(const QString &table) override;

    QString dataPath(const QString &collection) const;
    QString checkpointPath(const QString &collection) const;

private:
    Status openData(const QString &key);
    Status saveCheckpoint(const QString &key, const Checkpoint &checkpoint, qint64 bytes);
    Result<std::optional<std::pair<Checkpoint, qint64>>> readCheckpoint(const QString &key);

    QString m_dir;
    QString m_openKey;
    std::unique_ptr<QFile> m_file;
};

} // namespace ferry

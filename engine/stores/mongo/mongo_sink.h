#pragma once

#include "stores/common/document_batch.h"
#include "stores/common/sink.h"

#include <QList>
#include <QString>
#include <QStringList>

struct _mongoc_client_t;
struct _mongoc_collection_t;
struct _mongoc_bulk_operation_t;

namespace ferry {

// Writes documents into mongodb://HOST[:PORT]/DATABASE with unordered bulk writes. The
// existing-rows policy decides what a duplicate _id means (skip, replace, fail; truncate
// empties the collection first). MongoDB without a replica set has no transactions, so
// the checkpoint (collection _ferry_checkpoints) is written after the batch: a batch cut
// short by a crash is written again on resume, which Skip and Upsert make harmless.
class MongoSink : public DocumentSink {
public:
    explicit MongoSink(const Endpoint &endpoint);
    ~MongoSink() override;

    // MongoDB refuses documents larger than this.
    static constexpr uint32_t MaxDocumentBytes = 16 * 1024 * 1024;

    Status open() override;
    Result<PrepareOutcome> prepare(const CollectionMapping &mapping, const ProjectOptions &options,
                                   bool resuming) override;
    Result<WriteOutcome> write(const CollectionMapping &mapping, const ProjectOptions &options,
                               const RowBatch &batch, const Checkpoint &checkpoint) override;
    // Checks sizes and, for the Fail policy, duplicates (in the batch and in the
    // collection) without writing anything.
    Status probe(const CollectionMapping &mapping, const ProjectOptions &options,
                 const RowBatch &batch) override;
    Result<std::optional<Checkpoint>> loadCheckpoint(const QString &collection) override;
    Status clearCheckpoint(const QString &collection) override;
    Result<qint64> countRows(const QString &table) override;

    // Compares key patterns from listIndexes, then one createIndexes for the missing ones.
    Result<IndexOutcome> ensureIndexes(const CollectionMapping &mapping,
                                       const std::vector<IndexSpec> &indexes) override;
    bool hasIndexes() const override { return true; }

    QString database() const { return m_database; }

private:
    struct Collection;
    Collection collection(const QString &name) const;
    Error driverError(const QString &what, const QString &where, const void *bsonError) const;
    Status checkDuplicates(const QString &key, const RowBatch &batch);
    Status sendBulk(const QString &key, const ProjectOptions &options, const DocumentsToWrite &docs,
                    size_t &next, WriteOutcome &outcome);
    Status queueDocument(_mongoc_bulk_operation_t *bulk, const bson_t *doc, bool upsert);
    Status acceptWriteErrors(const QString &key, const ProjectOptions &options, const bson_t *reply,
                             const DocumentsToWrite &docs, const std::vector<uint32_t> &chunk,
                             const void *bsonError, WriteOutcome &outcome);
    Status saveCheckpoint(const QString &key, const Checkpoint &checkpoint);
    Result<QList<QStringList>> existingKeyPatterns(const QString &key);

    Endpoint m_endpoint;
    QString m_database;
    _mongoc_client_t *m_client = nullptr;
};

} // namespace ferry

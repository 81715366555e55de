#pragma once

#include "stores/common/source.h"

#include <mongoc/mongoc.h>

#include <memory>

namespace ferry {

// A live MongoDB server through libmongoc. The client is shared with the readers it hands
// out (so a reader may outlive the source) and is used by one thread at a time.
class MongoSource : public Source {
public:
    explicit MongoSource(Endpoint endpoint);

    Status open() override;
    Result<QList<CollectionInfo>> listCollections() override;
    QList<SkippedCollection> skippedCollections() const override { return m_skipped; }
    Result<std::unique_ptr<DocumentReader>> openReader(const QString &collection,
                                                       const ReadOptions &options) override;
    Result<std::vector<BsonDoc>> sample(const QString &collection, qint64 n,
                                        const QString &filter = {}) override;
    Result<qint64> exactCount(const QString &collection, const QString &filter) override;

private:
    Status ensureOpen();
    Result<BsonDoc> parseFilter(const QString &collection, const QString &filter) const;
    qint64 estimatedCount(mongoc_collection_t *collection) const;
    // Sorts one listCollections entry into `out` or m_skipped.
    void classify(const bson_t *entry, QList<CollectionInfo> &out);

    Endpoint m_endpoint;
    QByteArray m_database;
    std::shared_ptr<mongoc_client_t> m_client;
    QList<SkippedCollection> m_skipped;
};

} // namespace ferry

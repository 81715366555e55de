#pragma once

#include "stores/common/source.h"
#include "stores/mongo/mongo_reader.h"

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
    // Slices are ranges of _id, found by every partition alone (see sliceOf()).
    bool readsSlices() const override { return true; }

private:
    Status ensureOpen();
    Result<BsonDoc> parseFilter(const QString &collection, const QString &filter) const;
    qint64 estimatedCount(mongoc_collection_t *collection) const;
    // The _ids bounding `slice`'s partition, and in `docs` how many documents it holds now.
    Status findSlice(mongoc_collection_t *collection, const QString &name, const bson_t *filter,
                     IdSlice &slice, qint64 &docs) const;
    // {"_id": …} of the document at `position` in _id order among those `filter` matches;
    // empty past the end.
    Result<BsonDoc> idAt(mongoc_collection_t *collection, const QString &name, const bson_t *filter,
                         qint64 position) const;
    // Sorts one listCollections entry into `out` or m_skipped.
    void classify(const bson_t *entry, QList<CollectionInfo> &out);

    Endpoint m_endpoint;
    QByteArray m_database;
    std::shared_ptr<mongoc_client_t> m_client;
    QList<SkippedCollection> m_skipped;
};

} // namespace ferry

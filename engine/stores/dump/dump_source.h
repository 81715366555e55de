#pragma once

#include "stores/common/source.h"
#include "stores/dump/dump_layout.h"

#include <QHash>

namespace ferry {

// dump:PATH — whatever mongodump, mongoexport and mongoimport users hold (see DumpLayout):
// files are recognised by content, gzip is inflated on the fly, archives are demultiplexed
// in one streaming pass per collection, time-series buckets are unpacked into measurements.
class DumpSource : public Source {
public:
    explicit DumpSource(QString path);

    Status open() override;
    Result<QList<CollectionInfo>> listCollections() override;
    QList<SkippedCollection> skippedCollections() const override { return m_layout.skipped(); }
    SourceShape shape() const override { return m_layout.shape(); }
    Result<std::unique_ptr<DocumentReader>> openReader(const QString &collection,
                                                       const ReadOptions &options) override;
    Result<std::vector<BsonDoc>> sample(const QString &collection, qint64 n,
                                        const QString &filter = {}) override;
    bool readsSlices() const override { return true; }

private:
    Status ensureOpen();
    Result<DumpEntry> find(const QString &collection) const;
    Result<CollectionInfo> describe(const QString &name, const DumpEntry &entry);

    QString m_path;
    bool m_opened = false;
    DumpLayout m_layout;
    // Documents per data namespace of each archive, counted once for all its collections.
    QHash<QString, QHash<QString, qint64>> m_archiveCounts;
    QHash<QString, QString> m_archiveProblems;
};

} // namespace ferry

#pragma once

#include "stores/common/source.h"

#include <QMap>

namespace ferry {

// dump:PATH — a mongodump folder (NAME.bson [+ NAME.metadata.json], or one DB/ subfolder of
// them), mongoexport files in a folder, a single .bson file, or a single mongoexport file.
class DumpSource : public Source {
public:
    explicit DumpSource(QString path);

    Status open() override;
    Result<QList<CollectionInfo>> listCollections() override;
    Result<std::unique_ptr<DocumentReader>> openReader(const QString &collection,
                                                       const ReadOptions &options) override;
    Result<std::vector<BsonDoc>> sample(const QString &collection, qint64 n,
                                        const QString &filter = {}) override;
    bool readsSlices() const override { return true; }

private:
    struct CollectionFile {
        QString path;
        bool bson = false;
        QString metadataPath;
    };

    Status ensureOpen();
    Status addFolder(const QString &folder);
    Result<CollectionFile> find(const QString &collection) const;

    QString m_path;
    bool m_opened = false;
    QMap<QString, CollectionFile> m_collections;
};

} // namespace ferry

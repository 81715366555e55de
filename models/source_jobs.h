#pragma once

#include "core/doc_batch.h"
#include "core/endpoint.h"
#include "core/error.h"
#include "project/project.h"
#include "schema/field_tree.h"
#include "stores/common/source.h"

#include <QHash>
#include <QString>

#include <memory>
#include <vector>

namespace ferry {

// Blocking jobs the wizard runs with QtConcurrent::run. They only call the engine's public
// API and return values (never throw), so a QFutureWatcher can hand them to the UI thread.

// What the source is and holds ("mongodump folder: 4 collections.", see SourceSummary) or
// the engine's error for the endpoint.
Result<QString> testSourceConnection(const Endpoint &source);
Result<QString> testTargetConnection(const Endpoint &target);

struct SourceLoad {
    QList<CollectionInfo> infos;
    QList<SkippedCollection> skipped; // shown greyed with the reason, never migrated
    Project project; // `current` with inferred mappings for collections it did not have
    QHash<QString, std::shared_ptr<const FieldNode>> schemas;
    QHash<QString, DocBatch> samples; // preview documents per collection
    QHash<QString, CollectionMapping> proposals;
    QStringList warnings;
};

// Lists the source's collections with counts, samples and infers each of them, and proposes
// a mapping for every collection `current` does not map yet (existing mappings are kept).
Result<SourceLoad> loadSource(const Endpoint &source, const Endpoint &target,
                              const Project &current, int previewDocuments = 20);

} // namespace ferry

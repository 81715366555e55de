#pragma once

#include "core/endpoint.h"
#include "core/error.h"
#include "project/project.h"
#include "schema/field_tree.h"

#include <QStringList>

#include <functional>
#include <memory>
#include <vector>

namespace ferry {

class Source;

struct CollectionSchema {
    QString collection;
    qint64 sourceCount = -1; // -1 unknown
    qint64 sampled = 0;
    std::shared_ptr<const FieldNode> root;
};

// Samples one collection (spread over all of it) and infers its field tree.
Result<CollectionSchema> inferCollectionSchema(Source &source, const QString &collection,
                                               qint64 sampleSize, const QString &filter = {},
                                               qint64 sourceCount = -1);

struct InferOutcome {
    Project project;
    std::vector<CollectionSchema> schemas; // same order as project.collections
    QStringList warnings;                  // "collection: message"
};

// Builds a whole project: every collection of the source (or `only`), sampled and mapped
// with the default rules for the target's dialect. `onCollection` is told before each one.
Result<InferOutcome> inferProject(Source &source, const Endpoint &sourceEndpoint,
                                  const Endpoint &targetEndpoint, const QStringList &only,
                                  const ProjectOptions &options,
                                  const std::function<void(const QString &)> &onCollection = {});

} // namespace ferry

#pragma once

#include "core/error.h"
#include "project/project.h"

#include <QStringList>

#include <vector>

namespace ferry {

// The enabled collections (or just `only`, when given) in run order: a collection comes
// after the collections its references point to, otherwise in project order. Names in
// `only` that the project lacks, and reference cycles, are errors that say which.
Result<std::vector<const CollectionMapping *>> orderCollections(const Project &project,
                                                                const QStringList &only);

} // namespace ferry

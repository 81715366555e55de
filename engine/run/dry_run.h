#pragma once

#include "core/error.h"
#include "project/project.h"
#include "run/run_types.h"

#include <QJsonObject>

namespace ferry {

class Source;
class Sink;

// Transforms a sample of one collection (spread over all of it) and writes it into the
// target inside the sink's dry-run transaction, which is never committed: the DDL and the
// inserts really run — so type and constraint errors show up — and the target is left as
// it was. `sink` must have had setDryRun(true) and open().
Result<DryRunCollection> dryRunCollection(Source &source, Sink &sink,
                                          const CollectionMapping &mapping,
                                          const ProjectOptions &options, qint64 sampleSize,
                                          qint64 sourceCount);

QJsonObject dryRunToJson(const DryRunCollection &result);

} // namespace ferry

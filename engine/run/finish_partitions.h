#pragma once

#include "core/error.h"
#include "project/project.h"
#include "run/report.h"

#include <functional>
#include <vector>

namespace ferry {

class Source;
class SqlSink;

// `ferry-cli finish`: what the partitions of a run (`run --partition K/N`) leave for when
// every slice is in — checked that each partition finished, then the primary keys left out
// during the load, the target's indexes, the foreign keys between tables the run created,
// and a validation of each collection. Safe to run again.
Result<RunReport> finishPartitions(const Project &project, Source &source, SqlSink &sink,
                                   const std::vector<const CollectionMapping *> &collections,
                                   const std::function<void(const QString &)> &log);

} // namespace ferry

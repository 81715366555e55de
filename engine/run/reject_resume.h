#pragma once

#include "core/error.h"
#include "project/project.h"

#include <vector>

namespace ferry {

class RejectFile;
class Sink;

// A resumed run's reject file holds what the interrupted run synced, which can include the
// rejects of a batch that never committed (they are synced before their commit). This cuts
// the file back to the length recorded by the last committed checkpoint, so that batch's
// rejects are written once, when it is redone.
//
// The last commit is the longest length among the checkpoints of the interrupted run: those
// of the collections this run moves and, with the same run id, of the project's other
// collections (a resume of fewer collections must not cut off what the others committed).
// Without any checkpoint nothing was committed, and the file is emptied as a new run's would
// be; checkpoints from before Ferry kept the length leave the file as it is.
// An error (for a warning) when the file is shorter than its checkpoint says.
Status cutRejectsToCheckpoints(Sink &sink, const Project &project,
                               const std::vector<const CollectionMapping *> &moving,
                               RejectFile &rejects);

} // namespace ferry

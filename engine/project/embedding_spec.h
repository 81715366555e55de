#pragma once

#include "core/error.h"
#include "project/project.h"

#include <QString>

namespace ferry {

// Applies one `--embed CHILD:PARENT[:FIELD[:single]]` request to an inferred project: the parent
// collection gets an Embedding of the child, and the child is no longer moved as a
// collection of its own (its rows now live inside the parent's documents). Which foreign
// key links them is looked up in the source's catalog when the run starts.
Status applyEmbedSpec(Project &project, const QString &spec);

} // namespace ferry

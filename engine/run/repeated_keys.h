#pragma once

#include "core/row_batch.h"
#include "project/project.h"

namespace ferry {

struct RepeatedKeys {
    qint64 skipped = 0;  // later (upsert: earlier) copies counted as skipped-existing
    qint64 rejected = 0; // copies added to the batch's rejects (existing rows "fail")
    // The root keys (rowKeyText) that repeated, for relational targets: validation cannot
    // tell which copy a sampled document is, so it leaves them out.
    QStringList keys;
};

// An input may hold one key twice (the same _id twice in a file, or in one batch). Sinks
// see the table's existing rows, not the other rows of their own batch, and a batch with
// both copies makes them disagree: PostgreSQL's staged path joined both copies to the one
// row it inserted (two sets of child rows under one parent) and refused an upsert touching
// a row twice; SQLite appended both copies' children. So a batch reaches the sink with each
// key once, the others handled as the existing-rows policy says for a key already there:
// skip and truncate keep the first copy, upsert keeps the last (as upserting them in
// order would), fail rejects the later copies with a reason naming the key.
// Keys are the root table's primary key for relational targets, the _id (numbers compared
// by value, as MongoDB's unique index does) for document targets; a batch whose documents
// have none is left as it is. Copies in different batches meet the target's own check.
RepeatedKeys dropRepeatedKeys(RowBatch &batch, const CollectionMapping &mapping,
                              ExistingRows policy, bool documentTarget);

} // namespace ferry

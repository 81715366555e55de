#pragma once

#include "core/row_batch.h"
#include "project/mapping.h"
#include "project/project.h"

#include <memory>

namespace ferry {

// Turns documents into rows for every table of a CollectionMapping, straight from
// bson_iter into TableRows cells (no JSON detour, no per-value QString). A document that
// cannot be represented — wrong type for a column, a NUL byte in a text value, invalid
// UTF-8, a null in a NOT NULL column, an unknown field under UnknownFields::Reject — has
// all its rows rolled back and is listed in batch.rejects with the field and the reason.
// Immutable after construction, so one instance can serve several threads.
class Transformer {
public:
    Transformer(const CollectionMapping &mapping, const ProjectOptions &options, Dialect dialect);
    ~Transformer();

    // Fills batch.tables (sized to mapping.tables()), batch.rejects, batch.unknownFields and
    // batch.excludedValues from batch.docs. Previous contents of those are replaced.
    void transform(RowBatch &batch) const;

private:
    struct Plan;
    std::unique_ptr<Plan> m_plan;
};

} // namespace ferry

#pragma once

#include <bson/bson.h>

namespace ferry {

// One end of a range of _ids, in the _id index's order (MongoDB's comparison order of BSON
// values, across type brackets). `value` points at the _id; null means unbounded.
struct IdBound {
    const bson_iter_t *value = nullptr;
    bool inclusive = false;
};

// Appends under `key` a query document matching exactly the _ids between `lower` and
// `upper` (upper always exclusive) in the _id index's order, whatever their types.
// $gt / $lt alone only match values of their own type bracket, so every bracket wholly
// inside the range is added by $type; within the end brackets the server's own
// comparison rules hold (null and undefined as separate one-value brackets, NaN before
// every other number yet matched by no $lt/$gt), so no _id is ever in two ranges that
// only touch, nor in none.
void appendIdRange(bson_t *out, const char *key, IdBound lower, IdBound upper);

} // namespace ferry

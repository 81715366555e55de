#pragma once

#include <bson/bson.h>

#include <cstdint>
#include <cstring>

namespace ferry {

// MongoDB caps documents at 16 MiB; mongodump output can carry slightly more (oplog
// entries), so anything far beyond is a broken length rather than a big document.
inline constexpr int32_t kMaxBsonDocument = 48 * 1024 * 1024;

inline int32_t readBsonLength(const char *p)
{
    uint32_t v;
    std::memcpy(&v, p, 4);
    return int32_t(BSON_UINT32_FROM_LE(v));
}

// Checks that every element's length stays inside its document, recursively: all that
// iterating the document later relies on. bson_validate(NONE) also checks the UTF-8 of
// every key, which costs more than the rest of the read; text values are checked where
// they are converted (the transform), keys where they are matched. On failure *badOffset
// is where the problem is, counted from the start of the document.
bool bsonStructureValid(const bson_t *doc, size_t *badOffset);
// A quick walk of the element frames for the common element types, never more lenient than
// libbson's iterator: true only when iterating `doc` (recursively) cannot fail. False is
// "not sure": bsonStructureValid then asks libbson. Public for the tests that hold it to that.
bool bsonFramesSurelyValid(const bson_t *doc);

} // namespace ferry

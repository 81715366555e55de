#include "stores/dump/bson_frame.h"

namespace ferry {

namespace {

// Deeper than any document MongoDB accepts (100 levels) with room to spare; a bound so a
// crafted file cannot exhaust the stack.
constexpr int kMaxDepth = 500;

bool structureValid(const bson_t *doc, size_t *badOffset, int depth)
{
    bson_iter_t it;
    if (!bson_iter_init(&it, doc)) {
        *badOffset = 0;
        return false;
    }
    while (bson_iter_next(&it)) {
        const bson_type_t type = bson_iter_type(&it);
        if (type == BSON_TYPE_DOCUMENT || type == BSON_TYPE_ARRAY) {
            bson_iter_t child;
            uint32_t len = 0;
            const uint8_t *data = nullptr;
            if (type == BSON_TYPE_DOCUMENT)
                bson_iter_document(&it, &len, &data);
            else
                bson_iter_array(&it, &len, &data);
            bson_t sub;
            size_t inner = 0;
            if (depth >= kMaxDepth || !data || !bson_init_static(&sub, data, len) ||
                !bson_iter_recurse(&it, &child) || !structureValid(&sub, &inner, depth + 1)) {
                *badOffset = it.off + inner;
                return false;
            }
        } else if (type == BSON_TYPE_CODEWSCOPE) {
            uint32_t codeLen = 0, scopeLen = 0;
            const uint8_t *scope = nullptr;
            bson_iter_codewscope(&it, &codeLen, &scopeLen, &scope);
            bson_t sub;
            size_t inner = 0;
            if (!scope || !bson_init_static(&sub, scope, scopeLen) ||
                !structureValid(&sub, &inner, depth + 1)) {
                *badOffset = it.off + inner;
                return false;
            }
        }
    }
    if (it.err_off != 0) {
        *badOffset = it.err_off;
        return false;
    }
    return true;
}

} // namespace

bool bsonStructureValid(const bson_t *doc, size_t *badOffset)
{
    return structureValid(doc, badOffset, 0);
}

} // namespace ferry

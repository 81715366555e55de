#include "stores/dump/bson_frame.h"

namespace ferry {

namespace {

// Deeper than any document MongoDB accepts (100 levels) with room to spare; a bound so a
// crafted file cannot exhaust the stack.
constexpr int kMaxDepth = 500;
// The quick check below leaves deeper documents to the libbson walk, which can say where
// a too-deep one fails; MongoDB itself stops at 100.
constexpr int kQuickDepth = 100;

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

uint32_t le32(const uint8_t *p)
{
    uint32_t v;
    std::memcpy(&v, p, 4);
    return BSON_UINT32_FROM_LE(v);
}

// `data` is a whole document: len >= 5, its own length prefix says len, data[len - 1] == 0.
bool framesSurelyValid(const uint8_t *data, uint32_t len, int depth)
{
    if (depth > kQuickDepth)
        return false;
    const uint32_t end = len - 1; // the terminating zero
    uint32_t at = 4;
    while (at < end) {
        const uint8_t type = data[at];
        // Keys are short: a plain scan beats a call to memchr.
        uint32_t k = at + 1;
        while (k < end && data[k] != 0)
            ++k;
        if (k == end)
            return false;
        const uint32_t v = k + 1; // the value
        const uint32_t room = end - v;
        uint32_t size = 0;
        switch (type) {
        case BSON_TYPE_DOUBLE:
        case BSON_TYPE_DATE_TIME:
        case BSON_TYPE_TIMESTAMP:
        case BSON_TYPE_INT64:
            size = 8;
            break;
        case BSON_TYPE_INT32:
            size = 4;
            break;
        case BSON_TYPE_OID:
            size = 12;
            break;
        case BSON_TYPE_DECIMAL128:
            size = 16;
            break;
        case BSON_TYPE_BOOL:
            if (room < 1 || data[v] > 1)
                return false;
            size = 1;
            break;
        case BSON_TYPE_NULL:
        case BSON_TYPE_UNDEFINED:
        case BSON_TYPE_MINKEY:
        case BSON_TYPE_MAXKEY:
            break;
        case BSON_TYPE_UTF8:
        case BSON_TYPE_CODE:
        case BSON_TYPE_SYMBOL: {
            if (room < 4)
                return false;
            const uint32_t l = le32(data + v);
            if (l == 0 || l > room - 4 || data[v + 4 + l - 1] != 0)
                return false;
            size = 4 + l;
            break;
        }
        case BSON_TYPE_DOCUMENT:
        case BSON_TYPE_ARRAY: {
            if (room < 4)
                return false;
            const uint32_t l = le32(data + v);
            if (l < 5 || l > room || data[v + l - 1] != 0 ||
                !framesSurelyValid(data + v, l, depth + 1))
                return false;
            size = l;
            break;
        }
        case BSON_TYPE_BINARY: {
            if (room < 5 || data[v + 4] == BSON_SUBTYPE_BINARY_DEPRECATED)
                return false;
            const uint32_t l = le32(data + v);
            if (l > room - 5)
                return false;
            size = 5 + l;
            break;
        }
        default: // rare kinds (regex, code with scope, DBPointer) and unknown type bytes
            return false;
        }
        if (size > room)
            return false;
        at = v + size;
    }
    return at == end;
}

} // namespace

bool bsonFramesSurelyValid(const bson_t *doc)
{
    return doc->len >= 5 && framesSurelyValid(bson_get_data(doc), doc->len, 0);
}

bool bsonStructureValid(const bson_t *doc, size_t *badOffset)
{
    // The libbson walk was a seventh of the reading and transforming thread; documents of
    // the common kinds pass the check above, and only the rest (and every damaged one,
    // whose damage it locates) take it.
    if (bsonFramesSurelyValid(doc))
        return true;
    return structureValid(doc, badOffset, 0);
}

} // namespace ferry

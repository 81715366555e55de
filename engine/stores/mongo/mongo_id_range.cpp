#include "stores/mongo/mongo_id_range.h"

#include "core/doc_batch.h"

#include <cmath>
#include <limits>
#include <vector>

namespace ferry {

namespace {

// MongoDB's comparison order of BSON types (the _id index's order), one bracket per line,
// as $type aliases.
const char *const TypeBrackets[][4] = {
    {"minKey"},
    {"undefined"},
    {"null"},
    {"double", "int", "long", "decimal"},
    {"string", "symbol"},
    {"object"},
    {"array"},
    {"binData"},
    {"objectId"},
    {"bool"},
    {"date"},
    {"timestamp"},
    {"regex"},
    {"dbPointer"},
    {"javascript"},
    {"javascriptWithScope"},
    {"maxKey"},
};
constexpr int Brackets = int(sizeof TypeBrackets / sizeof TypeBrackets[0]);
constexpr int NumberBracket = 3;

int bracketOf(bson_type_t type)
{
    switch (type) {
    case BSON_TYPE_MINKEY:
        return 0;
    case BSON_TYPE_UNDEFINED:
        return 1;
    case BSON_TYPE_NULL:
        return 2;
    case BSON_TYPE_DOUBLE:
    case BSON_TYPE_INT32:
    case BSON_TYPE_INT64:
    case BSON_TYPE_DECIMAL128:
        return NumberBracket;
    case BSON_TYPE_UTF8:
    case BSON_TYPE_SYMBOL:
        return 4;
    case BSON_TYPE_DOCUMENT:
        return 5;
    case BSON_TYPE_ARRAY:
        return 6;
    case BSON_TYPE_BINARY:
        return 7;
    case BSON_TYPE_OID:
        return 8;
    case BSON_TYPE_BOOL:
        return 9;
    case BSON_TYPE_DATE_TIME:
        return 10;
    case BSON_TYPE_TIMESTAMP:
        return 11;
    case BSON_TYPE_REGEX:
        return 12;
    case BSON_TYPE_DBPOINTER:
        return 13;
    case BSON_TYPE_CODE:
        return 14;
    case BSON_TYPE_CODEWSCOPE:
        return 15;
    default:
        return Brackets - 1;
    }
}

int bracketOf(const bson_iter_t *value)
{
    return bracketOf(bson_iter_type(value));
}

// Brackets of one value: comparing with them is either refused by the server (undefined:
// "cannot compare to undefined") or bends the brackets (null $gte matches undefined,
// minKey/maxKey compare with every type), so they are selected by $type alone.
bool isOneValueBracket(int bracket)
{
    return bracket <= 2 || bracket == Brackets - 1;
}

// NaN sorts before every other number in the index, but the server's $lt/$gt/$gte never
// match it (only equality does): a bound at NaN, and a range reaching below every number,
// are written without comparing to it.
bool isNaN(const bson_iter_t *value)
{
    if (BSON_ITER_HOLDS_DOUBLE(value))
        return std::isnan(bson_iter_double(value));
    if (BSON_ITER_HOLDS_DECIMAL128(value)) {
        bson_decimal128_t d;
        bson_iter_decimal128(value, &d);
        constexpr uint64_t NaNBits = 0x7C00000000000000ULL;
        return (d.high & NaNBits) == NaNBits;
    }
    return false;
}

// What part of one bracket a range keeps.
struct BracketPart {
    enum class Kind { None, Whole, Compared } kind = Kind::Whole;
    BsonDoc ops;        // operators on _id, when Compared
    bool orNaN = false; // NaN too: it lies below the upper bound but no $lt matches it
};

void lowerPart(BracketPart &part, int bracket, IdBound lower)
{
    if (!lower.value || bracketOf(lower.value) != bracket)
        return;
    if (isOneValueBracket(bracket) || isNaN(lower.value)) {
        if (lower.inclusive)
            return; // the first value of the bracket: all of it
        if (bracket != NumberBracket) {
            part.kind = BracketPart::Kind::None;
            return;
        }
        // Every number after NaN.
        BSON_APPEND_DOUBLE(part.ops.get(), "$gte", -std::numeric_limits<double>::infinity());
    } else {
        const char *op = lower.inclusive ? "$gte" : "$gt";
        bson_append_iter(part.ops.get(), op, -1, lower.value);
    }
    part.kind = BracketPart::Kind::Compared;
}

void upperPart(BracketPart &part, int bracket, IdBound upper)
{
    if (!upper.value || bracketOf(upper.value) != bracket || part.kind == BracketPart::Kind::None)
        return;
    if (isOneValueBracket(bracket) || isNaN(upper.value)) {
        part.kind = BracketPart::Kind::None; // nothing of the bracket comes before it
        return;
    }
    part.orNaN = part.kind == BracketPart::Kind::Whole && bracket == NumberBracket;
    bson_append_iter(part.ops.get(), "$lt", 3, upper.value);
    part.kind = BracketPart::Kind::Compared;
}

void appendArrayDoc(bson_t *array, uint32_t &n, const bson_t *doc)
{
    char buffer[16];
    const char *key;
    bson_uint32_to_string(n++, &key, buffer, sizeof buffer);
    bson_append_document(array, key, -1, doc);
}

BsonDoc idClause(const bson_t *ops)
{
    BsonDoc clause;
    BSON_APPEND_DOCUMENT(clause.get(), "_id", ops);
    return clause;
}

BsonDoc typeClause(const std::vector<const char *> &aliases)
{
    BsonDoc ops;
    bson_t types;
    BSON_APPEND_ARRAY_BEGIN(ops.get(), "$type", &types);
    uint32_t n = 0;
    for (const char *alias : aliases) {
        char buffer[16];
        const char *key;
        bson_uint32_to_string(n++, &key, buffer, sizeof buffer);
        bson_append_utf8(&types, key, -1, alias, -1);
    }
    bson_append_array_end(ops.get(), &types);
    return idClause(ops.get());
}

} // namespace

void appendIdRange(bson_t *out, const char *key, IdBound lower, IdBound upper)
{
    const int first = lower.value ? bracketOf(lower.value) : 0;
    const int last = upper.value ? bracketOf(upper.value) : Brackets - 1;
    std::vector<const char *> wholeBrackets;
    std::vector<BsonDoc> clauses;
    for (int b = first; b <= last; ++b) {
        BracketPart part;
        lowerPart(part, b, lower);
        upperPart(part, b, upper);
        if (part.kind == BracketPart::Kind::Whole) {
            for (const char *alias : TypeBrackets[b])
                if (alias)
                    wholeBrackets.push_back(alias);
        } else if (part.kind == BracketPart::Kind::Compared) {
            clauses.push_back(idClause(part.ops.get()));
        }
        if (part.orNaN) {
            BsonDoc eq;
            BSON_APPEND_DOUBLE(eq.get(), "$eq", std::numeric_limits<double>::quiet_NaN());
            clauses.push_back(idClause(eq.get()));
        }
    }
    if (!wholeBrackets.empty())
        clauses.push_back(typeClause(wholeBrackets));
    if (clauses.empty()) {
        // An empty range ({$or: []} is refused by the server).
        BsonDoc in;
        bson_t none;
        BSON_APPEND_ARRAY_BEGIN(in.get(), "$in", &none);
        bson_append_array_end(in.get(), &none);
        BSON_APPEND_DOCUMENT(out, key, idClause(in.get()).get());
        return;
    }
    if (clauses.size() == 1) {
        BSON_APPEND_DOCUMENT(out, key, clauses.front().get());
        return;
    }
    bson_t query, branches;
    BSON_APPEND_DOCUMENT_BEGIN(out, key, &query);
    BSON_APPEND_ARRAY_BEGIN(&query, "$or", &branches);
    uint32_t n = 0;
    for (const BsonDoc &clause : clauses)
        appendArrayDoc(&branches, n, clause.get());
    bson_append_array_end(&query, &branches);
    bson_append_document_end(out, &query);
}

} // namespace ferry

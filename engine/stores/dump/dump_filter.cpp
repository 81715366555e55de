#include "stores/dump/dump_filter.h"

#include <cstring>

namespace ferry {

namespace {

Error unsupported(const QString &what)
{
    return Error(ErrorCode::Usage,
                 trEngine("Filters on dump sources support equality, $eq, $ne, $gt, $gte, $lt, "
                          "$lte, $in, $nin, $exists, $and, $or and $nor on top-level or dotted "
                          "fields; %1 is not supported. Simplify the filter, or restore the dump "
                          "into MongoDB and read from the server.")
                     .arg(what));
}

// Documents, arrays and binaries are compared for equality only; this marks "different".
constexpr int kUnordered = 2;

enum class Cmp { Eq, Gt, Gte, Lt, Lte, In };

bool isNumber(bson_type_t t)
{
    return t == BSON_TYPE_INT32 || t == BSON_TYPE_INT64 || t == BSON_TYPE_DOUBLE;
}

double asDouble(const bson_value_t &v)
{
    switch (v.value_type) {
    case BSON_TYPE_INT32:
        return v.value.v_int32;
    case BSON_TYPE_INT64:
        return double(v.value.v_int64);
    case BSON_TYPE_DOUBLE:
        return v.value.v_double;
    default:
        return 0;
    }
}

int64_t asInt64(const bson_value_t &v)
{
    return v.value_type == BSON_TYPE_INT32 ? v.value.v_int32 : v.value.v_int64;
}

template <class T> int cmp(T a, T b)
{
    return a < b ? -1 : (b < a ? 1 : 0);
}

// Orders two values of the same kind; false when MongoDB would not compare them (a range
// operator never matches across types).
bool compareValues(const bson_value_t &a, const bson_value_t &b, int *out)
{
    if (isNumber(a.value_type) && isNumber(b.value_type)) {
        if (a.value_type != BSON_TYPE_DOUBLE && b.value_type != BSON_TYPE_DOUBLE)
            *out = cmp(asInt64(a), asInt64(b));
        else
            *out = cmp(asDouble(a), asDouble(b));
        return true;
    }
    if (a.value_type != b.value_type)
        return false;
    switch (a.value_type) {
    case BSON_TYPE_UTF8: {
        const uint32_t la = a.value.v_utf8.len, lb = b.value.v_utf8.len;
        const int c = std::memcmp(a.value.v_utf8.str, b.value.v_utf8.str, std::min(la, lb));
        *out = c != 0 ? (c < 0 ? -1 : 1) : cmp(la, lb);
        return true;
    }
    case BSON_TYPE_DATE_TIME:
        *out = cmp(a.value.v_datetime, b.value.v_datetime);
        return true;
    case BSON_TYPE_OID:
        *out = bson_oid_compare(&a.value.v_oid, &b.value.v_oid);
        return true;
    case BSON_TYPE_BOOL:
        *out = cmp(a.value.v_bool, b.value.v_bool);
        return true;
    case BSON_TYPE_NULL:
    case BSON_TYPE_MINKEY:
    case BSON_TYPE_MAXKEY:
        *out = 0;
        return true;
    case BSON_TYPE_TIMESTAMP:
        *out = cmp(a.value.v_timestamp.timestamp, b.value.v_timestamp.timestamp);
        if (*out == 0)
            *out = cmp(a.value.v_timestamp.increment, b.value.v_timestamp.increment);
        return true;
    case BSON_TYPE_DOCUMENT:
    case BSON_TYPE_ARRAY: {
        // Byte equality only: enough for {$eq: {...}} and $in of sub-documents.
        const uint32_t la = a.value.v_doc.data_len, lb = b.value.v_doc.data_len;
        *out = (la == lb && std::memcmp(a.value.v_doc.data, b.value.v_doc.data, la) == 0)
                   ? 0
                   : kUnordered;
        return true;
    }
    case BSON_TYPE_BINARY: {
        const bool same = a.value.v_binary.subtype == b.value.v_binary.subtype &&
                          a.value.v_binary.data_len == b.value.v_binary.data_len &&
                          std::memcmp(a.value.v_binary.data, b.value.v_binary.data,
                                      a.value.v_binary.data_len) == 0;
        *out = same ? 0 : kUnordered;
        return true;
    }
    default:
        return false;
    }
}

} // namespace

Result<DumpFilter> DumpFilter::parse(const QString &extendedJson)
{
    DumpFilter f;
    const QByteArray utf8 = extendedJson.trimmed().toUtf8();
    if (utf8.isEmpty())
        return f;
    f.m_query = std::make_shared<BsonDoc>();
    bson_error_t err;
    bson_destroy(f.m_query->get());
    if (!bson_init_from_json(f.m_query->get(), utf8.constData(), utf8.size(), &err)) {
        bson_init(f.m_query->get());
        return Error(ErrorCode::Usage,
                     trEngine("The filter is not a valid Extended JSON document: %1. Write it as "
                              "a MongoDB query, e.g. {\"status\": \"active\"}.")
                         .arg(QString::fromUtf8(err.message)));
    }
    if (Status s = parseQuery(f.m_query->get(), f.m_root, 0); !s)
        return s.error();
    return f;
}

Status DumpFilter::parseQuery(const bson_t *query, Node &into, int depth)
{
    if (depth > 32)
        return unsupported(trEngine("nesting deeper than 32 levels"));
    into.op = Op::And;
    bson_iter_t it;
    if (!bson_iter_init(&it, query))
        return Error(ErrorCode::Usage, trEngine("The filter is not a valid BSON document."));
    while (bson_iter_next(&it)) {
        const char *key = bson_iter_key(&it);
        if (key[0] != '$') {
            if (Status s = parseField(QByteArray(key), &it, into); !s)
                return s;
            continue;
        }
        Node logical;
        if (std::strcmp(key, "$and") == 0)
            logical.op = Op::And;
        else if (std::strcmp(key, "$or") == 0)
            logical.op = Op::Or;
        else if (std::strcmp(key, "$nor") == 0)
            logical.op = Op::Nor;
        else
            return unsupported(QString::fromUtf8(key));
        bson_iter_t arr;
        if (!BSON_ITER_HOLDS_ARRAY(&it) || !bson_iter_recurse(&it, &arr))
            return Error(ErrorCode::Usage,
                         trEngine("%1 in the filter needs an array of conditions.")
                             .arg(QString::fromUtf8(key)));
        while (bson_iter_next(&arr)) {
            uint32_t len = 0;
            const uint8_t *data = nullptr;
            if (!BSON_ITER_HOLDS_DOCUMENT(&arr))
                return Error(ErrorCode::Usage,
                             trEngine("Every element of %1 in the filter must be a document.")
                                 .arg(QString::fromUtf8(key)));
            bson_iter_document(&arr, &len, &data);
            bson_t sub;
            bson_init_static(&sub, data, len);
            Node child;
            if (Status s = parseQuery(&sub, child, depth + 1); !s)
                return s;
            logical.children.push_back(std::move(child));
        }
        into.children.push_back(std::move(logical));
    }
    return {};
}

Status DumpFilter::parseField(const QByteArray &path, bson_iter_t *value, Node &into)
{
    if (BSON_ITER_HOLDS_REGEX(value))
        return unsupported(trEngine("a regular expression on \"%1\"").arg(QString::fromUtf8(path)));
    bson_iter_t ops;
    bool operatorDoc = false;
    if (BSON_ITER_HOLDS_DOCUMENT(value) && bson_iter_recurse(value, &ops) && bson_iter_next(&ops))
        operatorDoc = bson_iter_key(&ops)[0] == '$';
    if (!operatorDoc) {
        Node n;
        n.op = Op::Eq;
        n.path = path;
        n.operand = *bson_iter_value(value);
        into.children.push_back(std::move(n));
        return {};
    }
    do {
        const char *key = bson_iter_key(&ops);
        static const struct {
            const char *name;
            Op op;
        } table[] = {{"$eq", Op::Eq},   {"$ne", Op::Ne},   {"$gt", Op::Gt},
                     {"$gte", Op::Gte}, {"$lt", Op::Lt},   {"$lte", Op::Lte},
                     {"$in", Op::In},   {"$nin", Op::Nin}, {"$exists", Op::Exists}};
        Node n;
        bool known = false;
        for (const auto &entry : table) {
            if (std::strcmp(key, entry.name) == 0) {
                n.op = entry.op;
                known = true;
            }
        }
        if (!known)
            return unsupported(
                trEngine("%1 on \"%2\"").arg(QString::fromUtf8(key), QString::fromUtf8(path)));
        if ((n.op == Op::In || n.op == Op::Nin) && !BSON_ITER_HOLDS_ARRAY(&ops))
            return Error(ErrorCode::Usage,
                         trEngine("%1 on \"%2\" in the filter needs an array.")
                             .arg(QString::fromUtf8(key), QString::fromUtf8(path)));
        if (BSON_ITER_HOLDS_REGEX(&ops))
            return unsupported(
                trEngine("a regular expression on \"%1\"").arg(QString::fromUtf8(path)));
        n.path = path;
        n.operand = *bson_iter_value(&ops);
        into.children.push_back(std::move(n));
    } while (bson_iter_next(&ops));
    return {};
}

bool DumpFilter::matches(const uint8_t *data, uint32_t len) const
{
    if (isEmpty())
        return true;
    bson_t doc;
    if (!bson_init_static(&doc, data, len))
        return false;
    return eval(m_root, &doc);
}

bool DumpFilter::eval(const Node &node, const bson_t *doc) const
{
    switch (node.op) {
    case Op::And:
        for (const Node &c : node.children)
            if (!eval(c, doc))
                return false;
        return true;
    case Op::Or:
        for (const Node &c : node.children)
            if (eval(c, doc))
                return true;
        return node.children.empty();
    case Op::Nor:
        for (const Node &c : node.children)
            if (eval(c, doc))
                return false;
        return true;
    default:
        return evalField(node, doc);
    }
}

namespace {

bool equalValues(const bson_value_t &a, const bson_value_t &b)
{
    int c = 1;
    return compareValues(a, b, &c) && c == 0;
}

// One comparison of a present value, without MongoDB's "any element of an array" rule.
bool scalarMatches(Cmp op, const bson_value_t &field, const bson_value_t &operand)
{
    int c = 0;
    switch (op) {
    case Cmp::Eq:
        return equalValues(field, operand);
    case Cmp::Gt:
        return compareValues(field, operand, &c) && c > 0 && c != kUnordered;
    case Cmp::Gte:
        return compareValues(field, operand, &c) && c >= 0 && c != kUnordered;
    case Cmp::Lt:
        return compareValues(field, operand, &c) && c < 0;
    case Cmp::Lte:
        return compareValues(field, operand, &c) && c <= 0;
    case Cmp::In: {
        bson_iter_t it;
        if (!bson_iter_init_from_data(&it, operand.value.v_doc.data, operand.value.v_doc.data_len))
            return false;
        while (bson_iter_next(&it))
            if (equalValues(field, *bson_iter_value(&it)))
                return true;
        return false;
    }
    }
    return false;
}

bool opMatches(Cmp op, const bson_value_t &field, const bson_value_t &operand)
{
    if (scalarMatches(op, field, operand))
        return true;
    if (field.value_type != BSON_TYPE_ARRAY)
        return false;
    bson_iter_t it;
    if (!bson_iter_init_from_data(&it, field.value.v_doc.data, field.value.v_doc.data_len))
        return false;
    while (bson_iter_next(&it))
        if (scalarMatches(op, *bson_iter_value(&it), operand))
            return true;
    return false;
}

} // namespace

bool DumpFilter::evalField(const Node &node, const bson_t *doc)
{
    bson_iter_t root, it;
    const bool found =
        bson_iter_init(&root, doc) &&
        (node.path.contains('.') ? bson_iter_find_descendant(&root, node.path.constData(), &it)
                                 : (it = root, bson_iter_find(&it, node.path.constData())));
    if (node.op == Op::Exists) {
        bool want = true;
        switch (node.operand.value_type) {
        case BSON_TYPE_BOOL:
            want = node.operand.value.v_bool;
            break;
        case BSON_TYPE_INT32:
        case BSON_TYPE_INT64:
        case BSON_TYPE_DOUBLE:
            want = asDouble(node.operand) != 0;
            break;
        case BSON_TYPE_NULL:
            want = false;
            break;
        default:
            break;
        }
        return found == want;
    }
    const bool operandNull = node.operand.value_type == BSON_TYPE_NULL;
    if (!found) {
        // MongoDB: {f: null} and {f: {$in: [null]}} match a missing field.
        switch (node.op) {
        case Op::Eq:
        case Op::Gte:
        case Op::Lte:
            return operandNull;
        case Op::Ne:
            return !operandNull;
        case Op::In:
        case Op::Nin: {
            bool hasNull = false;
            bson_iter_t a;
            if (bson_iter_init_from_data(&a, node.operand.value.v_doc.data,
                                         node.operand.value.v_doc.data_len))
                while (bson_iter_next(&a))
                    hasNull = hasNull || BSON_ITER_HOLDS_NULL(&a);
            return node.op == Op::In ? hasNull : !hasNull;
        }
        default:
            return false;
        }
    }
    const bson_value_t *field = bson_iter_value(&it);
    switch (node.op) {
    case Op::Eq:
        return opMatches(Cmp::Eq, *field, node.operand);
    case Op::Ne:
        return !opMatches(Cmp::Eq, *field, node.operand);
    case Op::Gt:
        return opMatches(Cmp::Gt, *field, node.operand);
    case Op::Gte:
        return opMatches(Cmp::Gte, *field, node.operand);
    case Op::Lt:
        return opMatches(Cmp::Lt, *field, node.operand);
    case Op::Lte:
        return opMatches(Cmp::Lte, *field, node.operand);
    case Op::In:
        return opMatches(Cmp::In, *field, node.operand);
    case Op::Nin:
        return !opMatches(Cmp::In, *field, node.operand);
    default:
        return false;
    }
}

} // namespace ferry

#include "schema/field_tree.h"

#include "core/bson_text.h"
#include "core/declared_size.h"

#include <QRegularExpression>

#include <algorithm>
#include <charconv>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

namespace ferry {

namespace {

// An object with more distinct keys than this, each seen in few documents, is read as a map.
constexpr qsizetype kManyKeys = 50;
// While sampling, objects past this many keys are checked for map shape right away so the
// tree does not grow one node per key of a huge map.
constexpr qsizetype kEarlyCheckKeys = 500;
// No schema has this many fields (PostgreSQL allows 1600 columns per table).
constexpr qsizetype kCertainlyMapKeys = 2000;
// Distinct keys counted per map path; beyond this distinctKeys is a lower bound.
constexpr size_t kMaxTrackedMapKeys = 20000;
// Children at which a node gets a hash index; below it a linear scan is cheaper.
constexpr size_t kIndexFrom = 12;

const char *const kKindNames[] = {
    "double",    "string",    "document",   "array",      "binary",
    "undefined", "objectId",  "bool",       "date",       "null",
    "regex",     "dbPointer", "javascript", "symbol",     "javascriptWithScope",
    "int32",     "timestamp", "int64",      "decimal128", "minKey",
    "maxKey",    "uuid",
};
static_assert(std::size(kKindNames) == size_t(BsonKind::Count));

constexpr size_t kindIndex(BsonKind kind)
{
    return static_cast<size_t>(kind);
}

struct StringHash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

// Keys that name records rather than fields: ObjectIds and other hex ids, numbers, UUIDs and
// dates. A field called like this is almost certainly an entry of a map.
bool looksLikeIdKey(const QString &key)
{
    static const QRegularExpression pattern(QStringLiteral(
        "^(?:[0-9]+|[0-9a-fA-F]{8,}|[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-"
        "[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|[0-9]{4}[-/][0-9]{2}(?:[-/][0-9]{2})?(?:[T ].*)?)$"));
    return pattern.match(key).hasMatch();
}

// Whether an object node's keys look like data rather than a schema.
bool looksLikeMap(const FieldNode &node)
{
    const auto keyCount = qint64(node.children.size());
    const qint64 objects = node.types[kindIndex(BsonKind::Document)];
    if (keyCount < 2 || objects == 0)
        return false;

    qint64 idLike = 0;
    qint64 presenceSum = 0;
    TypeCounts dominantKinds{};
    for (const auto &c : node.children) {
        if (looksLikeIdKey(c->name))
            ++idLike;
        presenceSum += c->present;
        ++dominantKinds[kindIndex(c->dominant())];
    }
    if (idLike * 5 >= keyCount * 4)
        return true;

    // Many keys, each in few of the objects, whose values mostly share one type: a
    // dictionary keyed by words (tags, locales, product codes), not a sparse record.
    const double meanPresence = double(presenceSum) / (double(keyCount) * double(objects));
    const qint64 sameShape = *std::max_element(dominantKinds.begin(), dominantKinds.end());
    return keyCount > kManyKeys && meanPresence < 0.5 && sameShape * 5 >= keyCount * 4;
}

FieldNode *ensureElement(FieldNode *node)
{
    if (!node->element) {
        node->element = std::make_unique<FieldNode>();
        node->element->name = QStringLiteral("[]");
        node->element->path = node->path + QStringLiteral("[]");
        node->element->parent = node;
    }
    return node->element.get();
}

FieldNode *appendChild(FieldNode *node, const QString &name)
{
    auto child = std::make_unique<FieldNode>();
    child->name = name;
    child->path = node->path.isEmpty() ? name : node->path + QLatin1Char('.') + name;
    child->parent = node;
    node->children.push_back(std::move(child));
    return node->children.back().get();
}

// Per-node lookup state kept outside FieldNode so the public tree stays a plain struct.
struct NodeKeys {
    std::vector<std::string> keys; // UTF-8 key of each child, parallel to node->children
    std::unordered_map<std::string, size_t, StringHash, std::equal_to<>> index;
    size_t hint = 0; // child expected next: documents tend to repeat their key order
    std::unordered_set<size_t> mapKeys; // hashes of keys seen by a map-like node
};

class Walker {
public:
    void addObject(FieldNode *node, bson_iter_t *it);
    void finalize(FieldNode *node);
    void clear() { m_nodes.clear(); }

private:
    void addValue(FieldNode *node, const bson_iter_t *it);
    void addArray(FieldNode *node, bson_iter_t *it);
    NodeKeys &keysOf(FieldNode *node);
    FieldNode *childFor(FieldNode *node, NodeKeys &keys, std::string_view key);
    void trackMapKey(FieldNode *node, NodeKeys &keys, std::string_view key);
    void convertToMap(FieldNode *node);
    void mergeInto(FieldNode *dst, const FieldNode &src);
    void forget(const FieldNode *node);

    std::unordered_map<const FieldNode *, NodeKeys> m_nodes;
};

NodeKeys &Walker::keysOf(FieldNode *node)
{
    NodeKeys &k = m_nodes[node];
    // Children added by a merge have no key yet: catch up before any lookup.
    while (k.keys.size() < node->children.size()) {
        k.keys.push_back(node->children[k.keys.size()]->name.toStdString());
        if (!k.index.empty())
            k.index.emplace(k.keys.back(), k.keys.size() - 1);
    }
    return k;
}

FieldNode *Walker::childFor(FieldNode *node, NodeKeys &k, std::string_view key)
{
    if (k.hint < k.keys.size() && k.keys[k.hint] == key)
        return node->children[k.hint++].get();
    if (!k.index.empty()) {
        if (const auto found = k.index.find(key); found != k.index.end()) {
            k.hint = found->second + 1;
            return node->children[found->second].get();
        }
    } else {
        for (size_t i = 0; i < k.keys.size(); ++i) {
            if (k.keys[i] == key) {
                k.hint = i + 1;
                return node->children[i].get();
            }
        }
    }
    FieldNode *child = appendChild(node, QString::fromUtf8(key.data(), qsizetype(key.size())));
    k.keys.emplace_back(key);
    if (!k.index.empty()) {
        k.index.emplace(k.keys.back(), k.keys.size() - 1);
    } else if (k.keys.size() >= kIndexFrom) {
        for (size_t i = 0; i < k.keys.size(); ++i)
            k.index.emplace(k.keys[i], i);
    }
    k.hint = k.keys.size();
    return child;
}

void Walker::trackMapKey(FieldNode *node, NodeKeys &k, std::string_view key)
{
    if (k.mapKeys.size() >= kMaxTrackedMapKeys)
        return;
    if (k.mapKeys.insert(std::hash<std::string_view>{}(key)).second)
        ++node->distinctKeys;
}

// What a text or exact-number column needs to hold the value as the converter writes it.
void noteSize(FieldNode *node, const bson_iter_t *it)
{
    char buf[BSON_DECIMAL128_STRING + 32];
    size_t len = 0;
    switch (bson_iter_type(it)) {
    case BSON_TYPE_UTF8: {
        uint32_t n = 0;
        const char *s = bson_iter_utf8(it, &n);
        node->maxChars = std::max(node->maxChars, qint64(utf8Chars({s, n})));
        return;
    }
    case BSON_TYPE_DOUBLE:
        len = formatDouble(bson_iter_double(it), buf);
        break;
    case BSON_TYPE_DECIMAL128: {
        bson_decimal128_t dec;
        bson_iter_decimal128(it, &dec);
        len = formatDecimal128(&dec, buf);
        break;
    }
    case BSON_TYPE_INT32:
    case BSON_TYPE_INT64:
        len = size_t(std::to_chars(buf, buf + sizeof buf, bson_iter_as_int64(it)).ptr - buf);
        break;
    default:
        return;
    }
    node->maxChars = std::max(node->maxChars, qint64(len));
    if (const std::optional<NumberDigits> d = numberDigits({buf, len})) {
        node->maxIntegerDigits = std::max(node->maxIntegerDigits, qint64(d->before));
        node->maxFractionDigits = std::max(node->maxFractionDigits, qint64(d->after));
    }
}

void Walker::addValue(FieldNode *node, const bson_iter_t *it)
{
    const bson_type_t type = bson_iter_type(it);
    bson_subtype_t subtype = BSON_SUBTYPE_BINARY;
    if (type == BSON_TYPE_BINARY) {
        uint32_t length = 0;
        const uint8_t *data = nullptr;
        bson_iter_binary(it, &subtype, &length, &data);
    }
    ++node->types[kindIndex(bsonKindOf(type, subtype))];
    noteSize(node, it);

    bson_iter_t inner;
    if (type == BSON_TYPE_DOCUMENT && bson_iter_recurse(it, &inner))
        addObject(node, &inner);
    else if (type == BSON_TYPE_ARRAY && bson_iter_recurse(it, &inner))
        addArray(node, &inner);
}

void Walker::addArray(FieldNode *node, bson_iter_t *it)
{
    qint64 length = 0;
    while (bson_iter_next(it)) {
        FieldNode *element = ensureElement(node);
        ++element->present;
        addValue(element, it);
        ++length;
    }
    ++node->arrays;
    node->totalLength += length;
    node->minLength = node->minLength < 0 ? length : std::min(node->minLength, length);
    node->maxLength = std::max(node->maxLength, length);
}

void Walker::addObject(FieldNode *node, bson_iter_t *it)
{
    NodeKeys &k = keysOf(node);
    if (node->mapLike) {
        FieldNode *element = ensureElement(node);
        while (bson_iter_next(it)) {
            trackMapKey(node, k, std::string_view(bson_iter_key(it), bson_iter_key_len(it)));
            ++element->present;
            addValue(element, it);
        }
        return;
    }

    const size_t before = node->children.size();
    k.hint = 0;
    while (bson_iter_next(it)) {
        FieldNode *child =
            childFor(node, k, std::string_view(bson_iter_key(it), bson_iter_key_len(it)));
        ++child->present;
        addValue(child, it);
    }
    // The root is a collection's schema, never a map.
    const qsizetype keyCount = qsizetype(node->children.size());
    if (node->parent && node->children.size() > before && keyCount > kEarlyCheckKeys &&
        (keyCount > kCertainlyMapKeys || looksLikeMap(*node)))
        convertToMap(node);
}

void Walker::forget(const FieldNode *node)
{
    m_nodes.erase(node);
    for (const auto &c : node->children)
        forget(c.get());
    if (node->element)
        forget(node->element.get());
}

void Walker::convertToMap(FieldNode *node)
{
    NodeKeys &k = keysOf(node);
    FieldNode *element = ensureElement(node);
    for (const auto &c : node->children) {
        const QByteArray key = c->name.toUtf8();
        trackMapKey(node, k, std::string_view(key.constData(), size_t(key.size())));
        forget(c.get());
        mergeInto(element, *c);
    }
    node->children.clear();
    k.keys.clear();
    k.index.clear();
    k.hint = 0;
    node->mapLike = true;
}

void Walker::mergeInto(FieldNode *dst, const FieldNode &src)
{
    dst->present += src.present;
    dst->maxChars = std::max(dst->maxChars, src.maxChars);
    dst->maxIntegerDigits = std::max(dst->maxIntegerDigits, src.maxIntegerDigits);
    dst->maxFractionDigits = std::max(dst->maxFractionDigits, src.maxFractionDigits);
    for (size_t i = 0; i < dst->types.size(); ++i)
        dst->types[i] += src.types[i];
    if (src.arrays > 0) {
        dst->minLength =
            dst->minLength < 0 ? src.minLength : std::min(dst->minLength, src.minLength);
        dst->maxLength = std::max(dst->maxLength, src.maxLength);
        dst->arrays += src.arrays;
        dst->totalLength += src.totalLength;
    }
    if (src.mapLike && !dst->mapLike)
        convertToMap(dst);
    if (src.element)
        mergeInto(ensureElement(dst), *src.element);
    if (dst->mapLike) {
        // Exact distinct counts would need the key sets of both; the sum bounds it.
        dst->distinctKeys += src.distinctKeys + qint64(src.children.size());
        for (const auto &c : src.children)
            mergeInto(ensureElement(dst), *c);
        return;
    }
    for (const auto &c : src.children) {
        FieldNode *target = dst->child(c->name);
        mergeInto(target ? target : appendChild(dst, c->name), *c);
    }
}

void Walker::finalize(FieldNode *node)
{
    if (node->parent && !node->mapLike && looksLikeMap(*node))
        convertToMap(node);
    for (const auto &c : node->children)
        finalize(c.get());
    if (node->element)
        finalize(node->element.get());
}

std::unique_ptr<FieldNode> makeRoot()
{
    return std::make_unique<FieldNode>();
}

} // namespace

BsonKind bsonKindOf(bson_type_t type, bson_subtype_t subtype)
{
    switch (type) {
    case BSON_TYPE_DOUBLE:
        return BsonKind::Double;
    case BSON_TYPE_UTF8:
        return BsonKind::String;
    case BSON_TYPE_DOCUMENT:
        return BsonKind::Document;
    case BSON_TYPE_ARRAY:
        return BsonKind::Array;
    case BSON_TYPE_BINARY:
        return subtype == BSON_SUBTYPE_UUID ? BsonKind::BinaryUuid : BsonKind::Binary;
    case BSON_TYPE_UNDEFINED:
        return BsonKind::Undefined;
    case BSON_TYPE_OID:
        return BsonKind::ObjectId;
    case BSON_TYPE_BOOL:
        return BsonKind::Bool;
    case BSON_TYPE_DATE_TIME:
        return BsonKind::Date;
    case BSON_TYPE_REGEX:
        return BsonKind::Regex;
    case BSON_TYPE_DBPOINTER:
        return BsonKind::DbPointer;
    case BSON_TYPE_CODE:
        return BsonKind::Code;
    case BSON_TYPE_SYMBOL:
        return BsonKind::Symbol;
    case BSON_TYPE_CODEWSCOPE:
        return BsonKind::CodeWScope;
    case BSON_TYPE_INT32:
        return BsonKind::Int32;
    case BSON_TYPE_TIMESTAMP:
        return BsonKind::Timestamp;
    case BSON_TYPE_INT64:
        return BsonKind::Int64;
    case BSON_TYPE_DECIMAL128:
        return BsonKind::Decimal128;
    case BSON_TYPE_MINKEY:
        return BsonKind::MinKey;
    case BSON_TYPE_MAXKEY:
        return BsonKind::MaxKey;
    case BSON_TYPE_NULL:
    case BSON_TYPE_EOD:
        break;
    }
    return BsonKind::Null;
}

QString bsonKindName(BsonKind kind)
{
    if (kind >= BsonKind::Count)
        return {};
    return QLatin1String(kKindNames[kindIndex(kind)]);
}

qint64 FieldNode::total() const
{
    qint64 sum = 0;
    for (const qint64 n : types)
        sum += n;
    return sum;
}

bool FieldNode::mixed() const
{
    int kinds = 0;
    for (size_t i = 0; i < types.size(); ++i) {
        if (types[i] > 0 && i != kindIndex(BsonKind::Null))
            ++kinds;
    }
    return kinds > 1;
}

BsonKind FieldNode::dominant() const
{
    // Null only wins when nothing else was seen: it says nothing about the field's type.
    BsonKind best = BsonKind::Null;
    qint64 bestCount = 0;
    for (size_t i = 0; i < types.size(); ++i) {
        if (i != kindIndex(BsonKind::Null) && types[i] > bestCount) {
            bestCount = types[i];
            best = static_cast<BsonKind>(i);
        }
    }
    return best;
}

FieldNode *FieldNode::child(const QString &name) const
{
    for (const auto &c : children) {
        if (c->name == name)
            return c.get();
    }
    return nullptr;
}

const FieldNode *FieldNode::find(const QString &path) const
{
    const FieldNode *node = this;
    if (path.isEmpty())
        return node;
    const QStringView pathView(path);
    for (QStringView segment : pathView.split(QLatin1Char('.'))) {
        int elements = 0;
        while (segment.endsWith(QLatin1String("[]"))) {
            segment.chop(2);
            ++elements;
        }
        if (!segment.isEmpty()) {
            node = node->child(segment.toString());
            if (!node)
                return nullptr;
        }
        for (; elements > 0; --elements) {
            node = node->element.get();
            if (!node)
                return nullptr;
        }
    }
    return node;
}

struct SchemaInferrer::KeyTracker : Walker {};

SchemaInferrer::SchemaInferrer() : m_root(makeRoot()), m_keys(std::make_unique<KeyTracker>())
{
}

SchemaInferrer::~SchemaInferrer() = default;

void SchemaInferrer::add(const bson_t *doc)
{
    bson_iter_t it;
    if (!doc || !bson_iter_init(&it, doc))
        return;
    ++m_documents;
    ++m_root->present;
    ++m_root->types[kindIndex(BsonKind::Document)];
    m_keys->addObject(m_root.get(), &it);
}

std::unique_ptr<FieldNode> SchemaInferrer::take()
{
    m_keys->finalize(m_root.get());
    m_keys->clear();
    auto tree = std::move(m_root);
    m_root = makeRoot();
    return tree;
}

} // namespace ferry

#pragma once

#include <bson/bson.h>

#include <QString>
#include <QStringList>

#include <array>
#include <memory>
#include <vector>

namespace ferry {

// Dense index for the BSON types we count (bson_type_t values are sparse).
enum class BsonKind : uint8_t {
    Double,
    String,
    Document,
    Array,
    Binary,
    Undefined,
    ObjectId,
    Bool,
    Date,
    Null,
    Regex,
    DbPointer,
    Code,
    Symbol,
    CodeWScope,
    Int32,
    Timestamp,
    Int64,
    Decimal128,
    MinKey,
    MaxKey,
    BinaryUuid, // binary subtype 4, counted apart from other binary
    Count
};
BsonKind bsonKindOf(bson_type_t type, bson_subtype_t subtype = BSON_SUBTYPE_BINARY);
QString bsonKindName(BsonKind kind); // "int32", "objectId", "uuid", ...

using TypeCounts = std::array<qint64, static_cast<size_t>(BsonKind::Count)>;

// Statistics of one path, gathered from sampled documents. Plain struct so models can
// wrap it without QObject overhead.
struct FieldNode {
    QString name; // key in its parent ("" for the root, "[]" for array elements)
    QString path; // dotted path from the document root; array elements add "[]"
    FieldNode *parent = nullptr;
    qint64 present = 0; // how many parent values (documents/elements) had this key
    TypeCounts types{}; // per BSON type, how many values
    // Arrays: how many arrays, element counts, and the merged stats of their elements.
    qint64 arrays = 0;
    qint64 minLength = -1;
    qint64 maxLength = 0;
    qint64 totalLength = 0;
    std::unique_ptr<FieldNode> element;
    // Documents: sub-fields in first-seen order.
    std::vector<std::unique_ptr<FieldNode>> children;
    // Objects used as maps (many distinct keys of one shape): children are not kept per
    // key; `element` holds the merged stats of the values instead.
    bool mapLike = false;
    qint64 distinctKeys = 0;
    // Sizes the values need, so a declared VARCHAR(n) / NUMERIC(p,s) that the sample does
    // not fit is widened: the longest string in characters, and the most significant digits
    // of a number before and after its decimal point (as a column would store it).
    qint64 maxChars = 0;
    qint64 maxIntegerDigits = 0;
    qint64 maxFractionDigits = 0;

    qint64 total() const; // values seen = sum of types
    bool mixed() const;   // more than one non-null type
    BsonKind dominant() const;
    FieldNode *child(const QString &name) const;
    // Finds a node by dotted path ("location.address.city", "items[].sku").
    const FieldNode *find(const QString &path) const;
};

// Builds a FieldNode tree from documents fed one at a time.
class SchemaInferrer {
public:
    SchemaInferrer();
    ~SchemaInferrer();
    void add(const bson_t *doc);
    qint64 documents() const { return m_documents; }
    const FieldNode &root() const { return *m_root; }
    // Finishes map detection and hands the tree over.
    std::unique_ptr<FieldNode> take();

private:
    std::unique_ptr<FieldNode> m_root;
    qint64 m_documents = 0;
    struct KeyTracker;
    std::unique_ptr<KeyTracker> m_keys;
};

} // namespace ferry

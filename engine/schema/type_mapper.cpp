#include "schema/type_mapper.h"

#include "core/error.h"

#include <algorithm>
#include <initializer_list>
#include <utility>

namespace ferry {

namespace {

// Child tables nested deeper than this are unreadable as SQL; the rest stays JSON.
constexpr int kMaxTableDepth = 8;

constexpr quint32 bit(BsonKind kind)
{
    return quint32(1) << static_cast<unsigned>(kind);
}

constexpr quint32 bits(std::initializer_list<BsonKind> kinds)
{
    quint32 mask = 0;
    for (const BsonKind k : kinds)
        mask |= bit(k);
    return mask;
}

qint64 countOf(const FieldNode &node, BsonKind kind)
{
    return node.types[static_cast<size_t>(kind)];
}

// The kinds a field had, nulls left out: a null says nothing about the column's type.
quint32 kindMask(const FieldNode &node)
{
    quint32 mask = 0;
    for (size_t i = 0; i < node.types.size(); ++i) {
        if (node.types[i] > 0 && static_cast<BsonKind>(i) != BsonKind::Null)
            mask |= quint32(1) << i;
    }
    return mask;
}

bool only(quint32 mask, quint32 allowed)
{
    return mask != 0 && (mask & ~allowed) == 0;
}

// "120 int32, 3 string", most frequent first.
QString countsText(const FieldNode &node)
{
    std::vector<std::pair<qint64, size_t>> seen;
    for (size_t i = 0; i < node.types.size(); ++i) {
        if (node.types[i] > 0 && static_cast<BsonKind>(i) != BsonKind::Null)
            seen.emplace_back(node.types[i], i);
    }
    std::stable_sort(seen.begin(), seen.end(),
                     [](const auto &a, const auto &b) { return a.first > b.first; });
    QStringList parts;
    for (const auto &[count, kind] : seen)
        parts << QStringLiteral("%1 %2").arg(count).arg(bsonKindName(static_cast<BsonKind>(kind)));
    return parts.join(QStringLiteral(", "));
}

// A coordinate pair, an RGB triple, a bounding box: every sampled value an array of one to
// kMaxInlineNumbers numbers. Such a value reads as one thing, so it stays in its row (a
// PostgreSQL array, JSON elsewhere) instead of a child table of one row per number; the
// child table stays one choice away on the mapping page.
constexpr qint64 kMaxInlineNumbers = 4;

bool isShortNumericArray(const FieldNode &field)
{
    const FieldNode *element = field.element.get();
    if (!element || field.arrays == 0 || field.minLength < 1 || field.maxLength > kMaxInlineNumbers)
        return false;
    using K = BsonKind;
    const quint32 numbers = bits({K::Int32, K::Int64, K::Double});
    // Null elements would need a nullable element type; keep the child table for them.
    return countOf(*element, K::Null) == 0 && only(kindMask(*element), numbers);
}

QString fieldLabel(const FieldNode &node)
{
    return node.path.isEmpty() ? QStringLiteral("(document)") : node.path;
}

QString joinName(const QString &prefix, const QString &name)
{
    return prefix.isEmpty() ? name : prefix + QLatin1Char('_') + name;
}

QString joinSource(const QString &prefix, const QString &name)
{
    return prefix.isEmpty() ? name : prefix + QLatin1Char('.') + name;
}

// A key column of a table as its descendants see it.
struct KeyColumn {
    QString name;
    ColumnType type;
};

// One table being filled: its mapping, its column names, and what its children inherit.
struct TableScope {
    TableMapping *table;
    NameAllocator columns;
    std::vector<KeyColumn> keys; // inherited keys first, then this table's own key
    QString label;               // names this table's key in descendants: "<label>_ordinal"
    int depth;
};

class ProposalBuilder {
public:
    ProposalBuilder(Dialect dialect, const ProjectOptions &options, NameAllocator *tables)
        : m_dialect(dialect), m_options(options), m_tables(tables)
    {
    }

    void addField(TableScope &scope, const FieldNode &field, qint64 parentValues,
                  const QString &name, const QString &source, bool parentNullable);
    void addElement(TableScope &scope, const FieldNode &element);
    void addScalar(TableScope &scope, const FieldNode &field, const QString &name,
                   const QString &source, bool nullable, ColumnRole role = ColumnRole::Value);
    void addChildTable(TableScope &parent, const FieldNode &field, TableKind kind,
                       const QString &name, const QString &source);
    void addNumberArray(TableScope &scope, const FieldNode &field, const QString &name,
                        const QString &source, bool nullable);
    ColumnType keyType(const FieldNode &field, Conversion *conversion);
    void warn(const QString &warning) { m_warnings << warning; }
    QStringList takeWarnings() { return std::move(m_warnings); }

private:
    QStringList m_warnings;
    Dialect m_dialect;
    const ProjectOptions &m_options;
    NameAllocator *m_tables;
};

ColumnType ProposalBuilder::keyType(const FieldNode &field, Conversion *conversion)
{
    QString warning;
    ColumnType type = defaultColumnType(field, m_dialect, &warning);
    *conversion = Conversion::Auto;
    if (!warning.isEmpty())
        m_warnings << warning;
    // Every ObjectId becomes a UUID, not only _id, so references between collections still
    // join after the conversion.
    if (kindMask(field) == bit(BsonKind::ObjectId) &&
        m_options.idStrategy == IdStrategy::ObjectIdUuid) {
        type = ColumnType::Uuid;
        *conversion = Conversion::ObjectIdUuid;
    }
    return type;
}

void ProposalBuilder::addScalar(TableScope &scope, const FieldNode &field, const QString &name,
                                const QString &source, bool nullable, ColumnRole role)
{
    ColumnMapping column;
    column.source = source;
    column.column = scope.columns.allocate(name);
    column.type = keyType(field, &column.conversion);
    column.role = role;
    column.nullable = nullable;
    scope.table->columns.push_back(std::move(column));
}

void ProposalBuilder::addNumberArray(TableScope &scope, const FieldNode &field, const QString &name,
                                     const QString &source, bool nullable)
{
    ColumnMapping column;
    column.source = source;
    column.column = scope.columns.allocate(name);
    column.nullable = nullable;
    if (m_dialect == Dialect::Postgres) {
        // bigint, not integer: a later int64 element must still fit; int64 with doubles
        // needs numeric to stay exact.
        column.type = defaultColumnType(*field.element, m_dialect, nullptr);
        if (column.type == ColumnType::Integer)
            column.type = ColumnType::BigInt;
        column.pgArray = true;
    } else {
        column.type = ColumnType::Json;
    }
    scope.table->columns.push_back(std::move(column));
}

void ProposalBuilder::addField(TableScope &scope, const FieldNode &field, qint64 parentValues,
                               const QString &name, const QString &source, bool parentNullable)
{
    const bool nullable =
        parentNullable || field.present < parentValues || countOf(field, BsonKind::Null) > 0;
    const quint32 mask = kindMask(field);

    if (mask == bit(BsonKind::Document) && !field.mapLike && !field.children.empty()) {
        const qint64 objects = countOf(field, BsonKind::Document);
        for (const auto &child : field.children) {
            addField(scope, *child, objects, joinName(name, child->name),
                     joinSource(source, child->name), nullable);
        }
        return;
    }
    const bool isMap = mask == bit(BsonKind::Document) && field.mapLike;
    const bool isArray = mask == bit(BsonKind::Array);
    if (isArray && isShortNumericArray(field)) {
        addNumberArray(scope, field, name, source, nullable);
        return;
    }
    if (isMap || isArray) {
        if (scope.depth + 1 <= kMaxTableDepth) {
            addChildTable(scope, field, isMap ? TableKind::Map : TableKind::Array, name, source);
            return;
        }
        m_warnings << trEngine("field `%1`: nested more than %2 tables deep — stored as JSON")
                          .arg(fieldLabel(field))
                          .arg(kMaxTableDepth);
    }
    // Mixed kinds, an empty object, or too deep: one column, JSON when it holds structure.
    addScalar(scope, field, name, source, nullable);
}

void ProposalBuilder::addElement(TableScope &scope, const FieldNode &element)
{
    const quint32 mask = kindMask(element);
    const bool nullable = countOf(element, BsonKind::Null) > 0 || mask == 0;
    if (mask == bit(BsonKind::Document) && !element.mapLike && !element.children.empty()) {
        const qint64 objects = countOf(element, BsonKind::Document);
        for (const auto &child : element.children)
            addField(scope, *child, objects, child->name, child->name, nullable);
        return;
    }
    // An array of arrays (or of maps) nests element → element: a grandchild table whose
    // source is the element itself.
    addField(scope, element, element.present, QStringLiteral("value"), QString(), nullable);
}

void ProposalBuilder::addChildTable(TableScope &parent, const FieldNode &field, TableKind kind,
                                    const QString &name, const QString &source)
{
    TableMapping table;
    table.kind = kind;
    table.source = source;
    table.table = m_tables->allocate(joinName(parent.table->table, name));

    TableScope scope{
        &table, NameAllocator(m_dialect), {}, joinName(parent.label, name), parent.depth + 1};
    for (size_t i = 0; i < parent.keys.size(); ++i) {
        ColumnMapping column;
        column.column = scope.columns.allocate(parent.keys[i].name);
        column.type = parent.keys[i].type;
        column.role = ColumnRole::ParentKey;
        column.nullable = false;
        column.primaryKey = true;
        table.columns.push_back(column);
        scope.keys.push_back({column.column, column.type});
    }

    ColumnMapping own;
    own.nullable = false;
    own.primaryKey = true;
    if (kind == TableKind::Map) {
        // Not plain "key": that is an SQLite keyword and would come out as "key_".
        own.column = scope.columns.allocate(QStringLiteral("map_key"));
        own.type = ColumnType::Text;
        own.role = ColumnRole::MapKey;
        scope.keys.push_back({joinName(scope.label, QStringLiteral("key")), own.type});
    } else {
        own.column = scope.columns.allocate(QStringLiteral("ordinal"));
        own.type = ColumnType::Integer;
        own.role = ColumnRole::Ordinal;
        scope.keys.push_back({joinName(scope.label, QStringLiteral("ordinal")), own.type});
    }
    table.columns.push_back(own);

    if (field.element)
        addElement(scope, *field.element);
    else // only empty arrays/objects were sampled: later values still have somewhere to go
        table.columns.push_back({QString(), scope.columns.allocate(QStringLiteral("value"))});

    parent.table->children.push_back(std::move(table));
}

} // namespace

ColumnType defaultColumnType(const FieldNode &node, Dialect dialect, QString *warning)
{
    Q_UNUSED(dialect); // logical types: DDL renders them per dialect
    if (warning)
        warning->clear();
    const quint32 mask = kindMask(node);
    if (mask == 0)
        return ColumnType::Text;

    using K = BsonKind;
    if (only(mask, bit(K::Int32)))
        return ColumnType::Integer;
    if (only(mask, bits({K::Int32, K::Int64})))
        return ColumnType::BigInt;
    // A double holds every int32 exactly but not every int64; numeric holds both.
    if (only(mask, bits({K::Int32, K::Double})))
        return ColumnType::Double;
    if (only(mask, bits({K::Int32, K::Int64, K::Double, K::Decimal128})))
        return ColumnType::Numeric;
    if (only(mask, bit(K::Bool)))
        return ColumnType::Boolean;
    if (only(mask, bit(K::String)))
        return ColumnType::Text;
    if (only(mask, bit(K::Date)))
        return ColumnType::Timestamp;
    if (only(mask, bit(K::ObjectId)))
        return ColumnType::Text;
    if (only(mask, bit(K::BinaryUuid)))
        return ColumnType::Uuid;
    if (only(mask, bits({K::Binary, K::BinaryUuid})))
        return ColumnType::Binary;

    const bool single = (mask & (mask - 1)) == 0;
    if (single) // a lone document, array, regex, timestamp, code…: relaxed Extended JSON keeps it
        return ColumnType::Json;

    // Scalars that all have an exact text form (a number's digits, an ISO date, 24 hex) lose
    // only their type in a text column; anything else needs Extended JSON to survive.
    const quint32 textSafe = bits({K::String, K::Int32, K::Int64, K::Double, K::Decimal128, K::Bool,
                                   K::Date, K::ObjectId, K::BinaryUuid});
    const bool asText = only(mask, textSafe);
    if (warning) {
        *warning = (asText ? trEngine("field `%1`: %2 — stored as text")
                           : trEngine("field `%1`: %2 — stored as JSON"))
                       .arg(fieldLabel(node), countsText(node));
    }
    return asText ? ColumnType::Text : ColumnType::Json;
}

MappingProposal proposeMapping(const QString &collection, const FieldNode &root, qint64 sampledDocs,
                               Dialect dialect, const ProjectOptions &options,
                               NameAllocator *tableNames)
{
    NameAllocator localTables(dialect);
    NameAllocator *tables = tableNames ? tableNames : &localTables;
    ProposalBuilder builder(dialect, options, tables);

    MappingProposal proposal;
    CollectionMapping &mapping = proposal.mapping;
    mapping.collection = collection;
    TableMapping &table = mapping.root;
    table.kind = TableKind::Root;
    table.table = tables->allocate(collection);

    TableScope scope{&table, NameAllocator(dialect), {}, QString(), 0};
    const qint64 documents = sampledDocs > 0 ? sampledDocs : root.present;
    const QString idName = QStringLiteral("_id");

    ColumnMapping pk;
    pk.source = idName;
    pk.column = scope.columns.allocate(idName);
    pk.role = ColumnRole::Value;
    pk.nullable = false;
    pk.primaryKey = true;
    if (const FieldNode *id = root.child(idName)) {
        pk.type = builder.keyType(*id, &pk.conversion);
        // Mixed ids in a text key would merge: 5 and "5" (or true and "true") are two
        // documents in MongoDB but one text "5". Relaxed Extended JSON spells every kind
        // differently ("5" is `"5"`), so the key stays unique and still reads as text.
        const quint32 mask = kindMask(*id);
        if (pk.type == ColumnType::Text && (mask & (mask - 1)) != 0)
            pk.conversion = Conversion::Json;
    } else {
        pk.type = ColumnType::Text;
        builder.warn(trEngine("collection `%1`: no _id in the sampled documents — "
                              "the key column `%2` is text")
                         .arg(collection, pk.column));
    }
    table.columns.push_back(pk);
    // Children name the document's key after the table ("orders_id"), which reads well in
    // joins and cannot clash with their own fields' `_id`.
    scope.keys.push_back({joinName(table.table, QStringLiteral("id")), pk.type});

    for (const auto &field : root.children) {
        if (field->name != idName)
            builder.addField(scope, *field, documents, field->name, field->name, false);
    }

    if (options.unknownFields == UnknownFields::Extra) {
        ColumnMapping extra;
        extra.column = scope.columns.allocate(options.extraColumn);
        extra.type = ColumnType::Json;
        extra.role = ColumnRole::Extra;
        extra.nullable = true;
        table.columns.push_back(extra);
    }

    proposal.warnings = builder.takeWarnings();
    return proposal;
}

} // namespace ferry

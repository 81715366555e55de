#include "transform/transformer.h"

#include "core/bson_text.h"
#include "core/error.h"
#include "core/utf8_check.h"
#include "transform/transform_plan.h"

#include <cstring>

namespace ferry {

// Paths in counts and exclusions are generic ("items[].sku", map entries "attrs.*.qty");
// paths in _extra keys and reject messages are concrete ("items[3].sku", "attrs.red.qty").
// Counts (unknownFields, excludedValues) cover accepted documents only, plus the unknown
// field that made a document fail under UnknownFields::Reject, so the report names it.
// Without an Extra column, UnknownFields::Extra only counts: the report still shows them.
struct Transformer::Plan {
    Plan(const CollectionMapping &mapping, const ProjectOptions &options, Dialect dialect)
        : plan(mapping, options, dialect)
    {
    }
    TransformPlan plan;
};

namespace {

// Where a row's element sits: a chain up to the document, walked only to build a path
// for a message or an _extra key.
struct Context {
    const Context *parent = nullptr;
    const TablePlan *table = nullptr;
    int64_t ordinal = 0;
    const char *key = nullptr; // map entries
    uint32_t keyLength = 0;
};

QString concretePrefix(const Context &ctx)
{
    if (!ctx.parent)
        return {};
    QString p = joinPath(concretePrefix(*ctx.parent), ctx.table->source);
    if (ctx.table->kind == TableKind::Map)
        return joinPath(p, QString::fromUtf8(ctx.key, ctx.keyLength));
    return p + QLatin1Char('[') + QString::number(ctx.ordinal) + QLatin1Char(']');
}

struct KeyEntry {
    enum Kind { RootKey, Ordinal, MapKey } kind;
    int64_t ordinal = 0;
    const char *key = nullptr;
    uint32_t keyLength = 0;
};

bool isNull(const bson_iter_t &it)
{
    const bson_type_t t = bson_iter_type(&it);
    return t == BSON_TYPE_NULL || t == BSON_TYPE_UNDEFINED;
}

void copyCell(TableRows &to, const TableRows &from, const Cell &c)
{
    switch (c.kind) {
    case CellKind::Null:
        to.addNull();
        break;
    case CellKind::Int:
        to.addInt(c.i);
        break;
    case CellKind::Double:
        to.addDouble(c.d);
        break;
    case CellKind::Bool:
        to.addBool(c.i != 0);
        break;
    case CellKind::Timestamp:
        to.addTimestamp(c.i);
        break;
    default: {
        const std::string_view b = from.bytes(c);
        to.addBytes(c.kind, b.data(), b.size());
    }
    }
}

// Per-call state, so that the Transformer itself stays immutable and shareable.
class Walker {
public:
    Walker(const TransformPlan &plan, RowBatch &batch)
        : m_plan(plan), m_batch(batch), m_tables(plan.tables.size()), m_keyRows(1)
    {
        for (size_t t = 0; t < m_tables.size(); ++t) {
            m_tables[t].values.resize(static_cast<size_t>(plan.tables[t].slotCount));
            m_tables[t].have.resize(static_cast<size_t>(plan.tables[t].slotCount));
        }
        m_marks.resize(m_tables.size());
        m_excludedCounts.assign(plan.excluded.size(), 0);
        bson_init(&m_extra);
    }
    ~Walker() { bson_destroy(&m_extra); }

    void run();

private:
    struct TableState {
        std::vector<bson_iter_t> values;
        std::vector<uint8_t> have;
        bson_iter_t pending{}; // this table's array/map in the current parent row
        bool pendingSet = false;
        // The root key's cell in this table for document keyDoc (see emitKey).
        uint32_t keyDoc = UINT32_MAX;
        Cell keyCell;
    };

    bool transformDocument(const bson_t *doc);
    bool rootRow(const bson_t *doc);
    bool elementRow(int table, const Context &ctx, const bson_iter_t &element);
    bool children(const TablePlan &t, const Context &ctx);
    bool childTable(int table, const Context &parentCtx);
    bool walk(int table, const Context &ctx, const PathNode &node, bson_iter_t &it,
              bool reportUnknown);
    bool offer(const Context &ctx, const PathNode &node, const bson_iter_t &value);
    bool unknown(const Context &ctx, const QString &relPath, const QString &generic,
                 const bson_iter_t &value);
    bool emitValues(int table, const Context &ctx, TableRows &rows, bool root);
    void emitKey(const KeyEntry &k, TableRows &rows, TableState &state);
    bool fail(const Context &ctx, const QString &relPath, const QString &why);
    QString documentId(const bson_t *doc) const;

    const TransformPlan &m_plan;
    RowBatch &m_batch;
    std::vector<TableState> m_tables;
    std::vector<TableRows::Mark> m_marks;
    std::vector<KeyEntry> m_keys;
    TableRows m_keyRows; // the root key, converted once for all child rows of a document
    std::vector<qint64> m_excludedCounts;
    std::vector<int> m_docExcluded;
    std::vector<QString> m_docUnknown;
    bson_t m_extra;
    bool m_extraUsed = false;
    uint32_t m_doc = 0;
    const bson_t *m_rootDoc = nullptr;
    QString m_failField;
    QString m_failWhy;
};

void Walker::run()
{
    // reset() rather than new tables: a recycled batch keeps its arenas' memory.
    m_batch.tables.resize(m_plan.tables.size());
    for (size_t t = 0; t < m_plan.tables.size(); ++t)
        m_batch.tables[t].reset(static_cast<int>(m_plan.tables[t].columns.size()));
    m_batch.rejects.clear();
    m_batch.unknownFields.clear();
    m_batch.excludedValues.clear();

    for (size_t i = 0; i < m_batch.docs.size(); ++i) {
        m_doc = static_cast<uint32_t>(i);
        bson_t doc;
        if (!m_batch.docs.view(i, &doc)) {
            if (const DocBatch::Unreadable *u = m_batch.docs.unreadableAt(i))
                m_batch.rejects.push_back({m_doc, {}, u->reason, u->text});
            else
                m_batch.rejects.push_back(
                    {m_doc, {}, trEngine("the document is not valid BSON and cannot be read")});
            continue;
        }
        for (size_t t = 0; t < m_marks.size(); ++t)
            m_marks[t] = m_batch.tables[t].mark();
        m_docExcluded.clear();
        m_docUnknown.clear();
        if (transformDocument(&doc)) {
            for (int e : m_docExcluded)
                ++m_excludedCounts[static_cast<size_t>(e)];
            for (const QString &u : m_docUnknown)
                ++m_batch.unknownFields[u];
            continue;
        }
        for (size_t t = 0; t < m_marks.size(); ++t)
            m_batch.tables[t].rollback(m_marks[t]);
        if (m_plan.unknownFields == UnknownFields::Reject && !m_docUnknown.empty())
            ++m_batch.unknownFields[m_docUnknown.back()];
        const QString id = documentId(&doc);
        const QString reason =
            id.isEmpty() ? trEngine("field `%1`: %2").arg(m_failField, m_failWhy)
                         : trEngine("document %1: field `%2`: %3").arg(id, m_failField, m_failWhy);
        m_batch.rejects.push_back({m_doc, m_failField, reason});
    }
    for (size_t e = 0; e < m_excludedCounts.size(); ++e)
        if (m_excludedCounts[e] > 0)
            m_batch.excludedValues[m_plan.excluded[e]] += m_excludedCounts[e];
}

QString Walker::documentId(const bson_t *doc) const
{
    bson_iter_t it;
    if (!bson_iter_init_find(&it, doc, "_id"))
        return {};
    if (BSON_ITER_HOLDS_OID(&it)) {
        char hex[kObjectIdChars];
        formatObjectId(bson_iter_oid(&it), hex);
        return QString::fromLatin1(hex, kObjectIdChars);
    }
    return relaxedJsonText(&it, 100);
}

bool Walker::fail(const Context &ctx, const QString &relPath, const QString &why)
{
    m_failField = joinPath(concretePrefix(ctx), relPath);
    m_failWhy = why;
    return false;
}

bool Walker::transformDocument(const bson_t *doc)
{
    m_keys.clear();
    if (m_extraUsed) {
        bson_reinit(&m_extra);
        m_extraUsed = false;
    }
    return rootRow(doc);
}

bool Walker::walk(int table, const Context &ctx, const PathNode &node, bson_iter_t &it,
                  bool reportUnknown)
{
    TableState &state = m_tables[static_cast<size_t>(table)];
    size_t hint = 0;
    while (bson_iter_next(&it)) {
        const PathNode *c = node.find(bson_iter_key(&it), bson_iter_key_len(&it), hint);
        if (!c) {
            if (reportUnknown) {
                const QString key = QString::fromUtf8(bson_iter_key(&it));
                if (!unknown(ctx, joinPath(node.relPath, key), joinPath(node.genericPath, key), it))
                    return false;
            }
            continue;
        }
        if (c->excludedId >= 0 && c->valueSlots.empty() && c->tables.empty()) {
            m_docExcluded.push_back(c->excludedId);
            continue;
        }
        for (int slot : c->valueSlots) {
            state.values[static_cast<size_t>(slot)] = it;
            state.have[static_cast<size_t>(slot)] = 1;
        }
        if (!c->tables.empty() && !offer(ctx, *c, it))
            return false;
        if (c->children.empty())
            continue;
        if (BSON_ITER_HOLDS_DOCUMENT(&it)) {
            bson_iter_t sub;
            if (bson_iter_recurse(&it, &sub) && !walk(table, ctx, *c, sub, !c->covered()))
                return false;
        } else if (!c->covered() && !isNull(it)) {
            // The mapping expects an object here; whatever this is, no column keeps it.
            if (!unknown(ctx, c->relPath, c->genericPath, it))
                return false;
        }
    }
    return true;
}

// Hands an array/map to the child tables that read it. A value of another type feeds no
// table, and unless a column keeps it, it is an unknown field like any other.
bool Walker::offer(const Context &ctx, const PathNode &node, const bson_iter_t &value)
{
    bool fed = false;
    for (int t : node.tables) {
        const TableKind kind = m_plan.tables[static_cast<size_t>(t)].kind;
        const bson_type_t expected = kind == TableKind::Map ? BSON_TYPE_DOCUMENT : BSON_TYPE_ARRAY;
        if (bson_iter_type(&value) != expected)
            continue;
        TableState &child = m_tables[static_cast<size_t>(t)];
        child.pending = value;
        child.pendingSet = true;
        fed = true;
    }
    if (fed || !node.valueSlots.empty() || isNull(value))
        return true;
    return unknown(ctx, node.relPath, node.genericPath, value);
}

bool Walker::unknown(const Context &ctx, const QString &relPath, const QString &generic,
                     const bson_iter_t &value)
{
    m_docUnknown.push_back(generic);
    switch (m_plan.unknownFields) {
    case UnknownFields::Reject:
        return fail(ctx, relPath,
                    trEngine("the field is not in the mapping and the project rejects unknown "
                             "fields; map or exclude it"));
    case UnknownFields::Extra:
        if (m_plan.tables.front().extraColumn >= 0) {
            const QByteArray key = joinPath(concretePrefix(ctx), relPath).toUtf8();
            bson_append_iter(&m_extra, key.constData(), static_cast<int>(key.size()), &value);
            m_extraUsed = true;
        }
        return true;
    case UnknownFields::Ignore:
        return true;
    }
    return true;
}

void Walker::emitKey(const KeyEntry &k, TableRows &rows, TableState &state)
{
    switch (k.kind) {
    case KeyEntry::RootKey:
        // Copying the key into every child row was 5% of the transform's time on the
        // benchmark (1.5 tags per document); a document's later rows point at the first copy.
        if (state.keyDoc == m_doc) {
            rows.addCellAgain(state.keyCell);
            break;
        }
        copyCell(rows, m_keyRows, m_keyRows.at(0, 0));
        state.keyDoc = m_doc;
        state.keyCell = rows.lastCell();
        break;
    case KeyEntry::Ordinal:
        rows.addInt(k.ordinal);
        break;
    case KeyEntry::MapKey:
        rows.addText({k.key, k.keyLength});
        break;
    }
}

// Appends every cell of the current row in column order; the root's _extra is written
// last by the caller, once the child tables have reported their unknown fields.
bool Walker::emitValues(int table, const Context &ctx, TableRows &rows, bool root)
{
    const TablePlan &t = m_plan.tables[static_cast<size_t>(table)];
    TableState &state = m_tables[static_cast<size_t>(table)];
    QString why;
    for (const ColumnPlan &col : t.columns) {
        switch (col.role) {
        case ColumnRole::Value: {
            if (col.wholeDocument) {
                if (!col.converter.appendDocument(rows, m_rootDoc, &why))
                    return fail(ctx, col.source, why);
                break;
            }
            const auto slot = static_cast<size_t>(col.slot);
            const bool present = state.have[slot];
            if (present && !isNull(state.values[slot])) {
                if (!col.converter.append(rows, state.values[slot], &why))
                    return fail(ctx, col.source, why);
                break;
            }
            if (!col.nullable)
                return fail(ctx, col.source,
                            (present ? trEngine("the value is null but column `%1` is NOT NULL")
                                     : trEngine("the value is missing but column `%1` is NOT "
                                                "NULL"))
                                .arg(col.column));
            rows.addNull();
            break;
        }
        case ColumnRole::ParentKey:
            if (static_cast<size_t>(col.keyIndex) < m_keys.size())
                emitKey(m_keys[static_cast<size_t>(col.keyIndex)], rows, state);
            else
                rows.addNull();
            break;
        case ColumnRole::Ordinal:
            rows.addInt(ctx.ordinal);
            break;
        case ColumnRole::MapKey:
            if (!validUtf8NoNul(ctx.key, ctx.keyLength))
                return fail(ctx, {}, trEngine("the key is not valid UTF-8"));
            rows.addText({ctx.key, ctx.keyLength});
            break;
        case ColumnRole::Extra:
            if (!root || !m_extraUsed) {
                rows.addNull();
                break;
            }
            if (!col.converter.appendDocument(rows, &m_extra, &why))
                return fail(ctx, col.column, why);
            break;
        }
    }
    return true;
}

bool Walker::rootRow(const bson_t *doc)
{
    m_rootDoc = doc;
    const TablePlan &t = m_plan.tables.front();
    TableState &state = m_tables.front();
    std::fill(state.have.begin(), state.have.end(), uint8_t(0));
    for (int c : t.children)
        m_tables[static_cast<size_t>(c)].pendingSet = false;
    const Context ctx{nullptr, &t};
    bson_iter_t it;
    if (!bson_iter_init(&it, doc) || !walk(0, ctx, t.scope, it, !t.wholeElement))
        return false;

    if (t.keyColumn >= 0) {
        const ColumnPlan &key = t.columns[static_cast<size_t>(t.keyColumn)];
        const auto slot = static_cast<size_t>(key.slot);
        if (slot < state.have.size() && (!state.have[slot] || isNull(state.values[slot])))
            return fail(
                ctx, key.source,
                trEngine("the document has no value for the key column `%1`").arg(key.column));
    }
    if (!t.children.empty()) {
        m_keyRows.clear();
        m_keyRows.beginRow(m_doc);
        QString why;
        const ColumnPlan *key =
            t.keyColumn >= 0 ? &t.columns[static_cast<size_t>(t.keyColumn)] : nullptr;
        if (!key || key->slot < 0)
            m_keyRows.addNull();
        else if (!key->converter.append(m_keyRows, state.values[static_cast<size_t>(key->slot)],
                                        &why))
            return fail(ctx, key->source, why);
        m_keys.push_back({KeyEntry::RootKey});
        if (!children(t, ctx))
            return false;
    }
    TableRows &rows = m_batch.tables.front();
    rows.beginRow(m_doc);
    return emitValues(0, ctx, rows, true);
}

bool Walker::elementRow(int table, const Context &ctx, const bson_iter_t &element)
{
    const TablePlan &t = m_plan.tables[static_cast<size_t>(table)];
    TableState &state = m_tables[static_cast<size_t>(table)];
    std::fill(state.have.begin(), state.have.end(), uint8_t(0));
    for (int c : t.children)
        m_tables[static_cast<size_t>(c)].pendingSet = false;
    for (int slot : t.scope.valueSlots) {
        state.values[static_cast<size_t>(slot)] = element;
        state.have[static_cast<size_t>(slot)] = 1;
    }
    if (!t.scope.tables.empty() && !offer(ctx, t.scope, element))
        return false;
    if (BSON_ITER_HOLDS_DOCUMENT(&element)) {
        bson_iter_t sub;
        if (bson_iter_recurse(&element, &sub) &&
            !walk(table, ctx, t.scope, sub, !t.scope.covered()))
            return false;
    } else if (!t.scope.covered() && !isNull(element)) {
        if (!unknown(ctx, {}, t.elementPath, element))
            return false;
    }

    TableRows &rows = m_batch.tables[static_cast<size_t>(table)];
    rows.beginRow(m_doc);
    if (!emitValues(table, ctx, rows, false))
        return false;
    if (t.children.empty())
        return true;
    if (t.kind == TableKind::Map) {
        if (!validUtf8NoNul(ctx.key, ctx.keyLength))
            return fail(ctx, {}, trEngine("the key is not valid UTF-8"));
        m_keys.push_back({KeyEntry::MapKey, 0, ctx.key, ctx.keyLength});
    } else {
        m_keys.push_back({KeyEntry::Ordinal, ctx.ordinal});
    }
    const bool ok = children(t, ctx);
    m_keys.pop_back();
    return ok;
}

bool Walker::children(const TablePlan &t, const Context &ctx)
{
    for (int c : t.children)
        if (m_tables[static_cast<size_t>(c)].pendingSet && !childTable(c, ctx))
            return false;
    return true;
}

bool Walker::childTable(int table, const Context &parentCtx)
{
    const TablePlan &t = m_plan.tables[static_cast<size_t>(table)];
    const TableState &state = m_tables[static_cast<size_t>(table)];
    const bson_iter_t value = state.pending;
    bson_iter_t sub;
    if (!bson_iter_recurse(&value, &sub))
        return true;
    int64_t n = 0;
    while (bson_iter_next(&sub)) {
        const Context ctx{&parentCtx, &t, n++, bson_iter_key(&sub), bson_iter_key_len(&sub)};
        if (!elementRow(table, ctx, sub))
            return false;
    }
    return true;
}

} // namespace

Transformer::Transformer(const CollectionMapping &mapping, const ProjectOptions &options,
                         Dialect dialect)
    : m_plan(std::make_unique<Plan>(mapping, options, dialect))
{
}

Transformer::~Transformer() = default;

void Transformer::transform(RowBatch &batch) const
{
    Walker walker(m_plan->plan, batch);
    walker.run();
}

} // namespace ferry

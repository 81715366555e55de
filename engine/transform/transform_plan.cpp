#include "transform/transform_plan.h"

#include <cstring>

namespace ferry {

namespace {

constexpr size_t kIndexedChildren = 16;

PathNode *childNode(PathNode *node, const QString &segment, const QString &elementPath)
{
    const std::string key = segment.toStdString();
    for (auto &c : node->children)
        if (c->key == key)
            return c.get();
    auto c = std::make_unique<PathNode>();
    c->key = key;
    c->relPath = joinPath(node->relPath, segment);
    c->genericPath = joinPath(elementPath, c->relPath);
    node->children.push_back(std::move(c));
    return node->children.back().get();
}

// Creates the nodes of a dotted path under the element's scope; "" is the element itself.
PathNode *nodeFor(TablePlan &table, const QString &path)
{
    PathNode *node = &table.scope;
    if (path.isEmpty())
        return node;
    for (const QString &segment : path.split(QLatin1Char('.')))
        node = childNode(node, segment, table.elementPath);
    return node;
}

void buildIndexes(PathNode &node)
{
    if (node.children.size() > kIndexedChildren)
        for (size_t i = 0; i < node.children.size(); ++i)
            node.index.emplace(node.children[i]->key, i);
    for (auto &c : node.children)
        buildIndexes(*c);
}

} // namespace

QString joinPath(const QString &a, const QString &b)
{
    if (a.isEmpty())
        return b;
    if (b.isEmpty())
        return a;
    return a + QLatin1Char('.') + b;
}

const PathNode *PathNode::find(const char *name, size_t length, size_t &hint) const
{
    const size_t n = children.size();
    if (n == 0)
        return nullptr;
    auto matches = [&](size_t i) {
        const std::string &k = children[i]->key;
        return k.size() == length && std::memcmp(k.data(), name, length) == 0;
    };
    if (hint >= n)
        hint = 0;
    if (matches(hint)) {
        const PathNode *found = children[hint].get();
        hint = hint + 1;
        return found;
    }
    if (!index.empty()) {
        const auto it = index.find(std::string_view(name, length));
        if (it == index.end())
            return nullptr;
        hint = it->second + 1;
        return children[it->second].get();
    }
    for (size_t step = 1; step < n; ++step) {
        const size_t i = (hint + step) % n;
        if (matches(i)) {
            hint = i + 1;
            return children[i].get();
        }
    }
    return nullptr;
}

TransformPlan::TransformPlan(const CollectionMapping &mapping, const ProjectOptions &options,
                             Dialect dialect)
    : unknownFields(options.unknownFields)
{
    addTable(mapping.root, -1, dialect);
    for (const QString &path : mapping.excluded)
        addExcluded(path);
    for (TablePlan &t : tables)
        buildIndexes(t.scope);
}

void TransformPlan::addTable(const TableMapping &mapping, int parent, Dialect dialect)
{
    const int index = static_cast<int>(tables.size());
    tables.emplace_back();
    {
        TablePlan &t = tables.back();
        t.kind = parent < 0 ? TableKind::Root : mapping.kind;
        if (parent >= 0) {
            const TablePlan &p = tables[static_cast<size_t>(parent)];
            t.source = mapping.source;
            t.sourcePath = joinPath(p.elementPath, mapping.source);
            t.elementPath = t.sourcePath + (t.kind == TableKind::Map ? QStringLiteral(".*")
                                                                     : QStringLiteral("[]"));
        }
        t.scope.genericPath = t.elementPath;
        int keyIndex = 0;
        for (const ColumnMapping &c : mapping.columns) {
            ColumnPlan col{c.role, ValueConverter(c, dialect), c.source, c.column, c.nullable};
            switch (c.role) {
            case ColumnRole::Value:
                if (parent < 0 && c.source.isEmpty()) {
                    col.wholeDocument = true;
                    t.wholeElement = true;
                    break;
                }
                col.slot = t.slotCount++;
                nodeFor(t, c.source)->valueSlots.push_back(col.slot);
                if (c.source.isEmpty())
                    t.wholeElement = true;
                if (parent < 0 && t.keyColumn < 0 && c.primaryKey)
                    t.keyColumn = static_cast<int>(t.columns.size());
                break;
            case ColumnRole::ParentKey:
                col.keyIndex = keyIndex++;
                break;
            case ColumnRole::Extra:
                if (parent < 0)
                    t.extraColumn = static_cast<int>(t.columns.size());
                break;
            default:
                break;
            }
            t.columns.push_back(std::move(col));
        }
        if (parent < 0 && t.keyColumn < 0) {
            // No column is marked primary key: the document's _id still identifies it.
            for (size_t i = 0; i < t.columns.size(); ++i)
                if (t.columns[i].role == ColumnRole::Value &&
                    t.columns[i].source == QLatin1String("_id")) {
                    t.keyColumn = static_cast<int>(i);
                    break;
                }
        }
        if (parent >= 0) {
            TablePlan &p = tables[static_cast<size_t>(parent)];
            p.children.push_back(index);
            nodeFor(p, mapping.source)->tables.push_back(index);
        }
    }
    // `tables` may reallocate below: no references into it are held across this loop.
    for (const TableMapping &child : mapping.children)
        addTable(child, index, dialect);
}

void TransformPlan::addExcluded(const QString &path)
{
    // The deepest table whose element the path lies in owns the exclusion.
    TablePlan *owner = nullptr;
    for (TablePlan &t : tables) {
        const bool inside =
            t.elementPath.isEmpty() || path.startsWith(t.elementPath + QLatin1Char('.'));
        if (inside && (!owner || t.elementPath.size() > owner->elementPath.size()))
            owner = &t;
    }
    if (!owner)
        return;
    const QString rel =
        owner->elementPath.isEmpty() ? path : path.mid(owner->elementPath.size() + 1);
    if (rel.isEmpty())
        return;
    PathNode *node = nodeFor(*owner, rel);
    if (node->excludedId < 0) {
        node->excludedId = static_cast<int>(excluded.size());
        excluded.push_back(path);
    }
}

} // namespace ferry

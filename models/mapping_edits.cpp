#include "models/mapping_edits.h"

#include "core/identifiers.h"
#include "schema/type_mapper.h"

#include <QCoreApplication>

#include <algorithm>

namespace ferry {

namespace {

bool isValueColumn(const ColumnMapping &c)
{
    return c.role == ColumnRole::Value;
}

bool isUnder(const QString &path, const QString &ancestor)
{
    return path == ancestor || path.startsWith(ancestor + QLatin1Char('.')) ||
           path.startsWith(ancestor + QStringLiteral("[]"));
}

// The deepest table whose rows hold `fieldPath` (the root table when no child table does).
TablePath owningTable(const CollectionMapping &mapping, const QString &fieldPath)
{
    TablePath best;
    int bestLength = -1;
    for (const TablePath &path : tablePaths(mapping)) {
        const QString prefix = elementPrefix(mapping, path);
        if (fieldPath.startsWith(prefix) && fieldPath != prefix.chopped(prefix.isEmpty() ? 0 : 1) &&
            prefix.size() > bestLength) {
            best = path;
            bestLength = int(prefix.size());
        }
    }
    return best;
}

QString relativeTo(const QString &fieldPath, const QString &prefix)
{
    return fieldPath.mid(prefix.size());
}

QString columnNameFor(const QString &relativePath)
{
    QString name = relativePath;
    name.replace(QStringLiteral("[]"), QString());
    name.replace(QLatin1Char('.'), QLatin1Char('_'));
    return name;
}

QString allocateColumn(const TableMapping &table, const QString &wanted, Dialect dialect)
{
    NameAllocator names(dialect);
    for (const ColumnMapping &c : table.columns)
        names.reserve(c.column);
    return names.allocate(wanted);
}

void insertColumn(TableMapping &table, ColumnMapping column)
{
    // _extra stays last: it is the catch-all, not a field of its own.
    auto it = std::find_if(table.columns.begin(), table.columns.end(),
                           [](const ColumnMapping &c) { return c.role == ColumnRole::Extra; });
    table.columns.insert(it, std::move(column));
}

// Removes columns and child tables that read `fieldPath` or anything under it.
void removeMapped(CollectionMapping &mapping, const QString &fieldPath)
{
    const QList<TablePath> paths = tablePaths(mapping);
    // Deepest first so that indices of the tables still to visit stay valid.
    for (auto it = paths.crbegin(); it != paths.crend(); ++it) {
        TableMapping *table = tableAt(mapping, *it);
        if (!table)
            continue;
        const QString prefix = elementPrefix(mapping, *it);
        auto &children = table->children;
        children.erase(std::remove_if(children.begin(), children.end(),
                                      [&](const TableMapping &child) {
                                          return isUnder(prefix + child.source, fieldPath);
                                      }),
                       children.end());
        auto &columns = table->columns;
        columns.erase(std::remove_if(columns.begin(), columns.end(),
                                     [&](const ColumnMapping &c) {
                                         if (!isValueColumn(c))
                                             return false;
                                         QString full = prefix + c.source;
                                         if (c.source.isEmpty())
                                             full.chop(1); // "items[]." → "items[]"
                                         return isUnder(full, fieldPath);
                                     }),
                      columns.end());
    }
}

const TableMapping *findTableByField(const CollectionMapping &mapping, const QString &fieldPath,
                                     TablePath *pathOut = nullptr)
{
    for (const TablePath &path : tablePaths(mapping)) {
        if (path.isEmpty())
            continue;
        TablePath parent = path;
        parent.removeLast();
        const TableMapping *table = tableAt(mapping, path);
        if (elementPrefix(mapping, parent) + table->source == fieldPath) {
            if (pathOut)
                *pathOut = path;
            return table;
        }
    }
    return nullptr;
}

// Puts a child table back where the proposal had it among its siblings, so that switching
// strategies back and forth ends where it started.
void insertChild(TableMapping &parent, TableMapping child, const TableMapping *proposedParent)
{
    auto at = parent.children.end();
    if (proposedParent) {
        for (const TableMapping &sibling : proposedParent->children) {
            if (sibling.source == child.source)
                break;
            auto it =
                std::find_if(parent.children.begin(), parent.children.end(),
                             [&](const TableMapping &t) { return t.source == sibling.source; });
            if (it != parent.children.end())
                at = it + 1;
        }
        if (at == parent.children.end() && !parent.children.empty()) {
            // No earlier sibling present: go before the first later one.
            bool seen = false;
            for (const TableMapping &sibling : proposedParent->children) {
                if (sibling.source == child.source) {
                    seen = true;
                    continue;
                }
                if (!seen)
                    continue;
                auto it =
                    std::find_if(parent.children.begin(), parent.children.end(),
                                 [&](const TableMapping &t) { return t.source == sibling.source; });
                if (it != parent.children.end()) {
                    at = it;
                    break;
                }
            }
        }
    }
    parent.children.insert(at, std::move(child));
}

TableMapping buildChildTable(const TableMapping &parent, const QString &relativeSource,
                             const FieldNode *node, Dialect dialect)
{
    const bool isMap = node && node->mapLike;
    TableMapping child;
    child.kind = isMap ? TableKind::Map : TableKind::Array;
    child.source = relativeSource;
    child.table = sanitizeIdentifier(
        parent.table + QLatin1Char('_') + columnNameFor(relativeSource), dialect);
    NameAllocator names(dialect);
    for (const ColumnMapping *key : parent.keyColumns()) {
        ColumnMapping c;
        c.role = ColumnRole::ParentKey;
        c.type = key->type;
        c.column = names.allocate(parent.table + QLatin1Char('_') + key->column);
        c.nullable = false;
        c.primaryKey = true;
        child.columns.push_back(c);
    }
    // A map's rows are told apart by their key, an array's by their position.
    ColumnMapping own;
    own.role = isMap ? ColumnRole::MapKey : ColumnRole::Ordinal;
    own.type = isMap ? ColumnType::Text : ColumnType::Integer;
    // Not plain "key": SQLite reserves it (the engine's proposal uses the same name).
    own.column = names.allocate(isMap ? QStringLiteral("map_key") : QStringLiteral("ordinal"));
    own.nullable = false;
    own.primaryKey = true;
    child.columns.push_back(own);
    const FieldNode *element = node ? node->element.get() : nullptr;
    if (element && !element->children.empty()) {
        for (const auto &field : element->children) {
            ColumnMapping c;
            c.source = field->name;
            c.column = names.allocate(field->name);
            c.type = columnTypeFor(field.get(), dialect);
            child.columns.push_back(c);
        }
    } else {
        ColumnMapping value;
        value.column = names.allocate(QStringLiteral("value"));
        value.type = columnTypeFor(element, dialect);
        child.columns.push_back(value);
    }
    return child;
}

} // namespace

QString arrayStrategyLabel(ArrayStrategy strategy)
{
    switch (strategy) {
    case ArrayStrategy::ChildTable:
        return QCoreApplication::translate("ferry::MappingEdits", "Child table");
    case ArrayStrategy::JsonColumn:
        return QCoreApplication::translate("ferry::MappingEdits", "JSON column");
    case ArrayStrategy::PgArray:
        return QCoreApplication::translate("ferry::MappingEdits", "PostgreSQL array");
    case ArrayStrategy::Skip:
        return QCoreApplication::translate("ferry::MappingEdits", "Skip");
    }
    return {};
}

QString fieldStrategyLabel(ArrayStrategy strategy, bool mapLike)
{
    if (mapLike && strategy == ArrayStrategy::ChildTable)
        return QCoreApplication::translate("ferry::MappingEdits", "Key/value table");
    return arrayStrategyLabel(strategy);
}

const TableMapping *tableAt(const CollectionMapping &mapping, const TablePath &path)
{
    const TableMapping *table = &mapping.root;
    for (int i : path) {
        if (i < 0 || size_t(i) >= table->children.size())
            return nullptr;
        table = &table->children[size_t(i)];
    }
    return table;
}

TableMapping *tableAt(CollectionMapping &mapping, const TablePath &path)
{
    return const_cast<TableMapping *>(tableAt(std::as_const(mapping), path));
}

QList<TablePath> tablePaths(const CollectionMapping &mapping)
{
    QList<TablePath> out;
    auto walk = [&out](auto &&self, const TableMapping &table, const TablePath &path) -> void {
        out.append(path);
        for (size_t i = 0; i < table.children.size(); ++i)
            self(self, table.children[i], TablePath(path) << int(i));
    };
    walk(walk, mapping.root, {});
    return out;
}

QString elementPrefix(const CollectionMapping &mapping, const TablePath &path)
{
    QString prefix;
    const TableMapping *table = &mapping.root;
    for (int i : path) {
        table = &table->children[size_t(i)];
        prefix += table->source + QStringLiteral("[].");
    }
    return prefix;
}

QString columnFieldPath(const CollectionMapping &mapping, const TablePath &tablePath, int column)
{
    const TableMapping *table = tableAt(mapping, tablePath);
    if (!table || column < 0 || size_t(column) >= table->columns.size())
        return {};
    const ColumnMapping &c = table->columns[size_t(column)];
    if (!isValueColumn(c))
        return {};
    QString full = elementPrefix(mapping, tablePath) + c.source;
    if (c.source.isEmpty() && !full.isEmpty())
        full.chop(1);
    return full;
}

bool isExcluded(const CollectionMapping &mapping, const QString &fieldPath)
{
    for (const QString &excluded : mapping.excluded) {
        if (isUnder(fieldPath, excluded))
            return true;
    }
    return false;
}

bool isMapped(const CollectionMapping &mapping, const QString &fieldPath)
{
    if (isExcluded(mapping, fieldPath))
        return false;
    for (const TablePath &path : tablePaths(mapping)) {
        const TableMapping *table = tableAt(mapping, path);
        if (!path.isEmpty()) {
            TablePath parent = path;
            parent.removeLast();
            if (isUnder(elementPrefix(mapping, parent) + table->source, fieldPath))
                return true;
        }
        for (size_t i = 0; i < table->columns.size(); ++i) {
            const QString full = columnFieldPath(mapping, path, int(i));
            if (!full.isEmpty() && isUnder(full, fieldPath))
                return true;
        }
    }
    return false;
}

TablePath tableForField(const CollectionMapping &mapping, const QString &fieldPath)
{
    return owningTable(mapping, fieldPath);
}

ArrayStrategy arrayStrategy(const CollectionMapping &mapping, const QString &fieldPath)
{
    if (isExcluded(mapping, fieldPath))
        return ArrayStrategy::Skip;
    if (findTableByField(mapping, fieldPath))
        return ArrayStrategy::ChildTable;
    for (const TablePath &path : tablePaths(mapping)) {
        const TableMapping *table = tableAt(mapping, path);
        for (size_t i = 0; i < table->columns.size(); ++i) {
            if (columnFieldPath(mapping, path, int(i)) == fieldPath)
                return table->columns[i].pgArray ? ArrayStrategy::PgArray
                                                 : ArrayStrategy::JsonColumn;
        }
    }
    return ArrayStrategy::Skip;
}

namespace {

// The proposal's column for `fieldPath` when the proposal stores it with `strategy`.
const ColumnMapping *proposedColumn(const CollectionMapping *proposal, const QString &fieldPath,
                                    ArrayStrategy strategy)
{
    if (!proposal || arrayStrategy(*proposal, fieldPath) != strategy)
        return nullptr;
    for (const TablePath &path : tablePaths(*proposal)) {
        const TableMapping *table = tableAt(*proposal, path);
        for (size_t i = 0; i < table->columns.size(); ++i) {
            if (columnFieldPath(*proposal, path, int(i)) == fieldPath)
                return &table->columns[i];
        }
    }
    return nullptr;
}

} // namespace

void setArrayStrategy(CollectionMapping &mapping, const QString &fieldPath, ArrayStrategy strategy,
                      const FieldNode *node, const CollectionMapping *proposal, Dialect dialect)
{
    removeMapped(mapping, fieldPath);
    mapping.excluded.removeIf([&](const QString &p) { return isUnder(p, fieldPath); });
    if (strategy == ArrayStrategy::Skip) {
        mapping.excluded.append(fieldPath);
        return;
    }
    const TablePath owner = owningTable(mapping, fieldPath);
    TableMapping *parent = tableAt(mapping, owner);
    const QString relative = relativeTo(fieldPath, elementPrefix(mapping, owner));
    if (strategy == ArrayStrategy::ChildTable) {
        TablePath proposedPath;
        const TableMapping *proposed =
            proposal ? findTableByField(*proposal, fieldPath, &proposedPath) : nullptr;
        if (!proposed) {
            parent->children.push_back(buildChildTable(*parent, relative, node, dialect));
            return;
        }
        proposedPath.removeLast();
        insertChild(*parent, *proposed, tableAt(*proposal, proposedPath));
        return;
    }
    ColumnMapping column;
    column.source = relative;
    if (const ColumnMapping *proposed = proposedColumn(proposal, fieldPath, strategy)) {
        // The inferred column (its element type and nullability) when back to it.
        column = *proposed;
        column.source = relative;
        column.column = allocateColumn(*parent, proposed->column, dialect);
        insertColumn(*parent, column);
        return;
    }
    column.column = allocateColumn(*parent, columnNameFor(relative), dialect);
    const bool isMap = node && node->mapLike;
    if (strategy == ArrayStrategy::PgArray && dialect == Dialect::Postgres && !isMap) {
        column.type = columnTypeFor(node ? node->element.get() : nullptr, dialect);
        column.pgArray = true;
    } else {
        column.type = ColumnType::Json;
    }
    insertColumn(*parent, column);
}

void setFieldIncluded(CollectionMapping &mapping, const QString &fieldPath, bool included,
                      const FieldNode *node, const CollectionMapping *proposal, Dialect dialect)
{
    if (!included) {
        removeMapped(mapping, fieldPath);
        mapping.excluded.removeIf([&](const QString &p) { return isUnder(p, fieldPath); });
        mapping.excluded.append(fieldPath);
        return;
    }
    mapping.excluded.removeIf([&](const QString &p) { return isUnder(fieldPath, p); });
    removeMapped(mapping, fieldPath);
    bool restored = false;
    if (proposal) {
        // Bring back exactly what the first proposal did with the field.
        for (const TablePath &path : tablePaths(*proposal)) {
            const TableMapping *table = tableAt(*proposal, path);
            const QString prefix = elementPrefix(*proposal, path);
            if (!path.isEmpty()) {
                TablePath parentPath = path;
                parentPath.removeLast();
                const QString own = elementPrefix(*proposal, parentPath) + table->source;
                if (isUnder(own, fieldPath)) {
                    if (own == fieldPath || !findTableByField(mapping, own)) {
                        TableMapping *parent = tableAt(mapping, owningTable(mapping, own));
                        if (parent && !isUnder(elementPrefix(*proposal, parentPath), fieldPath)) {
                            parent->children.push_back(*table);
                            restored = true;
                        }
                    }
                    continue;
                }
                if (!findTableByField(mapping, prefix.chopped(3)))
                    continue;
            }
            for (size_t i = 0; i < table->columns.size(); ++i) {
                const QString full = columnFieldPath(*proposal, path, int(i));
                if (full.isEmpty() || !isUnder(full, fieldPath))
                    continue;
                TableMapping *into = tableAt(mapping, owningTable(mapping, full));
                if (!into)
                    continue;
                ColumnMapping column = table->columns[i];
                column.column = allocateColumn(*into, column.column, dialect);
                insertColumn(*into, column);
                restored = true;
            }
        }
    }
    if (restored || !node)
        return;
    if (node->types[size_t(BsonKind::Array)] > 0 || node->mapLike) {
        setArrayStrategy(mapping, fieldPath, ArrayStrategy::JsonColumn, node, nullptr, dialect);
        return;
    }
    const TablePath owner = owningTable(mapping, fieldPath);
    TableMapping *parent = tableAt(mapping, owner);
    const QString relative = relativeTo(fieldPath, elementPrefix(mapping, owner));
    ColumnMapping column;
    column.source = relative;
    column.column = allocateColumn(*parent, columnNameFor(relative), dialect);
    column.type = columnTypeFor(node, dialect);
    insertColumn(*parent, column);
}

QString columnProblem(const TableMapping &table, int column, Dialect dialect)
{
    QSet<QString> others;
    for (size_t i = 0; i < table.columns.size(); ++i) {
        if (int(i) != column)
            others.insert(table.columns[i].column.toLower());
    }
    return identifierProblem(table.columns[size_t(column)].column, dialect, others);
}

QStringList mappingProblems(const CollectionMapping &mapping, Dialect dialect)
{
    QStringList out;
    for (const TablePath &path : tablePaths(mapping)) {
        const TableMapping *table = tableAt(mapping, path);
        for (size_t i = 0; i < table->columns.size(); ++i) {
            const QString problem = columnProblem(*table, int(i), dialect);
            if (!problem.isEmpty())
                out.append(QCoreApplication::translate("ferry::MappingEdits", "%1.%2: %3")
                               .arg(table->table, table->columns[i].column, problem));
        }
    }
    return out;
}

QSet<QString> tableNamesLower(const std::vector<CollectionMapping> &collections,
                              const QString &exceptCollection)
{
    QSet<QString> out;
    for (const CollectionMapping &c : collections) {
        if (c.collection == exceptCollection || !c.enabled)
            continue;
        for (const TableMapping *t : c.tables())
            out.insert(t->table.toLower());
    }
    return out;
}

ColumnType columnTypeFor(const FieldNode *node, Dialect dialect)
{
    return node ? defaultColumnType(*node, dialect, nullptr) : ColumnType::Json;
}

} // namespace ferry

#pragma once

#include "project/mapping.h"
#include "schema/field_tree.h"

#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

namespace ferry {

// Pure edits of a CollectionMapping, in terms of the field paths the schema tree shows
// ("items[].sku"). The models call these inside ProjectDocument::modify(), so each edit is
// one undo step and can be tested without any view.

// A table inside a collection mapping: child indices from the root table ({} = root).
using TablePath = QList<int>;

// How an array or a map-like object is stored. A map's child table has one row per entry,
// keyed by the entry's key; PgArray does not apply to maps (they become a JSON column).
enum class ArrayStrategy { ChildTable, JsonColumn, PgArray, Skip };
QString arrayStrategyLabel(ArrayStrategy strategy); // translated, for menus and combos
// The same for a field that may be a map ("Key/value table" instead of "Child table").
QString fieldStrategyLabel(ArrayStrategy strategy, bool mapLike);

const TableMapping *tableAt(const CollectionMapping &mapping, const TablePath &path);
TableMapping *tableAt(CollectionMapping &mapping, const TablePath &path);
// Every table, root first, depth-first: the order of CollectionMapping::tables().
QList<TablePath> tablePaths(const CollectionMapping &mapping);
// "" for the root table, "items[]." for rows of the array "items", and so on.
QString elementPrefix(const CollectionMapping &mapping, const TablePath &path);
// The field path a column reads ("" for key/ordinal/extra columns).
QString columnFieldPath(const CollectionMapping &mapping, const TablePath &table, int column);

bool isExcluded(const CollectionMapping &mapping, const QString &fieldPath);
// Whether some column or child table reads the field or anything under it.
bool isMapped(const CollectionMapping &mapping, const QString &fieldPath);
// The table a column for the field would go to: the deepest table whose rows hold it.
TablePath tableForField(const CollectionMapping &mapping, const QString &fieldPath);
// What the mapping does with an array or map field now (Skip when it is excluded or unmapped).
ArrayStrategy arrayStrategy(const CollectionMapping &mapping, const QString &fieldPath);
// Maps an array or map field the chosen way, dropping whatever mapped it before. `node` (may be
// null) and `proposal` (the first inferred mapping, may be null) supply the columns of a
// child table that has to be rebuilt.
void setArrayStrategy(CollectionMapping &mapping, const QString &fieldPath, ArrayStrategy strategy,
                      const FieldNode *node, const CollectionMapping *proposal, Dialect dialect);
// Leaves a field (and everything under it) out on purpose, or brings it back.
void setFieldIncluded(CollectionMapping &mapping, const QString &fieldPath, bool included,
                      const FieldNode *node, const CollectionMapping *proposal, Dialect dialect);

// The reason a column's name cannot be used, or "" (see identifierProblem()).
QString columnProblem(const TableMapping &table, int column, Dialect dialect);
// Every naming problem of a collection, one translated line each ("orders.total: …").
QStringList mappingProblems(const CollectionMapping &mapping, Dialect dialect);
// Target table names used by every collection except `exceptCollection`, lower case.
QSet<QString> tableNamesLower(const std::vector<CollectionMapping> &collections,
                              const QString &exceptCollection);

// The engine's default column type for a field (JSON when there is no statistics node).
ColumnType columnTypeFor(const FieldNode *node, Dialect dialect);

} // namespace ferry

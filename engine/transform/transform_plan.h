#pragma once

#include "project/mapping.h"
#include "project/project.h"
#include "transform/value_converter.h"

#include <QString>

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace ferry {

// One field name inside a table's element, with what the mapping does with its value.
// The tree holds every path the mapping knows, so one pass over a document's keys finds
// each value's columns without building a path string.
struct PathNode {
    std::string key;
    QString relPath;             // dotted, relative to the table's element (for messages)
    QString genericPath;         // from the document root, "items[].sku" style (for counts)
    std::vector<int> valueSlots; // Value columns (as slot numbers) that take this value
    std::vector<int> tables;     // child tables whose array/map is this value
    int excludedId = -1;         // into TransformPlan::excluded
    std::vector<std::unique_ptr<PathNode>> children;
    // Only for nodes with many children; small ones are scanned from a hint instead,
    // which is cheaper when documents keep their keys in a stable order (they mostly do).
    std::unordered_map<std::string_view, size_t> index;

    // `hint` is where the previous match left off in this node; updated on a match.
    const PathNode *find(const char *key, size_t length, size_t &hint) const;
    // The value is kept by a column, a child table or an exclusion: fields under it that
    // the tree does not list are not "unknown".
    bool covered() const { return !valueSlots.empty() || !tables.empty() || excludedId >= 0; }
};

struct ColumnPlan {
    ColumnRole role = ColumnRole::Value;
    ValueConverter converter;
    QString source; // relative to the element
    QString column;
    bool nullable = true;
    bool wholeDocument = false; // root column whose source is the document itself
    int slot = -1;              // Value: index into the row's value valueSlots
    int keyIndex = -1;          // ParentKey: index into the key stack
};

struct TablePlan {
    TableKind kind = TableKind::Root;
    QString source;      // array/map path relative to the parent's element
    QString sourcePath;  // the same from the document root, generic
    QString elementPath; // generic path of one element: "", "items[]", "attrs.*"
    std::vector<ColumnPlan> columns;
    int slotCount = 0;
    bool wholeElement = false; // a column keeps the entire element
    PathNode scope;            // the element's fields; scope.valueSlots/tables take the element
    std::vector<int> children; // direct child tables, in mapping order
    int extraColumn = -1;      // root only
    int keyColumn = -1;        // root only: the column whose value starts the key stack
};

// Everything the Transformer precomputes from a CollectionMapping.
class TransformPlan {
public:
    TransformPlan(const CollectionMapping &mapping, const ProjectOptions &options, Dialect dialect);

    std::vector<TablePlan> tables; // root first, then depth-first children
    std::vector<QString> excluded; // generic paths, indexed by PathNode::excludedId
    UnknownFields unknownFields = UnknownFields::Extra;

private:
    void addTable(const TableMapping &mapping, int parent, Dialect dialect);
    void addExcluded(const QString &path);
};

// "a" + "b" → "a.b", with either side allowed to be empty.
QString joinPath(const QString &a, const QString &b);

} // namespace ferry

#pragma once

#include "core/identifiers.h"
#include "project/mapping.h"
#include "project/project.h"
#include "schema/field_tree.h"

#include <QString>
#include <QStringList>

namespace ferry {

// What inference proposes for one collection: the mapping the wizard shows for editing, and
// the decisions the user should look at (mixed types, values kept as JSON).
struct MappingProposal {
    CollectionMapping mapping;
    QStringList warnings;
};

// Turns an inferred schema into a default mapping (DESIGN.md's type table): embedded
// documents are flattened into `parent_child` columns, arrays and map-like objects become
// child tables (except arrays of at most four numbers, such as GeoJSON coordinates: a
// PostgreSQL array or JSON column), mixed fields take the widest lossless type or text/JSON
// with a warning.
// `tableNames` holds the table names of the whole target, so collections never collide; the
// proposal allocates its tables from it. With nullptr a private allocator is used.
MappingProposal proposeMapping(const QString &collection, const FieldNode &root, qint64 sampledDocs,
                               Dialect dialect, const ProjectOptions &options,
                               NameAllocator *tableNames);

// The column type for a field's values alone (no flattening): widening rules for numbers,
// Text or Json for incompatible mixes. Nulls do not count; a field that was only ever null
// is Text. ObjectIds give Text here; proposeMapping() turns them into Uuid when the project
// asks for it. `warning` (may be nullptr) receives a message naming the field and the counts
// when the choice loses type information, and is cleared otherwise.
ColumnType defaultColumnType(const FieldNode &node, Dialect dialect, QString *warning);

} // namespace ferry

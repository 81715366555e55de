#pragma once

#include "core/catalog.h"
#include "core/identifiers.h"
#include "schema/field_tree.h"
#include "schema/type_mapper.h"

namespace ferry {

// The logical type of a column read from a SQL source, from its declared type first (in
// the spirit of pgloader's defaults: integer/bigint by range, exact numeric, boolean from a
// declared BOOLEAN, timestamptz from DATETIME/TIMESTAMP, bytea from BLOB, json → jsonb),
// then checked against the sampled values, since SQLite lets any column hold anything.
// `sampledAll` says the sample saw every row, so an INTEGER column whose values all fit
// 32 bits may become integer; otherwise it is bigint. `isArray` receives whether the
// column is a PostgreSQL array (its element type is returned).
ColumnType sqlColumnType(const ColumnInfo &column, Dialect sourceDialect, const FieldNode *sampled,
                         bool sampledAll, bool *isArray);

// Table-to-table mapping for a SQL source and a relational target: one root table named
// after the source table, the columns as in the source (names, order, nullability, primary
// key), and a reference per single-column foreign key, so the run orders tables by their
// references and adds the FOREIGN KEY constraints after the data.
MappingProposal proposeTableMapping(const TableInfo &table, Dialect sourceDialect,
                                    const FieldNode &sampled, qint64 sampledRows,
                                    NameAllocator *tableNames);

} // namespace ferry

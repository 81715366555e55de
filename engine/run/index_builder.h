#pragma once

#include "core/catalog.h"
#include "core/endpoint.h"
#include "core/error.h"
#include "project/project.h"

#include <QList>
#include <QStringList>

#include <vector>

namespace ferry {

class Source;
class Sink;
struct RunReport;

// The secondary indexes a SQL table's collection gets in a document target, in the paths
// the SQL sources give its documents (a single-column key is _id, a composite key _id.COL):
// a unique index for a primary key that is not _id and for each unique constraint (a plain
// one when a column of it allows NULL: MongoDB would count two NULLs as duplicates), one
// per foreign key (compound keys in column order), and one on the array of ids a junction
// table became. Named as MongoDB names them by default ("col_1_other_1"). An index on the
// same key as an earlier one, or on _id alone, is left out.
std::vector<IndexSpec> inferIndexes(const TableInfo &table, const QList<TableInfo> &catalog,
                                    Dialect sourceDialect,
                                    const std::vector<Embedding> &embeddings);

// Fills `indexes` of every collection of `project` that is a table of `catalog` (document
// targets only; the SQL targets build their own keys). Inference and `--embed` call it.
void inferProjectIndexes(Project &project, const QList<TableInfo> &catalog, Dialect sourceDialect);

// The same from a live source: reads its catalog when it is a SQL source and the target
// takes documents; does nothing otherwise (document sources have no catalog to go by).
Status inferProjectIndexes(Project &project, Source &source, const Endpoint &sourceEndpoint,
                           const Endpoint &targetEndpoint);

// What a collection will get: the project's list, or, for files that list none, the
// inferred one.
std::vector<IndexSpec> plannedIndexes(const CollectionMapping &mapping,
                                      const QList<TableInfo> &catalog, Dialect sourceDialect);

// "db.C.createIndex({"a": 1}, {"name": "a_1", "unique": true})": how the dry run shows one.
QString indexStatement(const QString &collection, const IndexSpec &index);

// The createIndex statements `dry-run` shows for one collection (none when the target has no
// indexes). A source catalog that cannot be read shows as no statement, not as a failure.
QStringList plannedIndexStatements(Source &source, const Endpoint &sourceEndpoint, Sink &sink,
                                   const CollectionMapping &mapping);

// The post-load step of a run into a document target, and of `finish` after partitioned
// runs: builds each moved collection's planned indexes that the target lacks, leaving an
// index with the same key alone, and counts them in the collection's report
// ("indexes_created", "indexes_existing"). A failure (a unique key the data breaks, a lost
// connection) is a warning of that collection: the data is in, only the index is missing.
// Returns the warnings to log. Does nothing for targets without indexes.
QStringList buildIndexes(Source &source, const Endpoint &sourceEndpoint, Sink &sink,
                         const std::vector<const CollectionMapping *> &moved, RunReport &report);

} // namespace ferry

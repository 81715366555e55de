#pragma once

#include "run/report.h"
#include "stores/common/sink.h"
#include "stores/common/source.h"

#include <QSet>

namespace ferry {

struct ValidationOptions {
    qint64 sample = 100; // documents compared cell by cell, spread over the collection
    // true: re-read and transform the whole collection to know every table's row count.
    // false (end of a run): only the root table is counted, against expectedRootRows.
    bool fullCounts = true;
    qint64 expectedRootRows = -1; // -1: root count not checked
    // Root keys (rowKeyText) of sampled documents not to compare: the run did not write them
    // as read (a key the input holds twice, a document the target refused).
    QSet<QString> uncomparedKeys;
};

// Compares what the target holds with what the source says it should, for one collection:
// row counts per table, then sampled documents transformed again and compared cell by cell
// with the rows read back by key. Appends to cr.mismatches (objects with _id, table,
// column, expected, found), fills cr.tables when they are empty, and says in
// cr.extra["validation"] what was checked. Errors only when the check itself cannot run.
Status validateCollection(Source &source, SqlSink &sink, const CollectionMapping &mapping,
                          const ProjectOptions &options, const ValidationOptions &vo,
                          CollectionReport &cr);

// The cheap check at the end of a run: the root count (when `onlyThisRun`: the root table
// holds only this run's rows, so it must hold cr.written of them) and a sample of 20;
// `ferry-cli validate` does the full one. A check that cannot run becomes a warning, not a
// failed run.
void validateAfterRun(Source &source, SqlSink &sink, const CollectionMapping &mapping,
                      const ProjectOptions &options, bool onlyThisRun, CollectionReport &cr,
                      const QSet<QString> &uncomparedKeys = {});
bool hasMismatches(const RunReport &report);

} // namespace ferry

#pragma once

#include "run/report.h"

namespace ferry {

// The source's own count of a collection, taken when the read started and again when it
// ended (-1: the source cannot count without reading, or the count failed).
struct SourceCounts {
    qint64 atStart = -1;
    qint64 atEnd = -1;

    bool changed() const { return atStart >= 0 && atEnd >= 0 && atStart != atEnd; }
};

// Holds what the run read against what the source holds. A count that did not change during
// the run and is more than was read means documents are missing: a mismatch (the run is not
// `completed`) and a warning naming both counts. A collection that changed during the run
// (another writer) only gets a warning with both counts: the difference may be its own.
// Answers the warning it added, empty when the counts agree.
QString checkReadAgainstSource(const SourceCounts &counts, qint64 read, const QString &rootTable,
                               CollectionReport &cr);

// In a collection that changed during the run, what validation finds may be those changes (a
// document added behind the read, one updated after it was read): the findings move to
// cr.extra["unconfirmed_mismatches"] beside a warning instead of failing the run. Answers
// the warning, empty when nothing moved.
QString setAsideChangedFindings(const SourceCounts &counts, CollectionReport &cr);

} // namespace ferry

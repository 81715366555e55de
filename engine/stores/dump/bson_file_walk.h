#pragma once

#include "core/error.h"

#include <QString>

#include <utility>
#include <vector>

namespace ferry {

// What one walk over the length prefixes of a .bson file (plain or gzip) tells: how many
// documents it holds, where it stops being framed, and a uniform reservoir of document
// offsets for sampling. Counting, inference sampling and the sample a run validates with
// all ask for it, often in one process (`migrate` infers, then runs); a walk is remembered
// for as long as the file keeps its size, inode and modification time, so a 1 GB dump is
// skimmed once instead of four times.
struct BsonFileWalk {
    qint64 count = 0; // whole documents before `problem`
    QString problem;  // empty when the file is documents back to back to its end
    // (offset, length) of up to `kept` documents, sorted by offset; all of them when the
    // file holds no more than were asked for.
    std::vector<std::pair<qint64, int32_t>> offsets;
    qint64 reservoir = 0; // how many offsets the walk kept at most

    // The walk of `path` keeping at least `keep` offsets (a remembered one when it fits).
    static Result<BsonFileWalk> of(const QString &path, qint64 keep);
    // Up to n of the offsets, spread evenly over the file (the reservoir is uniform; an
    // even pick from it stays uniform and deterministic).
    std::vector<std::pair<qint64, int32_t>> pick(qint64 n) const;

    // Offsets kept by a walk that was only asked to count: inference samples this many by
    // default, so the first walk serves it too.
    static constexpr qint64 kDefaultReservoir = 1000;
};

} // namespace ferry

#pragma once

#include "core/doc_batch.h"
#include "core/error.h"

#include <QString>

#include <functional>
#include <random>
#include <utility>
#include <vector>

namespace ferry {

// What one walk over the document boundaries of a dump file (.bson length prefixes, or
// where Extended JSON documents start and end; plain or gzip) tells: how many entries the
// reader will hand over, the first thing it cannot read, and a uniform reservoir of
// document offsets for sampling. Counting, inference sampling and the sample a run
// validates with all ask for it, often in one process (`migrate` infers, then runs); a walk
// is remembered for as long as the file keeps its size, inode, modification time and edge
// fingerprint, so a 1 GB dump is skimmed once instead of four times.
struct DumpFileWalk {
    enum class Format { Bson, Json };
    // Entries the reader hands over: documents, and unreadable text or an unframeable
    // tail, each counted as one.
    qint64 count = 0;
    QString problem; // the first unreadable entry; empty when there is none
    // (offset, length) of up to `kept` documents, sorted by offset; all of them when the
    // file holds no more than were asked for.
    std::vector<std::pair<qint64, int32_t>> offsets;
    qint64 reservoir = 0; // how many offsets the walk kept at most

    // The walk of `path` keeping at least `keep` offsets (a remembered one when it fits).
    static Result<DumpFileWalk> of(const QString &path, qint64 keep, Format format);
    // Up to n of the offsets, spread evenly over the file (the reservoir is uniform; an
    // even pick from it stays uniform and deterministic).
    std::vector<std::pair<qint64, int32_t>> pick(qint64 n) const;
    // Reads the documents pick(n) chooses and hands each to `use`: each alone on a plain
    // file (a buffer refill per offset would read a large file many times over), in order
    // with one inflation on a gzip one. False when one cannot be read whole or `use` says no.
    Result<bool> readPicked(const QString &path, qint64 n,
                            const std::function<bool(qint64, const char *, size_t)> &use) const;
    // The sample inference takes: the documents pick(n) chooses, each parsed by `parse` into
    // `one` (cleared before each) as the full read would. Empty when the walk found damage or
    // a document does not parse after all: the full read then says where and why.
    using ParseOne = std::function<bool(qint64 at, const char *data, size_t len, DocBatch &one)>;
    static Result<std::vector<BsonDoc>> sample(const QString &path, qint64 n, Format format,
                                               const ParseOne &parse);
    // A walk calls this for every readable document, in file order, and finish() at the end.
    void offer(qint64 at, int32_t length);
    void finish();
    // Whether the offsets are every document of the file (any sample size is then served).
    bool keptAll() const { return qint64(offsets.size()) >= m_seen; }

    // Offsets kept by a walk that was only asked to count: inference samples this many by
    // default, so the first walk serves it too.
    static constexpr qint64 kDefaultReservoir = 1000;

private:
    std::mt19937_64 m_rng{0x5eed5eedULL}; // fixed: the same file gives the same sample
    qint64 m_seen = 0;
};

} // namespace ferry

#pragma once

#include "stores/common/source.h"

#include <random>
#include <utility>

namespace ferry {

// Uniform sample of a stream of documents (reservoir sampling), with a fixed seed so the same
// collection always yields the same sample and inferred schemas do not flicker between runs.
class DumpReservoir {
public:
    explicit DumpReservoir(qint64 capacity);
    void offer(const uint8_t *data, uint32_t len);
    // The kept documents in the order they were read.
    std::vector<BsonDoc> take();

    // Reads `reader` to the end; n < 0 keeps every document.
    static Result<std::vector<BsonDoc>> sampleAll(DocumentReader &reader, qint64 n);
    // Opens `collection` (with `filter`) and samples all of it: the way a source without a
    // cheaper one (offsets, $sample) still spreads its sample over the whole collection.
    static Result<std::vector<BsonDoc>> sampleByReading(Source &source, const QString &collection,
                                                        qint64 n, const QString &filter);

private:
    qint64 m_capacity;
    qint64 m_seen = 0;
    std::mt19937_64 m_rng;
    std::vector<std::pair<qint64, BsonDoc>> m_kept;
};

} // namespace ferry

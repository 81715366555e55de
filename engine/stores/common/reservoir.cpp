#include "stores/common/reservoir.h"

#include <algorithm>

namespace ferry {

DumpReservoir::DumpReservoir(qint64 capacity) : m_capacity(capacity), m_rng(0x5eed5eedULL)
{
}

void DumpReservoir::offer(const uint8_t *data, uint32_t len)
{
    const qint64 index = m_seen++;
    qint64 slot = -1;
    if (m_capacity < 0 || qint64(m_kept.size()) < m_capacity) {
        slot = qint64(m_kept.size());
        m_kept.emplace_back();
    } else if (m_capacity > 0) {
        const qint64 j = qint64(m_rng() % uint64_t(index + 1));
        if (j < m_capacity)
            slot = j;
    }
    if (slot < 0)
        return;
    bson_t view;
    if (!bson_init_static(&view, data, len))
        return;
    m_kept[size_t(slot)] = {index, BsonDoc(&view)};
}

std::vector<BsonDoc> DumpReservoir::take()
{
    std::sort(m_kept.begin(), m_kept.end(),
              [](const auto &a, const auto &b) { return a.first < b.first; });
    std::vector<BsonDoc> out;
    out.reserve(m_kept.size());
    for (auto &entry : m_kept)
        out.push_back(std::move(entry.second));
    m_kept.clear();
    return out;
}

Result<std::vector<BsonDoc>> DumpReservoir::sampleAll(DocumentReader &reader, qint64 n)
{
    DumpReservoir reservoir(n);
    DocBatch batch;
    while (true) {
        auto more = reader.next(batch, 4096);
        if (!more)
            return more.error();
        if (!*more)
            break;
        for (size_t i = 0; i < batch.size(); ++i)
            if (!batch.isUnreadable(i)) // the run reports those; a sample has no use for them
                reservoir.offer(batch.data(i), batch.length(i));
    }
    return reservoir.take();
}

Result<std::vector<BsonDoc>> DumpReservoir::sampleByReading(Source &source,
                                                            const QString &collection, qint64 n,
                                                            const QString &filter)
{
    ReadOptions options;
    options.filter = filter;
    auto reader = source.openReader(collection, options);
    if (!reader)
        return reader.error();
    return sampleAll(**reader, n);
}

} // namespace ferry

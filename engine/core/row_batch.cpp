#include "core/row_batch.h"

#include <unordered_map>

namespace ferry {

void RowBatch::reset()
{
    docs.clear();
    for (TableRows &t : tables)
        t.clear();
    outDocs.clear();
    rejects.clear();
    position.clear();
    firstDocNumber = 0;
    generatedKeys = 0;
    unknownFields.clear();
    excludedValues.clear();
}

size_t RowBatch::capacityBytes() const
{
    size_t bytes = docs.capacityBytes() + outDocs.capacityBytes();
    for (const TableRows &t : tables)
        bytes += t.capacityBytes();
    return bytes;
}

RowBatch RowBatch::subset(const std::vector<uint32_t> &keep) const
{
    RowBatch out;
    out.position = position;
    out.firstDocNumber = firstDocNumber;
    out.generatedKeys = generatedKeys; // like the position, a fact of the batch as read
    std::unordered_map<uint32_t, uint32_t> remap;
    remap.reserve(keep.size());
    for (uint32_t oldIndex : keep) {
        remap.emplace(oldIndex, static_cast<uint32_t>(out.docs.size()));
        out.docs.append(docs.data(oldIndex), docs.length(oldIndex));
    }
    out.tables.reserve(tables.size());
    for (const TableRows &t : tables) {
        TableRows &n = out.tables.emplace_back(t.columns());
        for (size_t r = 0; r < t.rows(); ++r) {
            const auto it = remap.find(t.rowDoc(r));
            if (it != remap.end())
                n.appendRowFrom(t, r, it->second);
        }
    }
    for (const DocReject &rej : rejects) {
        const auto it = remap.find(rej.doc);
        if (it != remap.end())
            out.rejects.push_back({it->second, rej.field, rej.reason, rej.rawText});
    }
    // outDocs are 1:1 with docs minus rejects for document sinks; rebuild by index.
    if (!outDocs.empty() && outDocs.size() == docs.size()) {
        for (uint32_t oldIndex : keep)
            out.outDocs.append(outDocs.data(oldIndex), outDocs.length(oldIndex));
    }
    return out;
}

void RowBatch::rejectUnreadable()
{
    for (const DocBatch::Unreadable &u : docs.unreadable())
        rejects.push_back({u.index, {}, u.reason, u.text});
}

} // namespace ferry

#include "stores/common/document_batch.h"

#include "core/error.h"

namespace ferry {

DocumentsToWrite documentsToWrite(const RowBatch &batch)
{
    DocumentsToWrite out;
    const bool useOut = !batch.outDocs.empty();
    out.batch = useOut ? &batch.outDocs : &batch.docs;
    // outDocs that do not parallel docs already left the rejected documents out.
    const bool parallel = !useOut || batch.outDocs.size() == batch.docs.size();
    std::vector<bool> rejected(out.batch->size(), false);
    if (parallel)
        for (const DocReject &r : batch.rejects)
            if (r.doc < rejected.size())
                rejected[r.doc] = true;
    out.indices.reserve(out.batch->size());
    for (uint32_t i = 0; i < out.batch->size(); ++i)
        if (!rejected[i])
            out.indices.push_back(i);
    return out;
}

QString documentIdText(const bson_t *doc)
{
    bson_iter_t it;
    if (!bson_iter_init_find(&it, doc, "_id"))
        return trEngine("(no _id)");
    bson_t wrapper = BSON_INITIALIZER;
    bson_append_iter(&wrapper, "_id", 3, &it);
    size_t len = 0;
    char *json = bson_as_canonical_extended_json(&wrapper, &len);
    QString text = json ? QString::fromUtf8(json, qsizetype(len)) : QString();
    bson_free(json);
    bson_destroy(&wrapper);
    // {"_id" : X} → X
    const qsizetype colon = text.indexOf(QLatin1Char(':'));
    if (colon > 0 && text.endsWith(QLatin1Char('}')))
        text = text.mid(colon + 1, text.size() - colon - 2).trimmed();
    return text;
}

} // namespace ferry

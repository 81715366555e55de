#pragma once

#include "core/doc_batch.h"
#include "stores/common/source.h"

#include <QString>

#include <vector>

namespace ferry::test {

// Small helpers for tests that look into BSON documents.

inline QString toJson(const bson_t *doc)
{
    size_t len = 0;
    char *json = bson_as_canonical_extended_json(doc, &len);
    const QString out = QString::fromUtf8(json, qsizetype(len));
    bson_free(json);
    return out;
}

// QVERIFY2 evaluates its message even when the check passes: never touch error() then.
template <class R> QString errorText(const R &result)
{
    return result ? QString() : result.error().toString();
}

// The value at a dotted path, or false.
inline bool findPath(const bson_t *doc, const char *path, bson_iter_t *out)
{
    bson_iter_t it;
    return bson_iter_init(&it, doc) && bson_iter_find_descendant(&it, path, out);
}

inline std::vector<BsonDoc> toDocs(const DocBatch &batch)
{
    std::vector<BsonDoc> out;
    for (size_t i = 0; i < batch.size(); ++i) {
        bson_t view;
        batch.view(i, &view);
        out.emplace_back(&view);
    }
    return out;
}

// Reads a reader to its end in batches of `batchSize`; returns false on an error.
inline bool readAll(DocumentReader &reader, std::vector<BsonDoc> *out, int batchSize = 1000,
                    QString *error = nullptr)
{
    DocBatch batch;
    for (;;) {
        auto more = reader.next(batch, batchSize);
        if (!more) {
            if (error)
                *error = more.error().toString();
            return false;
        }
        if (!*more)
            return true;
        for (BsonDoc &d : toDocs(batch))
            out->push_back(std::move(d));
    }
}

} // namespace ferry::test

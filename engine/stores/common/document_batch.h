#pragma once

#include "core/row_batch.h"

#include <QString>

#include <vector>

namespace ferry {

// The documents a document sink (MongoDB, NDJSON) writes from a RowBatch: the transform's
// outDocs when it produced them (skipping rejected ones when they parallel docs), else the
// source documents minus the rejected ones.
struct DocumentsToWrite {
    const DocBatch *batch = nullptr;
    std::vector<uint32_t> indices;
};
DocumentsToWrite documentsToWrite(const RowBatch &batch);

// The document's _id as canonical Extended JSON, for messages ("(no _id)" without one).
QString documentIdText(const bson_t *doc);

} // namespace ferry

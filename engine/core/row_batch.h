#pragma once

#include "core/doc_batch.h"
#include "core/table_rows.h"

#include <QByteArray>
#include <QHash>
#include <QString>

#include <vector>

namespace ferry {

// A document the transform (or the sink) refused, and why.
struct DocReject {
    uint32_t doc = 0;     // index in RowBatch::docs
    QString field;        // dotted path, when one field is to blame
    QString reason;       // translated, names the field and what to do
    bool rawText = false; // docs[doc] is text that did not parse, not BSON
};

// One batch on its way from the reader to the sink: the original documents (for rejects
// and retries), the rows per target table (same order as CollectionMapping::tables()), or
// documents for a document sink, and the source position after the last document.
struct RowBatch {
    DocBatch docs;
    std::vector<TableRows> tables;
    DocBatch outDocs;               // for document sinks (MongoDB, NDJSON)
    std::vector<DocReject> rejects; // refused by the transform; their rows are not in tables
    QByteArray position;            // source resume token after docs (see DocumentReader)
    qint64 firstDocNumber = 0;      // 0-based number of docs[0] within the collection read
    // Documents that had no _id and got the reader's generated one, counted as read: later
    // steps rebuild `docs` (embedding, subset()) without the reader's count.
    qint64 generatedKeys = 0;
    // Fields not in the mapping, by full path: how many values went to _extra / were ignored.
    QHash<QString, qint64> unknownFields;
    // Values left behind by fields the user excluded, by path.
    QHash<QString, qint64> excludedValues;

    // The same batch restricted to the documents in `keep` (sorted indices into docs):
    // used to split a failing batch and isolate bad documents.
    RowBatch subset(const std::vector<uint32_t> &keep) const;
    // Empties the batch for reuse, keeping its buffers' memory (see BatchPipeline::recycle).
    void reset();
    // The memory its buffers hold on to, used or not.
    size_t capacityBytes() const;
    // Adds a reject for every entry the reader could not read (DocBatch::unreadable), with
    // the reader's reason; the transform does the same on its own.
    void rejectUnreadable();
};

} // namespace ferry

#pragma once

#include "core/doc_batch.h"

#include <QByteArrayView>

namespace ferry {

// Documents without _id get a deterministic one, derived from where the document sits in
// its source: an ObjectId made of the first 12 bytes of SHA-1("ferry-key", scope, position,
// ordinal), where scope is the collection (or table) name, position the byte offset of the
// document in the (uncompressed) file or archive, or a keyless row's physical place (SQLite
// rowid, PostgreSQL ctid), and ordinal the measurement's index inside a time-series bucket,
// or the oid of the part a PostgreSQL row lies in where ctids repeat across the parts of a
// partitioned table (0 otherwise, an inheritance parent read with ONLY included).
// Position rather than content: two identical documents (log lines, repeated rows) stay two
// documents, while a re-run, a --resume, validation and rollback all find the same key for
// the same document of an unchanged source. A random ObjectId would duplicate on every re-run.
void generatedObjectId(QByteArrayView scope, qint64 position, qint64 ordinal, bson_oid_t *out);

// Appends the document to `batch`, with a generated _id first when it has none (counted in
// batch.generatedKeys()). `data` must be a readable BSON document.
void appendWithKey(DocBatch &batch, const uint8_t *data, uint32_t len, QByteArrayView scope,
                   qint64 position, qint64 ordinal = 0);

} // namespace ferry

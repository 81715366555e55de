#pragma once

#include "core/doc_batch.h"

#include <QString>
#include <QStringList>

#include <vector>

namespace ferry::test {

// Rows compared as text across stores: each row "a|b|c" with NULL as \N, sorted, so equal
// lists are equal multisets of rows. `relation` is the FROM clause's table ("ONLY base").
QStringList sortedRowTexts(const QString &uri, const QStringList &columns, const QString &relation);
// A document's field in the same form: text as is, numbers as integers, missing or null \N.
QString fieldText(const bson_t *doc, const QString &field);
// The documents of an NDJSON file; false with *error when one line does not parse.
bool readNdjsonFile(const QString &file, std::vector<BsonDoc> *docs, QString *error);

} // namespace ferry::test

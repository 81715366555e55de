#pragma once

#include "project/mapping.h"

#include <bson/bson.h>

#include <QByteArray>
#include <QString>

namespace ferry::test {

// SQL that renders a column of `type` as text that sameStoredValue() understands: bytes as
// hex (so NUL, invalid UTF-8 and truncation cannot hide), dates as ms since 1970, …
QString comparableExpression(const QString &quotedColumn, const ColumnMapping &column,
                             Dialect dialect);

// Whether `stored` (comparableExpression's text, "\\N" for NULL) holds exactly the BSON value
// at `it` (nullptr: missing or null). On a difference, *why says what differed.
bool sameStoredValue(const bson_iter_t *it, const ColumnMapping &column, Dialect dialect,
                     const QString &stored, QString *why);

// Compares JSON text written by Ferry (relaxed Extended JSON, possibly re-ordered by jsonb)
// with a BSON value, by meaning: key order and int32/int64 spelling do not count.
bool sameJsonValue(const bson_iter_t *it, const QByteArray &json, QString *why);

} // namespace ferry::test

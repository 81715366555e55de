#pragma once

#include <QByteArray>
#include <QString>

#include <cstddef>

namespace ferry {

// Rewrites one document in mongo shell syntax, as mongoimport accepts it, into canonical
// Extended JSON that libbson parses: unquoted and single-quoted keys and strings, //
// and /* */ comments, trailing commas, ObjectId(), ISODate(), new Date(), Date(n),
// NumberInt/NumberLong/NumberDecimal(), BinData(), HexData(), UUID(), MD5(), Timestamp(),
// DBRef(), RegExp() and /regex/ literals, MinKey/MaxKey, NaN, Infinity, hex integers and
// undefined. Only syntax is rewritten: an Extended JSON wrapper written out in full
// ({"$numberInt": "1.5"}) is passed through, so libbson still refuses a malformed one.
// Returns false with *error (saying what and where, as a byte offset into `text`) when the
// text is not a document in either syntax.
bool shellToExtendedJson(const char *text, size_t length, QByteArray *out, QString *error,
                         size_t *errorOffset);

} // namespace ferry

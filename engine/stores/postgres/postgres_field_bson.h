#pragma once

#include <bson/bson.h>
#include <pqxx/pqxx>

namespace ferry {

// Appends one PostgreSQL result field (text format) to a document as the BSON type its
// column type maps to: smallint/integer as int32 and bigint as int64 in every row, numeric as
// Decimal128, timestamps as dates, uuid as binary subtype 4, bytea as binary, json/jsonb as
// documents, arrays as arrays, NULL as null.
void appendPgField(bson_t *doc, const char *key, const pqxx::field &f, pqxx::oid type);

} // namespace ferry

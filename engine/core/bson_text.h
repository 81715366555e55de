#pragma once

#include <bson/bson.h>

#include <QString>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace ferry {

// Text forms of BSON values, written into caller buffers or appended to a reusable
// std::string so that the transform's hot path allocates nothing per value.

inline constexpr size_t kIsoDateChars = 24; // "1970-01-01T00:00:00.000Z"
inline constexpr size_t kDoubleChars = 32;  // enough for any shortest double text
inline constexpr size_t kObjectIdChars = 24;

// Proleptic Gregorian date of a day count since 1970-01-01, exact for negative days too.
void civilFromDays(int64_t days, int64_t *year, unsigned *month, unsigned *day);

// ISO-8601 UTC with milliseconds. False (nothing written) outside years 1..9999, which
// four-digit ISO text and SQLite's date functions cannot express.
bool formatIsoDate(int64_t ms, char *out, size_t *length);
// Whether formatIsoDate can write ms: 0001-01-01T00:00:00.000Z to 9999-12-31T23:59:59.999Z.
constexpr bool isoDateInRange(int64_t ms)
{
    return ms >= -62135596800000LL && ms <= 253402300799999LL;
}
// The ISO text, or the plain millisecond count when the date is outside years 1..9999.
QString isoDateText(int64_t ms);

// 24 lowercase hex digits, no NUL written.
void formatObjectId(const bson_oid_t *oid, char *out);
// Returns the length; `out` holds BSON_DECIMAL128_STRING chars ("NaN", "-Infinity" kept).
size_t formatDecimal128(const bson_decimal128_t *value, char *out);
// Shortest text that reads back as the same double; "NaN", "Infinity", "-Infinity" for
// the non-finite values (PostgreSQL's spelling, also what numeric accepts).
size_t formatDouble(double value, char *out);

// A JSON string literal (quotes included) for UTF-8 text; control characters escaped.
void appendJsonString(std::string &out, std::string_view utf8);
// Relaxed Extended JSON of the value at `it`: JSON literals for strings, numbers, booleans
// and null; {"$numberDouble": "NaN"} and friends where plain JSON has no literal; libbson's
// wrappers ({"$date": ...}, {"$oid": ...}) for the rest. False when libbson cannot render
// the value (invalid UTF-8 inside it).
bool appendRelaxedJson(std::string &out, const bson_iter_t *it);
// Relaxed Extended JSON of a whole document, or of an array when `isArray`.
bool appendRelaxedJson(std::string &out, const bson_t *doc, bool isArray);
// For messages: the value's relaxed JSON, cut to `maxChars` with an ellipsis.
QString relaxedJsonText(const bson_iter_t *it, int maxChars = 100);

// The BSON spec's type name ("int32", "objectId", "binData", ...).
const char *bsonTypeName(bson_type_t type);

} // namespace ferry

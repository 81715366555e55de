#pragma once

#include <bson/bson.h>

#include <QByteArray>
#include <QString>
#include <QVariantList>

#include <optional>
#include <string_view>

namespace ferry {

// Helpers shared by the SQL sources: turning SQL values (as text or native numbers) into
// BSON the way DESIGN.md's type table maps them back, and the resume-token encoding.

// The BSON integer type of a SQL integer column, decided once per column from its declared
// type so that every document holds the same type in a field (a `{$type: "long"}` query, a
// JSON-schema validator or a typed driver mapping trips over a field that is int32 in one
// document and int64 in the next).
enum class IntWidth { Int32, Int64 };
// bigint / int8 → Int64; every other integer type → Int32.
IntWidth declaredIntWidth(const QString &sqlType);
// Appends `value` as the column's width. An Int32 column holding a value beyond int32 (which
// the source checks for beforehand) still gets int64 rather than a wrong number.
void appendSqlInteger(bson_t *doc, const char *key, qint64 value, IntWidth width);
// Decimal128 with the exact digits; when they do not fit (more than 34 significant
// digits), the text itself, so no digit is lost.
void appendSqlDecimal(bson_t *doc, const char *key, std::string_view digits);
// JSON text as an embedded document / array / scalar. Returns false (and appends nothing)
// when the text is not JSON.
bool appendSqlJson(bson_t *doc, const char *key, std::string_view json);
// "YYYY-MM-DD", "YYYY-MM-DD HH:MM:SS[.fff…][Z|±HH[:MM]]" (space or T) → UTC milliseconds.
// Values without a zone are taken as UTC; sub-millisecond digits are cut off.
std::optional<qint64> parseSqlTimestamp(std::string_view text);
// 8-4-4-4-12 hex (braces and upper case accepted) → 16 bytes.
bool parseUuidText(std::string_view text, uint8_t out[16]);

// A resume token: the last key values of a keyset read, as a small JSON array. Integers
// stay integers, text stays text, blobs are base64 in {"b": …}.
QByteArray encodeKeyPosition(const QVariantList &values);
std::optional<QVariantList> decodeKeyPosition(const QByteArray &position, int expected);

// "na""me": both dialects quote identifiers the same way.
QString sqlQuoteName(const QString &name);

// Rejects what cannot be part of one WHERE condition (statement separators, comments);
// returns the reason, or an empty string when the text looks acceptable.
QString sqlFilterProblem(const QString &filter);

} // namespace ferry

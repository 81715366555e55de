#include "transform/value_converter.h"

#include "core/bson_text.h"
#include "core/declared_size.h"
#include "core/error.h"
#include "core/utf8_check.h"
#include "core/uuid5.h"

#include <charconv>
#include <cmath>
#include <cstring>
#include <limits>

namespace ferry {

namespace {

// Reused for JSON text so that a Json column costs no allocation per value once warm;
// thread_local keeps the converter itself immutable and shareable.
std::string &jsonScratch()
{
    thread_local std::string scratch;
    scratch.clear();
    return scratch;
}

// Integers above 2^53 do not all have a double; compared as integers, not after rounding.
constexpr int64_t kMaxExactInt = int64_t(1) << 53;
constexpr double kTwo63 = 9223372036854775808.0;

bool integralDouble(double d)
{
    return std::isfinite(d) && std::trunc(d) == d;
}

// An escaped NUL ("\u0000") in JSON text: jsonb refuses it, while "\\u0000" (an escaped
// backslash followed by the letters) is harmless.
bool hasEscapedNul(const std::string &json)
{
    for (size_t pos = json.find("\\u0000"); pos != std::string::npos;
         pos = json.find("\\u0000", pos + 1)) {
        size_t backslashes = 0;
        while (pos > backslashes && json[pos - backslashes - 1] == '\\')
            ++backslashes;
        if (backslashes % 2 == 0)
            return true;
    }
    return false;
}

// SQLite turns a bound NaN into NULL and stores -0.0 in a REAL column as the integer 0:
// both would change the value without a word, so such values are refused instead.
bool sqliteKeepsDouble(double d)
{
    return !std::isnan(d) && !(d == 0.0 && std::signbit(d));
}

} // namespace

QString columnTypeLabel(ColumnType type)
{
    return columnTypeName(type);
}

ValueConverter::ValueConverter(const ColumnMapping &column, Dialect dialect)
    : m_type(column.type), m_conversion(column.conversion), m_pgArray(column.pgArray),
      m_dialect(dialect), m_column(column.column),
      m_length(column.type == ColumnType::Text && !column.pgArray ? column.length : 0),
      m_precision(column.type == ColumnType::Numeric && !column.pgArray ? column.precision : 0),
      m_scale(column.scale)
{
}

QString ValueConverter::mismatch(const bson_iter_t &it) const
{
    return trEngine("%1 value %2 cannot be stored in column `%3` of type %4")
        .arg(QLatin1String(bsonTypeName(bson_iter_type(&it))), relaxedJsonText(&it, 60), m_column,
             columnTypeLabel(m_type));
}

QString ValueConverter::doesNotFit(const bson_iter_t &it) const
{
    return trEngine("%1 does not fit column `%2` of type %3")
        .arg(relaxedJsonText(&it, 60), m_column, columnTypeLabel(m_type));
}

bool ValueConverter::append(TableRows &out, const bson_iter_t &it, QString *why) const
{
    if (m_length == 0 && m_precision == 0)
        return appendValue(out, it, why);
    const TableRows::Mark before = out.mark();
    if (!appendValue(out, it, why))
        return false;
    if (fitsDeclaredSize(out, before, it, why))
        return true;
    out.rollback(before);
    return false;
}

bool ValueConverter::fitsDeclaredSize(const TableRows &out, const TableRows::Mark &added,
                                      const bson_iter_t &it, QString *why) const
{
    const int columns = out.columns();
    const Cell &cell = out.at(added.cells / size_t(columns), int(added.cells % size_t(columns)));
    if (cell.kind == CellKind::Null)
        return true;
    const std::string_view text = out.bytes(cell);
    if (m_length > 0) {
        const size_t chars = utf8Chars(text);
        if (chars <= size_t(m_length))
            return true;
        *why = trEngine("%1 has %2 characters, more than column `%3` of type varchar(%4) takes; "
                        "raise the column's length in the mapping (0 = no limit), or infer "
                        "again with character types \"text\"")
                   .arg(relaxedJsonText(&it, 60))
                   .arg(chars)
                   .arg(m_column)
                   .arg(m_length);
        return false;
    }
    if (m_conversion == Conversion::Json || fitsNumeric(text, m_precision, m_scale))
        return true;
    *why = trEngine("%1 does not fit column `%2` of type numeric(%3,%4) without rounding (at "
                    "most %5 digits before the decimal point and %4 after); raise the column's "
                    "precision or scale in the mapping (precision 0 = no limit)")
               .arg(relaxedJsonText(&it, 60), m_column)
               .arg(m_precision)
               .arg(m_scale)
               .arg(m_precision - m_scale);
    return false;
}

bool ValueConverter::appendValue(TableRows &out, const bson_iter_t &it, QString *why) const
{
    if (m_conversion == Conversion::Json || m_type == ColumnType::Json || m_pgArray)
        return appendJson(out, it, why);
    const bson_type_t t = bson_iter_type(&it);
    switch (m_type) {
    case ColumnType::Text:
        return appendText(out, it, why);
    case ColumnType::Integer:
        if (t == BSON_TYPE_INT32) {
            out.addInt(bson_iter_int32(&it));
            return true;
        }
        if (t == BSON_TYPE_INT64) {
            const int64_t v = bson_iter_int64(&it);
            if (v < std::numeric_limits<int32_t>::min() || v > std::numeric_limits<int32_t>::max())
                break;
            out.addInt(v);
            return true;
        }
        if (t == BSON_TYPE_DOUBLE) {
            const double d = bson_iter_double(&it);
            if (!integralDouble(d) || d < -2147483648.0 || d > 2147483647.0)
                break;
            out.addInt(static_cast<int64_t>(d));
            return true;
        }
        *why = mismatch(it);
        return false;
    case ColumnType::BigInt:
        if (t == BSON_TYPE_INT32 || t == BSON_TYPE_INT64) {
            out.addInt(bson_iter_as_int64(&it));
            return true;
        }
        if (t == BSON_TYPE_DOUBLE) {
            const double d = bson_iter_double(&it);
            if (!integralDouble(d) || d < -kTwo63 || d >= kTwo63)
                break;
            out.addInt(static_cast<int64_t>(d));
            return true;
        }
        *why = mismatch(it);
        return false;
    case ColumnType::Double:
        if (t == BSON_TYPE_DOUBLE && m_dialect == Dialect::Sqlite &&
            !sqliteKeepsDouble(bson_iter_double(&it))) {
            *why = trEngine("%1 cannot be stored in SQLite column `%2` of type double (SQLite "
                            "would keep %3); map the field to json to keep it")
                       .arg(relaxedJsonText(&it, 60), m_column,
                            std::isnan(bson_iter_double(&it)) ? QStringLiteral("NULL")
                                                              : QStringLiteral("0"));
            return false;
        }
        if (t == BSON_TYPE_DOUBLE || t == BSON_TYPE_INT32) {
            out.addDouble(bson_iter_as_double(&it));
            return true;
        }
        if (t == BSON_TYPE_INT64) {
            const int64_t v = bson_iter_int64(&it);
            if (v > kMaxExactInt || v < -kMaxExactInt) {
                *why = trEngine("%1 has more digits than column `%2` of type double keeps; map "
                                "the field to bigint or numeric")
                           .arg(v)
                           .arg(m_column);
                return false;
            }
            out.addDouble(static_cast<double>(v));
            return true;
        }
        if (t == BSON_TYPE_DECIMAL128) {
            *why = trEngine("decimal128 %1 could lose digits in column `%2` of type double; map "
                            "the field to numeric")
                       .arg(relaxedJsonText(&it, 60), m_column);
            return false;
        }
        *why = mismatch(it);
        return false;
    case ColumnType::Numeric: {
        char buf[BSON_DECIMAL128_STRING + kDoubleChars];
        size_t len = 0;
        if (t == BSON_TYPE_DECIMAL128) {
            bson_decimal128_t dec;
            bson_iter_decimal128(&it, &dec);
            len = formatDecimal128(&dec, buf);
        } else if (t == BSON_TYPE_INT32 || t == BSON_TYPE_INT64) {
            len = static_cast<size_t>(
                std::to_chars(buf, buf + sizeof buf, bson_iter_as_int64(&it)).ptr - buf);
        } else if (t == BSON_TYPE_DOUBLE) {
            len = formatDouble(bson_iter_double(&it), buf);
        } else {
            *why = mismatch(it);
            return false;
        }
        out.addBytes(CellKind::Numeric, buf, len);
        return true;
    }
    case ColumnType::Boolean:
        if (t == BSON_TYPE_BOOL) {
            out.addBool(bson_iter_bool(&it));
            return true;
        }
        *why = mismatch(it);
        return false;
    case ColumnType::Timestamp:
        if (t == BSON_TYPE_DATE_TIME) {
            const int64_t ms = bson_iter_date_time(&it);
            if (!isoDateInRange(ms)) {
                *why = trEngine("date %1 ms from 1970 is outside the years 1-9999 that column "
                                "`%2` of type timestamp can hold; map the field to bigint")
                           .arg(ms)
                           .arg(m_column);
                return false;
            }
            out.addTimestamp(ms);
            return true;
        }
        *why = mismatch(it);
        return false;
    case ColumnType::Uuid:
        return appendUuid(out, it, why);
    case ColumnType::Binary:
        if (t == BSON_TYPE_BINARY) {
            bson_subtype_t sub;
            uint32_t len = 0;
            const uint8_t *data = nullptr;
            bson_iter_binary(&it, &sub, &len, &data);
            out.addBytes(CellKind::Blob, data, len);
            return true;
        }
        *why = mismatch(it);
        return false;
    case ColumnType::Json:
        break; // handled above
    }
    *why = doesNotFit(it);
    return false;
}

bool ValueConverter::appendText(TableRows &out, const bson_iter_t &it, QString *why) const
{
    char buf[BSON_DECIMAL128_STRING + kDoubleChars + 40];
    size_t len = 0;
    switch (bson_iter_type(&it)) {
    case BSON_TYPE_UTF8: {
        uint32_t n = 0;
        const char *s = bson_iter_utf8(&it, &n);
        if (!validUtf8NoNul(s, n)) {
            if (std::memchr(s, 0, n) != nullptr)
                *why = trEngine("the text contains a NUL byte, which PostgreSQL text cannot "
                                "store (column `%1`); clean the value or map the field to binary")
                           .arg(m_column);
            else
                *why = trEngine("the text is not valid UTF-8 (column `%1`); map the field to "
                                "binary to keep its bytes")
                           .arg(m_column);
            return false;
        }
        out.addText({s, n});
        return true;
    }
    case BSON_TYPE_OID:
        if (m_conversion == Conversion::ObjectIdUuid) {
            const UuidBytes u = uuidFromObjectId(bson_iter_oid(&it)->bytes);
            formatUuid(u.data(), buf);
            len = 36;
        } else {
            formatObjectId(bson_iter_oid(&it), buf);
            len = kObjectIdChars;
        }
        break;
    case BSON_TYPE_INT32:
    case BSON_TYPE_INT64:
        len = static_cast<size_t>(
            std::to_chars(buf, buf + sizeof buf, bson_iter_as_int64(&it)).ptr - buf);
        break;
    case BSON_TYPE_DOUBLE:
        len = formatDouble(bson_iter_double(&it), buf);
        break;
    case BSON_TYPE_DECIMAL128: {
        bson_decimal128_t dec;
        bson_iter_decimal128(&it, &dec);
        len = formatDecimal128(&dec, buf);
        break;
    }
    case BSON_TYPE_BOOL:
        len = bson_iter_bool(&it) ? 4 : 5;
        std::memcpy(buf, bson_iter_bool(&it) ? "true" : "false", len);
        break;
    case BSON_TYPE_DATE_TIME:
        if (formatIsoDate(bson_iter_date_time(&it), buf, &len))
            break;
        [[fallthrough]]; // outside years 1..9999: the Extended JSON form keeps the value
    default: {
        std::string &json = jsonScratch();
        if (!appendRelaxedJson(json, &it)) {
            *why = trEngine("the value contains text that is not valid UTF-8 (column `%1`)")
                       .arg(m_column);
            return false;
        }
        out.addText(json);
        return true;
    }
    }
    out.addBytes(CellKind::Text, buf, len);
    return true;
}

bool ValueConverter::appendUuid(TableRows &out, const bson_iter_t &it, QString *why) const
{
    switch (bson_iter_type(&it)) {
    case BSON_TYPE_BINARY: {
        bson_subtype_t sub;
        uint32_t len = 0;
        const uint8_t *data = nullptr;
        bson_iter_binary(&it, &sub, &len, &data);
        if ((sub == BSON_SUBTYPE_UUID || sub == BSON_SUBTYPE_UUID_DEPRECATED) && len == 16) {
            out.addBytes(CellKind::Uuid, data, 16);
            return true;
        }
        break;
    }
    case BSON_TYPE_OID: {
        const UuidBytes u = uuidFromObjectId(bson_iter_oid(&it)->bytes);
        out.addBytes(CellKind::Uuid, u.data(), u.size());
        return true;
    }
    case BSON_TYPE_UTF8: {
        uint32_t len = 0;
        const char *s = bson_iter_utf8(&it, &len);
        uint8_t u[16];
        if (parseUuid({s, len}, u)) {
            out.addBytes(CellKind::Uuid, u, 16);
            return true;
        }
        *why = trEngine("string %1 is not a UUID (column `%2`)")
                   .arg(relaxedJsonText(&it, 60), m_column);
        return false;
    }
    default:
        break;
    }
    *why = mismatch(it);
    return false;
}

bool ValueConverter::addJsonCell(TableRows &out, const std::string &json, QString *why) const
{
    if (m_dialect == Dialect::Postgres && hasEscapedNul(json)) {
        *why = trEngine("the value contains a NUL character, which PostgreSQL jsonb cannot store "
                        "(column `%1`)")
                   .arg(m_column);
        return false;
    }
    out.addBytes(CellKind::Json, json.data(), json.size());
    return true;
}

bool ValueConverter::appendJson(TableRows &out, const bson_iter_t &it, QString *why) const
{
    if (m_pgArray && bson_iter_type(&it) != BSON_TYPE_ARRAY) {
        *why = trEngine("%1 value %2 is not an array, which column `%3` expects")
                   .arg(QLatin1String(bsonTypeName(bson_iter_type(&it))), relaxedJsonText(&it, 60),
                        m_column);
        return false;
    }
    if (m_pgArray && m_dialect == Dialect::Postgres && !arrayElementsFit(it, why))
        return false;
    std::string &json = jsonScratch();
    if (!appendRelaxedJson(json, &it)) {
        *why =
            trEngine("the value contains text that is not valid UTF-8 (column `%1`)").arg(m_column);
        return false;
    }
    return addJsonCell(out, json, why);
}

// A PostgreSQL array of numbers or booleans takes the elements' JSON text as they are: one
// that would not parse (a string, a document, NaN, a fraction in bigint[]) would fail the
// whole batch at COPY, so its document is rejected here, by name. Nulls are NULL elements.
bool ValueConverter::arrayElementsFit(const bson_iter_t &array, QString *why) const
{
    bson_iter_t el;
    if (!bson_iter_recurse(&array, &el))
        return true;
    while (bson_iter_next(&el)) {
        const bson_type_t t = bson_iter_type(&el);
        bool fits = true;
        switch (m_type) {
        case ColumnType::Integer:
            fits = t == BSON_TYPE_INT32 ||
                   (t == BSON_TYPE_INT64 &&
                    bson_iter_int64(&el) >= std::numeric_limits<int32_t>::min() &&
                    bson_iter_int64(&el) <= std::numeric_limits<int32_t>::max());
            break;
        case ColumnType::BigInt:
            fits = t == BSON_TYPE_INT32 || t == BSON_TYPE_INT64;
            break;
        case ColumnType::Double:
        case ColumnType::Numeric: // Decimal128 text (NaN, Infinity too) both parse
            fits = t == BSON_TYPE_INT32 || t == BSON_TYPE_INT64 || t == BSON_TYPE_DECIMAL128 ||
                   (t == BSON_TYPE_DOUBLE && std::isfinite(bson_iter_double(&el)));
            break;
        case ColumnType::Boolean:
            fits = t == BSON_TYPE_BOOL;
            break;
        default: // text, timestamps, uuids, bytes, JSON: PostgreSQL's own parse decides
            break;
        }
        if (!fits && t != BSON_TYPE_NULL) {
            *why = trEngine("element %1 (%2) cannot be stored in column `%3` of type %4[]")
                       .arg(QString::fromUtf8(bson_iter_key(&el)), relaxedJsonText(&el, 60),
                            m_column, columnTypeLabel(m_type));
            return false;
        }
    }
    return true;
}

bool ValueConverter::appendDocument(TableRows &out, const bson_t *doc, QString *why) const
{
    std::string &json = jsonScratch();
    if (!appendRelaxedJson(json, doc, false)) {
        *why = trEngine("the document contains text that is not valid UTF-8 (column `%1`)")
                   .arg(m_column);
        return false;
    }
    if (m_type == ColumnType::Text && m_conversion != Conversion::Json) {
        out.addText(json);
        return true;
    }
    if (m_type != ColumnType::Json && m_conversion != Conversion::Json) {
        *why = trEngine("a whole document cannot be stored in column `%1` of type %2")
                   .arg(m_column, columnTypeLabel(m_type));
        return false;
    }
    return addJsonCell(out, json, why);
}

} // namespace ferry

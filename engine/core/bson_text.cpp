#include "core/bson_text.h"

#include <charconv>
#include <cmath>
#include <cstring>

namespace ferry {

namespace {

void put(char *out, unsigned value, int digits)
{
    for (int i = digits - 1; i >= 0; --i) {
        out[i] = static_cast<char>('0' + value % 10);
        value /= 10;
    }
}

// libbson wraps a lone value as { "v" : <value> }; these are the bytes around it.
constexpr std::string_view kWrapPrefix = "{ \"v\" : ";
constexpr std::string_view kWrapSuffix = " }";

bool appendWrappedJson(std::string &out, const bson_iter_t *it)
{
    bson_t tmp = BSON_INITIALIZER;
    bool ok = bson_append_iter(&tmp, "v", 1, it);
    size_t len = 0;
    char *json = ok ? bson_as_relaxed_extended_json(&tmp, &len) : nullptr;
    ok = json && len >= kWrapPrefix.size() + kWrapSuffix.size();
    if (ok)
        out.append(json + kWrapPrefix.size(), len - kWrapPrefix.size() - kWrapSuffix.size());
    bson_free(json);
    bson_destroy(&tmp);
    return ok;
}

} // namespace

// Days since 1970-01-01 to a proleptic Gregorian date (Howard Hinnant's civil_from_days
// algorithm, restated): exact for negative days too, which plain gmtime is not everywhere.
void civilFromDays(int64_t z, int64_t *y, unsigned *m, unsigned *d)
{
    z += 719468;
    const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const unsigned doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    *d = doy - (153 * mp + 2) / 5 + 1;
    *m = mp < 10 ? mp + 3 : mp - 9;
    *y = static_cast<int64_t>(yoe) + era * 400 + (*m <= 2 ? 1 : 0);
}

bool formatIsoDate(int64_t ms, char *out, size_t *length)
{
    if (!isoDateInRange(ms))
        return false;
    int64_t days = ms / 86400000;
    int64_t rest = ms % 86400000;
    if (rest < 0) {
        rest += 86400000;
        --days;
    }
    int64_t y;
    unsigned m, d;
    civilFromDays(days, &y, &m, &d);
    const auto r = static_cast<unsigned>(rest);
    put(out, static_cast<unsigned>(y), 4);
    out[4] = '-';
    put(out + 5, m, 2);
    out[7] = '-';
    put(out + 8, d, 2);
    out[10] = 'T';
    put(out + 11, r / 3600000, 2);
    out[13] = ':';
    put(out + 14, r / 60000 % 60, 2);
    out[16] = ':';
    put(out + 17, r / 1000 % 60, 2);
    out[19] = '.';
    put(out + 20, r % 1000, 3);
    out[23] = 'Z';
    *length = kIsoDateChars;
    return true;
}

QString isoDateText(int64_t ms)
{
    char buf[kIsoDateChars];
    size_t len = 0;
    if (formatIsoDate(ms, buf, &len))
        return QString::fromLatin1(buf, static_cast<qsizetype>(len));
    return QString::number(ms);
}

void formatObjectId(const bson_oid_t *oid, char *out)
{
    static const char digits[] = "0123456789abcdef";
    for (int i = 0; i < 12; ++i) {
        out[i * 2] = digits[oid->bytes[i] >> 4];
        out[i * 2 + 1] = digits[oid->bytes[i] & 0x0F];
    }
}

size_t formatDecimal128(const bson_decimal128_t *value, char *out)
{
    bson_decimal128_to_string(value, out);
    return std::strlen(out);
}

size_t formatDouble(double value, char *out)
{
    if (std::isnan(value)) {
        std::memcpy(out, "NaN", 3);
        return 3;
    }
    if (std::isinf(value)) {
        if (value < 0) {
            std::memcpy(out, "-Infinity", 9);
            return 9;
        }
        std::memcpy(out, "Infinity", 8);
        return 8;
    }
    const auto r = std::to_chars(out, out + kDoubleChars, value);
    return static_cast<size_t>(r.ptr - out);
}

void appendJsonString(std::string &out, std::string_view utf8)
{
    static const char digits[] = "0123456789abcdef";
    out.push_back('"');
    size_t run = 0; // start of the pending unescaped stretch
    for (size_t i = 0; i < utf8.size(); ++i) {
        const auto c = static_cast<unsigned char>(utf8[i]);
        if (c >= 0x20 && c != '"' && c != '\\')
            continue;
        out.append(utf8.data() + run, i - run);
        run = i + 1;
        switch (c) {
        case '"':
            out.append("\\\"");
            break;
        case '\\':
            out.append("\\\\");
            break;
        case '\n':
            out.append("\\n");
            break;
        case '\r':
            out.append("\\r");
            break;
        case '\t':
            out.append("\\t");
            break;
        case '\b':
            out.append("\\b");
            break;
        case '\f':
            out.append("\\f");
            break;
        default: {
            const char esc[6] = {'\\', 'u', '0', '0', digits[c >> 4], digits[c & 0x0F]};
            out.append(esc, 6);
        }
        }
    }
    out.append(utf8.data() + run, utf8.size() - run);
    out.push_back('"');
}

bool appendRelaxedJson(std::string &out, const bson_iter_t *it)
{
    char buf[kDoubleChars + 2];
    switch (bson_iter_type(it)) {
    case BSON_TYPE_UTF8: {
        uint32_t len = 0;
        const char *s = bson_iter_utf8(it, &len);
        if (!bson_utf8_validate(s, len, true))
            return false;
        appendJsonString(out, {s, len});
        return true;
    }
    case BSON_TYPE_INT32: {
        const auto r = std::to_chars(buf, buf + sizeof buf, bson_iter_int32(it));
        out.append(buf, r.ptr);
        return true;
    }
    case BSON_TYPE_INT64: {
        const auto r = std::to_chars(buf, buf + sizeof buf, bson_iter_int64(it));
        out.append(buf, r.ptr);
        return true;
    }
    case BSON_TYPE_DOUBLE: {
        const double d = bson_iter_double(it);
        if (!std::isfinite(d))
            break; // {"$numberDouble": ...} keeps the JSON valid
        size_t len = formatDouble(d, buf);
        // A trailing ".0" keeps an integral double a double when the JSON is read back.
        if (std::memchr(buf, '.', len) == nullptr && std::memchr(buf, 'e', len) == nullptr) {
            std::memcpy(buf + len, ".0", 2);
            len += 2;
        }
        out.append(buf, len);
        return true;
    }
    case BSON_TYPE_BOOL:
        out.append(bson_iter_bool(it) ? "true" : "false");
        return true;
    case BSON_TYPE_NULL:
        out.append("null");
        return true;
    case BSON_TYPE_DOCUMENT:
    case BSON_TYPE_ARRAY: {
        uint32_t len = 0;
        const uint8_t *data = nullptr;
        if (bson_iter_type(it) == BSON_TYPE_DOCUMENT)
            bson_iter_document(it, &len, &data);
        else
            bson_iter_array(it, &len, &data);
        bson_t sub;
        if (!bson_init_static(&sub, data, len))
            return false;
        return appendRelaxedJson(out, &sub, bson_iter_type(it) == BSON_TYPE_ARRAY);
    }
    default:
        break;
    }
    return appendWrappedJson(out, it);
}

bool appendRelaxedJson(std::string &out, const bson_t *doc, bool isArray)
{
    // Our own walk, in libbson's layout ("{ "k" : v }"), so that doubles nested in a
    // document or array get the shortest form that reads back the same (-93.24565), not
    // libbson's %.20g (-93.245649999999997704).
    bson_iter_t it;
    if (!bson_iter_init(&it, doc))
        return false;
    const size_t start = out.size();
    const auto fail = [&out, start] {
        out.resize(start); // nothing half-written is left for the caller
        return false;
    };
    out.push_back(isArray ? '[' : '{');
    bool first = true;
    while (bson_iter_next(&it)) {
        out.append(first ? " " : ", ");
        first = false;
        if (!isArray) {
            const uint32_t keyLen = bson_iter_key_len(&it);
            const char *key = bson_iter_key(&it);
            if (!bson_utf8_validate(key, keyLen, false))
                return fail();
            appendJsonString(out, {key, keyLen});
            out.append(" : ");
        }
        if (!appendRelaxedJson(out, &it))
            return fail();
    }
    if (it.err_off != 0)
        return fail(); // a corrupt document: the caller falls back as for any unreadable value
    out.append(" ");
    out.push_back(isArray ? ']' : '}');
    return true;
}

QString relaxedJsonText(const bson_iter_t *it, int maxChars)
{
    std::string json;
    if (!appendRelaxedJson(json, it))
        return QStringLiteral("(%1)").arg(QLatin1String(bsonTypeName(bson_iter_type(it))));
    QString text = QString::fromUtf8(json.data(), static_cast<qsizetype>(json.size()));
    if (maxChars > 0 && text.size() > maxChars)
        text = text.left(maxChars - 1) + QChar(0x2026);
    return text;
}

const char *bsonTypeName(bson_type_t type)
{
    switch (type) {
    case BSON_TYPE_EOD:
        return "missing";
    case BSON_TYPE_DOUBLE:
        return "double";
    case BSON_TYPE_UTF8:
        return "string";
    case BSON_TYPE_DOCUMENT:
        return "object";
    case BSON_TYPE_ARRAY:
        return "array";
    case BSON_TYPE_BINARY:
        return "binData";
    case BSON_TYPE_UNDEFINED:
        return "undefined";
    case BSON_TYPE_OID:
        return "objectId";
    case BSON_TYPE_BOOL:
        return "bool";
    case BSON_TYPE_DATE_TIME:
        return "date";
    case BSON_TYPE_NULL:
        return "null";
    case BSON_TYPE_REGEX:
        return "regex";
    case BSON_TYPE_DBPOINTER:
        return "dbPointer";
    case BSON_TYPE_CODE:
        return "javascript";
    case BSON_TYPE_SYMBOL:
        return "symbol";
    case BSON_TYPE_CODEWSCOPE:
        return "javascriptWithScope";
    case BSON_TYPE_INT32:
        return "int32";
    case BSON_TYPE_TIMESTAMP:
        return "timestamp";
    case BSON_TYPE_INT64:
        return "int64";
    case BSON_TYPE_DECIMAL128:
        return "decimal128";
    case BSON_TYPE_MAXKEY:
        return "maxKey";
    case BSON_TYPE_MINKEY:
        return "minKey";
    }
    return "unknown";
}

} // namespace ferry

#include "stores/common/sql_bson_values.h"

#include "core/error.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <limits>
#include <string>

namespace ferry {

IntWidth declaredIntWidth(const QString &sqlType)
{
    const QString t = sqlType.toLower();
    return t.contains(QLatin1String("bigint")) || t.contains(QLatin1String("int8")) ||
                   t.contains(QLatin1String("bigserial"))
               ? IntWidth::Int64
               : IntWidth::Int32;
}

void appendSqlInteger(bson_t *doc, const char *key, qint64 value, IntWidth width)
{
    if (width == IntWidth::Int32 && value >= std::numeric_limits<int32_t>::min() &&
        value <= std::numeric_limits<int32_t>::max())
        BSON_APPEND_INT32(doc, key, static_cast<int32_t>(value));
    else
        BSON_APPEND_INT64(doc, key, value);
}

void appendSqlDecimal(bson_t *doc, const char *key, std::string_view digits)
{
    bson_decimal128_t dec;
    const std::string text(digits);
    if (bson_decimal128_from_string(text.c_str(), &dec)) {
        BSON_APPEND_DECIMAL128(doc, key, &dec);
        return;
    }
    bson_append_utf8(doc, key, -1, text.data(), int(text.size()));
}

bool appendSqlJson(bson_t *doc, const char *key, std::string_view json)
{
    // Wrapping lets arrays and bare scalars through the same parser as objects.
    std::string wrapped;
    wrapped.reserve(json.size() + 8);
    wrapped.append("{\"v\":").append(json).append("}");
    bson_t parsed;
    bson_error_t error;
    if (!bson_init_from_json(&parsed, wrapped.data(), ssize_t(wrapped.size()), &error))
        return false;
    bson_iter_t it;
    bool ok = false;
    if (bson_iter_init_find(&it, &parsed, "v"))
        ok = bson_append_iter(doc, key, -1, &it);
    bson_destroy(&parsed);
    return ok;
}

namespace {

bool digitsAt(std::string_view s, size_t pos, size_t count, int *out)
{
    if (pos + count > s.size())
        return false;
    int v = 0;
    for (size_t i = pos; i < pos + count; ++i) {
        if (s[i] < '0' || s[i] > '9')
            return false;
        v = v * 10 + (s[i] - '0');
    }
    *out = v;
    return true;
}

// Days since 1970-01-01 in the proleptic Gregorian calendar.
qint64 daysFromCivil(qint64 y, unsigned m, unsigned d)
{
    y -= m <= 2;
    const qint64 era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = unsigned(y - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + qint64(doe) - 719468;
}

} // namespace

std::optional<qint64> parseSqlTimestamp(std::string_view s)
{
    while (!s.empty() && s.back() == ' ')
        s.remove_suffix(1);
    int year, month, day;
    if (!digitsAt(s, 0, 4, &year) || s.size() < 10 || s[4] != '-' || !digitsAt(s, 5, 2, &month) ||
        s[7] != '-' || !digitsAt(s, 8, 2, &day) || month < 1 || month > 12 || day < 1 || day > 31)
        return std::nullopt;
    int hour = 0, minute = 0, second = 0, millis = 0, offsetSeconds = 0;
    size_t pos = 10;
    if (pos < s.size() && (s[pos] == ' ' || s[pos] == 'T')) {
        if (!digitsAt(s, pos + 1, 2, &hour) || s.size() < pos + 6 || s[pos + 3] != ':' ||
            !digitsAt(s, pos + 4, 2, &minute))
            return std::nullopt;
        pos += 6;
        if (pos < s.size() && s[pos] == ':') {
            if (!digitsAt(s, pos + 1, 2, &second))
                return std::nullopt;
            pos += 3;
        }
        if (pos < s.size() && s[pos] == '.') {
            ++pos;
            int scale = 100;
            while (pos < s.size() && s[pos] >= '0' && s[pos] <= '9') {
                millis += (s[pos] - '0') * scale;
                scale /= 10;
                ++pos;
            }
        }
        if (pos < s.size() && s[pos] == 'Z') {
            ++pos;
        } else if (pos < s.size() && (s[pos] == '+' || s[pos] == '-')) {
            const int sign = s[pos] == '-' ? -1 : 1;
            int oh = 0, om = 0, os = 0;
            if (!digitsAt(s, pos + 1, 2, &oh))
                return std::nullopt;
            pos += 3;
            if (pos < s.size() && s[pos] == ':')
                ++pos;
            if (digitsAt(s, pos, 2, &om))
                pos += 2;
            if (pos < s.size() && s[pos] == ':' && digitsAt(s, pos + 1, 2, &os))
                pos += 3;
            offsetSeconds = sign * (oh * 3600 + om * 60 + os);
        }
    }
    if (pos != s.size() || hour > 23 || minute > 59 || second > 60)
        return std::nullopt;
    const qint64 days = daysFromCivil(year, unsigned(month), unsigned(day));
    const qint64 secs = days * 86400 + hour * 3600 + minute * 60 + second - offsetSeconds;
    return secs * 1000 + millis;
}

bool parseUuidText(std::string_view s, uint8_t out[16])
{
    if (s.size() == 38 && s.front() == '{' && s.back() == '}')
        s = s.substr(1, 36);
    int n = 0;
    int high = -1;
    for (char c : s) {
        if (c == '-')
            continue;
        int v;
        if (c >= '0' && c <= '9')
            v = c - '0';
        else if (c >= 'a' && c <= 'f')
            v = c - 'a' + 10;
        else if (c >= 'A' && c <= 'F')
            v = c - 'A' + 10;
        else
            return false;
        if (n >= 16)
            return false;
        if (high < 0) {
            high = v;
        } else {
            out[n++] = uint8_t(high << 4 | v);
            high = -1;
        }
    }
    return n == 16 && high < 0;
}

QByteArray encodeKeyPosition(const QVariantList &values)
{
    QJsonArray arr;
    for (const QVariant &v : values) {
        switch (v.typeId()) {
        case QMetaType::LongLong:
        case QMetaType::Int:
        case QMetaType::UInt:
        case QMetaType::ULongLong:
            arr.append(QJsonValue(v.toLongLong()));
            break;
        case QMetaType::Double:
            arr.append(QJsonObject{{QStringLiteral("d"), QString::number(v.toDouble(), 'g', 17)}});
            break;
        case QMetaType::QByteArray:
            arr.append(QJsonObject{
                {QStringLiteral("b"), QString::fromLatin1(v.toByteArray().toBase64())}});
            break;
        default:
            if (v.isNull())
                arr.append(QJsonValue::Null);
            else
                arr.append(v.toString());
        }
    }
    return QJsonDocument(arr).toJson(QJsonDocument::Compact);
}

std::optional<QVariantList> decodeKeyPosition(const QByteArray &position, int expected)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(position, &error);
    if (error.error != QJsonParseError::NoError || !doc.isArray() || doc.array().size() != expected)
        return std::nullopt;
    QVariantList out;
    for (const QJsonValue &v : doc.array()) {
        if (v.isDouble())
            out.append(QVariant(v.toInteger()));
        else if (v.isString())
            out.append(v.toString());
        else if (v.isObject() && v.toObject().contains(QStringLiteral("b")))
            out.append(QByteArray::fromBase64(
                v.toObject().value(QStringLiteral("b")).toString().toLatin1()));
        else if (v.isObject() && v.toObject().contains(QStringLiteral("d")))
            out.append(v.toObject().value(QStringLiteral("d")).toString().toDouble());
        else
            out.append(QVariant());
    }
    return out;
}

QString sqlQuoteName(const QString &name)
{
    QString out = name;
    out.replace(QLatin1Char('"'), QLatin1String("\"\""));
    return QLatin1Char('"') + out + QLatin1Char('"');
}

QString sqlFilterProblem(const QString &filter)
{
    if (filter.contains(QLatin1Char(';')))
        return trEngine("it contains \";\": give one condition, not statements");
    if (filter.contains(QLatin1String("--")) || filter.contains(QLatin1String("/*")))
        return trEngine("it contains a comment (\"--\" or \"/*\")");
    return {};
}

} // namespace ferry

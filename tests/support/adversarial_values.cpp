#include "support/adversarial_values.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

#include <cmath>
#include <cstring>

namespace ferry::test {

namespace {

QString hexOf(const char *data, size_t len)
{
    return QString::fromLatin1(QByteArray(data, qsizetype(len)).toHex());
}

// int32 and int64 spell the same number differently in canonical Extended JSON, and relaxed
// JSON (what Ferry writes) cannot tell them apart anyway: compare them as one kind.
QJsonValue normalized(const QJsonValue &v)
{
    if (v.isArray()) {
        QJsonArray out;
        for (const QJsonValue &e : v.toArray())
            out.append(normalized(e));
        return out;
    }
    if (!v.isObject())
        return v;
    const QJsonObject o = v.toObject();
    if (o.size() == 1 &&
        (o.contains(QLatin1String("$numberInt")) || o.contains(QLatin1String("$numberLong"))))
        return QStringLiteral("int:") + o.begin().value().toString();
    QJsonObject out;
    for (auto it = o.begin(); it != o.end(); ++it)
        out.insert(it.key(), normalized(it.value()));
    return out;
}

QJsonValue canonical(const bson_t *wrapped)
{
    size_t len = 0;
    char *json = bson_as_canonical_extended_json(wrapped, &len);
    if (!json)
        return QJsonValue(QJsonValue::Undefined);
    const QJsonDocument doc = QJsonDocument::fromJson(QByteArray(json, qsizetype(len)));
    bson_free(json);
    return normalized(doc.object().value(QLatin1String("v")));
}

bool parseDouble(const QString &text, double *out)
{
    const QString t = text.trimmed().toLower();
    if (t == QLatin1String("nan")) {
        *out = std::nan("");
        return true;
    }
    if (t == QLatin1String("infinity") || t == QLatin1String("inf")) {
        *out = HUGE_VAL;
        return true;
    }
    if (t == QLatin1String("-infinity") || t == QLatin1String("-inf")) {
        *out = -HUGE_VAL;
        return true;
    }
    bool ok = false;
    *out = t.toDouble(&ok);
    return ok;
}

// A decimal number as sign, significant digits and exponent, so "1.50" == "15E-1".
QString decimalKey(const QString &text)
{
    static const QRegularExpression re(
        QStringLiteral("^([+-]?)(\\d*)(?:\\.(\\d*))?(?:[eE]([+-]?\\d+))?$"));
    const auto m = re.match(text.trimmed());
    if (!m.hasMatch())
        return QStringLiteral("unparsable:") + text;
    QString digits = m.captured(2) + m.captured(3);
    qint64 exponent = m.captured(4).toLongLong() - m.captured(3).size();
    while (digits.startsWith(QLatin1Char('0')))
        digits.remove(0, 1);
    if (digits.isEmpty())
        return QStringLiteral("0");
    while (digits.endsWith(QLatin1Char('0'))) {
        digits.chop(1);
        ++exponent;
    }
    return m.captured(1).remove(QLatin1Char('+')) + digits + QLatin1Char('e') +
           QString::number(exponent);
}

QString valueText(const bson_iter_t *it)
{
    bson_t wrapped = BSON_INITIALIZER;
    bson_append_iter(&wrapped, "v", 1, it);
    size_t len = 0;
    char *json = bson_as_relaxed_extended_json(&wrapped, &len);
    QString out =
        json ? QString::fromUtf8(json, qsizetype(std::min<size_t>(len, 120))) : QStringLiteral("?");
    bson_free(json);
    bson_destroy(&wrapped);
    return out;
}

// SQLite's hex(NULL) is '', which would make a NULL look like an empty value.
QString sqliteHex(const QString &q)
{
    return QStringLiteral("CASE WHEN %1 IS NULL THEN NULL ELSE hex(%1) END").arg(q);
}

} // namespace

QString comparableExpression(const QString &q, const ColumnMapping &column, Dialect dialect)
{
    const bool pg = dialect == Dialect::Postgres;
    if (column.conversion == Conversion::Json || column.pgArray)
        return pg ? q + QStringLiteral("::text") : q;
    switch (column.type) {
    case ColumnType::Text:
        return pg ? QStringLiteral("encode(convert_to(%1, 'UTF8'), 'hex')").arg(q) : sqliteHex(q);
    case ColumnType::Binary:
        return pg ? QStringLiteral("encode(%1, 'hex')").arg(q) : sqliteHex(q);
    case ColumnType::Timestamp:
        return pg ? QStringLiteral("(extract(epoch from %1) * 1000)::bigint::text").arg(q) : q;
    default:
        return pg ? q + QStringLiteral("::text") : q;
    }
}

bool sameJsonValue(const bson_iter_t *it, const QByteArray &json, QString *why)
{
    bson_t expected = BSON_INITIALIZER;
    if (it)
        bson_append_iter(&expected, "v", 1, it);
    else
        BSON_APPEND_NULL(&expected, "v");
    const QJsonValue want = canonical(&expected);
    bson_destroy(&expected);

    bson_t stored;
    bson_error_t error;
    const QByteArray wrappedJson = "{\"v\": " + json + "}";
    if (!bson_init_from_json(&stored, wrappedJson.constData(), wrappedJson.size(), &error)) {
        *why = QStringLiteral("stored JSON does not parse (%1): %2")
                   .arg(QString::fromUtf8(error.message), QString::fromUtf8(json.left(120)));
        return false;
    }
    const QJsonValue got = canonical(&stored);
    bson_destroy(&stored);
    if (got == want)
        return true;
    *why = QStringLiteral("JSON differs: stored %1, expected %2")
               .arg(QString::fromUtf8(
                        QJsonDocument(QJsonArray{got}).toJson(QJsonDocument::Compact).left(200)),
                    QString::fromUtf8(
                        QJsonDocument(QJsonArray{want}).toJson(QJsonDocument::Compact).left(200)));
    return false;
}

bool sameStoredValue(const bson_iter_t *it, const ColumnMapping &column, Dialect dialect,
                     const QString &stored, QString *why)
{
    const bool isNull = !it || bson_iter_type(it) == BSON_TYPE_NULL;
    if (stored == QLatin1String("\\N") || isNull) {
        if (stored == QLatin1String("\\N") && isNull)
            return true;
        *why = QStringLiteral("stored %1, expected %2")
                   .arg(stored.left(60), isNull ? QStringLiteral("NULL") : valueText(it));
        return false;
    }
    if (column.conversion == Conversion::Json || column.type == ColumnType::Json || column.pgArray)
        return sameJsonValue(it, stored.toUtf8(), why);

    const bson_type_t t = bson_iter_type(it);
    QString want;
    bool ok = true;
    switch (column.type) {
    case ColumnType::Text:
        if (t == BSON_TYPE_UTF8) {
            uint32_t n = 0;
            const char *s = bson_iter_utf8(it, &n);
            want = hexOf(s, n);
        } else if (t == BSON_TYPE_OID) {
            char hex[25];
            bson_oid_to_string(bson_iter_oid(it), hex);
            want = hexOf(hex, 24);
        } else if (t == BSON_TYPE_INT32 || t == BSON_TYPE_INT64) {
            const QByteArray digits = QByteArray::number(bson_iter_as_int64(it));
            want = hexOf(digits.constData(), size_t(digits.size()));
        } else {
            ok = false;
        }
        if (ok && stored.compare(want, Qt::CaseInsensitive) == 0)
            return true;
        break;
    case ColumnType::Integer:
    case ColumnType::BigInt:
        want = QString::number(bson_iter_as_int64(it));
        if (stored == want)
            return true;
        break;
    case ColumnType::Double: {
        const double d = bson_iter_as_double(it);
        double got = 0;
        if (parseDouble(stored, &got) &&
            ((std::isnan(d) && std::isnan(got)) || std::memcmp(&d, &got, sizeof d) == 0))
            return true;
        break;
    }
    case ColumnType::Numeric: {
        char buf[BSON_DECIMAL128_STRING];
        if (t == BSON_TYPE_DECIMAL128) {
            bson_decimal128_t dec;
            bson_iter_decimal128(it, &dec);
            bson_decimal128_to_string(&dec, buf);
            want = QString::fromLatin1(buf);
        } else {
            want = t == BSON_TYPE_DOUBLE ? QString::number(bson_iter_double(it), 'g', 17)
                                         : QString::number(bson_iter_as_int64(it));
        }
        if (decimalKey(stored) == decimalKey(want))
            return true;
        break;
    }
    case ColumnType::Boolean:
        want = bson_iter_as_bool(it) ? QStringLiteral("true") : QStringLiteral("false");
        if (stored == want ||
            stored == (bson_iter_as_bool(it) ? QStringLiteral("1") : QStringLiteral("0")))
            return true;
        break;
    case ColumnType::Timestamp: {
        const qint64 ms = bson_iter_date_time(it);
        want = QString::number(ms);
        if (dialect == Dialect::Postgres
                ? stored == want
                : QDateTime::fromString(stored, Qt::ISODateWithMs).toMSecsSinceEpoch() == ms)
            return true;
        break;
    }
    case ColumnType::Uuid:
    case ColumnType::Binary: {
        bson_subtype_t sub;
        uint32_t n = 0;
        const uint8_t *data = nullptr;
        if (t != BSON_TYPE_BINARY)
            return *why = QStringLiteral("a %1 in a binary/uuid column is not checked").arg(int(t)),
                   false;
        bson_iter_binary(it, &sub, &n, &data);
        want = hexOf(reinterpret_cast<const char *>(data), n);
        QString got = stored;
        got.remove(QLatin1Char('-'));
        if (got.compare(want, Qt::CaseInsensitive) == 0)
            return true;
        break;
    }
    case ColumnType::Json:
        break;
    }
    *why = ok ? QStringLiteral("stored %1 (%2 chars), expected %3")
                    .arg(stored.left(80))
                    .arg(stored.size())
                    .arg(valueText(it))
              : QStringLiteral("value %1 in a text column is not covered by this check")
                    .arg(valueText(it));
    return false;
}

} // namespace ferry::test

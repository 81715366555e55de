#include "stores/sqlite/sqlite_source_values.h"

#include "stores/common/sql_bson_values.h"

#include <QLocale>

#include <string_view>

namespace ferry {

Declared declaredKind(const QString &sqlType)
{
    const QString t = sqlType.toUpper();
    if (t.contains(QLatin1String("BOOL")))
        return Declared::Bool;
    if (t.contains(QLatin1String("NUMERIC")) || t.contains(QLatin1String("DECIMAL")))
        return Declared::Numeric;
    if (t.contains(QLatin1String("DATE")) || t.contains(QLatin1String("TIME")))
        return Declared::Timestamp;
    if (t.contains(QLatin1String("UUID")))
        return Declared::Uuid;
    if (t.contains(QLatin1String("JSON")))
        return Declared::Json;
    return Declared::Plain;
}

void appendSqliteValue(bson_t *doc, const char *key, const QVariant &v, Declared declared,
                       IntWidth width)
{
    if (v.isNull()) {
        BSON_APPEND_NULL(doc, key);
        return;
    }
    switch (v.typeId()) {
    case QMetaType::LongLong:
    case QMetaType::Int:
        if (declared == Declared::Bool)
            BSON_APPEND_BOOL(doc, key, v.toLongLong() != 0);
        else if (declared == Declared::Numeric)
            appendSqlDecimal(doc, key, v.toString().toStdString());
        else
            appendSqlInteger(doc, key, v.toLongLong(), width);
        return;
    case QMetaType::Double:
        if (declared == Declared::Numeric)
            appendSqlDecimal(
                doc, key,
                QString::number(v.toDouble(), 'g', QLocale::FloatingPointShortest).toStdString());
        else
            BSON_APPEND_DOUBLE(doc, key, v.toDouble());
        return;
    case QMetaType::QByteArray: {
        const QByteArray b = v.toByteArray();
        const bool uuid = declared == Declared::Uuid && b.size() == 16;
        bson_append_binary(doc, key, -1, uuid ? BSON_SUBTYPE_UUID : BSON_SUBTYPE_BINARY,
                           reinterpret_cast<const uint8_t *>(b.constData()), uint32_t(b.size()));
        return;
    }
    default:
        break;
    }
    const QByteArray text = v.toString().toUtf8();
    const std::string_view sv(text.constData(), size_t(text.size()));
    switch (declared) {
    case Declared::Timestamp:
        if (const auto ms = parseSqlTimestamp(sv)) {
            BSON_APPEND_DATE_TIME(doc, key, *ms);
            return;
        }
        break;
    case Declared::Numeric: {
        bson_decimal128_t dec;
        if (bson_decimal128_from_string(text.constData(), &dec)) {
            BSON_APPEND_DECIMAL128(doc, key, &dec);
            return;
        }
        break;
    }
    case Declared::Uuid: {
        uint8_t bytes[16];
        if (parseUuidText(sv, bytes)) {
            bson_append_binary(doc, key, -1, BSON_SUBTYPE_UUID, bytes, 16);
            return;
        }
        break;
    }
    case Declared::Json:
        if (appendSqlJson(doc, key, sv))
            return;
        break;
    default:
        break;
    }
    bson_append_utf8(doc, key, -1, text.constData(), int(text.size()));
}

} // namespace ferry

#include "stores/postgres/postgres_field_bson.h"

#include "stores/common/sql_bson_values.h"

#include <cstdlib>

namespace ferry {

namespace {

// Type OIDs from pg_type.dat; stable across server versions.
enum : pqxx::oid {
    OidBool = 16,
    OidBytea = 17,
    OidInt8 = 20,
    OidInt2 = 21,
    OidInt4 = 23,
    OidOid = 26,
    OidJson = 114,
    OidFloat4 = 700,
    OidFloat8 = 701,
    OidDate = 1082,
    OidTimestamp = 1114,
    OidTimestampTz = 1184,
    OidNumeric = 1700,
    OidUuid = 2950,
    OidJsonb = 3802,
};

// Element type of the array types Ferry maps to BSON arrays; 0 for anything else.
pqxx::oid arrayElement(pqxx::oid array)
{
    switch (array) {
    case 1000:
        return OidBool;
    case 1001:
        return OidBytea;
    case 1005:
        return OidInt2;
    case 1007:
        return OidInt4;
    case 1016:
        return OidInt8;
    case 1021:
        return OidFloat4;
    case 1022:
        return OidFloat8;
    case 1231:
        return OidNumeric;
    case 1115:
        return OidTimestamp;
    case 1185:
        return OidTimestampTz;
    case 1182:
        return OidDate;
    case 2951:
        return OidUuid;
    case 199:
        return OidJson;
    case 3807:
        return OidJsonb;
    case 1009:
    case 1015:
    case 1014:
    case 1002:
        return 25; // text, varchar, bpchar, char
    default:
        return 0;
    }
}

void appendText(bson_t *doc, const char *key, pqxx::oid type, const char *text, size_t len);

void appendArray(bson_t *doc, const char *key, pqxx::oid element, const pqxx::field &f)
{
    pqxx::array_parser parser = f.as_array();
    // Nested dimensions become nested arrays. PostgreSQL allows at most 6 dimensions; the
    // builders live in place because a child array points into its parent.
    constexpr int MaxDepth = 8;
    bson_t level[MaxDepth];
    uint32_t index[MaxDepth] = {};
    int depth = -1;
    char keyBuf[16];
    const char *itemKey;
    for (auto item = parser.get_next(); item.first != pqxx::array_parser::done;
         item = parser.get_next()) {
        switch (item.first) {
        case pqxx::array_parser::row_start:
            if (depth + 1 >= MaxDepth)
                break;
            if (depth < 0) {
                bson_append_array_begin(doc, key, -1, &level[0]);
            } else {
                bson_uint32_to_string(index[depth]++, &itemKey, keyBuf, sizeof keyBuf);
                bson_append_array_begin(&level[depth], itemKey, -1, &level[depth + 1]);
            }
            index[++depth] = 0;
            break;
        case pqxx::array_parser::row_end:
            if (depth > 0)
                bson_append_array_end(&level[depth - 1], &level[depth]);
            else if (depth == 0)
                bson_append_array_end(doc, &level[0]);
            --depth;
            break;
        case pqxx::array_parser::null_value:
            if (depth < 0)
                break;
            bson_uint32_to_string(index[depth]++, &itemKey, keyBuf, sizeof keyBuf);
            BSON_APPEND_NULL(&level[depth], itemKey);
            break;
        case pqxx::array_parser::string_value:
            if (depth < 0)
                break;
            bson_uint32_to_string(index[depth]++, &itemKey, keyBuf, sizeof keyBuf);
            appendText(&level[depth], itemKey, element, item.second.data(), item.second.size());
            break;
        default:
            break;
        }
    }
}

void appendText(bson_t *doc, const char *key, pqxx::oid type, const char *text, size_t len)
{
    const std::string_view sv(text, len);
    switch (type) {
    case OidBool:
        BSON_APPEND_BOOL(doc, key, len > 0 && (text[0] == 't' || text[0] == 'T'));
        return;
    case OidInt2:
    case OidInt4:
        appendSqlInteger(doc, key, std::strtoll(text, nullptr, 10), IntWidth::Int32);
        return;
    case OidInt8:
    case OidOid: // unsigned 32-bit: only int64 holds all of it
        appendSqlInteger(doc, key, std::strtoll(text, nullptr, 10), IntWidth::Int64);
        return;
    case OidFloat4:
    case OidFloat8:
        BSON_APPEND_DOUBLE(doc, key, std::strtod(text, nullptr));
        return;
    case OidNumeric:
        appendSqlDecimal(doc, key, sv);
        return;
    case OidDate:
    case OidTimestamp:
    case OidTimestampTz:
        if (const auto ms = parseSqlTimestamp(sv)) {
            BSON_APPEND_DATE_TIME(doc, key, *ms);
            return;
        }
        break; // infinity, BC dates: kept as text rather than guessed
    case OidUuid: {
        uint8_t bytes[16];
        if (parseUuidText(sv, bytes)) {
            bson_append_binary(doc, key, -1, BSON_SUBTYPE_UUID, bytes, 16);
            return;
        }
        break;
    }
    case OidBytea:
        if (len >= 2 && text[0] == '\\' && text[1] == 'x') {
            const QByteArray bytes =
                QByteArray::fromHex(QByteArray::fromRawData(text + 2, qsizetype(len - 2)));
            bson_append_binary(doc, key, -1, BSON_SUBTYPE_BINARY,
                               reinterpret_cast<const uint8_t *>(bytes.constData()),
                               uint32_t(bytes.size()));
            return;
        }
        break;
    case OidJson:
    case OidJsonb:
        if (appendSqlJson(doc, key, sv))
            return;
        break;
    default:
        break;
    }
    bson_append_utf8(doc, key, -1, text, int(len));
}

} // namespace

void appendPgField(bson_t *doc, const char *key, const pqxx::field &f, pqxx::oid type)
{
    if (f.is_null()) {
        BSON_APPEND_NULL(doc, key);
        return;
    }
    if (const pqxx::oid element = arrayElement(type)) {
        appendArray(doc, key, element, f);
        return;
    }
    appendText(doc, key, type, f.c_str(), f.size());
}

} // namespace ferry

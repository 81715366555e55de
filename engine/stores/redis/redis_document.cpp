#include "stores/redis/redis_document.h"

#include <hiredis/hiredis.h>

#include <QRegularExpression>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <optional>

namespace ferry {

namespace {

const QByteArray IdField = QByteArrayLiteral("_id");
// A JSON value or a hash of its own with an _id field: _id is the key, so theirs moves here.
const QByteArray ValueIdField = QByteArrayLiteral("_value_id");

bool isUtf8(const QByteArray &bytes)
{
    return bson_utf8_validate(bytes.constData(), size_t(bytes.size()), false);
}

QByteArray escaped(const QByteArray &raw)
{
    QByteArray out;
    for (const char c : raw) {
        const auto u = static_cast<unsigned char>(c);
        if (u >= 0x20 && u < 0x7f && c != '\\')
            out.append(c);
        else
            out.append("\\x").append(QByteArray::number(u, 16).rightJustified(2, '0'));
    }
    return out;
}

// A BSON key cannot hold NUL and must be UTF-8: anything else is spelled \xNN.
QByteArray fieldName(const QByteArray &raw)
{
    if (!raw.contains('\0') && isUtf8(raw))
        return raw == IdField ? ValueIdField : raw;
    return escaped(raw);
}

void appendBytes(bson_t *doc, const char *key, const QByteArray &bytes)
{
    if (isUtf8(bytes) && !bytes.contains('\0'))
        bson_append_utf8(doc, key, -1, bytes.constData(), int(bytes.size()));
    else
        bson_append_binary(doc, key, -1, BSON_SUBTYPE_BINARY,
                           reinterpret_cast<const uint8_t *>(bytes.constData()),
                           uint32_t(bytes.size()));
}

// JSON number syntax only, and only what converts back to the same text: "007" (a code,
// not a number), "1e999" and digits beyond what int64 or a double keeps stay strings.
std::optional<RedisNumericFields::Kind> numberKind(const QByteArray &v)
{
    static const auto digitsOnly = [](const QByteArray &s) {
        return !s.isEmpty() &&
               std::all_of(s.cbegin(), s.cend(), [](char c) { return c >= '0' && c <= '9'; });
    };
    if (v.isEmpty() || v.size() > 24)
        return std::nullopt;
    QByteArray body = v.startsWith('-') ? v.mid(1) : v;
    if (body.size() > 1 && body.startsWith('0') && body.at(1) != '.')
        return std::nullopt;
    if (digitsOnly(body)) {
        bool ok = false;
        v.toLongLong(&ok);
        return ok ? std::optional(RedisNumericFields::Kind::Integer) : std::nullopt;
    }
    static const QRegularExpression re(
        QStringLiteral("^-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?$"));
    if (!re.match(QString::fromLatin1(v)).hasMatch())
        return std::nullopt;
    qsizetype significant = 0;
    for (const char c : body) {
        if (c == 'e' || c == 'E')
            break;
        significant += c >= '0' && c <= '9';
    }
    bool ok = false;
    const double d = v.toDouble(&ok);
    if (!ok || !std::isfinite(d) || significant > 15)
        return std::nullopt;
    return RedisNumericFields::Kind::Double;
}

void appendScalar(bson_t *doc, const char *key, const QByteArray &bytes,
                  const QHash<QByteArray, RedisNumericFields::Kind> &numeric,
                  const QByteArray &field)
{
    const auto wanted = numeric.constFind(field);
    if (wanted != numeric.constEnd()) {
        if (const auto kind = numberKind(bytes)) {
            if (*wanted == RedisNumericFields::Kind::Integer &&
                *kind == RedisNumericFields::Kind::Integer) {
                BSON_APPEND_INT64(doc, key, bytes.toLongLong());
                return;
            }
            BSON_APPEND_DOUBLE(doc, key, bytes.toDouble());
            return;
        }
    }
    appendBytes(doc, key, bytes); // not a number after all: kept as it is, never lost
}

QByteArray bulk(const redisReply *r)
{
    return r && r->str && r->type == REDIS_REPLY_STRING ? QByteArray(r->str, qsizetype(r->len))
                                                        : QByteArray();
}

QByteArray element(const redisReply *r, size_t i)
{
    return i < r->elements ? bulk(r->element[i]) : QByteArray();
}

void appendArrayOfBytes(bson_t *doc, const char *key, QList<QByteArray> items)
{
    bson_t arr;
    BSON_APPEND_ARRAY_BEGIN(doc, key, &arr);
    char buf[16];
    const char *k;
    for (qsizetype i = 0; i < items.size(); ++i) {
        bson_uint32_to_string(uint32_t(i), &k, buf, sizeof buf);
        appendBytes(&arr, k, items[i]);
    }
    bson_append_array_end(doc, &arr);
}

bool appendJsonObject(bson_t *doc, const QByteArray &text)
{
    const QByteArray trimmed = text.trimmed();
    if (!trimmed.startsWith('{') || !trimmed.endsWith('}') || !isUtf8(trimmed))
        return false;
    bson_t parsed;
    bson_error_t error;
    if (!bson_init_from_json(&parsed, trimmed.constData(), ssize_t(trimmed.size()), &error))
        return false;
    bson_iter_t it;
    bson_iter_init(&it, &parsed);
    while (bson_iter_next(&it)) {
        const bool isId = strcmp(bson_iter_key(&it), "_id") == 0;
        bson_append_iter(doc, isId ? ValueIdField.constData() : nullptr, -1, &it);
    }
    bson_destroy(&parsed);
    return true;
}

void appendStream(bson_t *doc, const redisReply *r)
{
    bson_t entries;
    BSON_APPEND_ARRAY_BEGIN(doc, "entries", &entries);
    char buf[16];
    const char *k;
    for (size_t i = 0; i < r->elements; ++i) {
        const redisReply *e = r->element[i];
        if (e->type != REDIS_REPLY_ARRAY || e->elements < 2)
            continue;
        bson_uint32_to_string(uint32_t(i), &k, buf, sizeof buf);
        bson_t entry, fields;
        BSON_APPEND_DOCUMENT_BEGIN(&entries, k, &entry);
        appendBytes(&entry, "id", bulk(e->element[0]));
        BSON_APPEND_DOCUMENT_BEGIN(&entry, "fields", &fields);
        const redisReply *f = e->element[1];
        for (size_t j = 0; f->type == REDIS_REPLY_ARRAY && j + 1 < f->elements; j += 2)
            appendBytes(&fields, fieldName(element(f, j)).constData(), element(f, j + 1));
        bson_append_document_end(&entry, &fields);
        bson_append_document_end(&entries, &entry);
    }
    bson_append_array_end(doc, &entries);
}

} // namespace

QList<QByteArray> redisValueCommand(const QByteArray &type, const QByteArray &key)
{
    if (type == "hash")
        return {QByteArrayLiteral("HGETALL"), key};
    if (type == "string")
        return {QByteArrayLiteral("GET"), key};
    if (type == "list")
        return {QByteArrayLiteral("LRANGE"), key, QByteArrayLiteral("0"), QByteArrayLiteral("-1")};
    if (type == "set")
        return {QByteArrayLiteral("SMEMBERS"), key};
    if (type == "zset")
        return {QByteArrayLiteral("ZRANGE"), key, QByteArrayLiteral("0"), QByteArrayLiteral("-1"),
                QByteArrayLiteral("WITHSCORES")};
    if (type == "stream")
        return {QByteArrayLiteral("XRANGE"), key, QByteArrayLiteral("-"), QByteArrayLiteral("+")};
    return {};
}

void RedisNumericFields::see(const QByteArray &field, const QByteArray &value)
{
    Seen &s = m_seen[field];
    const auto kind = numberKind(value);
    if (!kind)
        s.other = true;
    else if (*kind == Kind::Integer)
        ++s.integers;
    else
        ++s.doubles;
}

void RedisNumericFields::observe(const RedisEntry &e)
{
    if (!e.value)
        return;
    if (e.type == "hash" && e.value->type == REDIS_REPLY_ARRAY) {
        for (size_t j = 0; j + 1 < e.value->elements; j += 2)
            see(fieldName(element(e.value, j)), element(e.value, j + 1));
    } else if (e.type == "string" && e.value->type == REDIS_REPLY_STRING) {
        const QByteArray v = bulk(e.value);
        if (!v.trimmed().startsWith('{'))
            see(QByteArrayLiteral("value"), v);
    }
}

QHash<QByteArray, RedisNumericFields::Kind> RedisNumericFields::decide() const
{
    QHash<QByteArray, Kind> out;
    for (auto it = m_seen.cbegin(); it != m_seen.cend(); ++it)
        if (!it->other && it->integers + it->doubles > 0)
            out.insert(it.key(), it->doubles > 0 ? Kind::Double : Kind::Integer);
    return out;
}

BsonDoc redisDocument(const RedisEntry &e, const QByteArray &id,
                      const QHash<QByteArray, RedisNumericFields::Kind> &numeric)
{
    BsonDoc out;
    bson_t *doc = out.get();
    // Text even for a key that is not UTF-8 (its bytes spelled \xNN): validation and
    // rollback find rows again by their key as text.
    const QByteArray idText = isUtf8(id) && !id.contains('\0') ? id : escaped(id);
    bson_append_utf8(doc, "_id", -1, idText.constData(), int(idText.size()));
    const redisReply *r = e.value;
    if (e.type == "hash") {
        for (size_t j = 0; j + 1 < r->elements; j += 2) {
            const QByteArray name = fieldName(element(r, j));
            appendScalar(doc, name.constData(), element(r, j + 1), numeric, name);
        }
    } else if (e.type == "string") {
        const QByteArray v = bulk(r);
        if (!appendJsonObject(doc, v))
            appendScalar(doc, "value", v, numeric, QByteArrayLiteral("value"));
    } else if (e.type == "list") {
        QList<QByteArray> items;
        for (size_t i = 0; i < r->elements; ++i)
            items << element(r, i);
        appendArrayOfBytes(doc, "values", items);
    } else if (e.type == "set") {
        QList<QByteArray> items;
        for (size_t i = 0; i < r->elements; ++i)
            items << element(r, i);
        std::sort(items.begin(), items.end()); // SMEMBERS has no order; runs must repeat
        appendArrayOfBytes(doc, "members", items);
    } else if (e.type == "zset") {
        bson_t arr;
        BSON_APPEND_ARRAY_BEGIN(doc, "members", &arr);
        char buf[16];
        const char *k;
        for (size_t i = 0; i + 1 < r->elements; i += 2) {
            bson_uint32_to_string(uint32_t(i / 2), &k, buf, sizeof buf);
            bson_t m;
            BSON_APPEND_DOCUMENT_BEGIN(&arr, k, &m);
            appendBytes(&m, "member", element(r, i));
            BSON_APPEND_DOUBLE(&m, "score", element(r, i + 1).toDouble());
            bson_append_document_end(&arr, &m);
        }
        bson_append_array_end(doc, &arr);
    } else if (e.type == "stream") {
        appendStream(doc, r);
    }
    if (e.expiresAtMs >= 0)
        BSON_APPEND_DATE_TIME(doc, "_expires_at", e.expiresAtMs);
    return out;
}

} // namespace ferry

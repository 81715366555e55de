#include "core/generated_key.h"

#include "core/uuid5.h"

#include <cstring>
#include <string>

namespace ferry {

void generatedObjectId(QByteArrayView scope, qint64 position, qint64 ordinal, bson_oid_t *out)
{
    std::string name("ferry-key");
    name.push_back('\0');
    name.append(scope.data(), size_t(scope.size()));
    name.push_back('\0');
    name.append(std::to_string(position));
    name.push_back('\0');
    name.append(std::to_string(ordinal));
    const auto digest = sha1(name.data(), name.size());
    std::memcpy(out->bytes, digest.data(), 12);
}

void appendWithKey(DocBatch &batch, const uint8_t *data, uint32_t len, QByteArrayView scope,
                   qint64 position, qint64 ordinal)
{
    bson_t doc;
    bson_iter_t it;
    if (!bson_init_static(&doc, data, len) || bson_iter_init_find(&it, &doc, "_id")) {
        batch.append(data, len);
        return;
    }
    bson_oid_t oid;
    generatedObjectId(scope, position, ordinal, &oid);
    bson_t keyed;
    bson_init(&keyed);
    bson_append_oid(&keyed, "_id", 3, &oid);
    bson_concat(&keyed, &doc);
    batch.append(&keyed);
    bson_destroy(&keyed);
    batch.countGeneratedKey();
}

} // namespace ferry

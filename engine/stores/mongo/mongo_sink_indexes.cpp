// MongoSink's post-load step: the secondary indexes of a loaded collection.
#include "stores/mongo/mongo_sink.h"

#include <mongoc/mongoc.h>

#include <QSet>

namespace ferry {

namespace {

// A key pattern as comparable text: "field" for an ascending key, "field:VALUE" for any
// other kind (descending, text, 2dsphere, hashed), which then never equals one of ours.
QStringList keyPatternOf(const bson_t *spec)
{
    QStringList fields;
    bson_iter_t it, key;
    if (!bson_iter_init_find(&it, spec, "key") || !BSON_ITER_HOLDS_DOCUMENT(&it) ||
        !bson_iter_recurse(&it, &key))
        return fields;
    while (bson_iter_next(&key)) {
        QString field = QString::fromUtf8(bson_iter_key(&key));
        const bool numeric = BSON_ITER_HOLDS_INT32(&key) || BSON_ITER_HOLDS_INT64(&key) ||
                             BSON_ITER_HOLDS_DOUBLE(&key);
        if (!numeric || bson_iter_as_double(&key) != 1.0) {
            const bson_value_t *v = bson_iter_value(&key);
            field += QLatin1Char(':') + (v->value_type == BSON_TYPE_UTF8
                                             ? QString::fromUtf8(v->value.v_utf8.str)
                                             : QString::number(bson_iter_as_double(&key)));
        }
        fields << field;
    }
    return fields;
}

void appendIndexSpec(bson_t *list, uint32_t i, const IndexSpec &index)
{
    char keyBuf[16];
    const char *itemKey;
    bson_uint32_to_string(i, &itemKey, keyBuf, sizeof keyBuf);
    bson_t spec, fields;
    BSON_APPEND_DOCUMENT_BEGIN(list, itemKey, &spec);
    BSON_APPEND_DOCUMENT_BEGIN(&spec, "key", &fields);
    for (const QString &f : index.fields)
        BSON_APPEND_INT32(&fields, f.toUtf8().constData(), 1);
    bson_append_document_end(&spec, &fields);
    BSON_APPEND_UTF8(&spec, "name", index.effectiveName().toUtf8().constData());
    if (index.unique)
        BSON_APPEND_BOOL(&spec, "unique", true);
    bson_append_document_end(list, &spec);
}

} // namespace

Result<QList<QStringList>> MongoSink::existingKeyPatterns(const QString &key)
{
    mongoc_collection_t *coll = mongoc_client_get_collection(
        m_client, m_database.toUtf8().constData(), key.toUtf8().constData());
    // A collection that does not exist has no indexes; the driver answers with no rows.
    mongoc_cursor_t *cursor = mongoc_collection_find_indexes_with_opts(coll, nullptr);
    QList<QStringList> out;
    const bson_t *spec = nullptr;
    while (mongoc_cursor_next(cursor, &spec))
        out << keyPatternOf(spec);
    bson_error_t error;
    const bool failed = mongoc_cursor_error(cursor, &error);
    mongoc_cursor_destroy(cursor);
    mongoc_collection_destroy(coll);
    if (failed)
        return driverError(trEngine("listing the indexes of %1").arg(key), key, &error);
    return out;
}

Result<IndexOutcome> MongoSink::ensureIndexes(const CollectionMapping &mapping,
                                              const std::vector<IndexSpec> &indexes)
{
    IndexOutcome outcome;
    if (indexes.empty() || m_dryRun)
        return outcome;
    const QString key = mapping.root.table.isEmpty() ? mapping.collection : mapping.root.table;
    auto existing = existingKeyPatterns(key);
    if (!existing)
        return existing.error();
    QSet<QStringList> present(existing->cbegin(), existing->cend());
    std::vector<const IndexSpec *> missing;
    for (const IndexSpec &index : indexes) {
        if (present.contains(index.fields)) {
            ++outcome.existing;
            continue;
        }
        present.insert(index.fields); // the same key listed twice is built once
        missing.push_back(&index);
    }
    if (missing.empty())
        return outcome;

    bson_t cmd = BSON_INITIALIZER, reply, list;
    const QByteArray name = key.toUtf8();
    BSON_APPEND_UTF8(&cmd, "createIndexes", name.constData());
    BSON_APPEND_ARRAY_BEGIN(&cmd, "indexes", &list);
    for (size_t i = 0; i < missing.size(); ++i)
        appendIndexSpec(&list, uint32_t(i), *missing[i]);
    bson_append_array_end(&cmd, &list);
    bson_error_t error;
    mongoc_database_t *db = mongoc_client_get_database(m_client, m_database.toUtf8().constData());
    const bool ok = mongoc_database_write_command_with_opts(db, &cmd, nullptr, &reply, &error);
    mongoc_database_destroy(db);
    bson_destroy(&cmd);
    bson_destroy(&reply);
    if (!ok)
        return driverError(trEngine("creating the indexes of %1 (a unique index fails when the "
                                    "data holds duplicates of its key)")
                               .arg(key),
                           key, &error);
    outcome.created = int(missing.size());
    return outcome;
}

} // namespace ferry

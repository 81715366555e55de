#include "stores/dump/bucket_unpacker.h"

#include <cstring>
#include <string>
#include <vector>

namespace ferry {

namespace {

struct Column {
    const char *name;
    bson_iter_t values; // positioned before the first value
    bool done = false;
    int nextIndex = -1; // index of the value under `values`, -1 before the first advance
};

bool advance(Column &c)
{
    if (c.done)
        return false;
    if (!bson_iter_next(&c.values)) {
        c.done = true;
        return false;
    }
    c.nextIndex = std::atoi(bson_iter_key(&c.values));
    return true;
}

} // namespace

BucketUnpacker::BucketUnpacker(QString collection, QByteArray timeField, QByteArray metaField)
    : m_collection(std::move(collection)), m_timeField(std::move(timeField)),
      m_metaField(std::move(metaField))
{
}

qint64 BucketUnpacker::measurementCount(const bson_t *bucket, const QByteArray &timeField)
{
    bson_iter_t it;
    bson_iter_t col;
    const QByteArray path = "data." + timeField;
    if (!bson_iter_init(&it, bucket) || !bson_iter_find_descendant(&it, path.constData(), &col) ||
        !BSON_ITER_HOLDS_DOCUMENT(&col))
        return -1;
    bson_iter_t values;
    qint64 n = 0;
    if (bson_iter_recurse(&col, &values))
        while (bson_iter_next(&values))
            ++n;
    return n;
}

Status
BucketUnpacker::unpack(const bson_t *bucket,
                       const std::function<void(const uint8_t *, uint32_t, int)> &deliver) const
{
    bson_iter_t it;
    bson_iter_t data;
    if (!bson_iter_init_find(&it, bucket, "data") || !BSON_ITER_HOLDS_DOCUMENT(&it) ||
        !bson_iter_recurse(&it, &data))
        return Error(ErrorCode::Parse,
                     trEngine("A bucket of the time-series collection \"%1\" has no data "
                              "document, so it is not a bucket MongoDB wrote. Dump the "
                              "collection again with mongodump.")
                         .arg(m_collection));
    std::vector<Column> columns;
    int timeColumn = -1;
    while (bson_iter_next(&data)) {
        if (BSON_ITER_HOLDS_BINARY(&data)) {
            bson_subtype_t subtype;
            uint32_t len = 0;
            const uint8_t *bytes = nullptr;
            bson_iter_binary(&data, &subtype, &len, &bytes);
            if (int(subtype) == 7)
                return Error(
                    ErrorCode::Parse,
                    trEngine("The time-series collection \"%1\" holds compressed buckets "
                             "(MongoDB 5.2 and later store their columns as BSONColumn "
                             "binaries), which Ferry cannot unpack yet. Export the "
                             "measurements with `mongoexport --collection %1` (it reads them "
                             "through the collection) and migrate that file instead.")
                        .arg(m_collection));
        }
        if (!BSON_ITER_HOLDS_DOCUMENT(&data))
            continue;
        Column c{bson_iter_key(&data), {}};
        if (!bson_iter_recurse(&data, &c.values))
            continue;
        if (m_timeField == c.name)
            timeColumn = int(columns.size());
        advance(c);
        columns.push_back(c);
    }
    if (timeColumn < 0)
        return Error(ErrorCode::Parse,
                     trEngine("A bucket of the time-series collection \"%1\" has no column for "
                              "its time field \"%2\". Check the timeField in %1.metadata.json.")
                         .arg(m_collection, QString::fromUtf8(m_timeField)));
    bson_iter_t meta;
    const bool hasMeta = !m_metaField.isEmpty() && bson_iter_init_find(&meta, bucket, "meta");

    // Every measurement has a time; the other columns are sparse (a measurement without a
    // field has no entry under its index).
    Column &time = columns[size_t(timeColumn)];
    bson_t m;
    while (!time.done) {
        const int index = time.nextIndex;
        bson_init(&m);
        for (Column &c : columns)
            if (std::strcmp(c.name, "_id") == 0 && !c.done && c.nextIndex == index)
                bson_append_iter(&m, "_id", 3, &c.values);
        bson_append_iter(&m, m_timeField.constData(), int(m_timeField.size()), &time.values);
        if (hasMeta)
            bson_append_iter(&m, m_metaField.constData(), int(m_metaField.size()), &meta);
        for (size_t k = 0; k < columns.size(); ++k) {
            Column &c = columns[k];
            // Columns are in index order; skip entries below this measurement (none in a
            // well-formed bucket).
            while (!c.done && c.nextIndex < index)
                advance(c);
            if (int(k) == timeColumn || c.done || c.nextIndex != index)
                continue;
            if (std::strcmp(c.name, "_id") != 0)
                bson_append_iter(&m, c.name, -1, &c.values);
        }
        deliver(bson_get_data(&m), m.len, index);
        bson_destroy(&m);
        for (size_t k = 0; k < columns.size(); ++k)
            if (int(k) != timeColumn && !columns[k].done && columns[k].nextIndex == index)
                advance(columns[k]);
        advance(time);
    }
    return {};
}

} // namespace ferry

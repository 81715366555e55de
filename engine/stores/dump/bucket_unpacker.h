#pragma once

#include "core/error.h"

#include <bson/bson.h>

#include <QByteArray>
#include <QString>

#include <functional>

namespace ferry {

// Turns one bucket of a time-series collection (a document of system.buckets.X) back into
// the measurements a MongoDB user sees in X: the bucket's `data` holds one sub-document per
// field, keyed "0", "1", … by measurement; `meta` is the meta field shared by the bucket.
// Each measurement is built as {_id (when measured), timeField, metaField, other fields in
// the bucket's column order}.
class BucketUnpacker {
public:
    BucketUnpacker(QString collection, QByteArray timeField, QByteArray metaField);

    // Calls `deliver` once per measurement, in measurement order, with its index in the bucket.
    // Compressed buckets (control.version 2, columns of BSON binary subtype 7) are refused
    // with a message that names the collection and what to do.
    Status unpack(const bson_t *bucket,
                  const std::function<void(const uint8_t *, uint32_t, int)> &deliver) const;
    // Measurements in a bucket without building them (for counts).
    static qint64 measurementCount(const bson_t *bucket, const QByteArray &timeField);

private:
    QString m_collection;
    QByteArray m_timeField;
    QByteArray m_metaField;
};

} // namespace ferry

#pragma once

#include "stores/common/sql_bson_values.h"

#include <bson/bson.h>

#include <QString>
#include <QVariant>

namespace ferry {

// SQLite stores values by storage class; the declared type says what they meant.
enum class Declared { Plain, Bool, Numeric, Timestamp, Uuid, Json };
Declared declaredKind(const QString &sqlType);

// Appends one column value of a SQLite row under `key`: its storage class read with its
// declaration (dates, booleans, numerics, UUIDs, JSON) and integer width.
void appendSqliteValue(bson_t *doc, const char *key, const QVariant &v, Declared declared,
                       IntWidth width);

} // namespace ferry

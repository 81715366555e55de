#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

namespace ferry::test {

// Documents that try every way a migration can lose or alter data quietly: one field with
// many types, awkward field names, NUL bytes and invalid UTF-8, extreme numbers and dates,
// every kind of _id in one collection, huge and deep values. Each document carries an
// int32 field `n` (its index) so a document can be found again whatever its _id is.
QList<QByteArray> adversarialDocuments();

// Only ids that a careless text key would merge: int 5 vs string "5", int64 7 vs "7", …
QList<QByteArray> collidingIdDocuments();

// Writes raw BSON documents one after another, the format of a mongodump .bson file.
bool writeBsonFile(const QString &path, const QList<QByteArray> &docs);

// Field names the adversarial documents use, for checks that names survive.
QString longFieldName(); // over 63 bytes

} // namespace ferry::test

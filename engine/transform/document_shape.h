#pragma once

#include "core/error.h"
#include "project/mapping.h"

#include <bson/bson.h>

#include <QHash>
#include <QSet>
#include <QString>
#include <QStringList>

namespace ferry {

// Renames and exclusions of the top-level fields of documents bound for a document target:
// those of a collection's own documents, or of the rows of a table embedded in them.
struct FieldShape {
    QHash<QString, QString> renames; // field → new name
    QSet<QString> excluded;
    bool isEmpty() const { return renames.isEmpty() && excluded.isEmpty(); }
};

// The prefix of an embedded table's fields in a collection's paths: "child[]." for an
// array, "child." for a single sub-document (the field paths the schema tree shows).
QString embeddedPrefix(const Embedding &embedding);
// The shape of the fields at `prefix` ("" = the collection's documents themselves); deeper
// paths belong to other prefixes and are left out.
FieldShape fieldShapeFor(const CollectionMapping &mapping, const QString &prefix);

// Appends `in`'s top-level fields to the open document `out`, renamed or left out as `shape`
// says, skipping the keys in `skip` too. Fails when a rename gives two fields one name.
Status appendShaped(bson_t *out, const bson_t *in, const FieldShape &shape,
                    const QStringList &skip = {});

} // namespace ferry

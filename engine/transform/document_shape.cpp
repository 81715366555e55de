#include "transform/document_shape.h"

#include <QVarLengthArray>

namespace ferry {

QString embeddedPrefix(const Embedding &embedding)
{
    const QString field = embedding.field.isEmpty() ? embedding.child : embedding.field;
    return field + (embedding.single ? QStringLiteral(".") : QStringLiteral("[]."));
}

FieldShape fieldShapeFor(const CollectionMapping &mapping, const QString &prefix)
{
    const auto local = [&prefix](const QString &path) -> QString {
        if (!path.startsWith(prefix))
            return {};
        const QString rest = path.mid(prefix.size());
        // A deeper path (or an embedded table's, when prefix is "") is not this level's.
        return rest.contains(QLatin1Char('.')) || rest.contains(QLatin1String("[]")) ? QString()
                                                                                     : rest;
    };
    FieldShape shape;
    for (const FieldRename &r : mapping.renames) {
        const QString from = local(r.from);
        if (!from.isEmpty() && r.to != from)
            shape.renames.insert(from, r.to);
    }
    for (const QString &path : mapping.excluded) {
        const QString field = local(path);
        if (!field.isEmpty())
            shape.excluded.insert(field);
    }
    return shape;
}

Status appendShaped(bson_t *out, const bson_t *in, const FieldShape &shape, const QStringList &skip)
{
    bson_iter_t it;
    if (!bson_iter_init(&it, in))
        return Error(ErrorCode::Parse, trEngine("A document is not valid BSON."));
    QVarLengthArray<QString, 32> written; // only tracked when renames may collide
    while (bson_iter_next(&it)) {
        const QString key = QString::fromUtf8(bson_iter_key(&it));
        if (skip.contains(key) || shape.excluded.contains(key))
            continue;
        if (shape.renames.isEmpty()) {
            bson_append_iter(out, bson_iter_key(&it), -1, &it);
            continue;
        }
        const QString name = shape.renames.value(key, key);
        if (written.contains(name))
            return Error(ErrorCode::Schema,
                         trEngine("Renaming %1 to %2 gives a document two fields named %2: "
                                  "choose another name.")
                             .arg(key, name));
        written.append(name);
        const QByteArray utf8 = name.toUtf8();
        bson_append_iter(out, utf8.constData(), int(utf8.size()), &it);
    }
    return {};
}

} // namespace ferry

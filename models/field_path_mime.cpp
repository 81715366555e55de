#include "models/field_path_mime.h"

#include <QDataStream>
#include <QIODevice>
#include <QMimeData>

namespace ferry {

QString fieldPathMimeType()
{
    return QStringLiteral("application/x-ferry-field-path");
}

QMimeData *encodeFieldPaths(const QString &collection, const QStringList &paths)
{
    QByteArray bytes;
    QDataStream out(&bytes, QIODevice::WriteOnly);
    out << collection << paths;
    auto *data = new QMimeData;
    data->setData(fieldPathMimeType(), bytes);
    // Dropped on a text editor, the paths are what one would type.
    data->setText(paths.join(QLatin1Char('\n')));
    return data;
}

bool decodeFieldPaths(const QMimeData *data, QString *collection, QStringList *paths)
{
    if (!data || !data->hasFormat(fieldPathMimeType()))
        return false;
    QDataStream in(data->data(fieldPathMimeType()));
    QString c;
    QStringList p;
    in >> c >> p;
    if (in.status() != QDataStream::Ok || p.isEmpty())
        return false;
    *collection = c;
    *paths = p;
    return true;
}

} // namespace ferry

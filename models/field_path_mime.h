#pragma once

#include <QString>
#include <QStringList>

class QMimeData;

namespace ferry {

// Field paths dragged from the schema tree to a column list. The collection travels with
// the paths so that a drop on another collection's table can be refused.
QString fieldPathMimeType();
QMimeData *encodeFieldPaths(const QString &collection, const QStringList &paths);
// False when `data` holds no field paths of ours.
bool decodeFieldPaths(const QMimeData *data, QString *collection, QStringList *paths);

} // namespace ferry

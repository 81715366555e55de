#pragma once

#include "project/project.h"

#include <QSet>
#include <QStringList>

#include <vector>

namespace ferry {

class SqlSink;

// The post-load step of a run: each reference of the collections just moved becomes a
// FOREIGN KEY, after all the data is in (so neither the load order nor a row that comes
// before its parent can make a batch fail). Only between tables this run created: a table
// that was already there belongs to the user, and so do its constraints. Returns the
// warnings to show (a constraint the data violates, a target that cannot add one).
QStringList addForeignKeys(SqlSink &sink, const Project &project,
                           const std::vector<const CollectionMapping *> &moved,
                           const QSet<QString> &createdTables);

} // namespace ferry

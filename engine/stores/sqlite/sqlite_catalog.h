#pragma once

#include "core/catalog.h"
#include "core/error.h"

class QSqlDatabase;

namespace ferry {

// Tables of the database (not sqlite_*, not Ferry's own _ferry_*), sorted by name.
// `countRows` runs COUNT(*).
Result<QList<TableInfo>> readSqliteCatalog(QSqlDatabase &db, bool countRows);

} // namespace ferry

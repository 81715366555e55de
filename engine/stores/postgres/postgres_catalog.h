#pragma once

#include "core/catalog.h"
#include "core/error.h"

namespace pqxx {
class transaction_base;
}

namespace ferry {

// Tables of the current schema, without Ferry's own bookkeeping tables (_ferry_*),
// sorted by name. `countRows` runs COUNT(*).
Result<QList<TableInfo>> readPostgresCatalog(pqxx::transaction_base &tx, bool countRows);

} // namespace ferry

#pragma once

#include "core/catalog.h"

#include <QString>

namespace ferry {

// Ferry's own bookkeeping tables (_ferry_*), which no catalog listing shows.
bool isFerryTable(const QString &name);

} // namespace ferry

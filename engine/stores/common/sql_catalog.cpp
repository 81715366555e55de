#include "stores/common/sql_catalog.h"

namespace ferry {

bool isFerryTable(const QString &name)
{
    return name.startsWith(QLatin1String("_ferry_"));
}

} // namespace ferry

#include "core/error.h"

namespace ferry {

QString Error::toString() const
{
    if (where.isEmpty())
        return message;
    return QStringLiteral("%1 (%2)").arg(message, where);
}

} // namespace ferry

#pragma once

#include <QString>

namespace ferry {

// A count as people write it: grouped by thousands ("1,564"), with the separator of the
// user's locale, or "," under the C locale (which would print none).
QString countText(qint64 n);

// A sentence about n things, with the English form for n ("%n row" for one, "%n rows" for
// the rest) and %n replaced by countText(n). Both forms go through trEngine(), like every
// engine string.
QString trEngineCount(const char *one, const char *many, qint64 n);

} // namespace ferry

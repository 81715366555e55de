#include "core/error.h"

namespace ferry {

QString Error::toString() const
{
    if (where.isEmpty())
        return message;
    return QStringLiteral("%1 (%2)").arg(message, where);
}

QString plainSentence(const QString &text)
{
    QString s = text.simplified();
    while (s.endsWith(QLatin1Char('.')) && s.size() > 1 &&
           QStringView(s).chopped(1).endsWith(QLatin1Char('?')))
        s.chop(1);
    if (!s.isEmpty() && !s.endsWith(QLatin1Char('.')) && !s.endsWith(QLatin1Char('?')) &&
        !s.endsWith(QLatin1Char('!')))
        s.append(QLatin1Char('.'));
    return s;
}

} // namespace ferry

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
    // Each line of a driver's message is a sentence of its own ("Connection refused" then
    // "Is the server running…?"): keep them apart with a stop when joining them.
    QStringList sentences;
    for (const QString &line : text.split(QLatin1Char('\n'))) {
        QString s = line.simplified();
        if (s.isEmpty())
            continue;
        const QChar last = s.back();
        if (last != QLatin1Char('.') && last != QLatin1Char('?') && last != QLatin1Char('!') &&
            last != QLatin1Char(':'))
            s.append(QLatin1Char('.'));
        sentences.append(s);
    }
    QString s = sentences.join(QLatin1Char(' '));
    while (s.endsWith(QLatin1String("?.")))
        s.chop(1);
    if (s.endsWith(QLatin1Char(':')))
        s.back() = QLatin1Char('.');
    return s;
}

} // namespace ferry

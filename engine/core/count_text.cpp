#include "core/count_text.h"

#include "core/error.h"

#include <QLocale>

namespace ferry {

QString countText(qint64 n)
{
    QLocale locale;
    if (locale.language() == QLocale::C)
        locale = QLocale(QLocale::English, QLocale::UnitedStates);
    locale.setNumberOptions(locale.numberOptions() & ~QLocale::OmitGroupSeparator);
    return locale.toString(n);
}

QString trEngineCount(const char *one, const char *many, qint64 n)
{
    return trEngine(n == 1 ? one : many).replace(QLatin1String("%n"), countText(n));
}

} // namespace ferry

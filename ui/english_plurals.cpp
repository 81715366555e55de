#include "ui/english_plurals.h"

#include <QCoreApplication>
#include <QLocale>

namespace ferry {

QString EnglishPlurals::translate(const char *, const char *sourceText, const char *, int n) const
{
    if (n < 0 || !sourceText)
        return {};
    const QLocale::Language language = QLocale().language();
    if (language != QLocale::English && language != QLocale::C)
        return {};
    QString text = QString::fromUtf8(sourceText);
    const QLatin1String marker("(s)");
    if (!text.contains(marker))
        return {};
    text.replace(marker, n == 1 ? QString() : QStringLiteral("s"));
    return text;
}

void EnglishPlurals::installOnce()
{
    static EnglishPlurals *installed = nullptr;
    if (installed || !QCoreApplication::instance())
        return;
    installed = new EnglishPlurals(QCoreApplication::instance());
    QCoreApplication::installTranslator(installed);
}

} // namespace ferry

#pragma once

#include <QList>
#include <QLocale>
#include <QString>

class QCoreApplication;
class QMenu;
class QMenuBar;

namespace ferry {

// A language the wizard can show: its code ("de") and its name in itself ("Deutsch").
struct UiLanguage {
    QString code;
    QString nativeName;
};

// English plus every translation embedded under :/i18n (ferry_<code>.qm).
QList<UiLanguage> availableLanguages();

// The language chosen in View → Language, kept in QSettings; empty means "follow the system".
QString chosenLanguage();
void setChosenLanguage(const QString &code);

// The locale the wizard's texts follow: the chosen language, or the system's.
QLocale uiLocale();

// Loads Qt's own and Ferry's translations for uiLocale() into the application; the
// translators are children of app. Call once, before the first window is built.
void installTranslators(QCoreApplication *app);

// View → Language: "System language" and one checkable entry per available language. A choice
// is stored and applies at the next start (the pages are built once, in one language).
// Reuses a View menu already in the bar (objectName "viewMenu"), else adds one before Help.
QMenu *addLanguageMenu(QMenuBar *bar);

} // namespace ferry

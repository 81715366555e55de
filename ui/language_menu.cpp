#include "ui/language_menu.h"

#include <QAction>
#include <QActionGroup>
#include <QCoreApplication>
#include <QDir>
#include <QLibraryInfo>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QTranslator>

namespace ferry {

namespace {

const QString SettingsKey = QStringLiteral("ui/language");
const QString TranslationDir = QStringLiteral(":/i18n");

QString nativeName(const QString &code)
{
    QString name = QLocale(code).nativeLanguageName();
    if (!name.isEmpty())
        name[0] = name[0].toUpper(); // CLDR writes "français"; a menu entry starts upper case
    return name.isEmpty() ? code : name;
}

QMenu *viewMenu(QMenuBar *bar)
{
    const QList<QAction *> actions = bar->actions();
    for (QAction *a : actions)
        if (a->menu() && a->menu()->objectName() == QLatin1String("viewMenu"))
            return a->menu();
    // Before Help, where desktop conventions put View.
    QAction *before = nullptr;
    for (QAction *a : actions)
        if (a->menu() && a->menu()->objectName() == QLatin1String("helpMenu"))
            before = a;
    auto *menu = new QMenu(QCoreApplication::translate("ferry::LanguageMenu", "&View"), bar);
    menu->setObjectName(QStringLiteral("viewMenu"));
    bar->insertMenu(before, menu);
    return menu;
}

} // namespace

QList<UiLanguage> availableLanguages()
{
    QList<UiLanguage> languages{{QStringLiteral("en"), QStringLiteral("English")}};
    const QStringList files =
        QDir(TranslationDir).entryList({QStringLiteral("ferry_*.qm")}, QDir::Files, QDir::Name);
    for (const QString &file : files) {
        const QString code = file.mid(6, file.size() - 6 - 3);
        languages.append({code, nativeName(code)});
    }
    return languages;
}

QString chosenLanguage()
{
    return QSettings().value(SettingsKey).toString();
}

void setChosenLanguage(const QString &code)
{
    QSettings settings;
    if (code.isEmpty())
        settings.remove(SettingsKey);
    else
        settings.setValue(SettingsKey, code);
}

QLocale uiLocale()
{
    const QString chosen = chosenLanguage();
    return chosen.isEmpty() ? QLocale() : QLocale(chosen);
}

void installTranslators(QCoreApplication *app)
{
    // A second call (a test switching languages) replaces what the first one installed.
    const QList<QTranslator *> earlier = app->findChildren<QTranslator *>(
        QStringLiteral("ferryTranslator"), Qt::FindDirectChildrenOnly);
    for (QTranslator *t : earlier) {
        QCoreApplication::removeTranslator(t);
        delete t;
    }
    const QLocale locale = uiLocale();
    // Qt's dialogs (file chooser, message box buttons) in the same language as Ferry's.
    const QList<QPair<QString, QString>> catalogs{
        {QStringLiteral("qtbase"), QLibraryInfo::path(QLibraryInfo::TranslationsPath)},
        {QStringLiteral("ferry"), TranslationDir}};
    for (const auto &[name, dir] : catalogs) {
        auto *t = new QTranslator(app);
        t->setObjectName(QStringLiteral("ferryTranslator"));
        if (t->load(locale, name, QStringLiteral("_"), dir))
            QCoreApplication::installTranslator(t);
        else
            delete t;
    }
}

QMenu *addLanguageMenu(QMenuBar *bar)
{
    QMenu *menu =
        viewMenu(bar)->addMenu(QCoreApplication::translate("ferry::LanguageMenu", "&Language"));
    menu->setObjectName(QStringLiteral("languageMenu"));
    auto *group = new QActionGroup(menu);
    const QString current = chosenLanguage();
    auto addChoice = [&](const QString &code, const QString &text) {
        QAction *a = menu->addAction(text);
        a->setCheckable(true);
        a->setChecked(code == current);
        a->setData(code);
        group->addAction(a);
    };
    addChoice({}, QCoreApplication::translate("ferry::LanguageMenu", "System language"));
    menu->addSeparator();
    for (const UiLanguage &l : availableLanguages())
        addChoice(l.code, l.nativeName);
    QObject::connect(group, &QActionGroup::triggered, menu, [bar](QAction *a) {
        const QString code = a->data().toString();
        if (code == chosenLanguage())
            return;
        setChosenLanguage(code);
        // open(), not exec(): no nested event loop.
        auto *box = new QMessageBox(
            QMessageBox::Information,
            QCoreApplication::translate("ferry::LanguageMenu", "Language"),
            QCoreApplication::translate("ferry::LanguageMenu",
                                        "Ferry will use %1 from its next start.")
                .arg(code.isEmpty()
                         ? QCoreApplication::translate("ferry::LanguageMenu", "the system language")
                         : a->text()),
            QMessageBox::Ok, bar->window());
        box->setObjectName(QStringLiteral("languageNotice"));
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
    });
    return menu;
}

} // namespace ferry

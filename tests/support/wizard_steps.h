#pragma once

// Helpers for driving the wizard in GUI tests (header-only: only GUI tests link widgets).

#include "ui/migration_wizard.h"

#include <QAbstractButton>
#include <QLabel>
#include <QMap>
#include <QStandardPaths>
#include <QTabBar>
#include <QTest>
#include <QWizard>

namespace ferry::test {

// Every wizard test's start: test mode keeps recent projects and settings apart from the
// user's own, and the demo dump is the checkout's (two folders up when run by hand from
// build/tests). False when the demo cannot be found.
inline bool prepareWizardTest()
{
    QStandardPaths::setTestModeEnabled(true);
    if (MigrationWizard::demoSourceDir().isEmpty())
        qputenv("FERRY_DEMO_DIR", (QCoreApplication::applicationDirPath() +
                                   QStringLiteral("/../../resources/demo/shop"))
                                      .toLocal8Bit());
    return !MigrationWizard::demoSourceDir().isEmpty();
}

// Presses Next and waits for `expected`: Next on the source and target pages checks the
// connection off the UI thread first, then moves on by itself.
inline bool nextTo(QWizard &wizard, int expected, int timeoutMs = 60000)
{
    wizard.next();
    return QTest::qWaitFor([&] { return wizard.currentId() == expected; }, timeoutMs);
}

inline QChar mnemonicOf(const QString &text)
{
    for (qsizetype i = 0; i + 1 < text.size(); ++i) {
        if (text.at(i) == QLatin1Char('&')) {
            if (text.at(i + 1) != QLatin1Char('&'))
                return text.at(i + 1).toLower();
            ++i;
        }
    }
    return {};
}

// Alt+letter keys claimed more than once among what the user sees now (the current page and
// the wizard's buttons): "n: &Next >, Select &none". Empty when every key is unique.
inline QStringList duplicateMnemonics(QWizard &wizard)
{
    QMap<QChar, QStringList> owners;
    const auto note = [&](QWidget *w, const QString &text) {
        if (!w->isVisibleTo(&wizard))
            return;
        const QChar m = mnemonicOf(text);
        if (!m.isNull())
            owners[m].append(text);
    };
    for (QAbstractButton *b : wizard.findChildren<QAbstractButton *>())
        note(b, b->text());
    for (QLabel *l : wizard.findChildren<QLabel *>()) {
        if (l->buddy())
            note(l, l->text());
    }
    for (QTabBar *bar : wizard.findChildren<QTabBar *>()) {
        for (int i = 0; i < bar->count(); ++i)
            note(bar, bar->tabText(i));
    }
    QStringList out;
    for (auto it = owners.cbegin(); it != owners.cend(); ++it) {
        if (it.value().size() > 1)
            out.append(
                QStringLiteral("%1: %2").arg(it.key(), it.value().join(QStringLiteral(", "))));
    }
    return out;
}

} // namespace ferry::test

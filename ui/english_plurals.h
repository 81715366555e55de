#pragma once

#include <QTranslator>

namespace ferry {

// Strings with counts are written "%n document(s)" for translators; in English that "(s)"
// would reach the screen. This translator gives English its two forms ("1 document",
// "2 documents") without a .ts file to keep in step, and stays silent for any other
// language, so a real translation always answers first.
class EnglishPlurals : public QTranslator {
    Q_OBJECT
public:
    using QTranslator::QTranslator;

    bool isEmpty() const override { return false; }
    QString translate(const char *context, const char *sourceText,
                      const char *disambiguation = nullptr, int n = -1) const override;

    // Installs one instance on the application (idempotent).
    static void installOnce();
};

} // namespace ferry

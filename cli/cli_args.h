#pragma once

#include <QHash>
#include <QSet>
#include <QString>
#include <QStringList>

namespace ferry {

// The words after the command: `--name value`, `--name=value`, repeatable options, flags
// and positionals. Unknown options are an error so that a typo never runs a migration
// with defaults.
class CliArgs {
public:
    CliArgs(QSet<QString> valueOptions, QSet<QString> flags)
        : m_valueOptions(std::move(valueOptions)), m_flags(std::move(flags))
    {
    }
    bool parse(const QStringList &words); // false: error() says why
    QString error() const { return m_error; }

    bool has(const QString &name) const { return m_values.contains(name) || m_set.contains(name); }
    QString value(const QString &name, const QString &fallback = {}) const;
    QStringList values(const QString &name) const { return m_values.value(name); }
    const QStringList &positionals() const { return m_positionals; }
    // An integer option; false (with error()) when present but not a number in range.
    bool intValue(const QString &name, qint64 min, qint64 *out);

private:
    QString explainFailure(const QStringList &words, const QString &parserText) const;

    QSet<QString> m_valueOptions;
    QSet<QString> m_flags;
    QHash<QString, QStringList> m_values;
    QSet<QString> m_set;
    QStringList m_positionals;
    QString m_error;
};

} // namespace ferry

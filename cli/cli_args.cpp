#include "cli_args.h"

#include <QCoreApplication>

namespace ferry {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("ferry::Cli", text);
}
} // namespace

bool CliArgs::parse(const QStringList &words)
{
    for (qsizetype i = 0; i < words.size(); ++i) {
        const QString &w = words[i];
        if (!w.startsWith(QLatin1String("--")) || w == QLatin1String("--")) {
            m_positionals.append(w);
            continue;
        }
        QString name = w.mid(2);
        QString value;
        bool inlineValue = false;
        if (const qsizetype eq = name.indexOf(QLatin1Char('=')); eq >= 0) {
            value = name.mid(eq + 1);
            name.truncate(eq);
            inlineValue = true;
        }
        if (m_flags.contains(name)) {
            if (inlineValue) {
                m_error = tr("--%1 takes no value.").arg(name);
                return false;
            }
            m_set.insert(name);
        } else if (m_valueOptions.contains(name)) {
            if (!inlineValue) {
                if (i + 1 >= words.size()) {
                    m_error = tr("--%1 needs a value.").arg(name);
                    return false;
                }
                value = words[++i];
            }
            m_values[name].append(value);
        } else {
            QStringList known;
            for (const QString &o : m_valueOptions)
                known.append(QStringLiteral("--") + o);
            for (const QString &f : m_flags)
                known.append(QStringLiteral("--") + f);
            known.sort();
            m_error = tr("Unknown option --%1. This command takes: %2.")
                          .arg(name, known.join(QStringLiteral(", ")));
            return false;
        }
    }
    return true;
}

QString CliArgs::value(const QString &name, const QString &fallback) const
{
    const QStringList v = m_values.value(name);
    return v.isEmpty() ? fallback : v.last();
}

bool CliArgs::intValue(const QString &name, qint64 min, qint64 *out)
{
    if (!m_values.contains(name))
        return true;
    bool ok = false;
    const qint64 v = value(name).toLongLong(&ok);
    if (!ok || v < min) {
        m_error = tr("--%1 must be a whole number of at least %2, not \"%3\".")
                      .arg(name)
                      .arg(min)
                      .arg(value(name));
        return false;
    }
    *out = v;
    return true;
}

} // namespace ferry

#include "cli_args.h"

#include <QCommandLineParser>
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
    // Qt's parser does the splitting (--name value, --name=value, repeats, "--"); the
    // messages stay ours, which say what the command takes.
    QCommandLineParser parser;
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    for (const QString &name : m_valueOptions)
        parser.addOption(QCommandLineOption(name, QString(), QStringLiteral("value")));
    for (const QString &name : m_flags)
        parser.addOption(QCommandLineOption(name));
    const bool ok = parser.parse(QStringList(QStringLiteral("ferry-cli")) + words);
    if (const QStringList unknown = parser.unknownOptionNames(); !unknown.isEmpty()) {
        QStringList known;
        for (const QString &o : m_valueOptions)
            known.append(QStringLiteral("--") + o);
        for (const QString &f : m_flags)
            known.append(QStringLiteral("--") + f);
        known.sort();
        m_error = tr("Unknown option --%1. This command takes: %2.")
                      .arg(unknown.first(), known.join(QStringLiteral(", ")));
        return false;
    }
    if (!ok) {
        m_error = explainFailure(words, parser.errorText());
        return false;
    }
    for (const QString &name : m_valueOptions) {
        if (parser.isSet(name))
            m_values.insert(name, parser.values(name));
    }
    for (const QString &name : m_flags) {
        if (parser.isSet(name))
            m_set.insert(name);
    }
    m_positionals = parser.positionalArguments();
    return true;
}

QString CliArgs::explainFailure(const QStringList &words, const QString &parserText) const
{
    for (const QString &w : words) {
        const qsizetype eq = w.indexOf(QLatin1Char('='));
        if (w.startsWith(QLatin1String("--")) && eq > 2 && m_flags.contains(w.mid(2, eq - 2)))
            return tr("--%1 takes no value.").arg(w.mid(2, eq - 2));
    }
    if (!words.isEmpty() && words.last().startsWith(QLatin1String("--")) &&
        m_valueOptions.contains(words.last().mid(2)))
        return tr("--%1 needs a value.").arg(words.last().mid(2));
    return parserText;
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

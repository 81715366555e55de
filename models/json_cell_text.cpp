#include "models/json_cell_text.h"

#include <QStringList>

#include <algorithm>

namespace ferry {

namespace {

// Calls `token` for every piece of `json` outside strings (one punctuation character or a
// run of scalar characters) and for every whole string literal, whitespace left out.
template <class F> void forEachToken(const QString &json, F token)
{
    const qsizetype n = json.size();
    qsizetype i = 0;
    while (i < n) {
        const QChar c = json[i];
        if (c.isSpace()) {
            ++i;
            continue;
        }
        qsizetype end = i + 1;
        if (c == QLatin1Char('"')) {
            while (end < n && json[end] != QLatin1Char('"'))
                end += json[end] == QLatin1Char('\\') ? 2 : 1;
            end = std::min(end + 1, n);
        } else if (!QStringLiteral("{}[],:").contains(c)) {
            while (end < n && !json[end].isSpace() &&
                   !QStringLiteral("{}[],:\"").contains(json[end]))
                ++end;
        }
        token(QStringView(json).mid(i, end - i));
        i = end;
    }
}

} // namespace

QString jsonOneLine(const QString &json, int maxChars)
{
    QString out;
    out.reserve(std::min<qsizetype>(json.size(), maxChars + 1));
    forEachToken(json, [&](QStringView t) {
        if (out.size() > maxChars)
            return;
        out += t;
        if (t == QLatin1String(",") || t == QLatin1String(":"))
            out += QLatin1Char(' ');
    });
    if (out.size() > maxChars) {
        out.truncate(maxChars);
        out += QChar(0x2026);
    }
    return out;
}

QString jsonIndented(const QString &json, int maxLines)
{
    const QString trimmed = json.trimmed();
    if (!trimmed.startsWith(QLatin1Char('{')) && !trimmed.startsWith(QLatin1Char('[')))
        return json;
    QStringList lines{QString()};
    int depth = 0;
    bool opened = false; // the last token opened a bracket: an empty one stays on its line
    auto newLine = [&] { lines.append(QString(depth * 2, QLatin1Char(' '))); };
    forEachToken(json, [&](QStringView t) {
        if (lines.size() > maxLines)
            return;
        const bool close = t == QLatin1String("}") || t == QLatin1String("]");
        if (close) {
            --depth;
            if (!opened)
                newLine();
        } else if (opened) {
            newLine();
        }
        opened = false;
        lines.last() += t;
        if (t == QLatin1String("{") || t == QLatin1String("[")) {
            ++depth;
            opened = true;
        } else if (t == QLatin1String(",")) {
            newLine();
        } else if (t == QLatin1String(":")) {
            lines.last() += QLatin1Char(' ');
        }
    });
    if (lines.size() > maxLines) {
        lines.resize(maxLines);
        lines.append(QString(QChar(0x2026)));
    }
    return lines.join(QLatin1Char('\n'));
}

} // namespace ferry

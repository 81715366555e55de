#include "core/endpoint.h"

#include <QRegularExpression>
#include <QUrl>

namespace ferry {

namespace {

const QRegularExpression &secretPattern()
{
    // scheme://user:secret@  — the user part stays, the secret goes.
    static const QRegularExpression re(
        QStringLiteral("([a-zA-Z][a-zA-Z0-9+.-]*://[^:/@\\s]*):([^@\\s]*)@"));
    return re;
}

const QRegularExpression &keywordPasswordPattern()
{
    // libpq keyword/value strings: password=secret or password='se cret'
    static const QRegularExpression re(QStringLiteral("(password\\s*=\\s*)('[^']*'|\\S+)"),
                                       QRegularExpression::CaseInsensitiveOption);
    return re;
}

// libpq URIs also accept the password as a query parameter: ?password=… or &password=…
const QRegularExpression &queryPasswordPattern()
{
    static const QRegularExpression re(QStringLiteral("([?&])password=[^&#\\s]*&?"),
                                       QRegularExpression::CaseInsensitiveOption);
    return re;
}

} // namespace

QString redactSecrets(const QString &text)
{
    QString out = text;
    out.replace(secretPattern(), QStringLiteral("\\1:***@"));
    out.replace(keywordPasswordPattern(), QStringLiteral("\\1***"));
    return out;
}

Result<Endpoint> Endpoint::parse(const QString &textIn)
{
    const QString text = textIn.trimmed();
    if (text.isEmpty())
        return Error(ErrorCode::Usage,
                     trEngine("No source or target was given. Use for example "
                              "dump:PATH, mongodb://HOST/DB, postgresql://HOST/DB or "
                              "sqlite:FILE."));
    Endpoint e;
    e.m_uri = text;
    // A scheme is at least two characters, so a path such as C:/x is not mistaken for one.
    static const QRegularExpression schemeRe(QStringLiteral("^([a-zA-Z][a-zA-Z0-9+.-]+):"));
    const QRegularExpressionMatch m = schemeRe.match(text);
    if (m.hasMatch()) {
        e.m_scheme = m.captured(1).toLower();
        const QString rest = text.mid(m.capturedLength());
        e.m_url = rest.startsWith(QLatin1String("//")) && rest.size() > 2 && rest.at(2) != u'/';
        if (!e.m_url && e.path().isEmpty())
            return Error(ErrorCode::Usage,
                         trEngine("\"%1\" names no file or folder after the colon.").arg(text));
    }
    return e;
}

Endpoint Endpoint::withScheme(const QString &scheme) const
{
    Endpoint e = *this;
    e.m_scheme = scheme.toLower();
    e.m_uri = scheme + QLatin1Char(':') + path();
    e.m_url = false;
    return e;
}

QString Endpoint::path() const
{
    if (m_scheme.isEmpty())
        return m_uri;
    QString p = m_uri.mid(m_scheme.size() + 1);
    // sqlite:///abs/path and sqlite://rel are accepted as well as sqlite:path
    if (p.startsWith(QLatin1String("//")))
        p = p.mid(2);
    return p;
}

QString Endpoint::database() const
{
    if (!m_url)
        return {};
    const QUrl url(m_uri);
    QString p = url.path();
    if (p.startsWith(QLatin1Char('/')))
        p = p.mid(1);
    return p;
}

QString Endpoint::redacted() const
{
    return redactSecrets(m_uri);
}

bool Endpoint::hasSecret() const
{
    return secretPattern().match(m_uri).hasMatch() ||
           queryPasswordPattern().match(m_uri).hasMatch();
}

QString Endpoint::withoutSecret() const
{
    QString out = m_uri;
    out.replace(secretPattern(), QStringLiteral("\\1@"));
    out.replace(queryPasswordPattern(), QStringLiteral("\\1"));
    // "?x=1&" or a bare "?" left behind by the removal
    while (out.endsWith(QLatin1Char('&')) || out.endsWith(QLatin1Char('?')))
        out.chop(1);
    return out;
}

Endpoint Endpoint::withPassword(const QString &password) const
{
    Endpoint e = *this;
    if (password.isEmpty() || !m_url)
        return e;
    const qsizetype schemeEnd = m_uri.indexOf(QLatin1String("://"));
    const qsizetype at = m_uri.indexOf(QLatin1Char('@'), schemeEnd + 3);
    if (schemeEnd < 0 || at < 0)
        return e; // no user part: nothing to attach a password to
    QString userPart = m_uri.mid(schemeEnd + 3, at - schemeEnd - 3);
    const qsizetype colon = userPart.indexOf(QLatin1Char(':'));
    if (colon >= 0)
        userPart.truncate(colon);
    const QString encoded = QString::fromLatin1(QUrl::toPercentEncoding(password));
    e.m_uri = m_uri.left(schemeEnd + 3) + userPart + QLatin1Char(':') + encoded + m_uri.mid(at);
    return e;
}

} // namespace ferry

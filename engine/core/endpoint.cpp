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
    Endpoint e;
    e.m_uri = text;
    auto startsWith = [&](const char *p) {
        return text.startsWith(QLatin1String(p), Qt::CaseInsensitive);
    };
    if (text.isEmpty())
        return Error(ErrorCode::Usage,
                     trEngine("No source or target was given. Use for example "
                              "dump:PATH, mongodb://HOST/DB, postgresql://HOST/DB or "
                              "sqlite:FILE."));
    if (startsWith("mongodb://") || startsWith("mongodb+srv://")) {
        e.m_kind = EndpointKind::MongoDb;
    } else if (startsWith("postgresql://") || startsWith("postgres://")) {
        e.m_kind = EndpointKind::Postgres;
    } else if (startsWith("dump:")) {
        e.m_kind = EndpointKind::Dump;
    } else if (startsWith("sqlite:")) {
        e.m_kind = EndpointKind::Sqlite;
    } else if (startsWith("ndjson:")) {
        e.m_kind = EndpointKind::Ndjson;
    } else if (text.endsWith(QLatin1String(".sqlite")) ||
               text.endsWith(QLatin1String(".sqlite3")) || text.endsWith(QLatin1String(".db"))) {
        e.m_kind = EndpointKind::Sqlite;
        e.m_uri = QStringLiteral("sqlite:") + text;
    } else {
        return Error(ErrorCode::Usage,
                     trEngine("\"%1\" is not a location Ferry understands. Use dump:PATH, "
                              "mongodb://HOST[:PORT]/DB, postgresql://USER@HOST[:PORT]/DB, "
                              "sqlite:FILE or ndjson:DIR.")
                         .arg(redactSecrets(text)));
    }
    if ((e.m_kind == EndpointKind::Dump || e.m_kind == EndpointKind::Sqlite ||
         e.m_kind == EndpointKind::Ndjson) &&
        e.path().isEmpty())
        return Error(ErrorCode::Usage,
                     trEngine("\"%1\" names no file or folder after the colon.").arg(text));
    return e;
}

QString Endpoint::path() const
{
    switch (m_kind) {
    case EndpointKind::Dump:
    case EndpointKind::Sqlite:
    case EndpointKind::Ndjson: {
        QString p = m_uri.mid(m_uri.indexOf(QLatin1Char(':')) + 1);
        // sqlite:///abs/path and sqlite://rel are accepted as well as sqlite:path
        if (p.startsWith(QLatin1String("//")))
            p = p.mid(2);
        return p;
    }
    default:
        return {};
    }
}

QString Endpoint::database() const
{
    if (m_kind != EndpointKind::MongoDb && m_kind != EndpointKind::Postgres)
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
    if (password.isEmpty() || (m_kind != EndpointKind::MongoDb && m_kind != EndpointKind::Postgres))
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

QString Endpoint::kindName(EndpointKind kind)
{
    switch (kind) {
    case EndpointKind::MongoDb:
        return trEngine("MongoDB server");
    case EndpointKind::Dump:
        return trEngine("MongoDB dump");
    case EndpointKind::Postgres:
        return trEngine("PostgreSQL");
    case EndpointKind::Sqlite:
        return trEngine("SQLite file");
    case EndpointKind::Ndjson:
        return trEngine("NDJSON folder");
    }
    return {};
}

} // namespace ferry

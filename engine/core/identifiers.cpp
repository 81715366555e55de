#include "core/identifiers.h"

#include "core/error.h"

#include <QCryptographicHash>
#include <QSet>

namespace ferry {

namespace {

// The "reserved" and "reserved (can be function or type)" key words of PostgreSQL's SQL Key
// Words appendix: unquoted they are syntax errors or change a query's meaning, so a column
// named after one would force every hand-written query to quote it.
const char kPostgresReserved[] =
    "all analyse analyze and any array as asc asymmetric authorization binary both case cast "
    "check collate collation column concurrently constraint create cross current_catalog "
    "current_date current_role current_schema current_time current_timestamp current_user "
    "default deferrable desc distinct do else end except false fetch for foreign freeze from "
    "full grant group having ilike in initially inner intersect into is isnull join lateral "
    "leading left like limit localtime localtimestamp natural not notnull null offset on "
    "only or order outer overlaps placing primary references returning right select "
    "session_user similar some symmetric system_user table tablesample then to trailing true "
    "union unique user using variadic verbose when where window with";

// SQLite's keyword list (sqlite.org/lang_keywords.html). Some are accepted unquoted thanks to
// the parser's fallback rules, but which ones depends on context, so all are avoided.
const char kSqliteKeywords[] =
    "abort action add after all alter always analyze and as asc attach autoincrement before "
    "begin between by cascade case cast check collate column commit conflict constraint "
    "create cross current current_date current_time current_timestamp database default "
    "deferrable deferred delete desc detach distinct do drop each else end escape except "
    "exclude exclusive exists explain fail filter first following for foreign from full "
    "generated glob group groups having if ignore immediate in index indexed initially inner "
    "insert instead intersect into is isnull join key last left like limit match "
    "materialized natural no not nothing notnull null nulls of offset on or order others "
    "outer over partition plan pragma preceding primary query raise range recursive "
    "references regexp reindex release rename replace restrict returning right rollback row "
    "rows savepoint select set table temp temporary then ties to transaction trigger "
    "unbounded union unique update using vacuum values view virtual when where window with "
    "without";

QSet<QByteArray> wordSet(const char *spaceSeparated)
{
    QSet<QByteArray> set;
    for (const QByteArray &w : QByteArray(spaceSeparated).split(' '))
        set.insert(w);
    return set;
}

QString dialectName(Dialect dialect)
{
    return dialect == Dialect::Postgres ? QStringLiteral("PostgreSQL") : QStringLiteral("SQLite");
}

// Calls f(codePoint, endIndex) for each code point, pairing surrogates.
template <class F> void forEachCodePoint(const QString &s, F f)
{
    for (qsizetype i = 0; i < s.size(); ++i) {
        char32_t cp = s.at(i).unicode();
        if (QChar::isHighSurrogate(cp) && i + 1 < s.size() && s.at(i + 1).isLowSurrogate()) {
            cp = QChar::surrogateToUcs4(s.at(i), s.at(i + 1));
            ++i;
        }
        if (!f(cp, i + 1))
            return;
    }
}

// Longest prefix of `s` that fits in `maxBytes` of UTF-8 without splitting a character.
QString utf8Prefix(const QString &s, int maxBytes)
{
    int bytes = 0;
    qsizetype end = 0;
    forEachCodePoint(s, [&](char32_t cp, qsizetype next) {
        const int len = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
        if (bytes + len > maxBytes)
            return false;
        bytes += len;
        end = next;
        return true;
    });
    return s.left(end);
}

qsizetype utf8Length(const QString &s)
{
    return s.toUtf8().size();
}

QString chopTrailingUnderscores(QString s)
{
    while (s.endsWith(QLatin1Char('_')))
        s.chop(1);
    return s;
}

// Cuts a name longer than the dialect allows. A hash of the whole name keeps two long names
// that share a prefix apart, and is stable so a re-inferred project proposes the same names.
QString withinLimit(const QString &name, Dialect dialect)
{
    const int limit = identifierByteLimit(dialect);
    if (limit <= 0 || utf8Length(name) <= limit)
        return name;
    const QByteArray digest =
        QCryptographicHash::hash(name.toUtf8(), QCryptographicHash::Sha1).toHex().left(6);
    const QString tail = QLatin1Char('_') + QString::fromLatin1(digest);
    return chopTrailingUnderscores(utf8Prefix(name, limit - int(tail.size()))) + tail;
}

} // namespace

QString quoteIdentifier(const QString &name, Dialect dialect)
{
    // Both dialects use the SQL standard form; SQLite's backticks/brackets are extensions.
    Q_UNUSED(dialect);
    QString quoted = name;
    quoted.replace(QLatin1Char('"'), QLatin1String("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

bool isReservedWord(const QString &name, Dialect dialect)
{
    static const QSet<QByteArray> postgres = wordSet(kPostgresReserved);
    static const QSet<QByteArray> sqlite = wordSet(kSqliteKeywords);
    const QByteArray word = name.toLower().toUtf8();
    return (dialect == Dialect::Postgres ? postgres : sqlite).contains(word);
}

int identifierByteLimit(Dialect dialect)
{
    // PostgreSQL's NAMEDATALEN is 64 including the terminator; longer names are truncated
    // silently by the server, which would merge distinct columns.
    return dialect == Dialect::Postgres ? 63 : 0;
}

QString sanitizeIdentifier(const QString &wanted, Dialect dialect)
{
    const QString lower = wanted.toLower();
    QString out;
    out.reserve(lower.size());
    bool inRun = false;
    forEachCodePoint(lower, [&](char32_t cp, qsizetype) {
        const bool asciiOk = (cp >= U'a' && cp <= U'z') || (cp >= U'0' && cp <= U'9') || cp == U'_';
        const bool unicodeOk = cp >= 0x80 && QChar::isLetterOrNumber(cp);
        if (asciiOk || unicodeOk) {
            if (cp < 0x10000)
                out.append(QChar(char16_t(cp)));
            else
                out.append(QChar::fromUcs4(cp));
            inRun = false;
        } else if (!inRun) {
            out.append(QLatin1Char('_'));
            inRun = true;
        }
        return true;
    });

    // Stray separators at the ends come from punctuation ("$price", "name.") and carry no
    // meaning; a single leading underscore is kept so Mongo's "_id" stays recognisable.
    qsizetype from = 0;
    while (from < out.size() && out.at(from) == QLatin1Char('_'))
        ++from;
    out = chopTrailingUnderscores(out.mid(from));
    if (out.isEmpty())
        out = QStringLiteral("field");
    else if (wanted.startsWith(QLatin1Char('_')))
        out.prepend(QLatin1Char('_'));
    if (out.at(0).isDigit())
        out.prepend(QLatin1Char('_'));
    if (isReservedWord(out, dialect))
        out.append(QLatin1Char('_'));
    // SQLite refuses to create any object whose name starts with sqlite_.
    if (dialect == Dialect::Sqlite && out.startsWith(QLatin1String("sqlite_")))
        out.prepend(QLatin1Char('_'));

    return withinLimit(out, dialect);
}

QString fitIdentifier(const QString &wanted, Dialect dialect)
{
    QString out = wanted;
    out.remove(QChar(0)); // neither dialect can name anything with a NUL in it
    if (out.isEmpty())
        out = QStringLiteral("field");
    if (dialect == Dialect::Sqlite && out.startsWith(QLatin1String("sqlite_"), Qt::CaseInsensitive))
        out.prepend(QLatin1Char('_'));
    return withinLimit(out, dialect);
}

QString NameAllocator::allocate(const QString &wanted)
{
    const QString base = m_style == NameStyle::Keep ? fitIdentifier(wanted, m_dialect)
                                                    : sanitizeIdentifier(wanted, m_dialect);
    if (!contains(base)) {
        reserve(base);
        return base;
    }
    const int limit = identifierByteLimit(m_dialect);
    for (int n = 2;; ++n) {
        const QString suffix = QLatin1Char('_') + QString::number(n);
        QString stem = base;
        if (limit > 0 && utf8Length(stem) + suffix.size() > limit)
            stem = utf8Prefix(stem, limit - int(suffix.size()));
        const QString candidate = stem + suffix;
        if (!contains(candidate)) {
            reserve(candidate);
            return candidate;
        }
    }
}

QString NameAllocator::comparable(const QString &name) const
{
    // SQLite compares names without regard to case; PostgreSQL only folds unquoted ones.
    return m_style == NameStyle::Keep && m_dialect == Dialect::Postgres ? name : name.toLower();
}

void NameAllocator::reserve(const QString &name)
{
    m_used.insert(comparable(name));
}

bool NameAllocator::contains(const QString &name) const
{
    return m_used.contains(comparable(name));
}

QString identifierProblem(const QString &name, Dialect dialect, const QSet<QString> &othersLower)
{
    if (name.trimmed().isEmpty())
        return trEngine("The name cannot be empty.");
    if (name.contains(QChar(0)))
        return trEngine("The name cannot contain a NUL character.");
    const int limit = identifierByteLimit(dialect);
    const qsizetype bytes = utf8Length(name);
    if (limit > 0 && bytes > limit) {
        return trEngine("The name is %1 bytes long in UTF-8; %2 allows at most %3 bytes.")
            .arg(bytes)
            .arg(dialectName(dialect))
            .arg(limit);
    }
    if (isReservedWord(name, dialect)) {
        return trEngine("\"%1\" is a reserved word in %2; choose another name, e.g. \"%1_\".")
            .arg(name, dialectName(dialect));
    }
    if (othersLower.contains(name.toLower())) {
        return trEngine("Another name in the same place is already \"%1\" (names are compared "
                        "without regard to case).")
            .arg(name);
    }
    return {};
}

} // namespace ferry

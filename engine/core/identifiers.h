#pragma once

#include "core/dialect.h"

#include <QSet>
#include <QString>

namespace ferry {

// Identifier rules per dialect. Names are always quoted in SQL; these functions make the
// *unquoted* name sensible (lower case, [a-z0-9_] plus Unicode letters, no leading digit,
// not a reserved word, within the length limit) and unique.
QString quoteIdentifier(const QString &name, Dialect dialect); // "na""me"
bool isReservedWord(const QString &name, Dialect dialect);
int identifierByteLimit(Dialect dialect); // PostgreSQL 63; SQLite has none (returns 0)
// Deterministic: the same input always gives the same output.
QString sanitizeIdentifier(const QString &wanted, Dialect dialect);

// How a name read from a source becomes a target identifier.
enum class NameStyle {
    Fold, // sanitizeIdentifier(): lower case, no symbols, so queries need no quotes
    Keep, // as the source spells it (always quoted); only made valid: see fitIdentifier()
};
// The name as it is, made valid for the dialect: never empty, no NUL, within the length
// limit (a longer name is cut and gets a hash of the whole, as sanitizeIdentifier() does),
// and not in SQLite's reserved sqlite_ prefix. Deterministic.
QString fitIdentifier(const QString &wanted, Dialect dialect);

// Hands out unique names within one scope (the tables of a target, or the columns of one
// table). Comparison is case-insensitive, so "Name" and "name" never both appear, except
// for kept names on PostgreSQL, where quoted "Name" and "name" are two identifiers.
class NameAllocator {
public:
    explicit NameAllocator(Dialect dialect, NameStyle style = NameStyle::Fold)
        : m_dialect(dialect), m_style(style)
    {
    }
    // sanitize (or fit, for kept names), then add _2, _3… (staying within the byte limit)
    // until unused.
    QString allocate(const QString &wanted);
    void reserve(const QString &name);
    bool contains(const QString &name) const;

private:
    QString comparable(const QString &name) const;

    Dialect m_dialect;
    NameStyle m_style;
    QSet<QString> m_used; // as comparable() gives them
};

// Why a user-chosen name cannot be used as is (empty string when it can): empty,
// too long, reserved word, duplicate (given the other names). Shown inline by the wizard.
QString identifierProblem(const QString &name, Dialect dialect, const QSet<QString> &othersLower);

} // namespace ferry

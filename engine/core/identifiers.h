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

// Hands out unique names within one scope (the tables of a target, or the columns of one
// table). Comparison is case-insensitive, so "Name" and "name" never both appear.
class NameAllocator {
public:
    explicit NameAllocator(Dialect dialect) : m_dialect(dialect) {}
    // sanitize, then add _2, _3… (staying within the byte limit) until unused.
    QString allocate(const QString &wanted);
    void reserve(const QString &name);
    bool contains(const QString &name) const;

private:
    Dialect m_dialect;
    QSet<QString> m_used; // folded to lower case
};

// Why a user-chosen name cannot be used as is (empty string when it can): empty,
// too long, reserved word, duplicate (given the other names). Shown inline by the wizard.
QString identifierProblem(const QString &name, Dialect dialect, const QSet<QString> &othersLower);

} // namespace ferry

#pragma once

#include <QString>
#include <QStringList>

#include <memory>

namespace ferry::test {

// Reads a target database (sqlite:PATH or postgresql://…) independently of the engine, so
// tests check what really landed. Values come back as text.
class SqlReader {
public:
    explicit SqlReader(const QString &uri);
    ~SqlReader();
    bool ok() const;
    QString error() const;
    QString scalar(const QString &sql);          // first column of the first row
    QList<QStringList> rows(const QString &sql); // all rows, NULL as "\\N"
    // Runs `statements` in order up to the first that fails; empty, or that statement and
    // why (for setting up a source).
    QString execute(const QStringList &statements);
    QStringList tables();                      // user tables, sorted, no _ferry_*
    QStringList columns(const QString &table); // in table order
    // Hash of all rows, order-independent: equal tables give equal checksums.
    QString tableChecksum(const QString &table);

private:
    struct Impl;
    std::unique_ptr<Impl> d;
};

// Empty when the databases `a` and `b` hold the same rows in each of `tables` (counts and
// checksums); otherwise which table differs and how.
QString differentTables(const QString &a, const QString &b, const QStringList &tables);

} // namespace ferry::test

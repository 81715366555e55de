#include "support/sql_reader.h"

#include <QAtomicInt>
#include <QCryptographicHash>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>

#include <pqxx/pqxx>

#include <algorithm>

namespace ferry::test {

struct SqlReader::Impl {
    bool postgres = false;
    std::unique_ptr<pqxx::connection> pg;
    QString connectionName;
    QString error;
};

SqlReader::SqlReader(const QString &uri) : d(std::make_unique<Impl>())
{
    if (uri.startsWith(QLatin1String("sqlite:"))) {
        static QAtomicInt counter;
        d->connectionName = QStringLiteral("sqlreader_%1").arg(counter.fetchAndAddRelaxed(1));
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), d->connectionName);
        db.setDatabaseName(uri.mid(7));
        if (!db.open())
            d->error = db.lastError().text();
        return;
    }
    d->postgres = true;
    try {
        d->pg = std::make_unique<pqxx::connection>(uri.toStdString());
    } catch (const std::exception &e) {
        d->error = QString::fromUtf8(e.what());
    }
}

SqlReader::~SqlReader()
{
    if (!d->connectionName.isEmpty()) {
        QSqlDatabase::database(d->connectionName).close();
        QSqlDatabase::removeDatabase(d->connectionName);
    }
}

bool SqlReader::ok() const
{
    return d->error.isEmpty();
}

QString SqlReader::error() const
{
    return d->error;
}

QList<QStringList> SqlReader::rows(const QString &sql)
{
    QList<QStringList> out;
    if (d->postgres) {
        if (!d->pg)
            return out;
        try {
            pqxx::nontransaction tx(*d->pg);
            const pqxx::result r = tx.exec(sql.toStdString());
            for (const auto &row : r) {
                QStringList cells;
                for (const auto &f : row)
                    cells.append(f.is_null() ? QStringLiteral("\\N")
                                             : QString::fromUtf8(f.c_str()));
                out.append(cells);
            }
        } catch (const std::exception &e) {
            d->error = QString::fromUtf8(e.what());
        }
        return out;
    }
    QSqlQuery q(QSqlDatabase::database(d->connectionName));
    if (!q.exec(sql)) {
        d->error = q.lastError().text();
        return out;
    }
    while (q.next()) {
        QStringList cells;
        for (int i = 0; i < q.record().count(); ++i) {
            const QVariant v = q.value(i);
            cells.append(v.isNull() ? QStringLiteral("\\N") : v.toString());
        }
        out.append(cells);
    }
    return out;
}

QString SqlReader::execute(const QStringList &statements)
{
    for (const QString &statement : statements) {
        rows(statement);
        if (!ok())
            return statement + QStringLiteral(": ") + error();
    }
    return {};
}

QString SqlReader::scalar(const QString &sql)
{
    const QList<QStringList> r = rows(sql);
    if (r.isEmpty() || r.first().isEmpty())
        return QStringLiteral("<no rows: %1>").arg(d->error);
    return r.first().first();
}

QStringList SqlReader::tables()
{
    const QString sql =
        d->postgres ? QStringLiteral("SELECT table_name FROM information_schema.tables WHERE "
                                     "table_schema = 'public' ORDER BY 1")
                    : QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'table' "
                                     "AND name NOT LIKE 'sqlite_%' ORDER BY 1");
    QStringList out;
    for (const QStringList &r : rows(sql))
        if (!r.first().startsWith(QLatin1String("_ferry")))
            out.append(r.first());
    out.sort();
    return out;
}

QStringList SqlReader::columns(const QString &table)
{
    QStringList out;
    if (d->postgres) {
        for (const QStringList &r :
             rows(QStringLiteral("SELECT column_name FROM information_schema.columns WHERE "
                                 "table_name = '%1' ORDER BY ordinal_position")
                      .arg(table)))
            out.append(r.first());
        return out;
    }
    for (const QStringList &r : rows(QStringLiteral("PRAGMA table_info(\"%1\")").arg(table)))
        out.append(r.value(1));
    return out;
}

QString SqlReader::tableChecksum(const QString &table)
{
    QList<QStringList> all = rows(QStringLiteral("SELECT * FROM \"%1\"").arg(table));
    QStringList lines;
    for (const QStringList &r : all)
        lines.append(r.join(QChar(0x1f)));
    std::sort(lines.begin(), lines.end());
    return QString::fromLatin1(
        QCryptographicHash::hash(lines.join(QChar(0x1e)).toUtf8(), QCryptographicHash::Sha256)
            .toHex());
}

QString differentTables(const QString &a, const QString &b, const QStringList &tables)
{
    SqlReader x(a);
    SqlReader y(b);
    if (!x.ok() || !y.ok())
        return x.ok() ? y.error() : x.error();
    for (const QString &t : tables) {
        const QString count = QStringLiteral("SELECT count(*) FROM %1").arg(t);
        const QString rowsA = x.scalar(count);
        const QString rowsB = y.scalar(count);
        if (rowsA != rowsB)
            return QStringLiteral("%1: %2 rows against %3").arg(t, rowsA, rowsB);
        if (x.tableChecksum(t) != y.tableChecksum(t))
            return QStringLiteral("%1: the same %2 rows in count, not in content").arg(t, rowsA);
    }
    return {};
}

} // namespace ferry::test

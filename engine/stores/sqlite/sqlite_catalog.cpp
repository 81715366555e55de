#include "stores/sqlite/sqlite_catalog.h"

#include "stores/common/sql_bson_values.h"
#include "stores/common/sql_catalog.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>
#include <map>

namespace ferry {

namespace {

Error sqliteError(const QSqlQuery &q, const QString &what)
{
    return Error(ErrorCode::Target,
                 trEngine("SQLite refused to read %1: %2").arg(what, q.lastError().text()));
}

QString quoteSqlite(const QString &name)
{
    return sqlQuoteName(name);
}

} // namespace

Result<QList<TableInfo>> readSqliteCatalog(QSqlDatabase &db, bool countRows)
{
    QList<TableInfo> tables;
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'table' AND name "
                               "NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name")))
        return sqliteError(q, trEngine("the table list"));
    while (q.next()) {
        TableInfo t;
        t.name = q.value(0).toString();
        if (!isFerryTable(t.name))
            tables.append(t);
    }
    for (TableInfo &t : tables) {
        const QString quoted = quoteSqlite(t.name);
        QSqlQuery cols(db);
        if (!cols.exec(QStringLiteral("PRAGMA table_info(%1)").arg(quoted)))
            return sqliteError(cols, t.name);
        std::map<int, QString> pk; // pk position → column
        while (cols.next()) {
            ColumnInfo c;
            c.name = cols.value(1).toString();
            c.sqlType = cols.value(2).toString();
            c.nullable = cols.value(3).toInt() == 0;
            if (const int pkPos = cols.value(5).toInt(); pkPos > 0)
                pk[pkPos] = c.name;
            t.columns.append(c);
        }
        for (const auto &[pos, name] : pk)
            t.primaryKey.append(name);

        QSqlQuery idx(db);
        if (!idx.exec(QStringLiteral("PRAGMA index_list(%1)").arg(quoted)))
            return sqliteError(idx, t.name);
        QStringList uniqueIndexes;
        while (idx.next())
            if (idx.value(2).toInt() == 1 && idx.value(3).toString() == QLatin1String("u"))
                uniqueIndexes.append(idx.value(1).toString());
        for (const QString &index : uniqueIndexes) {
            QSqlQuery info(db);
            if (!info.exec(QStringLiteral("PRAGMA index_info(%1)").arg(quoteSqlite(index))))
                return sqliteError(info, t.name);
            QStringList columns;
            while (info.next())
                columns.append(info.value(2).toString());
            t.uniques.append(columns);
        }

        QSqlQuery fks(db);
        if (!fks.exec(QStringLiteral("PRAGMA foreign_key_list(%1)").arg(quoted)))
            return sqliteError(fks, t.name);
        std::map<int, ForeignKey> byId;
        while (fks.next()) {
            ForeignKey &fk = byId[fks.value(0).toInt()];
            fk.refTable = fks.value(2).toString();
            fk.columns.append(fks.value(3).toString());
            fk.refColumns.append(fks.value(4).toString()); // empty = the referenced table's PK
        }
        for (auto &[id, fk] : byId)
            t.foreignKeys.append(fk);

        if (countRows) {
            QSqlQuery count(db);
            if (!count.exec(QStringLiteral("SELECT COUNT(*) FROM %1").arg(quoted)) || !count.next())
                return sqliteError(count, t.name);
            t.rows = count.value(0).toLongLong();
        }
    }
    // A REFERENCES clause without columns points at the referenced table's primary key.
    for (TableInfo &t : tables)
        for (ForeignKey &fk : t.foreignKeys)
            if (std::all_of(fk.refColumns.cbegin(), fk.refColumns.cend(),
                            [](const QString &c) { return c.isEmpty(); }))
                for (const TableInfo &r : std::as_const(tables))
                    if (r.name == fk.refTable)
                        fk.refColumns = r.primaryKey;
    return tables;
}

} // namespace ferry

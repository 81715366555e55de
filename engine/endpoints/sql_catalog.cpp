#include "endpoints/sql_catalog.h"

#include "endpoints/sql_bson_values.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

#include <pqxx/pqxx>

#include <algorithm>
#include <map>

namespace ferry {

const ColumnInfo *TableInfo::column(const QString &wanted) const
{
    for (const ColumnInfo &c : columns)
        if (c.name == wanted)
            return &c;
    return nullptr;
}

namespace {

bool isFerryTable(const QString &name)
{
    return name.startsWith(QLatin1String("_ferry_"));
}

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

namespace {

QStringList parseNameArray(const pqxx::field &f)
{
    QStringList out;
    auto parser = f.as_array();
    for (auto item = parser.get_next(); item.first != pqxx::array_parser::done;
         item = parser.get_next())
        if (item.first == pqxx::array_parser::string_value)
            out.append(QString::fromStdString(item.second));
    return out;
}

} // namespace

Result<QList<TableInfo>> readPostgresCatalog(pqxx::transaction_base &tx, bool countRows)
{
    try {
        QList<TableInfo> tables;
        const pqxx::result rels =
            tx.exec("SELECT c.oid, c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = "
                    "c.relnamespace WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') "
                    "AND NOT c.relispartition ORDER BY c.relname");
        std::vector<std::string> oids;
        for (const auto &row : rels) {
            TableInfo t;
            t.name = QString::fromStdString(row[1].as<std::string>());
            if (isFerryTable(t.name))
                continue;
            tables.append(t);
            oids.push_back(row[0].as<std::string>());
        }
        for (qsizetype i = 0; i < tables.size(); ++i) {
            TableInfo &t = tables[i];
            const std::string oid = oids[size_t(i)];
            const pqxx::result cols =
                tx.exec("SELECT attname, format_type(atttypid, atttypmod), NOT attnotnull FROM "
                        "pg_attribute WHERE attrelid = " +
                        oid +
                        " AND attnum > 0 AND NOT attisdropped "
                        "ORDER BY attnum");
            for (const auto &row : cols)
                t.columns.append({QString::fromStdString(row[0].as<std::string>()),
                                  QString::fromStdString(row[1].as<std::string>()),
                                  row[2].as<bool>()});
            // Key columns in constraint order, with the referenced columns alongside.
            const pqxx::result cons = tx.exec(
                "SELECT con.contype, con.confrelid::regclass::text, "
                "ARRAY(SELECT a.attname FROM unnest(con.conkey) WITH ORDINALITY k(n, o) JOIN "
                "pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.n ORDER BY k.o), "
                "ARRAY(SELECT a.attname FROM unnest(con.confkey) WITH ORDINALITY k(n, o) JOIN "
                "pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.n ORDER BY k.o) "
                "FROM pg_constraint con WHERE con.conrelid = " +
                oid +
                " AND con.contype IN "
                "('p', 'u', 'f') ORDER BY con.conname");
            for (const auto &row : cons) {
                const std::string type = row[0].as<std::string>();
                const QStringList columns = parseNameArray(row[2]);
                if (type == "p") {
                    t.primaryKey = columns;
                } else if (type == "u") {
                    t.uniques.append(columns);
                } else {
                    QString ref = QString::fromStdString(row[1].as<std::string>());
                    if (ref.startsWith(QLatin1Char('"')) && ref.endsWith(QLatin1Char('"')))
                        ref = ref.mid(1, ref.size() - 2)
                                  .replace(QLatin1String("\"\""), QLatin1String("\""));
                    t.foreignKeys.append({columns, ref, parseNameArray(row[3])});
                }
            }
            if (countRows) {
                const pqxx::row count =
                    tx.exec1("SELECT COUNT(*) FROM " + tx.quote_name(t.name.toStdString()));
                t.rows = count[0].as<qint64>();
            }
        }
        return tables;
    } catch (const std::exception &e) {
        return Error(ErrorCode::Target, trEngine("PostgreSQL refused to list the tables: %1")
                                            .arg(QString::fromUtf8(e.what()).trimmed()));
    }
}

KeyPlan keyPlanFor(const TableInfo &table, Dialect dialect)
{
    KeyPlan plan;
    plan.keyColumns = table.primaryKey;
    if (table.primaryKey.size() > 1) {
        plan.id = KeyPlan::Id::Composite;
        return plan;
    }
    if (table.primaryKey.size() == 1) {
        const ColumnInfo *c = table.column(table.primaryKey.front());
        const QString type = c ? c->sqlType.toLower() : QString();
        const bool idFriendly =
            type.contains(QLatin1String("int")) || type.contains(QLatin1String("char")) ||
            type.contains(QLatin1String("text")) || type.contains(QLatin1String("uuid")) ||
            (dialect == Dialect::Sqlite && type.isEmpty());
        // Another column already called _id would collide with the renamed key.
        const bool idTaken =
            table.primaryKey.front() != QLatin1String("_id") && table.column(QStringLiteral("_id"));
        if (idFriendly && !idTaken && !type.endsWith(QLatin1String("[]")))
            plan.id = KeyPlan::Id::Single;
    }
    return plan;
}

} // namespace ferry

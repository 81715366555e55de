#include "stores/sqlite/sqlite_keys.h"

#include "stores/common/ddl.h"

#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <sqlite3.h>

namespace ferry {

namespace {

// `statement` builds the unique index under a name of Ferry's; `table_sql` is the CREATE
// TABLE with its PRIMARY KEY, the schema text the table gets once the index is its key.
const char *const pendingTableSql =
    "CREATE TABLE IF NOT EXISTS _ferry_pending_keys (table_name TEXT PRIMARY KEY, statement "
    "TEXT NOT NULL, table_sql TEXT NOT NULL)";

QString stagingIndexName(const QString &table)
{
    return QStringLiteral("_ferry_key_") + table;
}

Error refused(const QString &table, const QSqlQuery &q)
{
    return Error(
        ErrorCode::Target,
        trEngine("Cannot add the primary key of table \"%1\": %2").arg(table, q.lastError().text()),
        table);
}

bool exec(QSqlQuery &q, const QString &sql, const QVariantList &params = {})
{
    if (!q.prepare(sql))
        return false;
    for (qsizetype i = 0; i < params.size(); ++i)
        q.bindValue(int(i), params[i]);
    return q.exec();
}

// Rewriting the schema records needs a connection that allows it; SQLITE_DBCONFIG_DEFENSIVE
// (off by default) forbids it, and then the keys are kept during the load instead.
bool schemaWritable(QSqlDatabase &db)
{
    const QVariant handle = db.driver() ? db.driver()->handle() : QVariant();
    if (!handle.isValid() || qstrcmp(handle.typeName(), "sqlite3*") != 0)
        return false;
    sqlite3 *raw = *static_cast<sqlite3 *const *>(handle.data());
    int defensive = 1;
    return sqlite3_db_config(raw, SQLITE_DBCONFIG_DEFENSIVE, -1, &defensive) == SQLITE_OK &&
           defensive == 0;
}

bool tableExists(QSqlDatabase &db, const QString &table)
{
    QSqlQuery q(db);
    return exec(q, QStringLiteral("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?"),
                {table}) &&
           q.next();
}

} // namespace

bool sqliteKeyCanWait(QSqlDatabase &db, const TableMapping &table)
{
    if (!schemaWritable(db))
        return false;
    QStringList types;
    for (const ColumnMapping &c : table.columns) {
        if (c.primaryKey)
            types << ddlTypeName(c, Dialect::Sqlite);
    }
    if (types.isEmpty())
        return false;
    return types.size() > 1 || types.front().compare(QLatin1String("INTEGER"), Qt::CaseInsensitive);
}

Status recordPendingSqliteKey(QSqlDatabase &db, const TableMapping &table)
{
    QStringList keys;
    for (const ColumnMapping &c : table.columns) {
        if (c.primaryKey)
            keys << ddlQuote(c.column);
    }
    const QString index = QStringLiteral("CREATE UNIQUE INDEX %1 ON %2 (%3)")
                              .arg(ddlQuote(stagingIndexName(table.table)), ddlQuote(table.table),
                                   keys.join(QStringLiteral(", ")));
    QSqlQuery q(db);
    if (!exec(q, QString::fromLatin1(pendingTableSql)) ||
        !exec(q,
              QStringLiteral("INSERT INTO _ferry_pending_keys (table_name, statement, table_sql) "
                             "VALUES (?, ?, ?)"),
              {table.table, index, createTableSql(table, Dialect::Sqlite, true)}))
        return refused(table.table, q);
    return {};
}

Result<QStringList> pendingSqliteKeys(QSqlDatabase &db, const QStringList &tables)
{
    QStringList out;
    if (!tableExists(db, QStringLiteral("_ferry_pending_keys")))
        return out;
    QSqlQuery q(db);
    if (!exec(q, QStringLiteral("SELECT table_name FROM _ferry_pending_keys ORDER BY table_name")))
        return refused(QStringLiteral("_ferry_pending_keys"), q);
    while (q.next()) {
        const QString t = q.value(0).toString();
        if (tables.isEmpty() || tables.contains(t))
            out << t;
    }
    return out;
}

Status buildSqliteKey(QSqlDatabase &db, const QString &table)
{
    QSqlQuery q(db);
    if (!exec(q,
              QStringLiteral(
                  "SELECT statement, table_sql FROM _ferry_pending_keys WHERE table_name = ?"),
              {table}))
        return refused(table, q);
    if (!q.next())
        return {}; // built meanwhile
    const QString index = q.value(0).toString();
    const QString tableSql = q.value(1).toString();
    q.finish();
    if (!exec(q, index)) {
        if (q.lastError().nativeErrorCode() == QLatin1String("2067") ||
            q.lastError().text().contains(QLatin1String("UNIQUE"))) {
            return Error(ErrorCode::Target,
                         trEngine("Cannot add the primary key of table \"%1\": %2. The source "
                                  "holds that key more than once; remove the duplicate (or run "
                                  "with --on-error reject, which rejects duplicates one by one) "
                                  "and run again.")
                             .arg(table, q.lastError().text()),
                         table);
        }
        return refused(table, q);
    }
    // The index becomes the table's key: exactly the records CREATE TABLE … PRIMARY KEY
    // leaves (the key's index is the table's first automatic one, its text is NULL).
    QSqlQuery schema(db);
    bool ok = exec(schema, QStringLiteral("PRAGMA writable_schema = ON"));
    ok = ok &&
         exec(schema,
              QStringLiteral("UPDATE sqlite_master SET sql = ? WHERE type = 'table' AND name = ?"),
              {tableSql, table}) &&
         schema.numRowsAffected() == 1;
    ok = ok &&
         exec(schema,
              QStringLiteral("UPDATE sqlite_master SET name = ?, sql = NULL WHERE type = 'index' "
                             "AND name = ? AND tbl_name = ?"),
              {QStringLiteral("sqlite_autoindex_%1_1").arg(table), stagingIndexName(table),
               table}) &&
         schema.numRowsAffected() == 1;
    const Error failed = refused(table, schema);
    // Reloads this connection's schema from the records as they now read.
    QSqlQuery reset(db);
    const bool reloaded = exec(reset, QStringLiteral("PRAGMA writable_schema = RESET"));
    if (!ok)
        return failed;
    if (!reloaded)
        return refused(table, reset);
    if (!exec(q, QStringLiteral("DELETE FROM _ferry_pending_keys WHERE table_name = ?"), {table}))
        return refused(table, q);
    // The last wait gone, so is its table: a finished file holds only what it needs.
    if (!exec(q, QStringLiteral("SELECT count(*) FROM _ferry_pending_keys")) || !q.next())
        return refused(table, q);
    if (q.value(0).toLongLong() == 0) {
        q.finish();
        if (!exec(q, QStringLiteral("DROP TABLE _ferry_pending_keys")))
            return refused(table, q);
    }
    return {};
}

} // namespace ferry

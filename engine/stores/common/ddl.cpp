#include "stores/common/ddl.h"

#include "core/error.h"

namespace ferry {

namespace {

// format_type() spells some types differently from what CREATE TABLE accepts, and a
// length or precision modifier does not change what values fit well enough to matter here.
QString normalizedPgType(QString found)
{
    found = found.trimmed().toLower();
    const qsizetype paren = found.indexOf(QLatin1Char('('));
    if (paren >= 0) {
        const qsizetype close = found.indexOf(QLatin1Char(')'), paren);
        found.remove(paren, close < 0 ? found.size() - paren : close - paren + 1);
    }
    found = found.simplified();
    if (found == QLatin1String("timestamp with time zone"))
        return QStringLiteral("timestamptz");
    if (found == QLatin1String("timestamp without time zone"))
        return QStringLiteral("timestamp");
    if (found == QLatin1String("character varying"))
        return QStringLiteral("varchar");
    return found;
}

// Which existing PostgreSQL types accept every value a column of `type` can produce.
bool pgBaseCompatible(ColumnType type, const QString &found)
{
    auto any = [&](std::initializer_list<const char *> names) {
        for (const char *n : names) {
            if (found == QLatin1String(n))
                return true;
        }
        return false;
    };
    switch (type) {
    case ColumnType::Text:
        return any({"text", "varchar"});
    case ColumnType::Integer:
        return any({"integer", "bigint", "numeric"});
    case ColumnType::BigInt:
        return any({"bigint", "numeric"});
    case ColumnType::Double:
        return any({"double precision", "numeric"});
    case ColumnType::Numeric:
        return any({"numeric", "text"});
    case ColumnType::Boolean:
        return any({"boolean"});
    case ColumnType::Timestamp:
        return any({"timestamptz", "timestamp"});
    case ColumnType::Uuid:
        return any({"uuid", "text", "varchar"});
    case ColumnType::Binary:
        return any({"bytea"});
    case ColumnType::Json:
        return any({"jsonb", "json", "text"});
    }
    return false;
}

bool pgCompatible(const ColumnMapping &column, const QString &foundRaw)
{
    QString found = normalizedPgType(foundRaw);
    const bool isArray = found.endsWith(QLatin1String("[]"));
    if (isArray)
        found.chop(2);
    if (column.pgArray != isArray)
        return false;
    return pgBaseCompatible(column.type, found);
}

enum class Affinity { Integer, Text, Blob, Real, Numeric };

// SQLite's own rules for the affinity of a declared type (section 3.1 of its datatype page).
Affinity sqliteAffinity(const QString &declared)
{
    const QString t = declared.toUpper();
    if (t.contains(QLatin1String("INT")))
        return Affinity::Integer;
    if (t.contains(QLatin1String("CHAR")) || t.contains(QLatin1String("CLOB")) ||
        t.contains(QLatin1String("TEXT")))
        return Affinity::Text;
    if (t.contains(QLatin1String("BLOB")) || t.trimmed().isEmpty())
        return Affinity::Blob;
    if (t.contains(QLatin1String("REAL")) || t.contains(QLatin1String("FLOA")) ||
        t.contains(QLatin1String("DOUB")))
        return Affinity::Real;
    return Affinity::Numeric;
}

bool sqliteCompatible(const ColumnMapping &column, const QString &found)
{
    const Affinity want = sqliteAffinity(ddlTypeName(column, Dialect::Sqlite));
    const Affinity have = sqliteAffinity(found);
    if (want == have || have == Affinity::Blob) // BLOB affinity stores values unchanged
        return true;
    // NUMERIC affinity keeps integers and reals as they are.
    return have == Affinity::Numeric && (want == Affinity::Integer || want == Affinity::Real);
}

} // namespace

QString ddlTypeName(const ColumnMapping &column, Dialect dialect)
{
    return sqlTypeName(column, dialect); // one table of types, in mapping.cpp
}

QString ddlQuote(const QString &name)
{
    QString q = name;
    q.replace(QLatin1Char('"'), QLatin1String("\"\""));
    return QLatin1Char('"') + q + QLatin1Char('"');
}

QString ddlColumnList(const TableMapping &table)
{
    QString out;
    for (const ColumnMapping &c : table.columns) {
        if (!out.isEmpty())
            out += QStringLiteral(", ");
        out += ddlQuote(c.column);
    }
    return out;
}

static void collectTables(const TableMapping &t, std::vector<const TableMapping *> &out)
{
    out.push_back(&t);
    for (const TableMapping &child : t.children)
        collectTables(child, out);
}

std::vector<const TableMapping *> collectionTables(const CollectionMapping &mapping)
{
    std::vector<const TableMapping *> out;
    collectTables(mapping.root, out);
    return out;
}

std::vector<int> rootKeyColumns(const TableMapping &root)
{
    std::vector<int> out;
    for (size_t i = 0; i < root.columns.size(); ++i) {
        if (root.columns[i].primaryKey)
            out.push_back(static_cast<int>(i));
    }
    return out;
}

std::vector<int> childRootKeyColumns(const TableMapping &table, size_t rootKeyCount)
{
    std::vector<int> out;
    for (size_t i = 0; i < table.columns.size() && out.size() < rootKeyCount; ++i) {
        if (table.columns[i].role == ColumnRole::ParentKey)
            out.push_back(static_cast<int>(i));
    }
    if (out.size() < rootKeyCount)
        out.clear();
    return out;
}

QString createTableSql(const TableMapping &table, Dialect dialect, bool withKey)
{
    QStringList parts;
    QStringList pk;
    for (const ColumnMapping &c : table.columns) {
        QString def = ddlQuote(c.column) + QLatin1Char(' ') + ddlTypeName(c, dialect);
        if (!c.nullable || c.primaryKey)
            def += QStringLiteral(" NOT NULL");
        parts << def;
        if (c.primaryKey)
            pk << ddlQuote(c.column);
    }
    if (!pk.isEmpty() && withKey)
        parts << QStringLiteral("PRIMARY KEY (%1)").arg(pk.join(QStringLiteral(", ")));
    return QStringLiteral("CREATE TABLE %1 (\n    %2\n)")
        .arg(ddlQuote(table.table), parts.join(QStringLiteral(",\n    ")));
}

QString primaryKeySql(const TableMapping &table)
{
    QStringList pk;
    for (const ColumnMapping &c : table.columns) {
        if (c.primaryKey)
            pk << ddlQuote(c.column);
    }
    if (pk.isEmpty())
        return {};
    return QStringLiteral("ALTER TABLE %1 ADD PRIMARY KEY (%2)")
        .arg(ddlQuote(table.table), pk.join(QStringLiteral(", ")));
}

QString bookkeepingSchema()
{
    return QStringLiteral("ferry");
}

QString bookkeepingTable(const QString &name, Dialect dialect)
{
    return dialect == Dialect::Postgres ? bookkeepingSchema() + QLatin1Char('.') + name : name;
}

QStringList bookkeepingTableNames()
{
    return {QStringLiteral("_ferry_checkpoints"), QStringLiteral("_ferry_batches"),
            QStringLiteral("_ferry_pending_keys"), QStringLiteral("_ferry_runs"),
            QStringLiteral("_ferry_run_keys")};
}

QString batchCheckpointTableSql()
{
    return QStringLiteral(
        "CREATE TABLE IF NOT EXISTS ferry._ferry_batches (key text NOT NULL, first_doc bigint "
        "NOT NULL, docs bigint NOT NULL, run_id text, position bytea, written bigint, skipped "
        "bigint, rejected bigint, PRIMARY KEY (key, first_doc))");
}

QString pendingKeysTableSql()
{
    return QStringLiteral("CREATE TABLE IF NOT EXISTS ferry._ferry_pending_keys (table_name "
                          "text PRIMARY KEY, statement text NOT NULL)");
}

QString checkpointTableName()
{
    return QStringLiteral("_ferry_checkpoints");
}

QString checkpointTableSql(Dialect dialect)
{
    if (dialect == Dialect::Postgres) {
        return QStringLiteral(
            "CREATE TABLE IF NOT EXISTS ferry._ferry_checkpoints (key text PRIMARY KEY, run_id "
            "text, position bytea, read bigint, written bigint, skipped bigint, rejected bigint, "
            "finished boolean, updated_at timestamptz, reject_bytes bigint)");
    }
    return QStringLiteral(
        "CREATE TABLE IF NOT EXISTS _ferry_checkpoints (key TEXT PRIMARY KEY, run_id TEXT, "
        "position BLOB, read INTEGER, written INTEGER, skipped INTEGER, rejected INTEGER, "
        "finished INTEGER, updated_at TEXT, reject_bytes INTEGER)");
}

QString checkpointRejectColumnQuery(Dialect dialect)
{
    if (dialect == Dialect::Postgres)
        return QStringLiteral("SELECT 1 FROM pg_attribute WHERE attrelid = "
                              "to_regclass('ferry._ferry_checkpoints') AND attname = "
                              "'reject_bytes' AND NOT attisdropped");
    return QStringLiteral(
        "SELECT 1 FROM pragma_table_info('_ferry_checkpoints') WHERE name = 'reject_bytes'");
}

QString checkpointRejectColumnSql(Dialect dialect)
{
    return QStringLiteral("ALTER TABLE %1 ADD COLUMN reject_bytes %2")
        .arg(bookkeepingTable(checkpointTableName(), dialect),
             dialect == Dialect::Postgres ? QStringLiteral("bigint") : QStringLiteral("INTEGER"));
}

QString incompatibility(const TableMapping &table, const std::vector<ExistingColumn> &columns,
                        Dialect dialect)
{
    const Qt::CaseSensitivity cs =
        dialect == Dialect::Postgres ? Qt::CaseSensitive : Qt::CaseInsensitive;
    const QString advice = trEngine("Drop or rename the existing table, or change the mapping "
                                    "(column name or type) to match it.");
    for (const ColumnMapping &c : table.columns) {
        const ExistingColumn *found = nullptr;
        for (const ExistingColumn &e : columns) {
            if (e.name.compare(c.column, cs) == 0) {
                found = &e;
                break;
            }
        }
        const QString expected = ddlTypeName(c, dialect);
        if (!found) {
            return trEngine("Table \"%1\" already exists without column \"%2\" (expected %3). %4")
                .arg(table.table, c.column, expected, advice);
        }
        const bool ok = dialect == Dialect::Postgres ? pgCompatible(c, found->type)
                                                     : sqliteCompatible(c, found->type);
        if (!ok) {
            return trEngine("Table \"%1\" already exists and its column \"%2\" has type %3, but "
                            "the mapping expects %4. %5")
                .arg(table.table, c.column,
                     found->type.isEmpty() ? QStringLiteral("(none)") : found->type, expected,
                     advice);
        }
    }
    return {};
}

} // namespace ferry

#include "project/mapping.h"

#include "project/name_table.h"

namespace ferry {

namespace {

using detail::nameOf;
using detail::NameTable;
using detail::parseName;

constexpr NameTable<ColumnType, 10> columnTypeNames{{
    {ColumnType::Text, "text"},
    {ColumnType::Integer, "integer"},
    {ColumnType::BigInt, "bigint"},
    {ColumnType::Double, "double"},
    {ColumnType::Numeric, "numeric"},
    {ColumnType::Boolean, "boolean"},
    {ColumnType::Timestamp, "timestamp"},
    {ColumnType::Uuid, "uuid"},
    {ColumnType::Binary, "binary"},
    {ColumnType::Json, "json"},
}};

constexpr NameTable<Conversion, 3> conversionNames{{
    {Conversion::Auto, "auto"},
    {Conversion::ObjectIdUuid, "objectid_uuid"},
    {Conversion::Json, "json"},
}};

constexpr NameTable<ColumnRole, 5> columnRoleNames{{
    {ColumnRole::Value, "value"},
    {ColumnRole::ParentKey, "parent_key"},
    {ColumnRole::Ordinal, "ordinal"},
    {ColumnRole::MapKey, "map_key"},
    {ColumnRole::Extra, "extra"},
}};

constexpr NameTable<TableKind, 3> tableKindNames{{
    {TableKind::Root, "root"},
    {TableKind::Array, "array"},
    {TableKind::Map, "map"},
}};

void collectTables(const TableMapping &table, std::vector<const TableMapping *> *out)
{
    out->push_back(&table);
    for (const TableMapping &child : table.children)
        collectTables(child, out);
}

QString postgresType(ColumnType type)
{
    switch (type) {
    case ColumnType::Text:
        return QStringLiteral("text");
    case ColumnType::Integer:
        return QStringLiteral("integer");
    case ColumnType::BigInt:
        return QStringLiteral("bigint");
    case ColumnType::Double:
        return QStringLiteral("double precision");
    case ColumnType::Numeric:
        return QStringLiteral("numeric");
    case ColumnType::Boolean:
        return QStringLiteral("boolean");
    case ColumnType::Timestamp:
        return QStringLiteral("timestamptz");
    case ColumnType::Uuid:
        return QStringLiteral("uuid");
    case ColumnType::Binary:
        return QStringLiteral("bytea");
    case ColumnType::Json:
        return QStringLiteral("jsonb");
    }
    return QStringLiteral("text");
}

// SQLite has storage classes, not types: these are the affinities that keep each value
// exactly as the engine writes it (exact digits, ISO text and UUIDs stay TEXT).
QString sqliteType(ColumnType type)
{
    switch (type) {
    case ColumnType::Integer:
    case ColumnType::BigInt:
    case ColumnType::Boolean:
        return QStringLiteral("INTEGER");
    case ColumnType::Double:
        return QStringLiteral("REAL");
    case ColumnType::Binary:
        return QStringLiteral("BLOB");
    case ColumnType::Text:
    case ColumnType::Numeric:
    case ColumnType::Timestamp:
    case ColumnType::Uuid:
        return QStringLiteral("TEXT");
    case ColumnType::Json:
        // TEXT affinity, as before; the JSON word tells a reader (Ferry's SQLite source
        // among them) to parse the values, so arrays and objects come back as such.
        return QStringLiteral("TEXT JSON");
    }
    return QStringLiteral("TEXT");
}

} // namespace

std::vector<const ColumnMapping *> TableMapping::keyColumns() const
{
    std::vector<const ColumnMapping *> keys;
    for (const ColumnMapping &c : columns) {
        if (c.primaryKey || c.role == ColumnRole::ParentKey || c.role == ColumnRole::Ordinal ||
            c.role == ColumnRole::MapKey)
            keys.push_back(&c);
    }
    return keys;
}

const ColumnMapping *TableMapping::primaryKey() const
{
    for (const ColumnMapping &c : columns) {
        if (c.primaryKey)
            return &c;
    }
    return nullptr;
}

std::vector<const TableMapping *> CollectionMapping::tables() const
{
    std::vector<const TableMapping *> out;
    collectTables(root, &out);
    return out;
}

QString IndexSpec::effectiveName() const
{
    if (!name.isEmpty())
        return name;
    QStringList parts;
    for (const QString &f : fields)
        parts << f << QStringLiteral("1");
    return parts.join(QLatin1Char('_'));
}

QString columnTypeName(ColumnType type)
{
    return nameOf(columnTypeNames, type);
}

bool parseColumnType(const QString &name, ColumnType *out)
{
    return parseName(columnTypeNames, name, out);
}

QString conversionName(Conversion conversion)
{
    return nameOf(conversionNames, conversion);
}

bool parseConversion(const QString &name, Conversion *out)
{
    return parseName(conversionNames, name, out);
}

QString columnRoleName(ColumnRole role)
{
    return nameOf(columnRoleNames, role);
}

bool parseColumnRole(const QString &name, ColumnRole *out)
{
    return parseName(columnRoleNames, name, out);
}

QString tableKindName(TableKind kind)
{
    return nameOf(tableKindNames, kind);
}

bool parseTableKind(const QString &name, TableKind *out)
{
    return parseName(tableKindNames, name, out);
}

QString sqlTypeName(const ColumnMapping &column, Dialect dialect)
{
    // A declared length stays visible in SQLite too (its affinity is TEXT all the same);
    // exact numbers stay TEXT there, since NUMERIC affinity would turn 1.50 into a REAL.
    const bool sizedText = column.type == ColumnType::Text && column.length > 0;
    if (dialect == Dialect::Sqlite) {
        if (column.pgArray)
            return sqliteType(ColumnType::Json);
        return sizedText ? QStringLiteral("VARCHAR(%1)").arg(column.length)
                         : sqliteType(column.type);
    }
    if (column.pgArray)
        return postgresType(column.type) + QStringLiteral("[]");
    if (sizedText)
        return QStringLiteral("varchar(%1)").arg(column.length);
    if (column.type == ColumnType::Numeric && column.precision > 0)
        return QStringLiteral("numeric(%1,%2)").arg(column.precision).arg(column.scale);
    return postgresType(column.type);
}

} // namespace ferry

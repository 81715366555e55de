#include "schema/relational_mapping.h"

#include <QRegularExpression>

namespace ferry {

namespace {

qint64 countOf(const FieldNode *node, BsonKind kind)
{
    return node ? node->types[static_cast<size_t>(kind)] : 0;
}

// Values of the sample that a column of `type` could not hold as they are.
bool sampleFits(ColumnType type, const FieldNode *node)
{
    if (!node)
        return true;
    qint64 fitting = countOf(node, BsonKind::Null);
    switch (type) {
    case ColumnType::Integer:
        fitting += countOf(node, BsonKind::Int32);
        break;
    case ColumnType::BigInt:
        fitting += countOf(node, BsonKind::Int32) + countOf(node, BsonKind::Int64);
        break;
    case ColumnType::Double:
        fitting += countOf(node, BsonKind::Int32) + countOf(node, BsonKind::Int64) +
                   countOf(node, BsonKind::Double);
        break;
    case ColumnType::Numeric:
        fitting += countOf(node, BsonKind::Int32) + countOf(node, BsonKind::Int64) +
                   countOf(node, BsonKind::Double) + countOf(node, BsonKind::Decimal128);
        break;
    case ColumnType::Boolean:
        fitting += countOf(node, BsonKind::Bool);
        break;
    case ColumnType::Timestamp:
        fitting += countOf(node, BsonKind::Date);
        break;
    case ColumnType::Uuid:
        fitting += countOf(node, BsonKind::BinaryUuid);
        break;
    case ColumnType::Binary:
        fitting += countOf(node, BsonKind::Binary) + countOf(node, BsonKind::BinaryUuid);
        break;
    case ColumnType::Json:
    case ColumnType::Text:
        return true; // anything can be written as text / JSON
    }
    return fitting == node->total();
}

ColumnType integerType(const FieldNode *sampled, bool sampledAll, bool declaredBig)
{
    if (declaredBig || !sampledAll || countOf(sampled, BsonKind::Int64) > 0)
        return ColumnType::BigInt;
    return ColumnType::Integer;
}

// SQLite: the declared type's affinity words, as SQLite itself reads them.
ColumnType sqliteDeclared(const QString &t, const FieldNode *sampled, bool sampledAll, bool *known)
{
    *known = true;
    if (t.contains(QLatin1String("bool")))
        return ColumnType::Boolean;
    if (t.contains(QLatin1String("numeric")) || t.contains(QLatin1String("decimal")))
        return ColumnType::Numeric;
    if (t.contains(QLatin1String("date")) || t.contains(QLatin1String("time")))
        return ColumnType::Timestamp;
    if (t.contains(QLatin1String("uuid")))
        return ColumnType::Uuid;
    if (t.contains(QLatin1String("json")))
        return ColumnType::Json;
    if (t.contains(QLatin1String("int")))
        return integerType(sampled, sampledAll,
                           t.contains(QLatin1String("big")) || t.contains(QLatin1String("int8")));
    if (t.contains(QLatin1String("char")) || t.contains(QLatin1String("clob")) ||
        t.contains(QLatin1String("text")))
        return ColumnType::Text;
    if (t.contains(QLatin1String("blob")))
        return ColumnType::Binary;
    if (t.contains(QLatin1String("real")) || t.contains(QLatin1String("floa")) ||
        t.contains(QLatin1String("doub")))
        return ColumnType::Double;
    *known = false;
    return ColumnType::Text;
}

// PostgreSQL: format_type() names, without modifiers.
ColumnType postgresDeclared(const QString &t, bool *known)
{
    *known = true;
    if (t == QLatin1String("smallint") || t == QLatin1String("integer"))
        return ColumnType::Integer;
    if (t == QLatin1String("bigint"))
        return ColumnType::BigInt;
    if (t == QLatin1String("numeric"))
        return ColumnType::Numeric;
    if (t == QLatin1String("real") || t == QLatin1String("double precision"))
        return ColumnType::Double;
    if (t == QLatin1String("boolean"))
        return ColumnType::Boolean;
    if (t.startsWith(QLatin1String("timestamp")) || t == QLatin1String("date"))
        return ColumnType::Timestamp;
    if (t == QLatin1String("uuid"))
        return ColumnType::Uuid;
    if (t == QLatin1String("bytea"))
        return ColumnType::Binary;
    if (t == QLatin1String("json") || t == QLatin1String("jsonb"))
        return ColumnType::Json;
    // text, varchar, char and everything else PostgreSQL can print as text.
    return ColumnType::Text;
}

} // namespace

ColumnType sqlColumnType(const ColumnInfo &column, Dialect sourceDialect, const FieldNode *sampled,
                         bool sampledAll, bool *isArray)
{
    QString t = column.sqlType.trimmed().toLower();
    *isArray = sourceDialect == Dialect::Postgres && t.endsWith(QLatin1String("[]"));
    if (*isArray) {
        t.chop(2);
        sampled = sampled ? sampled->element.get() : nullptr;
    }
    static const QRegularExpression modifiers(QStringLiteral("\\(.*\\)"));
    t.remove(modifiers);
    t = t.simplified();
    bool known = false;
    ColumnType type = sourceDialect == Dialect::Sqlite
                          ? sqliteDeclared(t, sampled, sampledAll, &known)
                          : postgresDeclared(t, &known);
    if (!known && sampled && sampled->total() > 0) {
        // No declared type (or an unusual one): what the values are.
        type = defaultColumnType(*sampled, Dialect::Postgres, nullptr);
        if (type == ColumnType::Integer && !sampledAll)
            type = ColumnType::BigInt;
    }
    if (!*isArray && !sampleFits(type, sampled))
        type = sampleFits(ColumnType::Numeric, sampled) ? ColumnType::Numeric : ColumnType::Text;
    return type;
}

namespace {

qsizetype columnIndex(const TableInfo &table, const QString &name)
{
    for (qsizetype i = 0; i < table.columns.size(); ++i)
        if (table.columns[i].name == name)
            return i;
    return -1;
}

} // namespace

QStringList targetColumnNames(const TableInfo &table, Dialect targetDialect, NameStyle style)
{
    NameAllocator names(targetDialect, style);
    QStringList out;
    for (const ColumnInfo &c : table.columns)
        out.append(names.allocate(c.name));
    return out;
}

QString applyDeclaredSize(ColumnMapping &column, const ColumnInfo &declared,
                          CharacterTypes characterTypes, const FieldNode *sampled)
{
    const QString &sqlType = declared.sqlType;
    static const QRegularExpression sized(
        QStringLiteral("^([a-z][a-z ]*?)\\s*\\(\\s*(\\d+)\\s*(?:,\\s*(\\d+)\\s*)?\\)$"));
    const QRegularExpressionMatch m = sized.match(sqlType.trimmed().toLower());
    if (!m.hasMatch() || column.pgArray)
        return {};
    const QString base = m.captured(1);
    bool ok = false;
    const int first = m.captured(2).toInt(&ok);
    if (!ok || first <= 0)
        return {};
    if (column.type == ColumnType::Text && base.contains(QLatin1String("char")) &&
        m.captured(3).isEmpty()) {
        if (characterTypes != CharacterTypes::Varchar || first > kMaxCharacterLength)
            return {};
        // SQLite holds no value to its declared length: the sample says whether they fit.
        if (sampled && sampled->maxChars > first)
            return trEngine("column \"%1\" is declared %2, but the sample holds a value of %3 "
                            "characters; mapped to text.")
                .arg(declared.name, sqlType)
                .arg(sampled->maxChars);
        column.length = first;
        return {};
    }
    const bool exact =
        base.contains(QLatin1String("numeric")) || base.contains(QLatin1String("decimal"));
    if (column.type != ColumnType::Numeric || !exact || first > kMaxNumericPrecision)
        return {};
    const int scale = m.captured(3).isEmpty() ? 0 : m.captured(3).toInt(&ok);
    if (!ok || scale > first)
        return {};
    if (sampled &&
        (sampled->maxIntegerDigits > first - scale || sampled->maxFractionDigits > scale))
        return trEngine("column \"%1\" is declared %2, but the sample holds values with up to "
                        "%3 digits before the decimal point and %4 after; mapped to numeric.")
            .arg(declared.name, sqlType)
            .arg(sampled->maxIntegerDigits)
            .arg(sampled->maxFractionDigits);
    column.precision = first;
    column.scale = scale;
    return {};
}

MappingProposal proposeTableMapping(const TableInfo &table, Dialect sourceDialect,
                                    const FieldNode &sampled, qint64 sampledRows,
                                    const TableTarget &target)
{
    MappingProposal proposal;
    CollectionMapping &mapping = proposal.mapping;
    mapping.collection = table.name;
    mapping.root.kind = TableKind::Root;
    mapping.root.table = target.tableNames ? target.tableNames->allocate(table.name) : table.name;
    const bool sampledAll = table.rows >= 0 && sampledRows >= table.rows;
    const NameStyle style = target.options.names;
    const QStringList names = targetColumnNames(table, target.dialect, style);
    const QStringList keys = table.tableCopyKeys(); // what the source's rows call them
    for (qsizetype i = 0; i < table.columns.size(); ++i) {
        const ColumnInfo &c = table.columns[i];
        ColumnMapping column;
        column.source = keys[i];
        column.column = names[i];
        const FieldNode *values = sampled.child(keys[i]);
        column.type = sqlColumnType(c, sourceDialect, values, sampledAll, &column.pgArray);
        if (const QString w = applyDeclaredSize(column, c, target.options.characterTypes, values);
            !w.isEmpty())
            proposal.warnings.append(w);
        column.primaryKey = table.primaryKey.contains(c.name);
        column.nullable = c.nullable && !column.primaryKey;
        mapping.root.columns.push_back(column);
        if (column.column != c.name &&
            (style == NameStyle::Keep || column.column != c.name.toLower()))
            proposal.warnings.append(trEngine("column \"%1\" is named \"%2\" in the target.")
                                         .arg(c.name, column.column));
    }
    for (const ForeignKey &fk : table.foreignKeys) {
        if (fk.columns.size() != 1 || fk.refColumns.size() != 1) {
            proposal.warnings.append(
                trEngine("the foreign key (%1) → %2 has several columns; it is not recreated.")
                    .arg(fk.columns.join(QLatin1String(", ")), fk.refTable));
            continue;
        }
        // Both ends by their target names: the referenced table's come from its own columns.
        const qsizetype from = columnIndex(table, fk.columns.front());
        QString to = fk.refColumns.front();
        if (target.catalog) {
            if (const auto ref = target.catalog->constFind(fk.refTable);
                ref != target.catalog->constEnd())
                to =
                    targetColumnNames(*ref, target.dialect, style).value(columnIndex(*ref, to), to);
        }
        mapping.references.push_back(
            {from >= 0 ? names[from] : fk.columns.front(), fk.refTable, to});
    }
    return proposal;
}

} // namespace ferry

#include "project/project.h"

#include "project/name_table.h"

#include <QSet>

namespace ferry {

namespace {

using detail::nameOf;
using detail::NameTable;
using detail::parseName;

constexpr NameTable<ExistingRows, 4> existingRowsNames{{
    {ExistingRows::Skip, "skip"},
    {ExistingRows::Upsert, "upsert"},
    {ExistingRows::Fail, "fail"},
    {ExistingRows::Truncate, "truncate"},
}};

constexpr NameTable<ErrorPolicy, 2> errorPolicyNames{{
    {ErrorPolicy::Stop, "stop"},
    {ErrorPolicy::Reject, "reject"},
}};

constexpr NameTable<IdStrategy, 2> idStrategyNames{{
    {IdStrategy::ObjectIdText, "objectid_text"},
    {IdStrategy::ObjectIdUuid, "objectid_uuid"},
}};

constexpr NameTable<UnknownFields, 3> unknownFieldsNames{{
    {UnknownFields::Extra, "extra"},
    {UnknownFields::Reject, "reject"},
    {UnknownFields::Ignore, "ignore"},
}};

constexpr NameTable<NameStyle, 2> nameStyleNames{{
    {NameStyle::Fold, "fold"},
    {NameStyle::Keep, "keep"},
}};

constexpr NameTable<CharacterTypes, 2> characterTypesNames{{
    {CharacterTypes::Varchar, "varchar"},
    {CharacterTypes::Text, "text"},
}};

} // namespace

CollectionMapping *Project::findCollection(const QString &name)
{
    for (CollectionMapping &c : collections) {
        if (c.collection == name)
            return &c;
    }
    return nullptr;
}

const CollectionMapping *Project::findCollection(const QString &name) const
{
    for (const CollectionMapping &c : collections) {
        if (c.collection == name)
            return &c;
    }
    return nullptr;
}

const ColumnMapping *extraColumnOf(const CollectionMapping &mapping)
{
    for (const ColumnMapping &c : mapping.root.columns)
        if (c.role == ColumnRole::Extra)
            return &c;
    return nullptr;
}

QStringList ensureExtraColumns(Project &project)
{
    QStringList changed;
    if (project.options.unknownFields != UnknownFields::Extra)
        return changed;
    for (CollectionMapping &m : project.collections) {
        if (!m.enabled || extraColumnOf(m))
            continue;
        QSet<QString> taken;
        for (const ColumnMapping &c : m.root.columns)
            taken.insert(c.column.toLower());
        const QString wanted = project.options.extraColumn.isEmpty() ? QStringLiteral("_extra")
                                                                     : project.options.extraColumn;
        QString name = wanted;
        for (int n = 2; taken.contains(name.toLower()); ++n)
            name = QStringLiteral("%1_%2").arg(wanted).arg(n);
        ColumnMapping extra;
        extra.column = name;
        extra.type = ColumnType::Json;
        extra.role = ColumnRole::Extra;
        extra.nullable = true;
        m.root.columns.push_back(extra);
        changed << m.collection;
    }
    return changed;
}

Dialect Project::targetDialect() const
{
    // Endpoints are stored as the registry wrote them (stores/stores.h), so the scheme says
    // it; a bare path can only be a file, and the one file target with a dialect is SQLite.
    const Result<Endpoint> endpoint = Endpoint::parse(targetUri);
    if (endpoint.ok() &&
        (endpoint->scheme() == QLatin1String("sqlite") || endpoint->scheme().isEmpty()))
        return Dialect::Sqlite;
    return Dialect::Postgres;
}

QString existingRowsName(ExistingRows v)
{
    return nameOf(existingRowsNames, v);
}

bool parseExistingRows(const QString &s, ExistingRows *out)
{
    return parseName(existingRowsNames, s, out);
}

QString errorPolicyName(ErrorPolicy v)
{
    return nameOf(errorPolicyNames, v);
}

bool parseErrorPolicy(const QString &s, ErrorPolicy *out)
{
    return parseName(errorPolicyNames, s, out);
}

QString idStrategyName(IdStrategy v)
{
    return nameOf(idStrategyNames, v);
}

bool parseIdStrategy(const QString &s, IdStrategy *out)
{
    return parseName(idStrategyNames, s, out);
}

QString unknownFieldsName(UnknownFields v)
{
    return nameOf(unknownFieldsNames, v);
}

bool parseUnknownFields(const QString &s, UnknownFields *out)
{
    return parseName(unknownFieldsNames, s, out);
}

QString nameStyleName(NameStyle v)
{
    return nameOf(nameStyleNames, v);
}

bool parseNameStyle(const QString &s, NameStyle *out)
{
    return parseName(nameStyleNames, s, out);
}

QString characterTypesName(CharacterTypes v)
{
    return nameOf(characterTypesNames, v);
}

bool parseCharacterTypes(const QString &s, CharacterTypes *out)
{
    return parseName(characterTypesNames, s, out);
}

} // namespace ferry

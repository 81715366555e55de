#include "project/project_file.h"

#include "core/endpoint.h"
#include "core/ordered_json_writer.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QSaveFile>

#include <array>
#include <cmath>
#include <limits>
#include <optional>

namespace ferry {

namespace {

QString fileLabel(const QString &path)
{
    return path.isEmpty() ? trEngine("The project file") : QStringLiteral("\"%1\"").arg(path);
}

QString jsonTypeName(const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::Null:
        return trEngine("null");
    case QJsonValue::Bool:
        return trEngine("true/false");
    case QJsonValue::Double:
        return trEngine("a number");
    case QJsonValue::String:
        return trEngine("text");
    case QJsonValue::Array:
        return trEngine("a list");
    case QJsonValue::Object:
        return trEngine("an object");
    case QJsonValue::Undefined:
        break;
    }
    return trEngine("nothing");
}

QString member(const QString &path, QStringView key)
{
    return path.isEmpty() ? key.toString() : path + QLatin1Char('.') + key.toString();
}

QString element(const QString &path, qsizetype index)
{
    return QStringLiteral("%1[%2]").arg(path).arg(index);
}

// The names an enum accepts, for "expected one of …". Enum classes have int underlying
// types, so walking the values until a name comes back empty is well defined.
template <class E> QString allNames(QString (*nameFn)(E))
{
    QStringList names;
    for (int i = 0;; ++i) {
        const QString name = nameFn(static_cast<E>(i));
        if (name.isEmpty())
            break;
        names << name;
    }
    return names.join(QLatin1String(", "));
}

// Reads typed fields and keeps the first problem, named by its JSON path, so the user
// can go straight to the line. A missing key or null means "default" (files from other
// versions may lack it); a present key of the wrong type is an error.
class Reader {
public:
    explicit Reader(QString file) : m_file(std::move(file)) {}

    bool failed() const { return m_error.has_value(); }
    Error error() const { return m_error.value_or(Error()); }

    bool fail(const QString &path, const QString &problem)
    {
        if (!m_error)
            m_error =
                Error(ErrorCode::ProjectFile, QStringLiteral("%1: %2").arg(path, problem), m_file);
        return false;
    }

    bool wrongType(const QString &path, const QString &expected, const QJsonValue &found)
    {
        return fail(path, trEngine("expected %1, found %2").arg(expected, jsonTypeName(found)));
    }

    bool text(const QJsonObject &o, const QString &path, QStringView key, QString *out,
              bool required = false)
    {
        const QJsonValue v = o.value(key);
        if (v.isUndefined() || v.isNull()) {
            if (required)
                return fail(member(path, key), trEngine("is missing"));
            return true;
        }
        if (!v.isString())
            return wrongType(member(path, key), trEngine("text"), v);
        *out = v.toString();
        if (required && out->isEmpty())
            return fail(member(path, key), trEngine("must not be empty"));
        return true;
    }

    bool boolean(const QJsonObject &o, const QString &path, QStringView key, bool *out)
    {
        const QJsonValue v = o.value(key);
        if (v.isUndefined() || v.isNull())
            return true;
        if (!v.isBool())
            return wrongType(member(path, key), trEngine("true or false"), v);
        *out = v.toBool();
        return true;
    }

    bool integer(const QJsonObject &o, const QString &path, QStringView key, int minimum, int *out)
    {
        const QJsonValue v = o.value(key);
        if (v.isUndefined() || v.isNull())
            return true;
        const double d = v.toDouble();
        if (!v.isDouble() || d != std::floor(d) || d > std::numeric_limits<int>::max() ||
            d < std::numeric_limits<int>::min())
            return wrongType(member(path, key), trEngine("a whole number"), v);
        if (d < minimum)
            return fail(member(path, key),
                        trEngine("%1 is too small (the least allowed is %2)").arg(d).arg(minimum));
        *out = static_cast<int>(d);
        return true;
    }

    // `out` is null when the key is absent; an empty result then is fine.
    bool array(const QJsonObject &o, const QString &path, QStringView key, QJsonArray *out)
    {
        const QJsonValue v = o.value(key);
        if (v.isUndefined() || v.isNull())
            return true;
        if (!v.isArray())
            return wrongType(member(path, key), trEngine("a list"), v);
        *out = v.toArray();
        return true;
    }

    bool object(const QJsonValue &v, const QString &path, QJsonObject *out)
    {
        if (!v.isObject())
            return wrongType(path, trEngine("an object"), v);
        *out = v.toObject();
        return true;
    }

    template <class E>
    bool enumeration(const QJsonObject &o, const QString &path, QStringView key,
                     const QString &what, bool (*parseFn)(const QString &, E *),
                     QString (*nameFn)(E), E *out)
    {
        QString name;
        if (!text(o, path, key, &name))
            return false;
        if (!o.contains(key) || o.value(key).isNull())
            return true;
        if (!parseFn(name, out))
            return fail(member(path, key), trEngine("\"%1\" is not %2 (expected one of %3)")
                                               .arg(name, what, allNames(nameFn)));
        return true;
    }

private:
    QString m_file;
    std::optional<Error> m_error;
};

bool readColumns(Reader &r, const QJsonObject &o, const QString &path,
                 std::vector<ColumnMapping> *out)
{
    QJsonArray columns;
    if (!r.array(o, path, u"columns", &columns))
        return false;
    const QString listPath = member(path, u"columns");
    for (qsizetype i = 0; i < columns.size(); ++i) {
        const QString p = element(listPath, i);
        QJsonObject c;
        ColumnMapping m;
        if (!r.object(columns.at(i), p, &c) || !r.text(c, p, u"source", &m.source) ||
            !r.text(c, p, u"column", &m.column, true) ||
            !r.enumeration(c, p, u"type", trEngine("a column type"), parseColumnType,
                           columnTypeName, &m.type) ||
            !r.enumeration(c, p, u"role", trEngine("a column role"), parseColumnRole,
                           columnRoleName, &m.role) ||
            !r.enumeration(c, p, u"conversion", trEngine("a conversion"), parseConversion,
                           conversionName, &m.conversion) ||
            !r.boolean(c, p, u"nullable", &m.nullable) ||
            !r.boolean(c, p, u"primary_key", &m.primaryKey) ||
            !r.boolean(c, p, u"pg_array", &m.pgArray) ||
            !r.integer(c, p, u"length", 0, &m.length) ||
            !r.integer(c, p, u"precision", 0, &m.precision) ||
            !r.integer(c, p, u"scale", 0, &m.scale))
            return false;
        if (m.length > kMaxCharacterLength)
            return r.fail(member(p, u"length"),
                          trEngine("%1 is too large (PostgreSQL's varchar takes at most %2)")
                              .arg(m.length)
                              .arg(kMaxCharacterLength));
        if (m.precision > kMaxNumericPrecision || m.scale > m.precision)
            return r.fail(member(p, u"precision"),
                          trEngine("must be at most %1, with a scale between 0 and the "
                                   "precision (numeric(10,2) is precision 10, scale 2)")
                              .arg(kMaxNumericPrecision));
        out->push_back(std::move(m));
    }
    return true;
}

bool readChildren(Reader &r, const QJsonObject &o, const QString &path,
                  std::vector<TableMapping> *out)
{
    QJsonArray children;
    if (!r.array(o, path, u"children", &children))
        return false;
    const QString listPath = member(path, u"children");
    for (qsizetype i = 0; i < children.size(); ++i) {
        const QString p = element(listPath, i);
        QJsonObject c;
        TableMapping t;
        t.kind = TableKind::Array;
        if (!r.object(children.at(i), p, &c) || !r.text(c, p, u"table", &t.table, true) ||
            !r.enumeration(c, p, u"kind", trEngine("a table kind"), parseTableKind, tableKindName,
                           &t.kind) ||
            !r.text(c, p, u"source", &t.source) || !readColumns(r, c, p, &t.columns) ||
            !readChildren(r, c, p, &t.children))
            return false;
        out->push_back(std::move(t));
    }
    return true;
}

bool readReferences(Reader &r, const QJsonObject &o, const QString &path,
                    std::vector<Reference> *out)
{
    QJsonArray refs;
    if (!r.array(o, path, u"references", &refs))
        return false;
    const QString listPath = member(path, u"references");
    for (qsizetype i = 0; i < refs.size(); ++i) {
        const QString p = element(listPath, i);
        QJsonObject c;
        Reference ref;
        if (!r.object(refs.at(i), p, &c) || !r.text(c, p, u"column", &ref.column, true) ||
            !r.text(c, p, u"collection", &ref.collection, true) ||
            !r.text(c, p, u"to_column", &ref.toColumn, true))
            return false;
        out->push_back(std::move(ref));
    }
    return true;
}

bool readStringList(Reader &r, const QJsonArray &list, const QString &path, QStringList *out)
{
    for (qsizetype k = 0; k < list.size(); ++k) {
        if (!list.at(k).isString())
            return r.wrongType(element(path, k), trEngine("text"), list.at(k));
        out->append(list.at(k).toString());
    }
    return true;
}

bool readEmbeddings(Reader &r, const QJsonObject &o, const QString &path,
                    std::vector<Embedding> *out)
{
    if (!o.contains(QLatin1String("embeddings")))
        return true; // optional: older files have none
    QJsonArray list;
    if (!r.array(o, path, u"embeddings", &list))
        return false;
    const QString listPath = member(path, u"embeddings");
    for (qsizetype i = 0; i < list.size(); ++i) {
        const QString p = element(listPath, i);
        QJsonObject c;
        QJsonArray fk;
        Embedding e;
        if (!r.object(list.at(i), p, &c) || !r.text(c, p, u"child", &e.child, true) ||
            !r.array(c, p, u"foreign_key", &fk) || !r.text(c, p, u"field", &e.field) ||
            !r.boolean(c, p, u"single", &e.single))
            return false;
        if (!readStringList(r, fk, member(p, u"foreign_key"), &e.foreignKey))
            return false;
        out->push_back(std::move(e));
    }
    return true;
}

// Absent stays absent (the run infers them); present, even empty, is the user's list.
bool readIndexes(Reader &r, const QJsonObject &o, const QString &path,
                 std::optional<std::vector<IndexSpec>> *out)
{
    if (!o.contains(QLatin1String("indexes")) || o.value(u"indexes").isNull())
        return true;
    QJsonArray list;
    if (!r.array(o, path, u"indexes", &list))
        return false;
    const QString listPath = member(path, u"indexes");
    out->emplace();
    for (qsizetype i = 0; i < list.size(); ++i) {
        const QString p = element(listPath, i);
        QJsonObject c;
        QJsonArray fields;
        IndexSpec index;
        if (!r.object(list.at(i), p, &c) || !r.array(c, p, u"fields", &fields) ||
            !readStringList(r, fields, member(p, u"fields"), &index.fields) ||
            !r.boolean(c, p, u"unique", &index.unique) || !r.text(c, p, u"name", &index.name))
            return false;
        if (index.fields.isEmpty() || index.fields.contains(QString()))
            return r.fail(member(p, u"fields"),
                          trEngine("must name at least one field, and no empty one"));
        (*out)->push_back(std::move(index));
    }
    return true;
}

bool readRenames(Reader &r, const QJsonObject &o, const QString &path,
                 std::vector<FieldRename> *out)
{
    if (!o.contains(QLatin1String("renames")))
        return true; // optional: only document targets have them
    QJsonArray list;
    if (!r.array(o, path, u"renames", &list))
        return false;
    const QString listPath = member(path, u"renames");
    for (qsizetype i = 0; i < list.size(); ++i) {
        const QString p = element(listPath, i);
        QJsonObject c;
        FieldRename rename;
        if (!r.object(list.at(i), p, &c) || !r.text(c, p, u"from", &rename.from, true) ||
            !r.text(c, p, u"to", &rename.to, true))
            return false;
        out->push_back(std::move(rename));
    }
    return true;
}

bool readCollection(Reader &r, const QJsonValue &v, const QString &p, CollectionMapping *out)
{
    QJsonObject o;
    QJsonArray excluded;
    if (!r.object(v, p, &o) || !r.text(o, p, u"collection", &out->collection, true) ||
        !r.boolean(o, p, u"enabled", &out->enabled) || !r.text(o, p, u"filter", &out->filter) ||
        !r.text(o, p, u"table", &out->root.table) || !r.array(o, p, u"excluded", &excluded))
        return false;
    out->root.kind = TableKind::Root;
    const QString excludedPath = member(p, u"excluded");
    for (qsizetype i = 0; i < excluded.size(); ++i) {
        if (!excluded.at(i).isString())
            return r.wrongType(element(excludedPath, i), trEngine("text"), excluded.at(i));
        out->excluded << excluded.at(i).toString();
    }
    return readReferences(r, o, p, &out->references) && readEmbeddings(r, o, p, &out->embeddings) &&
           readIndexes(r, o, p, &out->indexes) && readRenames(r, o, p, &out->renames) &&
           readColumns(r, o, p, &out->root.columns) && readChildren(r, o, p, &out->root.children);
}

bool readEndpoint(Reader &r, const QJsonObject &root, QStringView key, QString *uri,
                  QString *passwordEnv)
{
    const QJsonValue v = root.value(key);
    if (v.isUndefined() || v.isNull())
        return true;
    QJsonObject o;
    const QString p = key.toString();
    return r.object(v, p, &o) && r.text(o, p, u"uri", uri) &&
           r.text(o, p, u"password_env", passwordEnv);
}

bool readOptions(Reader &r, const QJsonObject &root, ProjectOptions *out)
{
    const QJsonValue v = root.value(u"options");
    if (v.isUndefined() || v.isNull())
        return true;
    QJsonObject o;
    const QString p = QStringLiteral("options");
    return r.object(v, p, &o) && r.integer(o, p, u"batch_size", 1, &out->batchSize) &&
           r.integer(o, p, u"sample_size", -1, &out->sampleSize) &&
           r.enumeration(o, p, u"existing_rows", trEngine("an existing-rows policy"),
                         parseExistingRows, existingRowsName, &out->existingRows) &&
           r.enumeration(o, p, u"on_error", trEngine("an error policy"), parseErrorPolicy,
                         errorPolicyName, &out->onError) &&
           r.enumeration(o, p, u"id_strategy", trEngine("an id strategy"), parseIdStrategy,
                         idStrategyName, &out->idStrategy) &&
           r.enumeration(o, p, u"unknown_fields", trEngine("an unknown-fields policy"),
                         parseUnknownFields, unknownFieldsName, &out->unknownFields) &&
           r.text(o, p, u"extra_column", &out->extraColumn) &&
           r.enumeration(o, p, u"names", trEngine("a name style"), parseNameStyle, nameStyleName,
                         &out->names) &&
           r.enumeration(o, p, u"character_types", trEngine("a character-type choice"),
                         parseCharacterTypes, characterTypesName, &out->characterTypes);
}

// ---------------------------------------------------------------------------------------
// Migration: step N turns a version-N document into a version-N+1 one. Later versions
// append a step here and bump CurrentVersion; the readers above only know the newest shape.

using MigrationStep = QJsonObject (*)(QJsonObject);

QJsonObject migrate0To1(QJsonObject root)
{
    // Version 0 files had the same content and simply no "version" key.
    root.insert(QStringLiteral("version"), 1);
    return root;
}

constexpr std::array<MigrationStep, ProjectFile::CurrentVersion> migrationSteps{{migrate0To1}};

} // namespace

Result<Project> ProjectFile::fromJson(const QByteArray &json, const QString &pathForMessages)
{
    const QString label = fileLabel(pathForMessages);
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return Error(ErrorCode::ProjectFile,
                     trEngine("%1 is not valid JSON: %2 at byte %3. Fix the file by hand or "
                              "open a backup of it.")
                         .arg(label, parseError.errorString())
                         .arg(parseError.offset),
                     pathForMessages);
    if (!doc.isObject())
        return Error(
            ErrorCode::ProjectFile,
            trEngine("%1 is not a Ferry project: it does not hold a JSON object.").arg(label),
            pathForMessages);

    QJsonObject root = doc.object();
    const QJsonValue format = root.value(u"format");
    if (!format.isString() || format.toString() != ProjectFile::FormatName)
        return Error(ErrorCode::ProjectFile,
                     trEngine("%1 is not a Ferry project: it lacks the header "
                              "\"format\": \"ferry-project\".")
                         .arg(label),
                     pathForMessages);

    int version = 0;
    const QJsonValue versionValue = root.value(u"version");
    if (!versionValue.isUndefined()) {
        const double d = versionValue.toDouble(-1);
        if (!versionValue.isDouble() || d != std::floor(d) || d < 0)
            return Error(ErrorCode::ProjectFile,
                         trEngine("version: expected a whole number of 0 or more, found %1")
                             .arg(jsonTypeName(versionValue)),
                         pathForMessages);
        if (d > CurrentVersion)
            return Error(ErrorCode::ProjectFile,
                         trEngine("%1 was written by a newer Ferry (format version %2); this "
                                  "Ferry reads up to version %3. Update Ferry to open it.")
                             .arg(label)
                             .arg(static_cast<qint64>(std::min(d, 1e15)))
                             .arg(CurrentVersion),
                         pathForMessages);
        version = static_cast<int>(d);
    }
    for (; version < CurrentVersion; ++version)
        root = migrationSteps[size_t(version)](std::move(root));

    Reader r(pathForMessages);
    Project project;
    QJsonArray collections;
    if (!r.text(root, {}, u"name", &project.name) ||
        !readEndpoint(r, root, u"source", &project.sourceUri, &project.sourcePasswordEnv) ||
        !readEndpoint(r, root, u"target", &project.targetUri, &project.targetPasswordEnv) ||
        !readOptions(r, root, &project.options) || !r.array(root, {}, u"collections", &collections))
        return r.error();
    for (qsizetype i = 0; i < collections.size(); ++i) {
        CollectionMapping c;
        if (!readCollection(r, collections.at(i), element(QStringLiteral("collections"), i), &c))
            return r.error();
        project.collections.push_back(std::move(c));
    }
    return project;
}

Result<Project> ProjectFile::load(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error(
            ErrorCode::ProjectFile,
            trEngine("Cannot open the project file \"%1\": %2.").arg(path, file.errorString()),
            path);
    const QByteArray json = file.readAll();
    if (file.error() != QFileDevice::NoError)
        return Error(
            ErrorCode::ProjectFile,
            trEngine("Cannot read the project file \"%1\": %2.").arg(path, file.errorString()),
            path);
    return fromJson(json, path);
}

Status ProjectFile::save(const Project &project, const QString &path)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Error(
            ErrorCode::Io,
            trEngine("Cannot write the project file \"%1\": %2.").arg(path, file.errorString()),
            path);
    const QByteArray json = toJson(project);
    if (file.write(json) != json.size() || !file.commit())
        return Error(ErrorCode::Io,
                     trEngine("Cannot save the project file \"%1\": %2. The previous version "
                              "of the file, if any, is unchanged.")
                         .arg(path, file.errorString()),
                     path);
    return {};
}

} // namespace ferry

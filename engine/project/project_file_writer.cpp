#include "project/project_file.h"

#include "core/endpoint.h"
#include "core/ordered_json_writer.h"

namespace ferry {

namespace {

// ---------------------------------------------------------------------------------------
// Writing

// A project may hold a URI as the user typed it, password included; the file never does.
QString uriForFile(const QString &uri)
{
    if (uri.isEmpty())
        return uri;
    const Result<Endpoint> endpoint = Endpoint::parse(uri);
    if (!endpoint.ok())
        return redactSecrets(uri); // not a form we know: still never store what looks secret
    // Keep the text as written (parse normalizes bare paths) unless there is a secret.
    // A scheme-less text is taken as a bare path; libpq keyword strings land there too.
    return endpoint->hasSecret() ? endpoint->withoutSecret() : redactSecrets(uri);
}

void writeColumns(OrderedJsonWriter &w, const std::vector<ColumnMapping> &columns)
{
    w.key(u"columns").beginArray();
    for (const ColumnMapping &c : columns) {
        w.beginObject();
        w.key(u"source").string(c.source);
        w.key(u"column").string(c.column);
        w.key(u"type").string(columnTypeName(c.type));
        // Only when declared, so mappings of document sources stay as they were.
        if (c.length > 0)
            w.key(u"length").integer(c.length);
        if (c.precision > 0) {
            w.key(u"precision").integer(c.precision);
            w.key(u"scale").integer(c.scale);
        }
        w.key(u"role").string(columnRoleName(c.role));
        w.key(u"conversion").string(conversionName(c.conversion));
        w.key(u"nullable").boolean(c.nullable);
        w.key(u"primary_key").boolean(c.primaryKey);
        w.key(u"pg_array").boolean(c.pgArray);
        w.endObject();
    }
    w.endArray();
}

void writeChildren(OrderedJsonWriter &w, const std::vector<TableMapping> &children)
{
    w.key(u"children").beginArray();
    for (const TableMapping &t : children) {
        w.beginObject();
        w.key(u"table").string(t.table);
        w.key(u"kind").string(tableKindName(t.kind));
        w.key(u"source").string(t.source);
        writeColumns(w, t.columns);
        writeChildren(w, t.children);
        w.endObject();
    }
    w.endArray();
}

void writeIndexes(OrderedJsonWriter &w, const std::vector<IndexSpec> &indexes)
{
    w.key(u"indexes").beginArray();
    for (const IndexSpec &index : indexes) {
        w.beginObject();
        w.key(u"fields").beginArray();
        for (const QString &f : index.fields)
            w.string(f);
        w.endArray();
        w.key(u"unique").boolean(index.unique);
        if (!index.name.isEmpty())
            w.key(u"name").string(index.name);
        w.endObject();
    }
    w.endArray();
}

void writeEndpoint(OrderedJsonWriter &w, QStringView name, const QString &uri,
                   const QString &passwordEnv)
{
    w.key(name).beginObject();
    w.key(u"uri").string(uriForFile(uri));
    w.key(u"password_env").string(passwordEnv);
    w.endObject();
}

// ---------------------------------------------------------------------------------------
// Reading

} // namespace

QByteArray ProjectFile::toJson(const Project &project)
{
    OrderedJsonWriter w(2);
    w.beginObject();
    w.key(u"format").string(ProjectFile::FormatName);
    w.key(u"version").integer(CurrentVersion);
    w.key(u"name").string(project.name);
    writeEndpoint(w, u"source", project.sourceUri, project.sourcePasswordEnv);
    writeEndpoint(w, u"target", project.targetUri, project.targetPasswordEnv);

    const ProjectOptions &opt = project.options;
    w.key(u"options").beginObject();
    w.key(u"batch_size").integer(opt.batchSize);
    w.key(u"sample_size").integer(opt.sampleSize);
    w.key(u"existing_rows").string(existingRowsName(opt.existingRows));
    w.key(u"on_error").string(errorPolicyName(opt.onError));
    w.key(u"id_strategy").string(idStrategyName(opt.idStrategy));
    w.key(u"unknown_fields").string(unknownFieldsName(opt.unknownFields));
    w.key(u"extra_column").string(opt.extraColumn);
    w.key(u"names").string(nameStyleName(opt.names));
    w.key(u"character_types").string(characterTypesName(opt.characterTypes));
    w.endObject();

    w.key(u"collections").beginArray();
    for (const CollectionMapping &c : project.collections) {
        w.beginObject();
        w.key(u"collection").string(c.collection);
        w.key(u"enabled").boolean(c.enabled);
        w.key(u"filter").string(c.filter);
        w.key(u"table").string(c.root.table);
        w.key(u"excluded").beginArray();
        for (const QString &path : c.excluded)
            w.string(path);
        w.endArray();
        w.key(u"references").beginArray();
        for (const Reference &ref : c.references) {
            w.beginObject();
            w.key(u"column").string(ref.column);
            w.key(u"collection").string(ref.collection);
            w.key(u"to_column").string(ref.toColumn);
            w.endObject();
        }
        w.endArray();
        // Only when there are some, so projects of the Mongo → SQL direction stay as they were.
        if (!c.embeddings.empty()) {
            w.key(u"embeddings").beginArray();
            for (const Embedding &e : c.embeddings) {
                w.beginObject();
                w.key(u"child").string(e.child);
                w.key(u"foreign_key").beginArray();
                for (const QString &col : e.foreignKey)
                    w.string(col);
                w.endArray();
                w.key(u"field").string(e.field);
                if (e.single)
                    w.key(u"single").boolean(true);
                w.endObject();
            }
            w.endArray();
        }
        if (!c.renames.empty()) {
            w.key(u"renames").beginArray();
            for (const FieldRename &rename : c.renames) {
                w.beginObject();
                w.key(u"from").string(rename.from);
                w.key(u"to").string(rename.to);
                w.endObject();
            }
            w.endArray();
        }
        if (c.indexes)
            writeIndexes(w, *c.indexes);
        writeColumns(w, c.root.columns);
        writeChildren(w, c.root.children);
        w.endObject();
    }
    w.endArray();
    w.endObject();
    return w.finish();
}

} // namespace ferry

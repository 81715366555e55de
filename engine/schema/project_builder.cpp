#include "schema/project_builder.h"

#include "core/identifiers.h"
#include "endpoints/source.h"
#include "schema/type_mapper.h"

#include <QFileInfo>
#include <QHash>

namespace ferry {

Result<CollectionSchema> inferCollectionSchema(Source &source, const QString &collection,
                                               qint64 sampleSize, const QString &filter,
                                               qint64 sourceCount)
{
    auto docs = source.sample(collection, sampleSize, filter);
    if (!docs)
        return docs.error();
    SchemaInferrer inferrer;
    for (const BsonDoc &doc : *docs)
        inferrer.add(doc.get());
    CollectionSchema schema;
    schema.collection = collection;
    schema.sourceCount = sourceCount;
    schema.sampled = inferrer.documents();
    schema.root = inferrer.take();
    return schema;
}

Result<InferOutcome> inferProject(Source &source, const Endpoint &sourceEndpoint,
                                  const Endpoint &targetEndpoint, const QStringList &only,
                                  const ProjectOptions &options,
                                  const std::function<void(const QString &)> &onCollection)
{
    auto listed = source.listCollections();
    if (!listed)
        return listed.error();
    QHash<QString, qint64> counts;
    QStringList names;
    for (const CollectionInfo &info : *listed) {
        counts.insert(info.name, info.count);
        names.append(info.name);
    }
    if (!only.isEmpty()) {
        for (const QString &name : only) {
            if (!counts.contains(name))
                return Error(ErrorCode::NotFound,
                             trEngine("The source has no collection \"%1\". It has: %2.")
                                 .arg(name, names.join(QStringLiteral(", "))),
                             sourceEndpoint.redacted());
        }
        names = only;
    }

    InferOutcome out;
    const Dialect dialect = targetEndpoint.kind() == EndpointKind::Sqlite ? Dialect::Sqlite
                                                                          : Dialect::Postgres;
    out.project.name = sourceEndpoint.kind() == EndpointKind::Dump
                           ? QFileInfo(sourceEndpoint.path()).completeBaseName()
                           : sourceEndpoint.database();
    if (out.project.name.isEmpty())
        out.project.name = QStringLiteral("migration");
    out.project.sourceUri = sourceEndpoint.withoutSecret();
    out.project.targetUri = targetEndpoint.withoutSecret();
    out.project.options = options;

    NameAllocator tableNames(dialect);
    for (const QString &name : names) {
        if (onCollection)
            onCollection(name);
        auto schema = inferCollectionSchema(source, name, options.sampleSize, {}, counts.value(name, -1));
        if (!schema)
            return schema.error();
        MappingProposal proposal = proposeMapping(name, *schema->root, schema->sampled, dialect,
                                                  options, &tableNames);
        for (const QString &w : proposal.warnings)
            out.warnings.append(QStringLiteral("%1: %2").arg(name, w));
        out.project.collections.push_back(std::move(proposal.mapping));
        out.schemas.push_back(std::move(*schema));
    }
    return out;
}

} // namespace ferry

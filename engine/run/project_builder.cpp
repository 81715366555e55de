#include "run/project_builder.h"

#include "core/identifiers.h"
#include "run/index_builder.h"
#include "schema/relational_mapping.h"
#include "schema/type_mapper.h"
#include "stores/stores.h"

#include <QFileInfo>
#include <QHash>

#include <algorithm>
#include <cstring>

namespace ferry {

namespace {

// Orders documents by _id (ObjectId, number, string; other kinds by type, then bytes), so
// the inferred field order — and so the column order — is the same whatever order the
// source returned its sample in ($sample on a server is random).
bool idLess(const BsonDoc &a, const BsonDoc &b)
{
    bson_iter_t ia, ib;
    const bool ha = bson_iter_init_find(&ia, a.get(), "_id");
    const bool hb = bson_iter_init_find(&ib, b.get(), "_id");
    if (ha != hb)
        return hb; // documents without _id last
    if (!ha)
        return false;
    const bson_type_t ta = bson_iter_type(&ia);
    const bson_type_t tb = bson_iter_type(&ib);
    const auto numeric = [](bson_type_t t) {
        return t == BSON_TYPE_INT32 || t == BSON_TYPE_INT64 || t == BSON_TYPE_DOUBLE;
    };
    if (numeric(ta) && numeric(tb))
        return bson_iter_as_double(&ia) < bson_iter_as_double(&ib);
    if (ta != tb)
        return ta < tb;
    if (ta == BSON_TYPE_OID)
        return bson_oid_compare(bson_iter_oid(&ia), bson_iter_oid(&ib)) < 0;
    if (ta == BSON_TYPE_UTF8)
        return strcmp(bson_iter_utf8(&ia, nullptr), bson_iter_utf8(&ib, nullptr)) < 0;
    const bson_value_t *xa = bson_iter_value(&ia);
    const bson_value_t *xb = bson_iter_value(&ib);
    if (ta == BSON_TYPE_BINARY) {
        const uint32_t la = xa->value.v_binary.data_len;
        const uint32_t lb = xb->value.v_binary.data_len;
        const int c = memcmp(xa->value.v_binary.data, xb->value.v_binary.data, std::min(la, lb));
        return c != 0 ? c < 0 : la < lb;
    }
    return false; // documents and rarer kinds: keep the source's order
}

} // namespace

Result<CollectionSchema> inferCollectionSchema(Source &source, const QString &collection,
                                               qint64 sampleSize, const QString &filter,
                                               qint64 sourceCount)
{
    auto docs = source.sample(collection, sampleSize, filter);
    if (!docs)
        return docs.error();
    std::stable_sort(docs->begin(), docs->end(), idLess);
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
    const StoreInfo *sourceStore = storeOf(sourceEndpoint);
    const StoreInfo *targetStore = storeOf(targetEndpoint);
    // A document target gets PostgreSQL's names and types in its (unused) table mapping.
    const Dialect dialect =
        targetStore && targetStore->dialect ? *targetStore->dialect : Dialect::Postgres;
    out.project.name = sourceStore && !sourceStore->server
                           ? QFileInfo(sourceEndpoint.path()).completeBaseName()
                           : sourceEndpoint.database();
    if (out.project.name.isEmpty())
        out.project.name = QStringLiteral("migration");
    out.project.sourceUri = sourceEndpoint.withoutSecret();
    out.project.targetUri = targetEndpoint.withoutSecret();
    out.project.options = options;

    // Table to table: columns as in the source, references from its foreign keys.
    QHash<QString, TableInfo> catalog;
    if (sourceStore && sourceStore->isSql() && targetStore && targetStore->isSql()) {
        auto tables = source.tables();
        if (!tables)
            return tables.error();
        for (const TableInfo &t : *tables)
            catalog.insert(t.name, t);
    }
    const Dialect sourceDialect =
        sourceStore && sourceStore->dialect ? *sourceStore->dialect : Dialect::Postgres;

    // A table copy names its tables as the project says; documents always get folded names.
    NameAllocator tableNames(dialect, catalog.isEmpty() ? NameStyle::Fold : options.names);
    const TableTarget tableTarget{dialect, options, &tableNames, &catalog};
    for (const QString &name : names) {
        if (onCollection)
            onCollection(name);
        auto schema =
            inferCollectionSchema(source, name, options.sampleSize, {}, counts.value(name, -1));
        if (!schema)
            return schema.error();
        const auto table = catalog.constFind(name);
        MappingProposal proposal = table != catalog.constEnd()
                                       ? proposeTableMapping(*table, sourceDialect, *schema->root,
                                                             schema->sampled, tableTarget)
                                       : proposeMapping(name, *schema->root, schema->sampled,
                                                        dialect, options, &tableNames);
        for (const QString &w : proposal.warnings)
            out.warnings.append(QStringLiteral("%1: %2").arg(name, w));
        out.project.collections.push_back(std::move(proposal.mapping));
        out.schemas.push_back(std::move(*schema));
    }
    if (Status s = inferProjectIndexes(out.project, source, sourceEndpoint, targetEndpoint); !s)
        return s.error();
    return out;
}

} // namespace ferry

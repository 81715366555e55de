#include "models/source_jobs.h"
#include "models/source_summary.h"
#include "stores/stores.h"

#include "run/project_builder.h"
#include "stores/common/sink.h"

#include <QCoreApplication>

namespace ferry {

Result<QString> testSourceConnection(const Endpoint &source)
{
    auto made = makeSource(source);
    if (!made)
        return made.error();
    if (Status s = (*made)->open(); !s)
        return s.error();
    auto listed = (*made)->listCollections();
    if (!listed)
        return listed.error();
    return SourceSummary::describe((*made)->shape(), *listed, (*made)->skippedCollections());
}

Result<QString> testTargetConnection(const Endpoint &target)
{
    auto made = makeSink(target);
    if (!made)
        return made.error();
    // As a dry run: a test must leave no trace, not even the empty file opening a SQLite
    // target creates.
    (*made)->setDryRun(true);
    if (Status s = (*made)->open(); !s)
        return s.error();
    return QCoreApplication::translate("ferry::SourceJobs", "Ready: Ferry can write there.");
}

Result<SourceLoad> loadSource(const Endpoint &source, const Endpoint &target,
                              const Project &current, int previewDocuments)
{
    auto made = makeSource(source);
    if (!made)
        return made.error();
    Source &src = **made;
    if (Status s = src.open(); !s)
        return s.error();
    auto listed = src.listCollections();
    if (!listed)
        return listed.error();

    SourceLoad out;
    out.infos = *listed;
    out.skipped = src.skippedCollections();
    out.project = current;
    QStringList missing;
    for (const CollectionInfo &info : *listed) {
        if (!current.findCollection(info.name))
            missing.append(info.name);
    }
    // The proposal is computed for every collection (it is what "include again" and "child
    // table" fall back to); only collections the project lacks take it over.
    auto inferred = inferProject(src, source, target, {}, current.options);
    if (!inferred)
        return inferred.error();
    out.warnings = inferred->warnings;
    if (out.project.name.isEmpty())
        out.project.name = inferred->project.name;
    for (size_t i = 0; i < inferred->project.collections.size(); ++i) {
        const CollectionMapping &mapping = inferred->project.collections[i];
        out.proposals.insert(mapping.collection, mapping);
        if (i < inferred->schemas.size())
            out.schemas.insert(mapping.collection, inferred->schemas[i].root);
        if (missing.contains(mapping.collection))
            out.project.collections.push_back(mapping);
        auto docs = src.sample(mapping.collection, previewDocuments);
        if (docs) {
            DocBatch batch;
            for (const BsonDoc &doc : *docs)
                batch.append(doc.get());
            out.samples.insert(mapping.collection, std::move(batch));
        }
    }
    return out;
}

} // namespace ferry

#include "models/source_summary.h"

namespace ferry {

QString SourceSummary::shapeName(const SourceShape &shape)
{
    using Kind = SourceShape::Kind;
    QString name;
    switch (shape.kind) {
    case Kind::Other:
        return {};
    case Kind::BsonFile:
        name = tr("BSON file (mongodump)");
        break;
    case Kind::JsonFile:
        name = tr("JSON file (mongoexport)");
        break;
    case Kind::DumpFolder:
        name = tr("Dump folder");
        break;
    case Kind::DumpRoot:
        name = tr("Dump root with %n database(s)", nullptr, shape.databases);
        break;
    case Kind::Archive:
        name = shape.databases > 1
                   ? tr("mongodump archive with %n database(s)", nullptr, shape.databases)
                   : tr("mongodump archive");
        break;
    }
    return shape.compressed ? tr("%1, gzip-compressed").arg(name) : name;
}

QString SourceSummary::describe(const SourceShape &shape, const QList<CollectionInfo> &collections,
                                const QList<SkippedCollection> &skipped)
{
    int timeseries = 0;
    for (const CollectionInfo &info : collections)
        timeseries += info.timeseries ? 1 : 0;
    QString found = tr("%n collection(s)", nullptr, int(collections.size()));
    if (timeseries > 0)
        found = tr("%1, %n of them time-series", nullptr, timeseries).arg(found);
    if (!skipped.isEmpty())
        found = tr("%1; %n not migrated (system collections, views and the like: the next page "
                   "lists them with the reason)",
                   nullptr, int(skipped.size()))
                    .arg(found);
    const QString name = shapeName(shape);
    // Worded for a folder or a file as much as for a server: nothing "connects" to a dump.
    return name.isEmpty() ? tr("Found %1.").arg(found) : tr("%1: %2.").arg(name, found);
}

} // namespace ferry

#include "project/embedding_spec.h"

namespace ferry {

Status applyEmbedSpec(Project &project, const QString &spec)
{
    const QStringList parts = spec.split(QLatin1Char(':'));
    if (parts.size() < 2 || parts.size() > 4 || parts[0].isEmpty() || parts[1].isEmpty())
        return Error(ErrorCode::Usage,
                     trEngine("--embed takes CHILD:PARENT, CHILD:PARENT:FIELD or "
                              "CHILD:PARENT:FIELD:single (table names), not \"%1\".")
                         .arg(spec));
    const QString mode = parts.value(3);
    if (!mode.isEmpty() && mode != QLatin1String("single") && mode != QLatin1String("array"))
        return Error(ErrorCode::Usage,
                     trEngine("--embed %1: the last part says how the child is embedded, "
                              "\"array\" (the default) or \"single\" (one sub-document, for a "
                              "one-to-one relation), not \"%2\".")
                         .arg(spec, mode));
    const QString &child = parts[0];
    const QString &parent = parts[1];
    if (child == parent)
        return Error(ErrorCode::Usage,
                     trEngine("--embed %1: a table cannot be embedded in itself.").arg(spec));
    CollectionMapping *parentMapping = project.findCollection(parent);
    CollectionMapping *childMapping = project.findCollection(child);
    if (!parentMapping || !childMapping)
        return Error(ErrorCode::NotFound,
                     trEngine("--embed %1: the source has no table \"%2\" (or it was left out "
                              "with --collection).")
                         .arg(spec, parentMapping ? child : parent));
    for (const Embedding &e : parentMapping->embeddings)
        if (e.child == child)
            return {};
    parentMapping->embeddings.push_back(
        {child, {}, parts.value(2), mode == QLatin1String("single")});
    childMapping->enabled = false;
    return {};
}

} // namespace ferry

#include "run/collection_order.h"

#include <QHash>

#include <functional>

namespace ferry {

Result<std::vector<const CollectionMapping *>> orderCollections(const Project &project,
                                                                const QStringList &only)
{
    std::vector<const CollectionMapping *> wanted;
    for (const QString &name : only) {
        const CollectionMapping *m = project.findCollection(name);
        if (!m) {
            QStringList known;
            for (const CollectionMapping &c : project.collections)
                known.append(c.collection);
            return Error(ErrorCode::NotFound,
                         trEngine("The project has no collection \"%1\". It has: %2.")
                             .arg(name, known.join(QStringLiteral(", "))));
        }
        wanted.push_back(m);
    }
    if (only.isEmpty()) {
        for (const CollectionMapping &c : project.collections)
            if (c.enabled)
                wanted.push_back(&c);
    }

    QHash<QString, const CollectionMapping *> byName;
    for (const CollectionMapping *m : wanted)
        byName.insert(m->collection, m);

    // Depth-first topological order; references to collections outside this run are
    // satisfied already (or by the user), so they do not order anything.
    enum class Mark { None, Visiting, Done };
    QHash<QString, Mark> marks;
    std::vector<const CollectionMapping *> out;
    Error cycle;
    std::function<bool(const CollectionMapping *)> visit = [&](const CollectionMapping *m) {
        Mark &mark = marks[m->collection];
        if (mark == Mark::Done)
            return true;
        if (mark == Mark::Visiting) {
            cycle = Error(ErrorCode::ProjectFile,
                          trEngine("The references between collections form a cycle through "
                                   "\"%1\"; remove one reference so they can be ordered.")
                              .arg(m->collection));
            return false;
        }
        mark = Mark::Visiting;
        for (const Reference &r : m->references) {
            if (r.collection == m->collection)
                continue; // self-reference (a tree): no ordering constraint
            if (const CollectionMapping *dep = byName.value(r.collection))
                if (!visit(dep))
                    return false;
        }
        marks[m->collection] = Mark::Done;
        out.push_back(m);
        return true;
    };
    for (const CollectionMapping *m : wanted)
        if (!visit(m))
            return cycle;
    return out;
}

} // namespace ferry

#include "run/foreign_keys.h"

#include "stores/common/sink.h"

namespace ferry {

QStringList addForeignKeys(SqlSink &sink, const Project &project,
                           const std::vector<const CollectionMapping *> &moved,
                           const QSet<QString> &createdTables)
{
    QStringList warnings;
    for (const CollectionMapping *m : moved) {
        const QString &table = m->root.table;
        if (!createdTables.contains(table))
            continue;
        for (const Reference &ref : m->references) {
            const CollectionMapping *target = project.findCollection(ref.collection);
            if (!target || !createdTables.contains(target->root.table))
                continue;
            const Status s =
                sink.addForeignKey(table, ref.column, target->root.table, ref.toColumn);
            if (s)
                continue;
            warnings.append(s.error().message);
            if (s.error().code == ErrorCode::Schema)
                return warnings; // the target cannot do it at all: once is enough
        }
    }
    return warnings;
}

} // namespace ferry

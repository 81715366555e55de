#include "run/reject_resume.h"

#include "run/reject_file.h"
#include "stores/common/sink.h"

#include <QSet>

#include <algorithm>

namespace ferry {

Status cutRejectsToCheckpoints(Sink &sink, const Project &project,
                               const std::vector<const CollectionMapping *> &moving,
                               RejectFile &rejects)
{
    QSet<QString> movingTables;
    for (const CollectionMapping *m : moving)
        movingTables.insert(m->root.table);
    QSet<QString> runIds;
    bool anyCheckpoint = false;
    std::vector<Checkpoint> all;
    for (const CollectionMapping &m : project.collections) {
        auto loaded = sink.loadCheckpoint(m.root.table);
        if (!loaded)
            return loaded.error();
        if (!loaded->has_value())
            continue;
        all.push_back(**loaded);
        if (movingTables.contains(m.root.table)) {
            anyCheckpoint = true;
            runIds.insert(all.back().runId);
        }
    }
    qint64 cut = -1;
    bool unknown = false;
    for (const Checkpoint &cp : all) {
        // Nothing of this run committed yet: only the other collections' run counts.
        if (!runIds.isEmpty() && !runIds.contains(cp.runId))
            continue;
        if (cp.rejectBytes < 0)
            unknown = true;
        cut = std::max(cut, cp.rejectBytes);
    }
    if (!anyCheckpoint && cut < 0 && !unknown)
        cut = 0;
    if (cut < 0)
        return {};
    return rejects.cutBackTo(cut);
}

} // namespace ferry

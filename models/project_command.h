#pragma once

#include "project/project.h"

#include <QUndoCommand>

namespace ferry {

class ProjectDocument;

// One user edit as a before/after pair of the whole Project. Projects are small (a plan,
// not data), so a snapshot is cheaper to get right than an inverse per kind of edit, and
// undo restores exactly what was there — including tables an array strategy removed.
class ProjectCommand : public QUndoCommand {
public:
    ProjectCommand(ProjectDocument *document, const QString &text, Project before, Project after,
                   QString collection);
    void undo() override;
    void redo() override;

private:
    ProjectDocument *m_document;
    Project m_before;
    Project m_after;
    QString m_collection;
};

} // namespace ferry

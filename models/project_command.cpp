#include "models/project_command.h"

#include "models/project_document.h"

namespace ferry {

ProjectCommand::ProjectCommand(ProjectDocument *document, const QString &text, Project before,
                               Project after, QString collection)
    : QUndoCommand(text), m_document(document), m_before(std::move(before)),
      m_after(std::move(after)), m_collection(std::move(collection))
{
}

void ProjectCommand::undo()
{
    m_document->restore(m_before, m_collection);
}

void ProjectCommand::redo()
{
    m_document->restore(m_after, m_collection);
}

} // namespace ferry

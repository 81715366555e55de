#include "models/project_document.h"

#include "models/project_command.h"

namespace ferry {

ProjectDocument::ProjectDocument(QObject *parent) : QObject(parent)
{
    connect(&m_undo, &QUndoStack::cleanChanged, this, [this] { emitModified(); });
}

ProjectDocument::~ProjectDocument() = default;

void ProjectDocument::setProject(Project project)
{
    m_project = std::move(project);
    m_undo.clear();
    m_undo.setClean();
    Q_EMIT projectReset();
    emitModified();
}

void ProjectDocument::modify(const QString &text, const std::function<void(Project &)> &edit,
                             const QString &collection)
{
    Project after = m_project;
    edit(after);
    if (after == m_project)
        return; // a no-op edit should not make the document unsaved
    m_undo.push(new ProjectCommand(this, text, m_project, std::move(after), collection));
}

void ProjectDocument::restore(const Project &project, const QString &collection)
{
    const bool collectionsChanged = project.collections.size() != m_project.collections.size();
    m_project = project;
    if (collectionsChanged)
        Q_EMIT collectionChanged({});
    else
        Q_EMIT collectionChanged(collection);
    emitModified();
}

void ProjectDocument::setFilePath(const QString &path)
{
    if (path == m_filePath)
        return;
    m_filePath = path;
    Q_EMIT filePathChanged(path);
}

void ProjectDocument::markSaved()
{
    m_dirtyWithoutUndo = false;
    m_undo.setClean();
    emitModified();
}

void ProjectDocument::markDirty()
{
    m_dirtyWithoutUndo = true;
    emitModified();
}

void ProjectDocument::emitModified()
{
    const bool now = isModified();
    if (now == m_lastModified)
        return;
    m_lastModified = now;
    Q_EMIT modifiedChanged(now);
}

void ProjectDocument::setCollectionInfos(const QList<CollectionInfo> &infos,
                                         const QList<SkippedCollection> &skipped)
{
    m_infos = infos;
    m_skipped = skipped;
    Q_EMIT sourceDataChanged();
}

qint64 ProjectDocument::sourceCount(const QString &collection) const
{
    const CollectionInfo *info = collectionInfo(collection);
    return info ? info->count : -1;
}

const CollectionInfo *ProjectDocument::collectionInfo(const QString &collection) const
{
    for (const CollectionInfo &info : m_infos) {
        if (info.name == collection)
            return &info;
    }
    return nullptr;
}

void ProjectDocument::setSchema(const QString &collection, std::shared_ptr<const FieldNode> root)
{
    m_schemas.insert(collection, std::move(root));
}

std::shared_ptr<const FieldNode> ProjectDocument::schema(const QString &collection) const
{
    return m_schemas.value(collection);
}

void ProjectDocument::setSamples(const QString &collection, DocBatch docs)
{
    m_samples.insert(collection, std::move(docs));
}

const DocBatch *ProjectDocument::samples(const QString &collection) const
{
    auto it = m_samples.constFind(collection);
    return it == m_samples.constEnd() ? nullptr : &it.value();
}

void ProjectDocument::setProposal(const CollectionMapping &mapping)
{
    m_proposals.insert(mapping.collection, mapping);
}

const CollectionMapping *ProjectDocument::proposal(const QString &collection) const
{
    auto it = m_proposals.constFind(collection);
    return it == m_proposals.constEnd() ? nullptr : &it.value();
}

void ProjectDocument::clearSourceData()
{
    m_infos.clear();
    m_skipped.clear();
    m_schemas.clear();
    m_samples.clear();
    m_proposals.clear();
    Q_EMIT sourceDataChanged();
}

} // namespace ferry

#pragma once

#include "core/doc_batch.h"
#include "project/project.h"
#include "schema/field_tree.h"
#include "stores/common/source.h"

#include <QHash>
#include <QObject>
#include <QString>
#include <QUndoStack>

#include <functional>
#include <memory>

namespace ferry {

// The Project the wizard edits, plus what was learned about the source while editing it
// (field statistics, counts, sample documents). Every change to the Project goes through
// modify(), which records it on the undo stack, so Ctrl+Z works the same on every page.
class ProjectDocument : public QObject {
    Q_OBJECT
public:
    explicit ProjectDocument(QObject *parent = nullptr);
    ~ProjectDocument() override;

    const Project &project() const { return m_project; }
    QUndoStack *undoStack() { return &m_undo; }

    // Replaces the whole project (new, opened, inferred) and forgets the undo history.
    void setProject(Project project);
    // Records one user edit. `collection` names the collection the edit is confined to
    // (empty: anything may have changed) so that only the affected views refresh.
    void modify(const QString &text, const std::function<void(Project &)> &edit,
                const QString &collection = {});

    QString filePath() const { return m_filePath; }
    void setFilePath(const QString &path);
    bool isModified() const { return !m_undo.isClean() || m_dirtyWithoutUndo; }
    // After saving: the current state is what is on disk.
    void markSaved();
    // A change that cannot be undone (e.g. an inferred project replaced the old one) still
    // makes the document unsaved.
    void markDirty();

    // What the source told us. Kept here, not in the Project: it is not saved. Set the
    // schemas and samples first: setCollectionInfos() announces them all at once
    // (sourceDataChanged), with what the source holds but does not offer (views, system
    // collections…, each with the reason).
    void setCollectionInfos(const QList<CollectionInfo> &infos,
                            const QList<SkippedCollection> &skipped = {});
    const QList<CollectionInfo> &collectionInfos() const { return m_infos; }
    qint64 sourceCount(const QString &collection) const;
    const CollectionInfo *collectionInfo(const QString &collection) const;
    const QList<SkippedCollection> &skippedCollections() const { return m_skipped; }
    void setSchema(const QString &collection, std::shared_ptr<const FieldNode> root);
    std::shared_ptr<const FieldNode> schema(const QString &collection) const;
    void setSamples(const QString &collection, DocBatch docs);
    const DocBatch *samples(const QString &collection) const;
    // The mapping as first proposed for a collection: the fallback when the user switches a
    // field back to a strategy whose table or column no longer exists in the project.
    void setProposal(const CollectionMapping &mapping);
    const CollectionMapping *proposal(const QString &collection) const;
    void clearSourceData();

    // Used by the undo command only.
    void restore(const Project &project, const QString &collection);

Q_SIGNALS:
    void projectReset();
    void collectionChanged(const QString &collection); // empty: several may have changed
    void modifiedChanged(bool modified);
    void filePathChanged(const QString &path);
    void sourceDataChanged();

private:
    void emitModified();

    Project m_project;
    QUndoStack m_undo;
    QString m_filePath;
    bool m_dirtyWithoutUndo = false;
    bool m_lastModified = false;
    QList<CollectionInfo> m_infos;
    QList<SkippedCollection> m_skipped;
    QHash<QString, std::shared_ptr<const FieldNode>> m_schemas;
    QHash<QString, DocBatch> m_samples;
    QHash<QString, CollectionMapping> m_proposals;
};

} // namespace ferry

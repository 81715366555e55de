#pragma once

#include "models/relations_jobs.h"

#include <QWizardPage>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QTableView;

namespace ferry {

class DocumentFieldsModel;
class MigrationWizard;
class RelationsModel;
class SchemaDiagramPanel;

// Relational source → document target: the source's tables and foreign keys as a diagram,
// per relation whether the child is embedded in the parent (array of sub-documents, array
// of ids for a junction, one sub-document for one-to-one) or stays a collection with a
// reference, per table its collection name and field renames/exclusions, and one document
// built from real rows the way the run will write it.
class RelationsPage : public QWizardPage {
    Q_OBJECT
public:
    explicit RelationsPage(MigrationWizard *wizard);

    void initializePage() override;
    bool isComplete() const override;
    bool validatePage() override;
    int nextId() const override;

    RelationsModel *relationsModel() const { return m_relations; }
    DocumentFieldsModel *fieldsModel() const { return m_fields; }
    SchemaDiagramPanel *diagram() const { return m_diagram; }
    QTableView *relationsView() const { return m_relationView; }
    void selectTable(const QString &table);
    QString previewText() const;
    bool isLoading() const { return m_loading; }

Q_SIGNALS:
    // The catalog arrived (or failed) and the page shows it.
    void catalogLoaded();
    // A preview arrived for the current choices.
    void previewUpdated();

private:
    void loadCatalog();
    void catalogArrived(const Result<QList<TableInfo>> &result);
    void projectChanged();
    void tableChosen();
    void collectionNameEdited();
    void requestPreview();
    void previewArrived(quint64 generation, const Result<DocumentPreview> &result);
    QStringList problems() const;

    MigrationWizard *m_wizard;
    RelationsModel *m_relations;
    DocumentFieldsModel *m_fields;
    SchemaDiagramPanel *m_diagram;
    QTableView *m_relationView;
    QComboBox *m_table;
    QLineEdit *m_collectionName;
    QTableView *m_fieldView;
    QPlainTextEdit *m_preview;
    QLabel *m_previewNote;
    QLabel *m_reason;
    QLabel *m_status;
    QLabel *m_problems;
    QString m_loadedFor;      // source URI the catalog belongs to
    QString m_suggestedFor;   // source URI whose proposals were applied once
    quint64 m_generation = 0; // previews older than this are dropped
    bool m_loading = false;
};

} // namespace ferry

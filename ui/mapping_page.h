#pragma once

#include <QWizardPage>

class QComboBox;
class QLabel;
class QTabWidget;
class QTableView;
class QTreeView;

namespace ferry {

class FieldTreeModel;
class MappingModel;
class MigrationWizard;
class PreviewModel;
class SchemaDiagramPanel;

// Page 5: the fields found in a collection (left), the columns of the selected table
// (right, editable) and the rows the engine would write with that mapping (below).
// Names the target cannot take keep Next disabled.
class MappingPage : public QWizardPage {
    Q_OBJECT
public:
    explicit MappingPage(MigrationWizard *wizard);

    void initializePage() override;
    bool isComplete() const override;
    bool validatePage() override;

    FieldTreeModel *fieldModel() const { return m_fields; }
    MappingModel *mappingModel() const { return m_mapping; }
    PreviewModel *previewModel() const { return m_preview; }
    void selectCollection(const QString &collection);
    void selectTable(int index);
    SchemaDiagramPanel *diagram() const { return m_diagram; }
    QTabWidget *tabs() const { return m_tabs; }

private:
    void fillCollections();
    void fillTables();
    void collectionSelected();
    void tableSelected();
    void fieldSelected();
    void strategyChosen();
    void moveColumn(int delta);
    void updateProblems();
    QStringList allProblems() const;
    void updateDiagram();
    void openFromDiagram(int table);

    MigrationWizard *m_wizard;
    FieldTreeModel *m_fields;
    MappingModel *m_mapping;
    PreviewModel *m_preview;
    QComboBox *m_collection;
    QComboBox *m_table;
    QTreeView *m_fieldView;
    QComboBox *m_strategy;
    QTableView *m_columnView;
    QTableView *m_previewView;
    QLabel *m_previewNote;
    QLabel *m_problems;
    QTabWidget *m_tabs;
    SchemaDiagramPanel *m_diagram;
    QList<QList<int>> m_tablePaths;
    bool m_filling = false;
};

} // namespace ferry

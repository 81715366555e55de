#pragma once

#include "core/endpoint.h"
#include "core/error.h"
#include "run/report.h"

#include <QWizard>

namespace ferry {

class ProjectDocument;

// The migration wizard: one shared Project (in a ProjectDocument) that every page edits,
// and the session secrets that are never saved with it.
class MigrationWizard : public QWizard {
    Q_OBJECT
public:
    enum PageId {
        StartPageId,
        SourcePageId,
        TargetPageId,
        CollectionsPageId,
        MappingPageId,
        OptionsPageId,
        DryRunPageId,
        RunPageId,
        SummaryPageId,
        RelationsPageId, // after Collections, for a relational source into documents
    };

    explicit MigrationWizard(QWidget *parent = nullptr);
    ~MigrationWizard() override;

    ProjectDocument *document() const { return m_document; }

    void newProject();
    Error openProject(const QString &path);
    Error saveProject(const QString &path);
    // Fills in the demo (a mongodump of a small shop → a SQLite file in the user's data
    // folder) and moves on to the source page. Returns false when the demo is not installed.
    bool startDemo();
    // Where the demo dump is: $FERRY_DEMO_DIR, beside the executable, or in the source tree.
    static QString demoSourceDir();
    static QString demoTargetFile();
    // Where Ferry keeps what it writes for the user: reports, logs, the demo's target.
    static QString dataDir();

    void reject() override;

    // Passwords typed in this session; used to connect, never written anywhere.
    void setSourcePassword(const QString &password) { m_sourcePassword = password; }
    void setTargetPassword(const QString &password) { m_targetPassword = password; }
    QString sourcePassword() const { return m_sourcePassword; }
    QString targetPassword() const { return m_targetPassword; }
    // The project's endpoints with the session passwords put back in.
    Result<Endpoint> sourceEndpoint() const;
    Result<Endpoint> targetEndpoint() const;

    bool isRunning() const { return m_running; }
    void setRunning(bool running) { m_running = running; }
    const RunReport &lastReport() const { return m_lastReport; }
    void setLastReport(const RunReport &report, const QString &reportPath);
    QString lastReportPath() const { return m_lastReportPath; }

    // The source the collections page last loaded (empty: load again).
    QString loadedSource() const { return m_loadedSource; }
    void setLoadedSource(const QString &uri) { m_loadedSource = uri; }

private:
    ProjectDocument *m_document;
    QString m_sourcePassword;
    QString m_targetPassword;
    bool m_running = false;
    RunReport m_lastReport;
    QString m_lastReportPath;
    QString m_loadedSource;
};

} // namespace ferry

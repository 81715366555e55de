#include "ui/migration_wizard.h"
#include "stores/stores.h"

#include "models/project_document.h"
#include "project/project_file.h"
#include "ui/collections_page.h"
#include "ui/dry_run_page.h"
#include "ui/endpoint_page.h"
#include "ui/english_plurals.h"
#include "ui/mapping_page.h"
#include "ui/options_page.h"
#include "ui/recent_projects.h"
#include "ui/relations_page.h"
#include "ui/run_page.h"
#include "ui/start_page.h"
#include "ui/summary_page.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

static void initFerryUiResources()
{
    // Resources of a static library are not registered by themselves.
    Q_INIT_RESOURCE(icons);
}

namespace ferry {

MigrationWizard::MigrationWizard(QWidget *parent)
    : QWizard(parent), m_document(new ProjectDocument(this))
{
    initFerryUiResources();
    EnglishPlurals::installOnce();
    setWindowTitle(tr("Ferry"));
    setWizardStyle(QWizard::ModernStyle);
    setOption(QWizard::NoBackButtonOnStartPage);
    setOption(QWizard::HaveHelpButton, false);
    setPixmap(QWizard::LogoPixmap, QIcon(QStringLiteral(":/icons/ferry.svg")).pixmap(48, 48));

    setPage(StartPageId, new StartPage(this));
    setPage(SourcePageId, new EndpointPage(EndpointPage::Role::Source, this));
    setPage(TargetPageId, new EndpointPage(EndpointPage::Role::Target, this));
    setPage(CollectionsPageId, new CollectionsPage(this));
    setPage(MappingPageId, new MappingPage(this));
    setPage(OptionsPageId, new OptionsPage(this));
    setPage(DryRunPageId, new DryRunPage(this));
    setPage(RunPageId, new RunPage(this));
    setPage(SummaryPageId, new SummaryPage(this));
    setPage(RelationsPageId, new RelationsPage(this));
    setStartId(StartPageId);
    // Small enough for an 800×600 screen with the menu bar and a window frame around it.
    setMinimumSize(640, 460);
    restart();
}

MigrationWizard::~MigrationWizard() = default;

void MigrationWizard::newProject()
{
    m_document->setProject(Project());
    m_document->setFilePath({});
    m_document->clearSourceData();
    m_sourcePassword.clear();
    m_targetPassword.clear();
    m_loadedSource.clear();
    restart();
}

Error MigrationWizard::openProject(const QString &path)
{
    auto loaded = ProjectFile::load(path);
    if (!loaded)
        return loaded.error();
    m_document->clearSourceData();
    m_loadedSource.clear();
    m_document->setProject(std::move(*loaded));
    m_document->setFilePath(path);
    m_document->markSaved();
    RecentProjects::add(path);
    restart();
    next();
    return {};
}

Error MigrationWizard::saveProject(const QString &path)
{
    if (Status s = ProjectFile::save(m_document->project(), path); !s)
        return s.error();
    m_document->setFilePath(path);
    m_document->markSaved();
    RecentProjects::add(path);
    return {};
}

QString MigrationWizard::demoSourceDir()
{
    QStringList candidates;
    const QString env = qEnvironmentVariable("FERRY_DEMO_DIR");
    if (!env.isEmpty())
        candidates.append(env);
    const QString appDir = QCoreApplication::applicationDirPath();
    candidates.append(appDir + QStringLiteral("/../share/ferry/demo/shop"));
    candidates.append(appDir + QStringLiteral("/resources/demo/shop"));
    candidates.append(appDir + QStringLiteral("/../resources/demo/shop"));
    const QString sourceDir = qEnvironmentVariable("FERRY_SOURCE_DIR");
    if (!sourceDir.isEmpty())
        candidates.append(sourceDir + QStringLiteral("/resources/demo/shop"));
#ifdef FERRY_SOURCE_TREE
    candidates.append(QStringLiteral(FERRY_SOURCE_TREE "/resources/demo/shop"));
#endif
    for (const QString &c : std::as_const(candidates)) {
        if (QFileInfo(c).isDir())
            return QDir(c).absolutePath();
    }
    return {};
}

QString MigrationWizard::dataDir()
{
    // Not AppDataLocation: with organisation and application both "Ferry" that is
    // …/Ferry/Ferry, a path nobody guesses when looking for a report.
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) +
                        QStringLiteral("/ferry");
    QDir().mkpath(dir);
    return dir;
}

QString MigrationWizard::demoTargetFile()
{
    return dataDir() + QStringLiteral("/demo-shop.sqlite");
}

void MigrationWizard::reject()
{
    // Inside the main window, Escape or a Cancel button must not quit the application
    // (File → Quit does, and asks first); a free-standing wizard closes as a dialog does.
    if (parentWidget())
        return;
    QWizard::reject();
}

bool MigrationWizard::startDemo()
{
    const QString source = demoSourceDir();
    if (source.isEmpty())
        return false;
    Project project;
    project.name = tr("shop-demo");
    project.sourceUri = QStringLiteral("dump:") + source;
    project.targetUri = QStringLiteral("sqlite:") + demoTargetFile();
    m_document->clearSourceData();
    m_loadedSource.clear();
    m_document->setProject(std::move(project));
    m_document->setFilePath({});
    m_document->markDirty();
    restart();
    next();
    return true;
}

Result<Endpoint> MigrationWizard::sourceEndpoint() const
{
    auto e = parseEndpoint(m_document->project().sourceUri);
    if (!e || m_sourcePassword.isEmpty())
        return e;
    return e->withPassword(m_sourcePassword);
}

Result<Endpoint> MigrationWizard::targetEndpoint() const
{
    auto e = parseEndpoint(m_document->project().targetUri);
    if (!e || m_targetPassword.isEmpty())
        return e;
    return e->withPassword(m_targetPassword);
}

void MigrationWizard::setLastReport(const RunReport &report, const QString &reportPath)
{
    m_lastReport = report;
    m_lastReportPath = reportPath;
}

} // namespace ferry

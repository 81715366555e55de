// The relations page on a Chinook-shaped SQLite store going into documents: Ferry's proposals,
// a choice changed from the keyboard, undo/redo, the live preview, and the documents a run of
// the saved project writes compared with those of `ferry-cli migrate --embed` making the same
// choices.
#include "models/document_fields_model.h"
#include "models/project_document.h"
#include "models/relations_model.h"
#include "project/project_file.h"
#include "support/chinook_fixture.h"
#include "support/cli_runner.h"
#include "support/test_services.h"
#include "ui/collections_page.h"
#include "ui/migration_wizard.h"
#include "ui/relations_page.h"
#include "ui/schema_diagram_panel.h"
#include "ui/schema_diagram_view.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QDir>
#include <QTableView>
#include <QTemporaryDir>
#include "support/wizard_steps.h"

#include <QtTest>

using namespace ferry;
using namespace ferry::test;

namespace {

// Every file of an NDJSON export, name → content.
QMap<QString, QByteArray> exportedFiles(const QString &dir)
{
    QMap<QString, QByteArray> out;
    for (const QFileInfo &f : QDir(dir).entryInfoList({QStringLiteral("*.json")}, QDir::Files)) {
        QFile file(f.filePath());
        if (file.open(QIODevice::ReadOnly))
            out.insert(f.fileName(), file.readAll());
    }
    return out;
}

} // namespace

class TestRelationsPage : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void proposalsKeyboardAndSameAsEmbed();
    void renamesAndExclusions();
    void screenshots();

private:
    RelationsPage *openPage(MigrationWizard &wizard, const QString &target);
    int row(const QString &child, const QString &parent) const;
    void shot(QWidget *w, const QString &name);

    QTemporaryDir m_dir;
    QString m_chinook;
    RelationsModel *m_model = nullptr;
};

void TestRelationsPage::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
    m_chinook = m_dir.filePath(QStringLiteral("chinook.sqlite"));
    const QString error = ChinookFixture::createSqlite(m_chinook);
    QVERIFY2(error.isEmpty(), qPrintable(error));
}

RelationsPage *TestRelationsPage::openPage(MigrationWizard &wizard, const QString &target)
{
    Project project;
    project.name = QStringLiteral("chinook");
    project.sourceUri = QStringLiteral("sqlite:") + m_chinook;
    project.targetUri = target;
    wizard.document()->setProject(project);
    wizard.restart();
    wizard.next(); // source
    if (!test::nextTo(wizard, MigrationWizard::TargetPageId) ||
        !test::nextTo(wizard, MigrationWizard::CollectionsPageId))
        return nullptr;
    auto *collections = qobject_cast<CollectionsPage *>(wizard.currentPage());
    if (!collections)
        return nullptr;
    if (!QTest::qWaitFor([collections] { return collections->isComplete(); }, 60000))
        return nullptr;
    wizard.next();
    auto *page = qobject_cast<RelationsPage *>(wizard.currentPage());
    if (!page)
        return nullptr;
    QSignalSpy loaded(page, &RelationsPage::catalogLoaded);
    if (page->isLoading() && !loaded.wait(60000))
        return nullptr;
    m_model = page->relationsModel();
    return page;
}

int TestRelationsPage::row(const QString &child, const QString &parent) const
{
    return m_model->rowOf(child, parent);
}

void TestRelationsPage::shot(QWidget *w, const QString &name)
{
    const QString dir = qEnvironmentVariable("FERRY_SCREENSHOT_DIR");
    if (dir.isEmpty())
        return;
    QDir().mkpath(dir);
    QVERIFY(w->grab().save(dir + QLatin1Char('/') + name));
}

void TestRelationsPage::proposalsKeyboardAndSameAsEmbed()
{
    const QString pageExport = m_dir.filePath(QStringLiteral("page-export"));
    MigrationWizard wizard;
    wizard.resize(1280, 800);
    wizard.show();
    QVERIFY(QTest::qWaitForWindowExposed(&wizard));
    RelationsPage *page = openPage(wizard, QStringLiteral("ndjson:") + pageExport);
    QVERIFY(page);
    QAbstractItemModelTester relationsTester(
        page->relationsModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester fieldsTester(page->fieldsModel(),
                                          QAbstractItemModelTester::FailureReportingMode::QtTest);
    ProjectDocument *doc = wizard.document();

    // Ferry's proposals: the junction as ids, owned rows as an array, one-to-one as one
    // sub-document, anything referred to from elsewhere as its own collection.
    const auto choice = [&](const char *child, const char *parent) {
        const int r = row(QLatin1String(child), QLatin1String(parent));
        return r < 0 ? -1 : m_model->index(r, 0).data(RelationsModel::ChoiceRole).toInt();
    };
    QCOMPARE(choice("playlist_track", "playlists"), int(RelationChoice::EmbedIds));
    QCOMPARE(choice("playlist_track", "tracks"), int(RelationChoice::Reference));
    QCOMPARE(choice("invoice_items", "invoices"), int(RelationChoice::EmbedArray));
    QCOMPARE(choice("invoice_items", "tracks"), int(RelationChoice::Reference));
    QCOMPARE(choice("customer_profiles", "customers"), int(RelationChoice::EmbedSingle));
    QCOMPARE(choice("albums", "artists"), int(RelationChoice::Reference));
    QCOMPARE(choice("tracks", "albums"), int(RelationChoice::Reference));
    QCOMPARE(choice("employees", "employees"), int(RelationChoice::Reference));
    const QString why = m_model
                            ->index(row(QStringLiteral("albums"), QStringLiteral("artists")),
                                    RelationsModel::ReasonColumn)
                            .data()
                            .toString();
    QVERIFY2(why.contains(QLatin1String("tracks")), qPrintable(why)); // tracks refer to albums
    QVERIFY(!doc->project().findCollection(QStringLiteral("invoice_items"))->enabled);
    QVERIFY(page->isComplete());

    // From the keyboard: the junction's ids on the tracks side too.
    QTableView *view = page->relationsView();
    view->setFocus();
    const int junction = row(QStringLiteral("playlist_track"), QStringLiteral("tracks"));
    view->setCurrentIndex(m_model->index(junction, RelationsModel::ChoiceColumn));
    QTest::keyClick(view, Qt::Key_F2);
    auto *combo = view->findChild<QComboBox *>();
    QVERIFY(combo);
    QCOMPARE(combo->currentText(), relationChoiceLabel(RelationChoice::Reference));
    QTest::keyClick(combo, Qt::Key_Up);
    QTest::keyClick(combo, Qt::Key_Return);
    QTRY_COMPARE(choice("playlist_track", "tracks"), int(RelationChoice::EmbedIds));
    doc->undoStack()->undo();
    QCOMPARE(choice("playlist_track", "tracks"), int(RelationChoice::Reference));
    doc->undoStack()->redo();
    QCOMPARE(choice("playlist_track", "tracks"), int(RelationChoice::EmbedIds));

    // The diagram shows the same: a box per table, a link per foreign key, and opening a box
    // from the keyboard picks its table below.
    SchemaDiagramView *diagram = page->diagram()->view();
    QCOMPARE(diagram->graph().tables.size(), qsizetype(11));
    QCOMPARE(diagram->graph().links.size(), qsizetype(m_model->rowCount()));
    diagram->setFocus(Qt::TabFocusReason);
    int playlists = -1;
    for (int i = 0; i < diagram->graph().tables.size(); ++i)
        if (diagram->graph().tables[i].name == QStringLiteral("playlists"))
            playlists = i;
    diagram->setCurrentTable(playlists);
    QSignalSpy preview(page, &RelationsPage::previewUpdated);
    QTest::keyClick(diagram, Qt::Key_Return);
    QCOMPARE(page->fieldsModel()->table(), QStringLiteral("playlists"));
    // The live preview: a real playlist with the ids of its tracks.
    QTRY_VERIFY_WITH_TIMEOUT(page->previewText().contains(QLatin1String("\"playlist_track\": [")),
                             30000);

    // Saved and run, the page's choices give the same documents as --embed.
    const QString projectPath = m_dir.filePath(QStringLiteral("chinook.ferry"));
    QVERIFY(wizard.saveProject(projectPath).message.isEmpty());
    CliResult r = runFerryCli({QStringLiteral("run"), projectPath});
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    const QString cliExport = m_dir.filePath(QStringLiteral("cli-export"));
    r = runFerryCli({QStringLiteral("migrate"), QStringLiteral("--source"),
                     QStringLiteral("sqlite:") + m_chinook, QStringLiteral("--target"),
                     QStringLiteral("ndjson:") + cliExport, QStringLiteral("--embed"),
                     QStringLiteral("playlist_track:playlists"), QStringLiteral("--embed"),
                     QStringLiteral("playlist_track:tracks"), QStringLiteral("--embed"),
                     QStringLiteral("customer_profiles:customers::single"),
                     QStringLiteral("--embed"), QStringLiteral("invoice_items:invoices")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    const QMap<QString, QByteArray> fromPage = exportedFiles(pageExport);
    const QMap<QString, QByteArray> fromCli = exportedFiles(cliExport);
    QCOMPARE(fromPage.keys(), fromCli.keys());
    QVERIFY(!fromPage.contains(QStringLiteral("invoice_items.json")));
    QVERIFY(!fromPage.contains(QStringLiteral("playlist_track.json")));
    QVERIFY(!fromPage.contains(QStringLiteral("customer_profiles.json")));
    for (auto it = fromPage.cbegin(); it != fromPage.cend(); ++it)
        QVERIFY2(it.value() == fromCli.value(it.key()), qPrintable(it.key()));
    // And they hold what was chosen.
    const QByteArray customers = fromPage.value(QStringLiteral("customers.json"));
    QVERIFY2(customers.contains(R"("customer_profiles" : { "loyalty_tier" : "gold")"),
             customers.left(600).constData());
    QVERIFY(customers.contains(R"("customer_profiles" : null)"));
    QVERIFY(fromPage.value(QStringLiteral("invoices.json")).contains(R"("invoice_items" : [ {)"));
    QVERIFY(fromPage.value(QStringLiteral("tracks.json")).contains(R"("playlist_track" : [)"));
}

void TestRelationsPage::renamesAndExclusions()
{
    MigrationWizard wizard;
    wizard.resize(1280, 800);
    wizard.show();
    QVERIFY(QTest::qWaitForWindowExposed(&wizard));
    const QString exportDir = m_dir.filePath(QStringLiteral("renamed"));
    RelationsPage *page = openPage(wizard, QStringLiteral("ndjson:") + exportDir);
    QVERIFY(page);
    page->selectTable(QStringLiteral("invoice_items"));
    DocumentFieldsModel *fields = page->fieldsModel();
    QCOMPARE(fields->table(), QStringLiteral("invoice_items"));
    int quantity = -1, price = -1, key = -1;
    for (int r = 0; r < fields->rowCount(); ++r) {
        const QString f = fields->index(r, 0).data().toString();
        if (f == QStringLiteral("quantity"))
            quantity = r;
        if (f == QStringLiteral("unit_price"))
            price = r;
        if (f.startsWith(QLatin1String("_id")))
            key = r;
    }
    QVERIFY(quantity >= 0 && price >= 0 && key >= 0);
    QVERIFY(!(fields->flags(fields->index(key, 0)) & Qt::ItemIsUserCheckable));
    QVERIFY(fields->setData(fields->index(quantity, DocumentFieldsModel::NameColumn),
                            QStringLiteral("qty")));
    QVERIFY(fields->setData(fields->index(price, 0), Qt::Unchecked, Qt::CheckStateRole));
    // The embedded rows in invoices carry the new name and lose the left-out field.
    page->selectTable(QStringLiteral("invoices"));
    QTRY_VERIFY_WITH_TIMEOUT(page->previewText().contains(QLatin1String("\"qty\": ")), 30000);
    QVERIFY(!page->previewText().contains(QLatin1String("unit_price")));
    QVERIFY(!page->previewText().contains(QLatin1String("\"quantity\"")));
    // Saved with the project, and run the same way.
    const QString projectPath = m_dir.filePath(QStringLiteral("renamed.ferry"));
    QVERIFY(wizard.saveProject(projectPath).message.isEmpty());
    auto loaded = ProjectFile::load(projectPath);
    QVERIFY(loaded);
    QCOMPARE(*loaded, wizard.document()->project());
    const CliResult r = runFerryCli({QStringLiteral("run"), projectPath});
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    const QByteArray invoices = exportedFiles(exportDir).value(QStringLiteral("invoices.json"));
    QVERIFY2(invoices.contains(R"("qty" : { "$numberInt" : "1" })"),
             invoices.left(600).constData());
    QVERIFY(!invoices.contains("unit_price"));
    // Undo brings the field back.
    wizard.document()->undoStack()->undo();
    QCOMPARE(fields->index(price, 0).data(Qt::CheckStateRole).toInt(), int(Qt::Checked));
}

void TestRelationsPage::screenshots()
{
    if (qEnvironmentVariableIsEmpty("FERRY_SCREENSHOT_DIR"))
        QSKIP("FERRY_SCREENSHOT_DIR is not set");
    const QString database = QStringLiteral("chinook_%1").arg(QCoreApplication::applicationPid());
    const QString uri = mongoUri(database);
    QVERIFY2(!uri.isEmpty(), "The Mongo peer is not running: run the tests through ctest");
    for (const QSize size : {QSize(1280, 800), QSize(800, 600)}) {
        MigrationWizard wizard;
        wizard.setMinimumSize(size);
        wizard.resize(size);
        wizard.show();
        QVERIFY(QTest::qWaitForWindowExposed(&wizard));
        RelationsPage *page = openPage(wizard, uri);
        QVERIFY(page);
        page->relationsView()->setCurrentIndex(page->relationsModel()->index(
            row(QStringLiteral("invoice_items"), QStringLiteral("invoices")),
            RelationsModel::ChoiceColumn));
        QTRY_VERIFY_WITH_TIMEOUT(page->previewText().contains(QLatin1String("invoice_items")),
                                 30000);
        const QString suffix = QStringLiteral("-%1x%2.png").arg(size.width()).arg(size.height());
        shot(&wizard, QStringLiteral("relations-chinook-mongodb") + suffix);
        page->diagram()->view()->fitAll();
        shot(page->diagram(), QStringLiteral("relations-diagram-chinook") + suffix);
    }
}

QTEST_MAIN(TestRelationsPage)
#include "tst_ui_relations_page.moc"

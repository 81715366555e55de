#include "models/field_tree_model.h"
#include "models/mapping_edits.h"
#include "models/mapping_model.h"
#include "models/project_document.h"
#include "ui/collections_page.h"
#include "ui/dry_run_page.h"
#include "ui/endpoint_page.h"
#include "ui/main_window.h"
#include "ui/mapping_page.h"
#include "ui/migration_wizard.h"
#include "ui/run_page.h"
#include "ui/summary_page.h"

#include "support/wizard_steps.h"

#include <QComboBox>
#include <QCommandLinkButton>
#include <QDir>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTreeView>
#include <QtTest>

using namespace ferry;
using ferry::test::duplicateMnemonics;
using ferry::test::nextTo;

// Drives the whole wizard on the demo shop into a SQLite file, the way a person would:
// demo button, Next through every page, then counts the rows that arrived.
class TestWizardWalkthrough : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void demoIntoSqlite();

private:
    void shot(QWidget *w, const char *name);
    QString m_shots;
};

void TestWizardWalkthrough::initTestCase()
{
    m_shots = qEnvironmentVariable("FERRY_SCREENSHOT_DIR");
    if (!m_shots.isEmpty())
        QDir().mkpath(m_shots);
    QVERIFY2(ferry::test::prepareWizardTest(), "the demo dump is part of the checkout");
}

// Every page, at both sizes a user is likely to have: what fits at 1280×800 must still fit,
// buttons included, at 800×600. Also checks that no Alt key is claimed twice on the page.
void TestWizardWalkthrough::shot(QWidget *w, const char *name)
{
    auto *window = w->window();
    auto *wizard =
        qobject_cast<QWizard *>(w) ? qobject_cast<QWizard *>(w) : w->findChild<QWizard *>();
    const QStringList duplicates = duplicateMnemonics(*wizard);
    QVERIFY2(duplicates.isEmpty(), qPrintable(QLatin1String(name) + QStringLiteral(": ") +
                                              duplicates.join(QStringLiteral("; "))));
    const QSize before = window->size();
    for (const QSize size : {QSize(1280, 800), QSize(800, 600)}) {
        window->resize(size);
        QCoreApplication::sendPostedEvents();
        // The window must really be that small: a minimum size would cut the buttons off.
        QVERIFY2(window->size() == size, qPrintable(QStringLiteral("%1: %2×%3")
                                                        .arg(QLatin1String(name))
                                                        .arg(window->width())
                                                        .arg(window->height())));
        if (!m_shots.isEmpty()) {
            const QString file = QStringLiteral("%1/%2-%3.png")
                                     .arg(m_shots, QLatin1String(name).chopped(4))
                                     .arg(size.width());
            QVERIFY(window->grab().save(file));
        }
    }
    window->resize(before);
}

void TestWizardWalkthrough::demoIntoSqlite()
{
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    const QString sqlite = tmp.filePath(QStringLiteral("shop.sqlite"));

    MainWindow window;
    window.resize(1000, 720);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    MigrationWizard &wizard = *window.wizard();
    QCOMPARE(wizard.currentId(), int(MigrationWizard::StartPageId));
    shot(&wizard, "01-start.png");

    auto *demo =
        wizard.currentPage()->findChild<QCommandLinkButton *>(QStringLiteral("demoButton"));
    QVERIFY(demo);
    QTest::mouseClick(demo, Qt::LeftButton);
    QCOMPARE(wizard.currentId(), int(MigrationWizard::SourcePageId));
    auto *sourceUri = wizard.currentPage()->findChild<QLineEdit *>(QStringLiteral("uriEdit"));
    QVERIFY(sourceUri->text().startsWith(QStringLiteral("dump:")));
    shot(&wizard, "02-source.png");
    QVERIFY(nextTo(wizard, MigrationWizard::TargetPageId));

    QCOMPARE(wizard.currentId(), int(MigrationWizard::TargetPageId));
    auto *targetUri = wizard.currentPage()->findChild<QLineEdit *>(QStringLiteral("uriEdit"));
    targetUri->clear();
    QTest::keyClicks(targetUri, QStringLiteral("sqlite:") + sqlite);
    shot(&wizard, "03-target.png");
    QVERIFY(nextTo(wizard, MigrationWizard::CollectionsPageId));
    QCOMPARE(wizard.document()->project().targetUri, QStringLiteral("sqlite:") + sqlite);

    QCOMPARE(wizard.currentId(), int(MigrationWizard::CollectionsPageId));
    auto *collections = qobject_cast<CollectionsPage *>(wizard.currentPage());
    QTRY_VERIFY_WITH_TIMEOUT(collections->isComplete(), 60000);
    const Project &project = wizard.document()->project();
    QVERIFY(project.collections.size() >= 3);
    shot(&wizard, "04-collections.png");
    wizard.next();

    QCOMPARE(wizard.currentId(), int(MigrationWizard::MappingPageId));
    auto *mapping = qobject_cast<MappingPage *>(wizard.currentPage());
    QTRY_VERIFY(mapping->isComplete()); // the page loads its preview asynchronously
    mapping->selectCollection(QStringLiteral("customers"));
    // Store the customers' tags as one JSON column instead of a child table.
    auto *fieldView = mapping->findChild<QTreeView *>(QStringLiteral("fieldView"));
    const QModelIndex tags = mapping->fieldModel()->indexOfPath(QStringLiteral("tags"));
    QVERIFY(tags.isValid());
    fieldView->setCurrentIndex(tags);
    auto *strategy = mapping->findChild<QComboBox *>(QStringLiteral("strategyCombo"));
    QTRY_VERIFY(strategy->isEnabled());
    const int json = strategy->findData(int(ArrayStrategy::JsonColumn));
    strategy->setCurrentIndex(json);
    Q_EMIT strategy->activated(json);
    QCOMPARE(
        arrayStrategy(*wizard.document()->project().findCollection(QStringLiteral("customers")),
                      QStringLiteral("tags")),
        ArrayStrategy::JsonColumn);
    // A field that is no array shows no strategy, not the last array's one greyed out.
    fieldView->setCurrentIndex(mapping->fieldModel()->indexOfPath(QStringLiteral("email")));
    QVERIFY(!strategy->isEnabled());
    QCOMPARE(strategy->currentIndex(), -1);
    fieldView->setCurrentIndex(tags);
    QCOMPARE(strategy->currentData().toInt(), int(ArrayStrategy::JsonColumn));
    // Preview columns are wide enough for their headers (no "marketing_opt_i").
    auto *preview = mapping->findChild<QTableView *>(QStringLiteral("previewView"));
    QTRY_VERIFY(preview->model()->columnCount() > 3);
    for (int c = 0; c < preview->model()->columnCount(); ++c) {
        const int wanted = preview->horizontalHeader()->sectionSizeHint(c);
        QVERIFY2(wanted > 250 || preview->columnWidth(c) >= wanted,
                 qPrintable(preview->model()->headerData(c, Qt::Horizontal).toString()));
    }
    // Rename a column; a reserved word blocks Next until it is undone.
    MappingModel *columns = mapping->mappingModel();
    int nameRow = -1;
    for (int r = 0; r < columns->rowCount(); ++r) {
        if (columns->index(r, MappingModel::NameColumn).data().toString() == QStringLiteral("name"))
            nameRow = r;
    }
    QVERIFY(nameRow >= 0);
    QVERIFY(columns->setData(columns->index(nameRow, MappingModel::NameColumn),
                             QStringLiteral("full_name")));
    QVERIFY(columns->setData(columns->index(nameRow, MappingModel::NameColumn),
                             QStringLiteral("select")));
    QVERIFY(!mapping->isComplete());
    shot(&wizard, "05-mapping-problem.png");
    wizard.next();
    QCOMPARE(wizard.currentId(), int(MigrationWizard::MappingPageId));
    wizard.document()->undoStack()->undo();
    QTRY_VERIFY(mapping->isComplete());
    QCOMPARE(columns->index(nameRow, MappingModel::NameColumn).data().toString(),
             QStringLiteral("full_name"));
    shot(&wizard, "05-mapping.png");
    wizard.next();

    QCOMPARE(wizard.currentId(), int(MigrationWizard::OptionsPageId));
    auto *batch = wizard.currentPage()->findChild<QSpinBox *>(QStringLiteral("batchSizeSpin"));
    QCOMPARE(batch->text(), QLocale().toString(batch->value())); // with its thousands separator
    QVERIFY(batch->value() >= 1000);
    shot(&wizard, "06-options.png");
    wizard.next();

    QCOMPARE(wizard.currentId(), int(MigrationWizard::DryRunPageId));
    auto *dryRun = qobject_cast<DryRunPage *>(wizard.currentPage());
    QTRY_VERIFY_WITH_TIMEOUT(dryRun->isFinished(), 120000);
    QVERIFY2(dryRun->isComplete(), "the dry run of the demo passes");
    auto *ddl = dryRun->findChild<QPlainTextEdit *>(QStringLiteral("ddlText"));
    QVERIFY2(ddl->toPlainText().contains(QStringLiteral("CREATE TABLE"), Qt::CaseInsensitive),
             qPrintable(ddl->toPlainText()));
    // A rehearsal's counts are predictions, and are headed so.
    auto *dryTable = dryRun->findChild<QTableView *>(QStringLiteral("dryRunTable"));
    QCOMPARE(dryTable->model()->headerData(3, Qt::Horizontal).toString(),
             QStringLiteral("Would write"));
    shot(&wizard, "07-dry-run.png");
    wizard.next();

    QCOMPARE(wizard.currentId(), int(MigrationWizard::RunPageId));
    auto *run = qobject_cast<RunPage *>(wizard.currentPage());
    QTRY_VERIFY_WITH_TIMEOUT(run->isFinished(), 300000);
    shot(&wizard, "08-run.png");
    const RunReport report = wizard.lastReport();
    QCOMPARE(report.status, RunReport::statusName(RunStatus::Completed));
    wizard.next();
    QCOMPARE(wizard.currentId(), int(MigrationWizard::SummaryPageId));
    auto *summary = qobject_cast<SummaryPage *>(wizard.currentPage());
    QCOMPARE(summary->tone(), SummaryPage::Tone::Good);
    // The last page: Finish, and no Next leading on to a page of another path.
    QVERIFY(wizard.button(QWizard::FinishButton)->isVisible());
    QVERIFY(!wizard.button(QWizard::NextButton)->isVisible());
    auto *files = summary->findChild<QLabel *>(QStringLiteral("filesLabel"));
    // Where everything went: the target file, the report and the log, by name.
    QVERIFY2(files->text().contains(QStringLiteral("shop.sqlite")) &&
                 files->text().contains(QStringLiteral(".json")) &&
                 files->text().contains(QStringLiteral(".log")),
             qPrintable(files->text()));
    QVERIFY2(!files->text().contains(QStringLiteral("Ferry/Ferry")), qPrintable(files->text()));
    // Ferry's own tables in the file are announced, not found later among the user's.
    QVERIFY2(files->text().contains(QStringLiteral("_ferry_")), qPrintable(files->text()));
    QCOMPARE(summary->targetLocation(), QUrl::fromLocalFile(tmp.path()).toString());
    auto *checked = summary->findChild<QTableView *>(QStringLiteral("summaryTable"));
    const QString check =
        checked->model()->index(0, checked->model()->columnCount() - 1).data().toString();
    QVERIFY2(check.contains(QStringLiteral("sampled")), qPrintable(check));
    shot(&wizard, "09-summary.png");

    // Every enabled collection's documents are rows of its root table.
    {
        QSqlDatabase db =
            QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("walkthrough"));
        db.setDatabaseName(sqlite);
        QVERIFY(db.open());
        for (const CollectionMapping &c : wizard.document()->project().collections) {
            if (!c.enabled)
                continue;
            QSqlQuery q(db);
            QVERIFY2(q.exec(QStringLiteral("SELECT COUNT(*) FROM \"%1\"").arg(c.root.table)),
                     qPrintable(c.root.table));
            QVERIFY(q.next());
            const qint64 rows = q.value(0).toLongLong();
            QVERIFY2(rows > 0, qPrintable(c.root.table));
            const qint64 expected = wizard.document()->sourceCount(c.collection);
            if (expected >= 0)
                QCOMPARE(rows, expected);
            bool reported = false;
            for (const CollectionReport &cr : report.collections) {
                if (cr.name == c.collection) {
                    QCOMPARE(cr.written, rows);
                    reported = true;
                }
            }
            QVERIFY2(reported, qPrintable(c.collection));
        }
        // The mapping edits reached the target.
        const QSqlRecord customers = db.record(QStringLiteral("customers"));
        QVERIFY(customers.contains(QStringLiteral("full_name")));
        QVERIFY(customers.contains(QStringLiteral("tags")));
        QVERIFY(!customers.contains(QStringLiteral("name")));
        QVERIFY(!db.tables().contains(QStringLiteral("customers_tags")));
        QSqlQuery tagsQuery(db);
        QVERIFY(tagsQuery.exec(
            QStringLiteral("SELECT tags FROM customers WHERE tags IS NOT NULL LIMIT 1")));
        QVERIFY(tagsQuery.next());
        QVERIFY2(tagsQuery.value(0).toString().startsWith(QLatin1Char('[')),
                 qPrintable(tagsQuery.value(0).toString()));
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("walkthrough"));

    // Run again into the same target: everything is skipped, and the summary says so in
    // colour instead of "completed".
    auto *again = summary->findChild<QPushButton *>(QStringLiteral("runAgainButton"));
    QTest::mouseClick(again, Qt::LeftButton);
    QCOMPARE(wizard.currentId(), int(MigrationWizard::RunPageId));
    QTRY_VERIFY_WITH_TIMEOUT(run->isFinished(), 300000);
    QVERIFY2(wizard.button(QWizard::BackButton)->isEnabled(), "Back works after a run");
    wizard.next();
    QCOMPARE(wizard.currentId(), int(MigrationWizard::SummaryPageId));
    QCOMPARE(summary->tone(), SummaryPage::Tone::Warning);
    auto *verdict = summary->findChild<QLabel *>(QStringLiteral("statusLabel"));
    QVERIFY2(verdict->text().contains(QStringLiteral("Nothing was written")),
             qPrintable(verdict->text()));
    shot(&wizard, "10-summary-nothing-written.png");

    // Back to the dry run: a rehearsal now says how many rows a real run would skip.
    wizard.back();
    wizard.back();
    QCOMPARE(wizard.currentId(), int(MigrationWizard::DryRunPageId));
    dryRun->findChild<QPushButton *>(QStringLiteral("dryRunAgainButton"))->click();
    QTRY_VERIFY_WITH_TIMEOUT(dryRun->isFinished(), 120000);
    auto *dryVerdict = dryRun->findChild<QLabel *>(QStringLiteral("summaryLabel"));
    QVERIFY2(dryVerdict->text().contains(QStringLiteral("already in the target")),
             qPrintable(dryVerdict->text()));
    shot(&wizard, "11-dry-run-existing.png");
}

QTEST_MAIN(TestWizardWalkthrough)
#include "tst_wizard_walkthrough.moc"

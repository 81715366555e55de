#include "models/project_document.h"
#include "ui/collections_page.h"
#include "ui/dry_run_page.h"
#include "ui/migration_wizard.h"
#include "ui/run_page.h"

#include <QCommandLinkButton>
#include <QLineEdit>
#include <QPushButton>
#include <QTemporaryDir>
#include <QtTest>

#include "support/wizard_steps.h"

using namespace ferry;
using ferry::test::nextTo;

// Pause and Cancel on the run page: the run stops after its batch, the page says so and
// the wizard moves on to a summary of a cancelled run.
class TestWizardCancel : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void pauseThenCancel();
};

void TestWizardCancel::initTestCase()
{
    QVERIFY2(ferry::test::prepareWizardTest(), "the demo dump is part of the checkout");
}

void TestWizardCancel::pauseThenCancel()
{
    QTemporaryDir tmp;
    MigrationWizard wizard;
    wizard.show();
    QVERIFY(wizard.startDemo());
    QVERIFY(nextTo(wizard, MigrationWizard::TargetPageId));
    auto *target = wizard.currentPage()->findChild<QLineEdit *>(QStringLiteral("uriEdit"));
    target->setText(QStringLiteral("sqlite:") + tmp.filePath(QStringLiteral("cancel.sqlite")));
    QVERIFY(nextTo(wizard, MigrationWizard::CollectionsPageId));
    auto *collections = qobject_cast<CollectionsPage *>(wizard.currentPage());
    QTRY_VERIFY_WITH_TIMEOUT(collections->isComplete(), 60000);
    wizard.next(); // mapping
    wizard.next(); // options
    QCOMPARE(wizard.currentId(), int(MigrationWizard::OptionsPageId));
    // One document per transaction: the run is long enough to be stopped halfway.
    wizard.setField(QStringLiteral("options.batchSize"), 1);
    wizard.next();
    QCOMPARE(wizard.document()->project().options.batchSize, 1);
    auto *dryRun = qobject_cast<DryRunPage *>(wizard.currentPage());
    QTRY_VERIFY_WITH_TIMEOUT(dryRun->isFinished(), 120000);
    wizard.next();

    QCOMPARE(wizard.currentId(), int(MigrationWizard::RunPageId));
    auto *run = qobject_cast<RunPage *>(wizard.currentPage());
    QVERIFY(wizard.isRunning());
    auto *pause = run->findChild<QPushButton *>(QStringLiteral("pauseButton"));
    auto *cancel = run->findChild<QPushButton *>(QStringLiteral("cancelRunButton"));
    QTest::mouseClick(pause, Qt::LeftButton);
    QCOMPARE(pause->text(), RunPage::tr("&Resume"));
    QVERIFY(!run->isComplete());
    QTest::mouseClick(cancel, Qt::LeftButton);
    QVERIFY(!cancel->isEnabled());
    QTRY_VERIFY_WITH_TIMEOUT(run->isFinished(), 120000);
    QVERIFY(!wizard.isRunning());
    const RunReport report = wizard.lastReport();
    QStringList why;
    for (const CollectionReport &c : report.collections)
        why << c.warnings;
    QVERIFY2(report.status == RunReport::statusName(RunStatus::Cancelled),
             qPrintable(report.status + QLatin1Char(' ') + why.join(QLatin1Char('\n'))));
    QVERIFY(run->isComplete());
    wizard.next();
    QCOMPARE(wizard.currentId(), int(MigrationWizard::SummaryPageId));
}

QTEST_MAIN(TestWizardCancel)
#include "tst_wizard_cancel.moc"

#include "ui/main_window.h"
#include "ui/migration_wizard.h"

#include "support/wizard_steps.h"

#include <QCommandLinkButton>
#include <QListWidget>
#include <QtTest>

using namespace ferry;

// The start page looks the same each time it is shown: at the first start, after Back from
// the source page, and after File → New. Users saw its margins jump between the first
// start and a return to it.
class TestWizardStartPage : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void sameLayoutOnEveryVisit_data();
    void sameLayoutOnEveryVisit();
};

namespace {

struct StartLayout {
    QRect newButton;
    QRect demoButton;
    QRect recent;

    bool operator==(const StartLayout &) const = default;
};

StartLayout layoutOf(const QMainWindow &window)
{
    auto at = [&window](const char *name) {
        auto *w = window.findChild<QWidget *>(QLatin1String(name));
        return w && w->isVisible() ? QRect(w->mapTo(&window, QPoint(0, 0)), w->size()) : QRect();
    };
    return {at("newButton"), at("demoButton"), at("recentList")};
}

char *toString(const StartLayout &l) // found by QCOMPARE on failure
{
    auto r = [](const QRect &x) {
        return QStringLiteral("%1,%2 %3×%4").arg(x.x()).arg(x.y()).arg(x.width()).arg(x.height());
    };
    return qstrdup(qPrintable(QStringLiteral("new %1, demo %2, recent %3")
                                  .arg(r(l.newButton), r(l.demoButton), r(l.recent))));
}

} // namespace

void TestWizardStartPage::initTestCase()
{
    QVERIFY2(ferry::test::prepareWizardTest(), "the demo dump is part of the checkout");
}

void TestWizardStartPage::sameLayoutOnEveryVisit_data()
{
    QTest::addColumn<QSize>("size");
    QTest::newRow("1280x800") << QSize(1280, 800);
    QTest::newRow("800x600") << QSize(800, 600);
}

void TestWizardStartPage::sameLayoutOnEveryVisit()
{
    QFETCH(QSize, size);
    MainWindow window;
    window.resize(size);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    MigrationWizard *wizard = window.wizard();
    QCOMPARE(wizard->currentId(), int(MigrationWizard::StartPageId));
    QTRY_VERIFY(layoutOf(window).newButton.isValid());
    const StartLayout first = layoutOf(window);
    QVERIFY2(first.newButton.left() > 0, toString(first));

    // Back from the source page.
    auto *newButton = window.findChild<QCommandLinkButton *>(QStringLiteral("newButton"));
    QTest::mouseClick(newButton, Qt::LeftButton);
    QCOMPARE(wizard->currentId(), int(MigrationWizard::SourcePageId));
    wizard->back();
    QCOMPARE(wizard->currentId(), int(MigrationWizard::StartPageId));
    QTRY_COMPARE_WITH_TIMEOUT(layoutOf(window), first, 2000);

    // A new project from the demo's source page.
    QVERIFY(wizard->startDemo());
    QCOMPARE(wizard->currentId(), int(MigrationWizard::SourcePageId));
    wizard->newProject();
    QCOMPARE(wizard->currentId(), int(MigrationWizard::StartPageId));
    QTRY_COMPARE_WITH_TIMEOUT(layoutOf(window), first, 2000);
}

QTEST_MAIN(TestWizardStartPage)
#include "tst_wizard_start_page.moc"

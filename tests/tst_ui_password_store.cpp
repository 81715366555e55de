#include "core/endpoint.h"
#include "models/project_document.h"
#include "project/project_file.h"
#include "ui/endpoint_page.h"
#include "ui/migration_wizard.h"
#include "ui/password_store.h"

#include <QCheckBox>
#include <QLabel>
#include <QLineEdit>
#include <QSignalSpy>
#include <QUrl>
#include <QtTest>

#include "support/test_services.h"
#include "support/wizard_steps.h"

using namespace ferry;
using ferry::test::nextTo;

// Passwords and the OS keychain. The test environment has no Secret Service (offscreen,
// usually no session bus), so the store must say so quickly, the endpoint page must fall
// back to asking each time and say why, and no password may reach the project.
class TestPasswordStore : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void keyIsTheUriWithoutSecret();
    void storeReportsUnavailable();
    void pageFallsBackWithoutKeychain();
};

namespace {

bool waitForAnswer(QSignalSpy &spy)
{
    // The store's own timeout bounds the wait; the spy's is only a backstop.
    return !spy.isEmpty() || spy.wait(20000);
}

} // namespace

void TestPasswordStore::initTestCase()
{
    QVERIFY2(ferry::test::prepareWizardTest(), "the demo dump is part of the checkout");
}

void TestPasswordStore::keyIsTheUriWithoutSecret()
{
    auto endpoint = Endpoint::parse(QStringLiteral("postgresql://ferry:s3cret@db.example/shop"));
    QVERIFY(endpoint);
    const QString key = PasswordStore::keyFor(*endpoint);
    QVERIFY(!key.contains(QStringLiteral("s3cret")));
    QVERIFY(key.contains(QStringLiteral("ferry@db.example")));
}

void TestPasswordStore::storeReportsUnavailable()
{
    PasswordStore store;
    store.setTimeout(3000);
    QCOMPARE(store.availability(), PasswordStore::Availability::Unknown);
    QSignalSpy available(&store, &PasswordStore::availabilityChanged);
    QSignalSpy read(&store, &PasswordStore::readFinished);
    store.read(QStringLiteral("postgresql://ferry@db.example/shop"));
    // The answer never comes inside the call.
    QVERIFY(available.isEmpty());
    QVERIFY(waitForAnswer(available));
    if (store.availability() == PasswordStore::Availability::Available)
        QSKIP("A keychain answered here; this test is about machines without one.");
    QCOMPARE(store.availability(), PasswordStore::Availability::Unavailable);
    QVERIFY(waitForAnswer(read));
    QCOMPARE(read.first().at(0).toString(), QStringLiteral("postgresql://ferry@db.example/shop"));
    QVERIFY(read.first().at(1).toString().isEmpty());
}

void TestPasswordStore::pageFallsBackWithoutKeychain()
{
    // A real server, since Next connects before it moves on; it trusts loopback, so the
    // password typed below is accepted whatever it is.
    const QString admin = ferry::test::postgresAdminUri();
    QVERIFY2(!admin.isEmpty(), "run through ctest: PostgreSQL is needed");
    MigrationWizard wizard;
    wizard.show();
    QVERIFY(wizard.startDemo());
    // A target with a user: showing its page asks the keychain for a saved password.
    wizard.document()->modify(QStringLiteral("target"),
                              [admin](Project &p) { p.targetUri = admin; });
    auto *page = qobject_cast<EndpointPage *>(wizard.page(MigrationWizard::TargetPageId));
    QVERIFY(page);
    auto *store = page->findChild<PasswordStore *>(QStringLiteral("passwordStore"));
    auto *remember = page->findChild<QCheckBox *>(QStringLiteral("rememberCheck"));
    auto *note = page->findChild<QLabel *>(QStringLiteral("keychainNote"));
    auto *password = page->findChild<QLineEdit *>(QStringLiteral("passwordEdit"));
    QVERIFY(store && remember && note && password);
    store->setTimeout(3000);
    QVERIFY(!remember->isChecked()); // off by default

    QSignalSpy available(store, &PasswordStore::availabilityChanged);
    QVERIFY(nextTo(wizard, MigrationWizard::TargetPageId));
    QVERIFY(waitForAnswer(available));
    if (store->availability() == PasswordStore::Availability::Available)
        QSKIP("A keychain answered here; this test is about machines without one.");

    QVERIFY(!remember->isEnabled());
    QVERIFY(!remember->isChecked());
    QVERIFY(note->isVisible());
    QVERIFY(note->text().contains(QStringLiteral("asks for the password each time")));
    QVERIFY(password->text().isEmpty());

    // The password typed instead is used for this session and saved nowhere.
    password->setText(QStringLiteral("s3cret"));
    QVERIFY(!page->validatePage()); // connects first, then moves on by itself
    QTRY_COMPARE_WITH_TIMEOUT(wizard.currentId(), int(MigrationWizard::CollectionsPageId), 30000);
    QCOMPARE(wizard.targetPassword(), QStringLiteral("s3cret"));
    const QByteArray json = ProjectFile::toJson(wizard.document()->project());
    QVERIFY(json.contains(QUrl(admin).host().toUtf8()));
    QVERIFY(!json.contains("s3cret"));
}

QTEST_MAIN(TestPasswordStore)
#include "tst_ui_password_store.moc"

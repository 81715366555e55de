#include "ui/endpoint_page.h"

#include "models/project_document.h"
#include "models/source_jobs.h"
#include "ui/migration_wizard.h"
#include "ui/password_store.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QUrl>
#include <QtConcurrent/QtConcurrentRun>

namespace ferry {

namespace {

bool isServer(EndpointKind kind)
{
    return kind == EndpointKind::MongoDb || kind == EndpointKind::Postgres;
}

int defaultPort(EndpointKind kind)
{
    return kind == EndpointKind::Postgres ? 5432 : 27017;
}

} // namespace

EndpointPage::EndpointPage(Role role, MigrationWizard *wizard)
    : QWizardPage(wizard), m_role(role), m_wizard(wizard)
{
    const bool source = role == Role::Source;
    setTitle(source ? tr("Source") : tr("Target"));
    setSubTitle(source ? tr("Where does the data come from? A live MongoDB server, a mongodump "
                            "folder, or a relational database for the way back.")
                       : tr("Where should the data go? Tables are created when they do not "
                            "exist yet."));

    m_kind = new QComboBox(this);
    m_kind->setObjectName(QStringLiteral("kindCombo"));
    m_kind->addItem(tr("MongoDB server"), int(EndpointKind::MongoDb));
    m_kind->addItem(tr("MongoDB dump (mongodump / mongoexport files)"), int(EndpointKind::Dump));
    m_kind->addItem(tr("PostgreSQL"), int(EndpointKind::Postgres));
    m_kind->addItem(tr("SQLite file"), int(EndpointKind::Sqlite));

    m_host = new QLineEdit(this);
    m_host->setPlaceholderText(QStringLiteral("localhost"));
    m_port = new QSpinBox(this);
    m_port->setRange(1, 65535);
    m_database = new QLineEdit(this);
    m_user = new QLineEdit(this);
    m_password = new QLineEdit(this);
    m_password->setObjectName(QStringLiteral("passwordEdit"));
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setToolTip(tr("Used for this session only: Ferry never writes passwords to the "
                              "project file or a log."));
    m_passwordRow = new QWidget(this);
    m_password->setParent(m_passwordRow);
    m_remember = new QCheckBox(tr("Remember password in the &keychain"), m_passwordRow);
    m_remember->setObjectName(QStringLiteral("rememberCheck"));
    m_remember->setToolTip(tr("Keeps the password in the system keychain, under this URI, "
                              "so it is filled in next time."));
    auto *passwordLayout = new QHBoxLayout(m_passwordRow);
    passwordLayout->setContentsMargins(0, 0, 0, 0);
    passwordLayout->addWidget(m_password, 1);
    passwordLayout->addWidget(m_remember);
    auto *passwordLabel = new QLabel(tr("Pass&word:"), this);
    passwordLabel->setBuddy(m_password);
    m_keychainNote = new QLabel(
        tr("No keychain is available here: Ferry asks for the password each time and never "
           "saves it."),
        this);
    m_keychainNote->setObjectName(QStringLiteral("keychainNote"));
    m_keychainNote->setWordWrap(true);
    m_store = new PasswordStore(this);
    m_store->setObjectName(QStringLiteral("passwordStore"));
    m_pathRow = new QWidget(this);
    m_path = new QLineEdit(m_pathRow);
    m_path->setObjectName(QStringLiteral("pathEdit"));
    m_browse = new QPushButton(tr("&Browse…"), m_pathRow);
    auto *pathLayout = new QHBoxLayout(m_pathRow);
    pathLayout->setContentsMargins(0, 0, 0, 0);
    pathLayout->addWidget(m_path, 1);
    pathLayout->addWidget(m_browse);
    auto *pathLabel = new QLabel(tr("&Path:"), this);
    pathLabel->setBuddy(m_path);

    m_uri = new QLineEdit(this);
    m_uri->setObjectName(QStringLiteral("uriEdit"));
    m_uri->setToolTip(tr("The location as a URI: filled from the fields above, or paste one "
                         "(mongodb://, dump:, postgresql://, sqlite:)."));
    m_uri->setPlaceholderText(source ? QStringLiteral("mongodb://localhost:27017/shop")
                                     : QStringLiteral("postgresql://me@localhost/shop"));
    m_test =
        new QPushButton(QIcon(QStringLiteral(":/icons/connect.svg")), tr("&Test connection"), this);
    m_test->setObjectName(QStringLiteral("testButton"));
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("statusLabel"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_form = new QFormLayout;
    m_form->addRow(tr("&Kind:"), m_kind);
    m_form->addRow(tr("&Host:"), m_host);
    m_form->addRow(tr("P&ort:"), m_port);
    m_form->addRow(tr("&Database:"), m_database);
    m_form->addRow(tr("&User:"), m_user);
    m_form->addRow(passwordLabel, m_passwordRow);
    m_form->addRow(QString(), m_keychainNote);
    m_form->addRow(pathLabel, m_pathRow);
    m_form->addRow(tr("U&RI:"), m_uri);
    auto *testRow = new QHBoxLayout;
    testRow->addWidget(m_test);
    testRow->addWidget(m_status, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(m_form);
    layout->addLayout(testRow);
    layout->addStretch(1);

    registerField(source ? QStringLiteral("source.uri*") : QStringLiteral("target.uri*"), m_uri);

    connect(m_kind, &QComboBox::currentIndexChanged, this, &EndpointPage::kindChanged);
    for (QLineEdit *edit : {m_host, m_database, m_user, m_path})
        connect(edit, &QLineEdit::textEdited, this, &EndpointPage::composeUri);
    connect(m_port, &QSpinBox::valueChanged, this, &EndpointPage::composeUri);
    connect(m_uri, &QLineEdit::textEdited, this, &EndpointPage::parseUri);
    connect(m_browse, &QPushButton::clicked, this, &EndpointPage::browse);
    connect(m_test, &QPushButton::clicked, this, &EndpointPage::testConnection);
    connect(&m_watcher, &QFutureWatcher<Result<QString>>::finished, this, [this] {
        m_test->setEnabled(true);
        const Result<QString> result = m_watcher.result();
        if (result)
            showStatus(*result, false);
        else
            showStatus(result.error().toString(), true);
    });
    connect(m_store, &PasswordStore::readFinished, this, &EndpointPage::keychainAnswered);
    connect(m_store, &PasswordStore::availabilityChanged, this, &EndpointPage::updateKeychainRows);
    setTabOrder(m_kind, m_host);
    setTabOrder(m_host, m_port);
    setTabOrder(m_port, m_database);
    setTabOrder(m_database, m_user);
    setTabOrder(m_user, m_password);
    setTabOrder(m_password, m_remember);
    setTabOrder(m_remember, m_path);
    setTabOrder(m_path, m_browse);
    setTabOrder(m_browse, m_uri);
    setTabOrder(m_uri, m_test);
}

EndpointPage::~EndpointPage()
{
    // The test job only holds its own copies; let it finish rather than leave it dangling.
    m_watcher.waitForFinished();
}

QString EndpointPage::uri() const
{
    return m_uri->text();
}

void EndpointPage::setUri(const QString &uri)
{
    m_uri->setText(uri);
    parseUri();
}

EndpointKind EndpointPage::currentKind() const
{
    return EndpointKind(m_kind->currentData().toInt());
}

void EndpointPage::initializePage()
{
    const Project &project = m_wizard->document()->project();
    const QString stored = m_role == Role::Source ? project.sourceUri : project.targetUri;
    m_password->setText(m_role == Role::Source ? m_wizard->sourcePassword()
                                               : m_wizard->targetPassword());
    if (!stored.isEmpty()) {
        setUri(stored);
    } else {
        m_kind->setCurrentIndex(m_role == Role::Source ? 0 : 3);
        kindChanged();
    }
    m_status->clear();
    m_remember->setChecked(false);
    m_rememberedKey.clear();
    updateKeychainRows();
    if (m_password->text().isEmpty())
        askKeychain();
}

QString EndpointPage::keychainKey() const
{
    if (!isServer(currentKind()) || m_user->text().trimmed().isEmpty())
        return {};
    auto parsed = Endpoint::parse(m_uri->text());
    return parsed ? PasswordStore::keyFor(*parsed) : QString();
}

void EndpointPage::askKeychain()
{
    const QString key = keychainKey();
    if (!key.isEmpty())
        m_store->read(key);
}

void EndpointPage::keychainAnswered(const QString &key, const QString &password)
{
    // The user may have moved on or typed a password while the keychain was answering.
    if (password.isEmpty() || key != keychainKey() || !m_password->text().isEmpty())
        return;
    m_password->setText(password);
    m_remember->setChecked(true);
    m_rememberedKey = key;
}

void EndpointPage::updateKeychainRows()
{
    const bool unavailable = m_store->availability() == PasswordStore::Availability::Unavailable;
    m_remember->setEnabled(!unavailable);
    if (unavailable)
        m_remember->setChecked(false);
    m_form->setRowVisible(m_keychainNote, unavailable && isServer(currentKind()));
}

void EndpointPage::showRows(EndpointKind kind)
{
    const bool server = isServer(kind);
    for (QWidget *w :
         {static_cast<QWidget *>(m_host), static_cast<QWidget *>(m_port),
          static_cast<QWidget *>(m_database), static_cast<QWidget *>(m_user), m_passwordRow})
        m_form->setRowVisible(w, server);
    m_form->setRowVisible(m_keychainNote, server && m_store->availability() ==
                                                        PasswordStore::Availability::Unavailable);
    m_form->setRowVisible(m_pathRow, !server);
}

void EndpointPage::kindChanged()
{
    const EndpointKind kind = currentKind();
    showRows(kind);
    if (m_updating)
        return;
    m_port->setValue(defaultPort(kind));
    m_path->setPlaceholderText(kind == EndpointKind::Dump ? tr("folder with *.bson or *.json files")
                                                          : tr("file.sqlite"));
    composeUri();
}

void EndpointPage::composeUri()
{
    if (m_updating)
        return;
    const EndpointKind kind = currentKind();
    QString text;
    if (isServer(kind)) {
        QUrl url;
        url.setScheme(kind == EndpointKind::Postgres ? QStringLiteral("postgresql")
                                                     : QStringLiteral("mongodb"));
        url.setHost(m_host->text().trimmed().isEmpty() ? QStringLiteral("localhost")
                                                       : m_host->text().trimmed());
        url.setPort(m_port->value());
        url.setUserName(m_user->text().trimmed());
        if (!m_database->text().trimmed().isEmpty())
            url.setPath(QLatin1Char('/') + m_database->text().trimmed());
        text = url.toString();
    } else if (!m_path->text().trimmed().isEmpty()) {
        text = (kind == EndpointKind::Dump ? QStringLiteral("dump:") : QStringLiteral("sqlite:")) +
               m_path->text().trimmed();
    }
    m_uri->setText(text);
}

void EndpointPage::parseUri()
{
    auto parsed = Endpoint::parse(m_uri->text());
    if (!parsed)
        return;
    m_updating = true;
    const EndpointKind kind = parsed->kind();
    const int index = m_kind->findData(int(kind));
    if (index >= 0)
        m_kind->setCurrentIndex(index);
    showRows(kind);
    if (isServer(kind)) {
        const QUrl url(parsed->uri());
        m_host->setText(url.host());
        m_port->setValue(url.port(defaultPort(kind)));
        m_user->setText(url.userName());
        m_database->setText(parsed->database());
        if (parsed->hasSecret()) {
            // A pasted password moves to the password field; the URI keeps none.
            m_password->setText(url.password());
            m_uri->setText(parsed->withoutSecret());
        }
    } else {
        m_path->setText(parsed->path());
    }
    m_updating = false;
}

void EndpointPage::browse()
{
    QString path;
    if (currentKind() == EndpointKind::Dump)
        path =
            QFileDialog::getExistingDirectory(this, tr("Choose the dump folder"), m_path->text());
    else if (m_role == Role::Source)
        path = QFileDialog::getOpenFileName(this, tr("Choose the SQLite file"), m_path->text(),
                                            tr("SQLite databases (*.sqlite *.sqlite3 *.db);;All "
                                               "files (*)"));
    else
        path = QFileDialog::getSaveFileName(this, tr("Choose the SQLite file"), m_path->text(),
                                            tr("SQLite databases (*.sqlite *.sqlite3 *.db)"),
                                            nullptr, QFileDialog::DontConfirmOverwrite);
    if (path.isEmpty())
        return;
    m_path->setText(path);
    composeUri();
}

Result<Endpoint> EndpointPage::endpoint() const
{
    auto parsed = Endpoint::parse(m_uri->text());
    if (!parsed || m_password->text().isEmpty())
        return parsed;
    return parsed->withPassword(m_password->text());
}

void EndpointPage::showStatus(const QString &text, bool error)
{
    m_status->setStyleSheet(error ? QStringLiteral("color: #b01010")
                                  : QStringLiteral("color: #207020"));
    m_status->setText(text);
}

void EndpointPage::testConnection()
{
    auto e = endpoint();
    if (!e) {
        showStatus(e.error().toString(), true);
        return;
    }
    m_test->setEnabled(false);
    showStatus(tr("Connecting…"), false);
    const Endpoint ep = *e;
    if (m_role == Role::Source)
        m_watcher.setFuture(QtConcurrent::run([ep] { return testSourceConnection(ep); }));
    else
        m_watcher.setFuture(QtConcurrent::run([ep] { return testTargetConnection(ep); }));
}

bool EndpointPage::validatePage()
{
    auto e = endpoint();
    if (!e) {
        showStatus(e.error().toString(), true);
        return false;
    }
    if (m_role == Role::Target) {
        const QString source = m_wizard->document()->project().sourceUri;
        if (e->withoutSecret() == source) {
            showStatus(tr("The target is the source. Choose another database or file."), true);
            return false;
        }
    }
    const QString uri = e->withoutSecret();
    const bool source = m_role == Role::Source;
    // The keychain is the only place a password is ever written to.
    const QString key = keychainKey();
    if (!key.isEmpty() && m_remember->isEnabled()) {
        if (m_remember->isChecked() && !m_password->text().isEmpty())
            m_store->write(key, m_password->text());
        else if (!m_remember->isChecked() && key == m_rememberedKey)
            m_store->remove(key);
    }
    if (source)
        m_wizard->setSourcePassword(m_password->text());
    else
        m_wizard->setTargetPassword(m_password->text());
    m_wizard->document()->modify(source ? tr("Change source") : tr("Change target"),
                                 [&](Project &p) { (source ? p.sourceUri : p.targetUri) = uri; });
    return true;
}

int EndpointPage::nextId() const
{
    return m_role == Role::Source ? MigrationWizard::TargetPageId
                                  : MigrationWizard::CollectionsPageId;
}

} // namespace ferry

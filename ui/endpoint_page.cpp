#include "ui/endpoint_page.h"
#include "stores/stores.h"

#include "models/project_document.h"
#include "models/source_jobs.h"
#include "ui/connection_check.h"
#include "ui/migration_wizard.h"
#include "ui/password_store.h"
#include "ui/path_browser.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCryptographicHash>
#include <QFontMetrics>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QUrl>

namespace ferry {

namespace {

// `text` broken into lines no wider than `width`, at spaces.
QString wrapped(const QString &text, const QFontMetrics &metrics, int width)
{
    QStringList lines;
    QString line;
    for (const QString &word : text.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        const QString candidate = line.isEmpty() ? word : line + QLatin1Char(' ') + word;
        if (!line.isEmpty() && metrics.horizontalAdvance(candidate) > width) {
            lines.append(line);
            line = word;
        } else {
            line = candidate;
        }
    }
    if (!line.isEmpty())
        lines.append(line);
    return lines.join(QLatin1Char('\n'));
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
    // The stores say what they are; the page only lists those that fit its role.
    for (const StoreInfo &store : storeRegistry().stores()) {
        if (source ? store.canRead : store.canWrite)
            m_kind->addItem(store.displayName, store.name);
    }

    m_password = new QLineEdit(this);
    m_password->setObjectName(QStringLiteral("passwordEdit"));
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setToolTip(tr("Used for this session only: Ferry never writes passwords to the "
                              "project file or a log."));
    m_passwordRow = new QWidget(this);
    m_password->setParent(m_passwordRow);
    m_remember = new QCheckBox(tr("Re&member password in the keychain"), m_passwordRow);
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
    m_browse = new QPushButton(tr("Br&owse…"), m_pathRow);
    m_browse->setObjectName(QStringLiteral("browseButton"));
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
    m_check = new ConnectionCheck(this);

    m_form = new QFormLayout;
    m_form->addRow(tr("&Kind:"), m_kind);
    m_editors.insert(QStringLiteral("password"), m_passwordRow);
    m_labels.insert(QStringLiteral("password"), passwordLabel);
    m_editors.insert(QStringLiteral("path"), m_pathRow);
    m_labels.insert(QStringLiteral("path"), pathLabel);
    addFieldRows();
    auto *uriLabel = new QLabel(tr("U&RI:"), this);
    uriLabel->setBuddy(m_uri);
    m_form->addRow(uriLabel, withErrorRow(QStringLiteral("uri"), m_uri));
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(m_form);
    layout->addWidget(m_check);
    layout->addStretch(1);

    registerField(source ? QStringLiteral("source.uri*") : QStringLiteral("target.uri*"), m_uri);

    connect(m_kind, &QComboBox::currentIndexChanged, this, &EndpointPage::kindChanged);
    connect(m_path, &QLineEdit::textEdited, this, &EndpointPage::composeUri);
    connect(m_uri, &QLineEdit::textEdited, this, &EndpointPage::parseUri);
    m_browser = new PathBrowser(m_browse, this);
    connect(m_path, &QLineEdit::textChanged, m_browser, &PathBrowser::setStartPath);
    connect(m_browser, &PathBrowser::chosen, this, [this](const QString &path) {
        m_path->setText(path);
        composeUri();
    });
    connect(m_check, &ConnectionCheck::testRequested, this, [this] { startCheck(false); });
    connect(m_check, &ConnectionCheck::failed, this, &EndpointPage::checkFailed);
    connect(m_check, &ConnectionCheck::succeeded, this,
            [this](const QString &, bool forNext) { checkSucceeded(forNext); });
    connect(m_check, &ConnectionCheck::runningChanged, this, &QWizardPage::completeChanged);
    // What was shown for other values no longer applies once the user changes them.
    connect(m_uri, &QLineEdit::textChanged, this, [this] {
        if (!m_updating)
            clearErrors();
    });
    connect(m_password, &QLineEdit::textEdited, this, &EndpointPage::clearErrors);
    connect(m_store, &PasswordStore::readFinished, this, &EndpointPage::keychainAnswered);
    connect(m_store, &PasswordStore::availabilityChanged, this, &EndpointPage::updateKeychainRows);
}

EndpointPage::~EndpointPage() = default;

// The field and, under it, the line that says what is wrong with it. One widget per form
// row: a word-wrapped label as a row of its own made QFormLayout squeeze the field above
// it to nothing.
QWidget *EndpointPage::withErrorRow(const QString &key, QWidget *editor)
{
    auto *row = new QWidget(this);
    auto *column = new QVBoxLayout(row);
    column->setContentsMargins(0, 0, 0, 0);
    column->setSpacing(2);
    column->addWidget(editor);
    auto *label = new QLabel(row);
    label->setObjectName(key + QStringLiteral("Error"));
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->setStyleSheet(QStringLiteral("color: #b01010"));
    label->hide();
    column->addWidget(label);
    row->setFocusProxy(editor == m_passwordRow ? m_password
                       : editor == m_pathRow   ? static_cast<QWidget *>(m_path)
                                               : editor);
    m_fieldErrors.insert(key, label);
    m_rows.insert(key, row);
    return row;
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

const StoreInfo *EndpointPage::currentStore() const
{
    return storeRegistry().byName(m_kind->currentData().toString());
}

// Rows for every field key the stores declare, in the order first declared; password and
// path have rows of their own (keychain, Browse…).
void EndpointPage::addFieldRows()
{
    QWidget *previous = m_kind;
    for (const StoreInfo &store : storeRegistry().stores()) {
        for (const StoreField &field : store.fields) {
            if (!m_editors.contains(field.key)) {
                QWidget *editor = nullptr;
                if (field.kind == StoreField::Kind::Port) {
                    auto *spin = new QSpinBox(this);
                    spin->setRange(1, 65535);
                    connect(spin, &QSpinBox::valueChanged, this, &EndpointPage::composeUri);
                    editor = spin;
                } else {
                    auto *edit = new QLineEdit(this);
                    connect(edit, &QLineEdit::textEdited, this, &EndpointPage::composeUri);
                    editor = edit;
                }
                editor->setObjectName(field.key + QStringLiteral("Edit"));
                auto *label = new QLabel(field.label, this);
                label->setBuddy(editor);
                m_editors.insert(field.key, editor);
                m_labels.insert(field.key, label);
            }
            QWidget *editor = m_editors.value(field.key);
            if (!m_rows.contains(field.key)) {
                m_form->addRow(m_labels.value(field.key), withErrorRow(field.key, editor));
                if (field.kind == StoreField::Kind::Password)
                    m_form->addRow(QString(), m_keychainNote);
            }
            QWidget *focus = editor == m_passwordRow ? m_password
                             : editor == m_pathRow   ? static_cast<QWidget *>(m_path)
                                                     : editor;
            setTabOrder(previous, focus);
            previous = editor == m_passwordRow ? m_remember
                       : editor == m_pathRow   ? static_cast<QWidget *>(m_browse)
                                               : editor;
        }
    }
    setTabOrder(previous, m_uri);
    setTabOrder(m_uri, m_check->testButton());
}

QHash<QString, QString> EndpointPage::fieldValues() const
{
    QHash<QString, QString> values;
    for (auto it = m_editors.cbegin(); it != m_editors.cend(); ++it) {
        if (auto *spin = qobject_cast<QSpinBox *>(it.value()))
            values.insert(it.key(), QString::number(spin->value()));
        else if (auto *edit = qobject_cast<QLineEdit *>(it.value()))
            values.insert(it.key(), edit->text());
    }
    values.insert(QStringLiteral("path"), m_path->text());
    values.insert(QStringLiteral("password"), m_password->text());
    return values;
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
        // A new migration starts from MongoDB into a file nobody has to set up.
        const int index = m_kind->findData(m_role == Role::Source ? QStringLiteral("mongo")
                                                                  : QStringLiteral("sqlite"));
        m_kind->setCurrentIndex(std::max(0, index));
        kindChanged();
    }
    clearErrors();
    m_check->clearMessage();
    m_passedKey.clear();
    m_remember->setChecked(false);
    m_rememberedKey.clear();
    updateKeychainRows();
    if (m_password->text().isEmpty())
        askKeychain();
}

QString EndpointPage::keychainKey() const
{
    const StoreInfo *store = currentStore();
    auto *user = qobject_cast<QLineEdit *>(m_editors.value(QStringLiteral("user")));
    if (!store || !store->server || !user || user->text().trimmed().isEmpty())
        return {};
    auto parsed = parseEndpoint(m_uri->text());
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
    const StoreInfo *store = currentStore();
    m_form->setRowVisible(m_keychainNote, unavailable && store && store->server);
}

void EndpointPage::showRows(const StoreInfo *store)
{
    for (auto it = m_editors.cbegin(); it != m_editors.cend(); ++it)
        m_form->setRowVisible(m_rows.value(it.key()), false);
    bool password = false;
    if (store) {
        for (const StoreField &field : store->fields) {
            m_form->setRowVisible(m_rows.value(field.key), true);
            m_labels.value(field.key)->setText(field.label);
            password = password || field.kind == StoreField::Kind::Password;
        }
    }
    m_form->setRowVisible(m_keychainNote, password && m_store->availability() ==
                                                          PasswordStore::Availability::Unavailable);
    // The example follows the kind, so a file store never suggests a server URI.
    m_uri->setPlaceholderText(store ? store->uriExample : QString());
    m_browser->setStore(store, m_role == Role::Source ? PathBrowser::Purpose::Open
                                                      : PathBrowser::Purpose::Save);
}

void EndpointPage::kindChanged()
{
    const StoreInfo *store = currentStore();
    showRows(store);
    clearErrors();
    m_check->stop();
    m_check->clearMessage();
    if (m_updating || !store)
        return;
    for (const StoreField &field : store->fields) {
        QWidget *editor = m_editors.value(field.key);
        if (auto *spin = qobject_cast<QSpinBox *>(editor))
            spin->setValue(field.defaultValue.toInt());
        else if (auto *edit = qobject_cast<QLineEdit *>(editor))
            edit->setPlaceholderText(field.placeholder);
        else if (editor == m_pathRow)
            m_path->setPlaceholderText(field.placeholder);
    }
    composeUri();
}

void EndpointPage::composeUri()
{
    if (m_updating)
        return;
    const StoreInfo *store = currentStore();
    if (!store || !store->buildUri)
        return;
    m_uri->setText(store->buildUri(fieldValues()));
}

void EndpointPage::parseUri()
{
    auto parsed = parseEndpoint(m_uri->text());
    if (!parsed)
        return;
    const StoreInfo *store = storeOf(*parsed);
    if (!store)
        return;
    m_updating = true;
    const int index = m_kind->findData(store->name);
    if (index >= 0)
        m_kind->setCurrentIndex(index);
    showRows(store);
    const QHash<QString, QString> values =
        store->splitUri ? store->splitUri(*parsed) : QHash<QString, QString>();
    for (auto it = values.cbegin(); it != values.cend(); ++it) {
        QWidget *editor = m_editors.value(it.key());
        if (auto *spin = qobject_cast<QSpinBox *>(editor))
            spin->setValue(it.value().toInt());
        else if (auto *edit = qobject_cast<QLineEdit *>(editor))
            edit->setText(it.value());
        else if (editor == m_pathRow)
            m_path->setText(it.value());
    }
    if (parsed->hasSecret()) {
        // A pasted password moves to the password field; the URI keeps none.
        if (values.contains(QStringLiteral("password")))
            m_password->setText(values.value(QStringLiteral("password")));
        m_uri->setText(parsed->withoutSecret());
    }
    m_updating = false;
}

Result<Endpoint> EndpointPage::endpoint() const
{
    auto parsed = parseEndpoint(m_uri->text());
    if (!parsed || m_password->text().isEmpty())
        return parsed;
    return parsed->withPassword(m_password->text());
}

bool EndpointPage::fieldVisible(const QString &key) const
{
    const StoreInfo *store = currentStore();
    for (const StoreField &f : store ? store->fields : QList<StoreField>()) {
        if (f.key == key)
            return true;
    }
    return false;
}

void EndpointPage::showFieldError(const QString &key, const QString &text)
{
    QLabel *label = m_fieldErrors.value(key);
    if (!label || (key != QLatin1String("uri") && !fieldVisible(key)))
        label = m_fieldErrors.value(QStringLiteral("uri"));
    // Wrapped here, not by the label: QFormLayout gives a height-for-width row the height of
    // a narrower width, and the field above the message was squeezed to nothing.
    label->setText(wrapped(text, label->fontMetrics(), std::max(240, m_uri->width())));
    label->show();
    const QString shown = m_fieldErrors.key(label);
    QWidget *focus = shown == QLatin1String("uri")        ? m_uri
                     : shown == QLatin1String("password") ? m_password
                     : shown == QLatin1String("path")     ? m_path
                                                          : m_editors.value(shown);
    if (focus)
        focus->setFocus(Qt::OtherFocusReason);
}

void EndpointPage::clearErrors()
{
    for (QLabel *label : std::as_const(m_fieldErrors)) {
        label->clear();
        label->hide();
    }
}

// The engine says what failed by its code; the page shows it at the input to correct.
// Only field keys are used here, so a new store with the same keys needs nothing.
QString EndpointPage::fieldForError(const Error &error) const
{
    const auto first = [this](std::initializer_list<const char *> keys) {
        for (const char *k : keys) {
            if (fieldVisible(QLatin1String(k)))
                return QLatin1String(k);
        }
        return QLatin1String("uri");
    };
    switch (error.code) {
    case ErrorCode::Auth:
        return first({"password", "user"});
    case ErrorCode::Connect:
        return first({"host", "path"});
    case ErrorCode::NotFound:
    case ErrorCode::Io:
    case ErrorCode::Parse:
        return first({"path", "database"});
    default:
        return QStringLiteral("uri");
    }
}

QString EndpointPage::checkKey() const
{
    // Hashed: the key holds the password, and nothing needs it back.
    auto e = endpoint();
    const QString uri = e ? e->uri() : m_uri->text();
    return QString::fromLatin1(
        QCryptographicHash::hash(uri.toUtf8(), QCryptographicHash::Sha256).toHex());
}

bool EndpointPage::precheck()
{
    clearErrors();
    auto e = endpoint();
    if (!e) {
        showFieldError(QStringLiteral("uri"), plainSentence(e.error().message));
        return false;
    }
    const StoreInfo *store = storeOf(*e);
    const QHash<QString, QString> values = fieldValues();
    for (const StoreField &f : store ? store->fields : QList<StoreField>()) {
        if (!f.requiredHint.isEmpty() && values.value(f.key).trimmed().isEmpty()) {
            showFieldError(f.key, f.requiredHint);
            return false;
        }
    }
    if (m_role == Role::Target && e->withoutSecret() == m_wizard->document()->project().sourceUri) {
        showFieldError(QStringLiteral("uri"),
                       tr("The target is the source. Choose another database or file."));
        return false;
    }
    return true;
}

void EndpointPage::startCheck(bool forNext)
{
    m_check->clearMessage();
    if (!precheck())
        return;
    const Endpoint ep = *endpoint();
    m_checkingKey = checkKey();
    if (m_role == Role::Source)
        m_check->start([ep] { return testSourceConnection(ep); }, forNext);
    else
        m_check->start([ep] { return testTargetConnection(ep); }, forNext);
}

void EndpointPage::checkFailed(const Error &error, bool)
{
    m_check->clearMessage();
    showFieldError(fieldForError(error), plainSentence(error.message));
}

void EndpointPage::checkSucceeded(bool forNext)
{
    m_passedKey = m_checkingKey;
    // Values changed while the check ran were not checked: the user presses Next again.
    if (forNext && m_passedKey == checkKey())
        wizard()->next();
}

bool EndpointPage::isComplete() const
{
    return QWizardPage::isComplete() && !m_check->isRunning();
}

void EndpointPage::cleanupPage()
{
    m_check->stop();
    QWizardPage::cleanupPage();
}

bool EndpointPage::validatePage()
{
    if (m_check->isRunning() || !precheck())
        return false;
    if (checkKey() != m_passedKey) {
        startCheck(true);
        return false;
    }
    commitEndpoint();
    return true;
}

void EndpointPage::commitEndpoint()
{
    const QString uri = endpoint()->withoutSecret();
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
}

int EndpointPage::nextId() const
{
    return m_role == Role::Source ? MigrationWizard::TargetPageId
                                  : MigrationWizard::CollectionsPageId;
}

} // namespace ferry

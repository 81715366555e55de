#pragma once

#include "core/endpoint.h"
#include "stores/common/store_registry.h"

#include <QHash>

#include <QWizardPage>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QFormLayout;

namespace ferry {

class ConnectionCheck;
class MigrationWizard;
class PasswordStore;
class PathBrowser;

// Pages 2 and 3: where the data comes from and where it goes. The same page serves both
// roles; the kind decides which fields show. The password is kept for this session only,
// or, when the user asks, in the OS keychain (never in the project or a log).
class EndpointPage : public QWizardPage {
    Q_OBJECT
public:
    enum class Role { Source, Target };

    EndpointPage(Role role, MigrationWizard *wizard);
    ~EndpointPage() override;

    void initializePage() override;
    void cleanupPage() override;
    bool isComplete() const override;
    // Next checks the connection off the UI thread first: the first call starts the check
    // and returns false; when it passes the page calls wizard()->next() again.
    bool validatePage() override;
    int nextId() const override;

    // For tests and the demo: what the URI field holds.
    QString uri() const;
    void setUri(const QString &uri);

private:
    const StoreInfo *currentStore() const;
    void addFieldRows();
    QWidget *withErrorRow(const QString &key, QWidget *editor);
    void showRows(const StoreInfo *store);
    QHash<QString, QString> fieldValues() const;
    void kindChanged();
    void composeUri();
    void parseUri();
    void startCheck(bool forNext);
    void checkFailed(const Error &error, bool forNext);
    void checkSucceeded(bool forNext);
    // Checks that need no connection: a URI that parses, required fields, target ≠ source.
    bool precheck();
    Result<Endpoint> endpoint() const;
    QString checkKey() const;
    // Shows a message under the field it concerns ("uri" for the URI row) and focuses it.
    void showFieldError(const QString &key, const QString &text);
    void clearErrors();
    QString fieldForError(const Error &error) const;
    bool fieldVisible(const QString &key) const;
    void commitEndpoint();
    QString keychainKey() const;
    void askKeychain();
    void keychainAnswered(const QString &key, const QString &password);
    void updateKeychainRows();

    Role m_role;
    MigrationWizard *m_wizard;
    QComboBox *m_kind;
    QFormLayout *m_form;
    QWidget *m_pathRow;
    // One row per field key any store declares (stores/*/…_store.cpp); a store shows its own.
    QHash<QString, QWidget *> m_editors;
    QHash<QString, QLabel *> m_labels;
    QLineEdit *m_password;
    QWidget *m_passwordRow;
    QCheckBox *m_remember;
    QLabel *m_keychainNote;
    PasswordStore *m_store;
    // The key whose password came from the keychain: unticking the box forgets it.
    QString m_rememberedKey;
    QLineEdit *m_path;
    QPushButton *m_browse;
    PathBrowser *m_browser;
    QLineEdit *m_uri;
    ConnectionCheck *m_check;
    // Error rows under each field, keyed like m_editors, plus "uri".
    QHash<QString, QLabel *> m_fieldErrors;
    QHash<QString, QWidget *> m_rows; // the form row of each field key: editor + error
    // What the last successful check connected to (URI and password): Next goes on only then.
    QString m_passedKey;
    QString m_checkingKey;
    bool m_updating = false;
};

} // namespace ferry

#pragma once

#include "core/endpoint.h"
#include "stores/common/store_registry.h"

#include <QHash>

#include <QFutureWatcher>
#include <QWizardPage>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QFormLayout;

namespace ferry {

class MigrationWizard;
class PasswordStore;

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
    bool validatePage() override;
    int nextId() const override;

    // For tests and the demo: what the URI field holds.
    QString uri() const;
    void setUri(const QString &uri);

private:
    const StoreInfo *currentStore() const;
    void addFieldRows();
    void showRows(const StoreInfo *store);
    QHash<QString, QString> fieldValues() const;
    void kindChanged();
    void composeUri();
    void parseUri();
    void browse();
    void testConnection();
    Result<Endpoint> endpoint() const;
    void showStatus(const QString &text, bool error);
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
    QLineEdit *m_uri;
    QPushButton *m_test;
    QLabel *m_status;
    QFutureWatcher<Result<QString>> m_watcher;
    bool m_updating = false;
};

} // namespace ferry

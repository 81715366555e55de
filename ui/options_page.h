#pragma once

#include <QWizardPage>

class QComboBox;
class QSpinBox;

namespace ferry {

class MigrationWizard;

// Page 6: how the run behaves (batch size, existing rows, errors, ids, unknown fields).
class OptionsPage : public QWizardPage {
    Q_OBJECT
public:
    explicit OptionsPage(MigrationWizard *wizard);
    void initializePage() override;
    bool validatePage() override;

private:
    MigrationWizard *m_wizard;
    QSpinBox *m_batchSize;
    QComboBox *m_existing;
    QComboBox *m_onError;
    QComboBox *m_idStrategy;
    QComboBox *m_unknown;
};

} // namespace ferry

#include "ui/options_page.h"

#include "models/project_document.h"
#include "ui/migration_wizard.h"

#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QSpinBox>
#include <QVBoxLayout>

namespace ferry {

OptionsPage::OptionsPage(MigrationWizard *wizard) : QWizardPage(wizard), m_wizard(wizard)
{
    setTitle(tr("Options"));
    setSubTitle(tr("How the run writes: the defaults suit a first migration and a safe re-run."));

    m_batchSize = new QSpinBox(this);
    m_batchSize->setObjectName(QStringLiteral("batchSizeSpin"));
    m_batchSize->setRange(1, 1000000);
    m_batchSize->setSingleStep(1000);
    m_batchSize->setGroupSeparatorShown(true); // 50,000 reads at a glance, 50000 does not
    m_batchSize->setToolTip(tr("Documents per transaction. Each batch commits with its "
                               "checkpoint, so a resumed run repeats at most one batch."));
    m_existing = new QComboBox(this);
    m_existing->addItem(tr("Skip rows whose key exists"), int(ExistingRows::Skip));
    m_existing->addItem(tr("Update them (upsert)"), int(ExistingRows::Upsert));
    m_existing->addItem(tr("Stop with an error"), int(ExistingRows::Fail));
    m_existing->addItem(tr("Empty the tables first (truncate)"), int(ExistingRows::Truncate));
    m_onError = new QComboBox(this);
    m_onError->addItem(tr("Stop the run"), int(ErrorPolicy::Stop));
    m_onError->addItem(tr("Reject the document to a file and go on"), int(ErrorPolicy::Reject));
    m_idStrategy = new QComboBox(this);
    m_idStrategy->addItem(tr("ObjectId as 24 hex characters"), int(IdStrategy::ObjectIdText));
    m_idStrategy->addItem(tr("ObjectId as a UUID (deterministic v5)"),
                          int(IdStrategy::ObjectIdUuid));
    m_unknown = new QComboBox(this);
    m_unknown->addItem(tr("Keep them in a JSON column (_extra)"), int(UnknownFields::Extra));
    m_unknown->addItem(tr("Reject the document"), int(UnknownFields::Reject));
    m_unknown->addItem(tr("Ignore them (counted in the report)"), int(UnknownFields::Ignore));
    m_unknown->setToolTip(tr("Fields a document has that the mapping does not know, e.g. ones "
                             "that appeared after sampling."));

    auto *form = new QFormLayout(this);
    // Each choice says under it what it does: a tooltip is found by few and by no keyboard.
    const auto addRow = [this, form](const QString &label, QWidget *field, const QString &help) {
        auto *box = new QWidget(this);
        auto *column = new QVBoxLayout(box);
        column->setContentsMargins(0, 0, 0, 0);
        column->setSpacing(2);
        column->addWidget(field);
        auto *note = new QLabel(help, box);
        note->setWordWrap(true);
        note->setForegroundRole(QPalette::PlaceholderText);
        column->addWidget(note);
        auto *name = new QLabel(label, this);
        name->setBuddy(field);
        form->addRow(name, box);
    };
    addRow(tr("Batch si&ze:"), m_batchSize,
           tr("Documents per transaction. Each batch commits with its checkpoint, so a resumed "
              "run repeats at most one batch."));
    addRow(tr("&Existing rows:"), m_existing,
           tr("What happens to a document whose key the target already holds, e.g. when "
              "running again."));
    addRow(tr("On a bad &document:"), m_onError,
           tr("A document the target cannot take (a value that does not fit its column)."));
    addRow(tr("&ObjectId keys:"), m_idStrategy,
           tr("How MongoDB's ObjectId keys are written: as text, or as a UUID derived from "
              "them (the same every run)."));
    addRow(tr("&Unknown fields:"), m_unknown,
           tr("Fields a document has that the mapping does not know, e.g. ones that appeared "
              "after sampling."));
    auto *sampleNote = new QLabel(
        tr("The sample size used to infer the mapping is set on the Collections page."), this);
    sampleNote->setWordWrap(true);
    form->addRow(sampleNote);

    registerField(QStringLiteral("options.batchSize"), m_batchSize);
}

void OptionsPage::initializePage()
{
    const ProjectOptions &o = m_wizard->document()->project().options;
    m_batchSize->setValue(o.batchSize);
    m_existing->setCurrentIndex(m_existing->findData(int(o.existingRows)));
    m_onError->setCurrentIndex(m_onError->findData(int(o.onError)));
    m_idStrategy->setCurrentIndex(m_idStrategy->findData(int(o.idStrategy)));
    m_unknown->setCurrentIndex(m_unknown->findData(int(o.unknownFields)));
}

bool OptionsPage::validatePage()
{
    ProjectOptions o = m_wizard->document()->project().options;
    o.batchSize = m_batchSize->value();
    o.existingRows = ExistingRows(m_existing->currentData().toInt());
    o.onError = ErrorPolicy(m_onError->currentData().toInt());
    o.idStrategy = IdStrategy(m_idStrategy->currentData().toInt());
    o.unknownFields = UnknownFields(m_unknown->currentData().toInt());
    m_wizard->document()->modify(tr("Change run options"), [&](Project &p) { p.options = o; });
    return true;
}

} // namespace ferry

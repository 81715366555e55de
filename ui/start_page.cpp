#include "ui/start_page.h"

#include "ui/migration_wizard.h"
#include "ui/recent_projects.h"

#include <QCommandLinkButton>
#include <QFileDialog>
#include <QFileInfo>
#include <QKeyEvent>
#include <QLabel>
#include <QListWidget>
#include <QPainter>
#include <QVBoxLayout>

namespace ferry {

namespace {

// QCommandLinkButton draws no focus ring under most styles, so tabbing over the start page's
// big buttons showed nothing: draw one in the highlight colour.
class StartButton : public QCommandLinkButton {
public:
    using QCommandLinkButton::QCommandLinkButton;

protected:
    void paintEvent(QPaintEvent *event) override
    {
        QCommandLinkButton::paintEvent(event);
        if (!hasFocus())
            return;
        QPainter p(this);
        p.setRenderHint(QPainter::Antialiasing);
        p.setPen(QPen(palette().color(QPalette::Highlight), 2));
        p.setBrush(Qt::NoBrush);
        p.drawRoundedRect(QRectF(rect()).adjusted(1, 1, -1, -1), 4, 4);
    }
};

} // namespace

StartPage::StartPage(MigrationWizard *wizard) : QWizardPage(wizard), m_wizard(wizard)
{
    setTitle(tr("Welcome to Ferry"));
    setSubTitle(tr("Move MongoDB data into PostgreSQL or SQLite — or back — with a mapping you "
                   "can review, rehearse and save."));

    auto *newButton = new StartButton(tr("New &migration"),
                                      tr("Choose a source and a target and build a "
                                         "mapping step by step."),
                                      this);
    newButton->setObjectName(QStringLiteral("newButton"));
    newButton->setIcon(QIcon(QStringLiteral(":/icons/new.svg")));
    auto *openButton =
        new StartButton(tr("&Open project…"), tr("Continue with a saved .ferry project."), this);
    openButton->setObjectName(QStringLiteral("openButton"));
    openButton->setIcon(QIcon(QStringLiteral(":/icons/open.svg")));
    auto *demoButton = new StartButton(tr("Try the &demo"),
                                       tr("A small shop (customers, products, orders) "
                                          "from a mongodump into a SQLite file."),
                                       this);
    demoButton->setObjectName(QStringLiteral("demoButton"));
    demoButton->setIcon(QIcon(QStringLiteral(":/icons/demo.svg")));

    auto *recentLabel = new QLabel(tr("&Recent projects:"), this);
    m_recent = new QListWidget(this);
    m_recent->setObjectName(QStringLiteral("recentList"));
    m_recent->setToolTip(tr("Double-click or press Enter to open"));
    recentLabel->setBuddy(m_recent);
    m_status = new QLabel(this);
    m_status->setWordWrap(true);
    m_status->setStyleSheet(QStringLiteral("color: #b01010"));

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(newButton);
    layout->addWidget(openButton);
    layout->addWidget(demoButton);
    layout->addSpacing(8);
    layout->addWidget(recentLabel);
    layout->addWidget(m_recent, 1);
    layout->addWidget(m_status);

    connect(newButton, &QCommandLinkButton::clicked, this, [this] {
        m_wizard->newProject();
        m_wizard->next();
    });
    connect(openButton, &QCommandLinkButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(
            this, tr("Open project"), {}, tr("Ferry projects (*.ferry);;All files (*)"));
        if (!path.isEmpty())
            openFile(path);
    });
    connect(demoButton, &QCommandLinkButton::clicked, this, [this] {
        if (!m_wizard->startDemo())
            m_status->setText(tr("The demo data was not found. Set FERRY_DEMO_DIR to the "
                                 "resources/demo/shop folder of a Ferry checkout."));
    });
    connect(m_recent, &QListWidget::itemActivated, this,
            [this](QListWidgetItem *item) { openFile(item->data(Qt::UserRole).toString()); });
    // The list lets Enter through to the wizard after opening the item, which would press
    // Next on the page the project just opened at: take it here instead.
    m_recent->installEventFilter(this);
}

bool StartPage::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_recent && event->type() == QEvent::KeyPress) {
        const int key = static_cast<QKeyEvent *>(event)->key();
        if (key == Qt::Key_Return || key == Qt::Key_Enter) {
            if (QListWidgetItem *item = m_recent->currentItem())
                openFile(item->data(Qt::UserRole).toString());
            return true;
        }
    }
    return QWizardPage::eventFilter(watched, event);
}

void StartPage::initializePage()
{
    m_status->clear();
    m_recent->clear();
    const QStringList files = RecentProjects::list();
    for (const QString &path : files) {
        auto *item = new QListWidgetItem(QIcon(QStringLiteral(":/icons/report.svg")),
                                         QFileInfo(path).fileName(), m_recent);
        item->setData(Qt::UserRole, path);
        item->setToolTip(path);
    }
}

void StartPage::openFile(const QString &path)
{
    const Error error = m_wizard->openProject(path);
    if (error.isError())
        m_status->setText(error.toString());
}

} // namespace ferry

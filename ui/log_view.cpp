#include "ui/log_view.h"

#include "models/log_model.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QScrollBar>
#include <QVBoxLayout>

namespace ferry {

LogView::LogView(QWidget *parent)
    : QWidget(parent), m_model(new LogModel(this)), m_filter(new LogFilterModel(this))
{
    m_filter->setSourceModel(m_model);
    m_text = new QLineEdit(this);
    m_text->setObjectName(QStringLiteral("logFilter"));
    m_text->setPlaceholderText(tr("Filter messages"));
    m_text->setClearButtonEnabled(true);
    m_level = new QComboBox(this);
    m_level->addItem(tr("All messages"), 0);
    m_level->addItem(tr("Warnings and errors"), 1);
    m_level->addItem(tr("Errors only"), 2);
    m_view = new QListView(this);
    m_view->setObjectName(QStringLiteral("logView"));
    m_view->setModel(m_filter);
    // Long messages (a driver's error with its hint) wrap instead of scrolling sideways;
    // rejects are summarised by the engine, so the list stays short enough for that.
    m_view->setWordWrap(true);
    m_view->setTextElideMode(Qt::ElideNone);
    m_view->setResizeMode(QListView::Adjust);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    auto *label = new QLabel(tr("&Messages:"), this);
    label->setBuddy(m_view);

    auto *top = new QHBoxLayout;
    top->addWidget(label);
    top->addWidget(m_text, 1);
    top->addWidget(m_level);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(top);
    layout->addWidget(m_view, 1);

    connect(m_text, &QLineEdit::textChanged, m_filter, &LogFilterModel::setFilterFixedString);
    connect(m_level, &QComboBox::currentIndexChanged, this,
            [this] { m_filter->setMinimumLevel(m_level->currentData().toInt()); });
}

void LogView::append(int level, const QString &text)
{
    QScrollBar *bar = m_view->verticalScrollBar();
    const bool atEnd = bar->value() == bar->maximum();
    m_model->append(level, text);
    if (atEnd)
        m_view->scrollToBottom();
}

void LogView::clear()
{
    m_model->clear();
}

} // namespace ferry

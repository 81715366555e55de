#pragma once

#include <QWidget>

class QComboBox;
class QLineEdit;
class QListView;

namespace ferry {

class LogFilterModel;
class LogModel;

// A run's messages with a text filter and a minimum level; follows new messages.
class LogView : public QWidget {
    Q_OBJECT
public:
    explicit LogView(QWidget *parent = nullptr);
    LogModel *model() const { return m_model; }
    void append(int level, const QString &text);
    void clear();

private:
    LogModel *m_model;
    LogFilterModel *m_filter;
    QLineEdit *m_text;
    QComboBox *m_level;
    QListView *m_view;
};

} // namespace ferry

#pragma once

#include <QStyledItemDelegate>

namespace ferry {

// Draws a progress bar from a 0..1 fraction the model gives under `fractionRole`.
class ProgressDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    ProgressDelegate(int fractionRole, QObject *parent = nullptr);
    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;

private:
    int m_fractionRole;
};

} // namespace ferry

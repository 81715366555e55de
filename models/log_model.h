#pragma once

#include <QAbstractListModel>
#include <QDateTime>
#include <QSortFilterProxyModel>

namespace ferry {

// Messages of a run, appended as they arrive. Level numbers are those of ferry::LogLevel
// (0 info, 1 warning, 2 error).
class LogModel : public QAbstractListModel {
    Q_OBJECT
public:
    enum Role { LevelRole = Qt::UserRole + 1, TimeRole };

    explicit LogModel(QObject *parent = nullptr);

    void append(int level, const QString &text);
    void clear();
    int count(int level) const;
    QString toPlainText() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

private:
    struct Entry {
        QDateTime time;
        int level = 0;
        QString text;
    };
    QList<Entry> m_entries;
};

// Shows messages at or above a level that contain a text.
class LogFilterModel : public QSortFilterProxyModel {
    Q_OBJECT
public:
    explicit LogFilterModel(QObject *parent = nullptr);
    void setMinimumLevel(int level);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    int m_minimumLevel = 0;
};

} // namespace ferry

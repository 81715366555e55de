#pragma once

#include <QJsonArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace ferry {

// Rejected documents of one collection, counted per field (or per reason when no single
// field is to blame) with the first few reasons kept as examples. The reject file holds
// every document; the log and the report get one line per kind, so a run that rejects a
// million documents sends a handful of messages instead of a million queued signals.
class RejectSummary {
public:
    static constexpr int ExamplesKept = 3;

    // Counts one reject; true when it is the first of its kind (the caller logs that one).
    bool add(const QString &field, const QString &reason);
    bool isEmpty() const { return m_kinds.isEmpty(); }
    qint64 total() const { return m_total; }
    void clear();

    // "orders, field price: rejected: 1,234, e.g.: <reason>" — one line per kind, most
    // frequent first, then where the documents are.
    QStringList lines(const QString &collection, const QString &rejectFile) const;
    // [{"field": …, "count": …, "examples": […]}] for the report.
    QJsonArray toJson() const;

private:
    struct Kind {
        QString field;
        QString reason; // the key when field is empty
        qint64 count = 0;
        QStringList examples;
    };
    QList<Kind> sorted() const;

    QList<Kind> m_kinds;
    qint64 m_total = 0;
};

} // namespace ferry

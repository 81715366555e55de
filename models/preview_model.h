#pragma once

#include "models/mapping_edits.h"

#include <QAbstractTableModel>
#include <QStringList>

namespace ferry {

class ProjectDocument;

// The first rows one table would get, computed by the engine's Transformer from the sample
// documents with the current mapping — so what the user sees is what the run will write.
class PreviewModel : public QAbstractTableModel {
    Q_OBJECT
public:
    static constexpr int MaxRows = 20;
    enum Role { IsNullRole = Qt::UserRole + 1 };

    explicit PreviewModel(ProjectDocument *document, QObject *parent = nullptr);

    void setTable(const QString &collection, const TablePath &table);
    // Sample documents the transform refused, with its reasons (translated).
    QStringList rejects() const { return m_rejects; }
    // Recomputes from the document's current mapping and samples.
    void refresh();

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    void refreshed();

private:
    ProjectDocument *m_document;
    QString m_collection;
    TablePath m_table;
    QStringList m_headers;
    struct PreviewCell {
        QVariant value; // null = SQL NULL
        bool json = false;
    };
    QList<QList<PreviewCell>> m_rows;
    QStringList m_rejects;
};

} // namespace ferry

#pragma once

#include "stores/common/source.h"

#include <QHash>
#include <QMutex>
#include <QString>

#include <vector>

class QSqlDatabase;

namespace ferry {

// Reads the tables of a SQLite file (sqlite:PATH) as flat documents, in primary-key order
// (rowid without one). QtSql connections belong to the thread that opened them, so every
// call opens its own short-lived read-only connection, and a reader opens its own on the
// thread that first calls next().
class SqliteSource : public Source {
public:
    explicit SqliteSource(const Endpoint &endpoint);

    Status open() override;
    Result<QList<CollectionInfo>> listCollections() override;
    Result<std::unique_ptr<DocumentReader>> openReader(const QString &collection,
                                                       const ReadOptions &options) override;
    Result<std::vector<BsonDoc>> sample(const QString &collection, qint64 n,
                                        const QString &filter = {}) override;
    Result<QList<TableInfo>> tables() override;
    Result<qint64> exactCount(const QString &collection, const QString &filter) override;

private:
    // Which integer columns of a table hold a value beyond int32 (so all of the column's
    // values become int64); looked up once per table, as embedding opens a reader per batch.
    Result<std::vector<bool>> wideColumns(QSqlDatabase &db, const TableInfo &table);

    QString m_path;
    QMutex m_wideMutex;
    QHash<QString, std::vector<bool>> m_wide;
};

} // namespace ferry

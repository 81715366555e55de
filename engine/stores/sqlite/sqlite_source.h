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
    // Partitions read ranges of the primary key (of the rowid without one).
    bool readsSlices() const override { return true; }

    // What one pass over a table tells its reading plan: which integer columns hold a value
    // beyond int32 (so all of the column's values become int64), and whether its primary
    // key holds NULL anywhere (SQLite allows it).
    struct TableScan {
        std::vector<bool> wide;
        bool nullKeys = false;
    };

private:
    // Looked up once per table, as embedding opens a reader per batch.
    Result<TableScan> scan(QSqlDatabase &db, const TableInfo &table);

    QString m_path;
    QMutex m_scanMutex;
    QHash<QString, TableScan> m_scans;
};

} // namespace ferry

#pragma once

#include "stores/common/source.h"

#include <QString>

#include <memory>

namespace ferry {

// Reads the tables of a PostgreSQL database (current schema) as flat documents through a
// server-side cursor, in primary-key order (ctid without one; (tableoid, ctid) on a
// partitioned table, read with its partitions, whose ctids repeat). An inheritance parent
// gives its own rows only (ONLY): its children are tables of their own. Each reader has its
// own connection and transaction, so it may run on another thread than the source.
class PostgresSource : public Source {
public:
    explicit PostgresSource(const Endpoint &endpoint);
    ~PostgresSource() override;

    Status open() override;
    Result<QList<CollectionInfo>> listCollections() override;
    Result<std::unique_ptr<DocumentReader>> openReader(const QString &collection,
                                                       const ReadOptions &options) override;
    Result<std::vector<BsonDoc>> sample(const QString &collection, qint64 n,
                                        const QString &filter = {}) override;
    Result<QList<TableInfo>> tables() override;
    Result<qint64> exactCount(const QString &collection, const QString &filter) override;
    // Partitions read ranges of the primary key (of the reading order without one).
    bool readsSlices() const override { return true; }

private:
    Status ensureOpen();

    struct Connection; // the libpqxx connection, kept out of this header
    Endpoint m_endpoint;
    std::unique_ptr<Connection> m_connection;
};

} // namespace ferry

#pragma once

#include "stores/common/sink.h"
#include "stores/sqlite/sqlite_statement.h"
#include "stores/sqlite/sqlite_unsynced.h"

#include <QSet>
#include <QSqlDatabase>
#include <QSqlQuery>

#include <functional>
#include <map>
#include <memory>

namespace ferry {

// Writes row batches into an SQLite file through QtSql: one prepared INSERT per table,
// reused across batches, and one transaction per batch with its checkpoint. The
// connection belongs to the thread that called open().
class SqliteSink : public SqlSink {
public:
    explicit SqliteSink(Endpoint endpoint);
    ~SqliteSink() override;

    Status open() override;
    Status close() override;
    Dialect dialect() const override { return Dialect::Sqlite; }
    Result<PrepareOutcome> prepare(const CollectionMapping &mapping, const ProjectOptions &options,
                                   bool resuming) override;
    Result<WriteOutcome> write(const CollectionMapping &mapping, const ProjectOptions &options,
                               const RowBatch &batch, const Checkpoint &checkpoint) override;
    Status probe(const CollectionMapping &mapping, const ProjectOptions &options,
                 const RowBatch &batch) override;
    Result<std::optional<Checkpoint>> loadCheckpoint(const QString &collection) override;
    Status clearCheckpoint(const QString &collection) override;
    Result<qint64> countRows(const QString &table) override;
    Status buildDeferredKeys(const QStringList &tables = {}) override;
    Result<std::vector<QVariantList>> query(const QString &statement,
                                            const QVariantList &params) override;
    Status execute(const QStringList &statements, const QList<QVariantList> &params) override;

private:
    struct BatchWrite;
    struct Statements {
        ExistingRows mode;
        bool plain = false; // the keys wait: plain INSERTs, nothing looked up by key
        std::vector<SqliteStatement> inserts; // one per table, CollectionMapping order
        // Plain: per table, an INSERT of bulkRows[i] rows at once (0 = none prepared).
        std::vector<SqliteStatement> bulkInserts;
        std::vector<int> bulkRows;
        std::vector<QSqlQuery> deleteChildren; // Upsert: child rows of one root key
        std::vector<std::vector<int>> childKeys;
    };
    Status transact(const std::function<void()> &body);
    bool idle();                             // no transaction open on the connection
    QSqlQuery run(const QString &statement); // throws on failure, inside transact()
    void ensureRejectColumn();               // inside transact()
    QSqlQuery runWith(const QString &statement, const QVariantList &params); // same, with ?s
    bool rootKeyExists(const TableMapping &root, const std::vector<int> &keys,
                       const TableRows &rows, size_t r);
    bool prepareTable(const TableMapping &t, bool defer, bool buildPending,
                      const QStringList &pending, PrepareOutcome &out, bool &isPending);
    Statements &statementsFor(const CollectionMapping &mapping, ExistingRows mode);
    void prepareBulkInsert(Statements &s, const TableMapping &t);
    bool tableExists(const QString &table);

    Endpoint m_endpoint;
    QString m_connectionName;
    QSqlDatabase m_db;
    bool m_dryTransactionOpen = false;
    bool m_probing = false; // write() is a probe: always roll back
    bool m_createdFile = false;
    SqliteUnsynced m_unsynced;
    QString m_context; // table being written, for error messages
    std::map<QString, std::unique_ptr<Statements>> m_statements; // by root table
    QSet<QString> m_keysPending; // root tables whose keys wait for the end of the load
};

} // namespace ferry

#pragma once

#include "stores/common/sink.h"

#include <QHash>

#include <memory>

namespace ferry {

// Writes row batches into PostgreSQL with COPY. Each batch and its checkpoint form one
// transaction; a dry run keeps everything in one transaction that is never committed.
class PostgresSink : public SqlSink {
public:
    explicit PostgresSink(Endpoint endpoint);
    ~PostgresSink() override;

    Status open() override;
    Dialect dialect() const override { return Dialect::Postgres; }
    Result<PrepareOutcome> prepare(const CollectionMapping &mapping, const ProjectOptions &options,
                                   bool resuming) override;
    Result<WriteOutcome> write(const CollectionMapping &mapping, const ProjectOptions &options,
                               const RowBatch &batch, const Checkpoint &checkpoint) override;
    Status probe(const CollectionMapping &mapping, const ProjectOptions &options,
                 const RowBatch &batch) override;
    Result<std::optional<Checkpoint>> loadCheckpoint(const QString &collection) override;
    Status clearCheckpoint(const QString &collection) override;
    Result<qint64> countRows(const QString &table) override;
    Result<std::vector<QVariantList>> query(const QString &statement,
                                            const QVariantList &params) override;
    Status execute(const QStringList &statements, const QList<QVariantList> &params) override;
    Status addForeignKey(const QString &table, const QString &column, const QString &refTable,
                         const QString &refColumn) override;
    Status buildDeferredKeys(const QStringList &tables) override;
    Result<std::unique_ptr<Sink>> openWriter() override;
    bool takesManyWriters() const override { return true; }

    // How write() puts rows of this collection in: COPY straight into the target tables, or
    // COPY into a staging table and INSERT … ON CONFLICT from there. prepare() decides.
    enum class WritePath { Direct, Staged };
    WritePath writePath(const CollectionMapping &mapping, const ProjectOptions &options) const;

    // Whether write() sends `table` in COPY binary format rather than text (known once a
    // batch went into it): every column has an exact binary form and no value needed the
    // server's text parsing.
    bool copiesInBinary(const QString &table) const;

    // Auth when libpq's message says the credentials were refused, Connect otherwise.
    static ErrorCode classifyConnectFailure(const QString &driverMessage);

private:
    struct Private;
    struct BatchWrite;
    Endpoint m_endpoint;
    std::unique_ptr<Private> m_d;
    // Per root table: every table was empty (or new, or truncated) when prepare() ran, so
    // no batch can meet a row it did not write itself.
    QHash<QString, bool> m_startedEmpty;
};

} // namespace ferry

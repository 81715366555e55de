#pragma once

// What postgres_sink.cpp and postgres_batch_write.cpp share; not part of the store's API.

#include "stores/postgres/postgres_sink.h"

#include "stores/common/ddl.h"
#include "stores/postgres/binary_copy_encoder.h"
#include "stores/postgres/copy_encoder.h"
#include "stores/postgres/postgres_connection.h"

#include <pqxx/pqxx>

#include <QStringList>

#include <functional>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

namespace ferry {

// Thrown inside a transaction body to leave it with a ready-made Error (rolled back).
struct Abort {
    Error error;
};

inline std::string sql(const QString &s)
{
    return s.toStdString();
}

inline QString fromPg(const std::exception &e)
{
    return redactSecrets(QString::fromUtf8(e.what()).trimmed());
}

inline QString keyColumnList(const TableMapping &table, const std::vector<int> &cols)
{
    QStringList names;
    for (int c : cols)
        names << ddlQuote(table.columns[c].column);
    return names.join(QStringLiteral(", "));
}

inline std::string stageName(const QString &table)
{
    // Temp tables live in pg_temp, which is searched first: the name must never be one a
    // target table could have, and must be stable within the session so it is reused.
    return "\"_ferry_stage_" + std::to_string(qHash(table, 0)) + '"';
}

// `?` placeholders become $1, $2, …: the run/ modules write one statement for both targets.
inline std::string numberedPlaceholders(const QString &statement)
{
    std::string out;
    int n = 0;
    for (const char ch : statement.toStdString()) {
        if (ch == '?')
            out += '$' + std::to_string(++n);
        else
            out += ch;
    }
    return out;
}

// Parameters as libpq text; a null QVariant is SQL NULL.
struct TextParams {
    std::vector<std::string> storage;
    std::vector<const char *> pointers;
    explicit TextParams(const QVariantList &params)
    {
        storage.reserve(size_t(params.size()));
        for (const QVariant &v : params)
            storage.push_back(v.toString().toStdString());
        for (qsizetype i = 0; i < params.size(); ++i)
            pointers.push_back(params[i].isNull() ? nullptr : storage[size_t(i)].c_str());
    }
};

inline std::string textArrayLiteral(const QStringList &values)
{
    std::string out = "{";
    for (const QString &v : values) {
        if (out.size() > 1)
            out += ',';
        out += '"';
        for (const char ch : v.toStdString()) {
            if (ch == '"' || ch == '\\')
                out += '\\';
            out += ch;
        }
        out += '"';
    }
    return out + '}';
}

// A checkpoint table from before Ferry kept the reject file's length gains the column.
inline void ensureRejectColumn(pqxx::transaction_base &tx)
{
    if (tx.exec(sql(checkpointRejectColumnQuery(Dialect::Postgres))).empty())
        tx.exec(sql(checkpointRejectColumnSql(Dialect::Postgres)));
}

// Partitions of one run start at the same time against one target: table creation (and
// the bookkeeping tables' CREATE IF NOT EXISTS, which races on the catalog) goes one
// process at a time. Released with the transaction.
inline void lockDdl(pqxx::transaction_base &tx)
{
    tx.exec("SELECT pg_advisory_xact_lock(7262130855312071)"); // "ferry" + a date, any constant
}

struct PostgresSink::Private {
    std::unique_ptr<PostgresConnection> conn;
    std::unique_ptr<pqxx::work> dryTx; // the never-committed transaction of a dry run
    std::string buffer;                // COPY text, reused across tables and batches
    CopyBytes binaryBuffer;            // COPY binary data, the same
    // Per target table: its columns' binary encodings, read from the catalog once; empty
    // when the table goes as text (a column without one, or a cell that did not fit).
    std::unordered_map<std::string, std::vector<BinaryColumn>> binaryPlans;
    bool textOnly = false;   // this write() sends every table as text
    bool binaryUsed = false; // this write() sent a table in binary
    QString context;         // table being written, for error messages
    bool probing = false;    // write() is a probe: always roll back
    std::string sqlState;    // of the last refused statement ("" if none)

    using Body = std::function<void(pqxx::transaction_base &)>;
    Status transact(bool dryRun, const Body &body);
    bool prepareTable(pqxx::transaction_base &tx, const TableMapping &t, bool deferKeys,
                      bool buildPending, PrepareOutcome &out, bool &pending);
    // COPY of `rows` into `target` (the table itself, or its staging table when
    // withDocColumn): binary where every column has an exact binary form, text otherwise.
    void copyRows(pqxx::transaction_base &tx, const std::string &target, const TableMapping &table,
                  const TableRows &rows, const std::vector<char> *keepDocs, bool withDocColumn);
    void copyText(pqxx::transaction_base &tx, const std::string &target, const TableMapping &table,
                  const TableRows &rows, const std::vector<char> *keepDocs, bool withDocColumn);
    // False when a cell has no exact binary form (the COPY is then abandoned).
    bool copyBinary(pqxx::transaction_base &tx, const std::string &target,
                    const TableMapping &table, const std::vector<BinaryColumn> &plan,
                    const TableRows &rows, const std::vector<char> *keepDocs, bool withDocColumn);
    // The binary encodings of `table`'s mapped columns, or nullptr for text COPY.
    const std::vector<BinaryColumn> *binaryPlan(pqxx::transaction_base &tx,
                                                const TableMapping &table);
};

// The steps of one write(), inside its transaction: the rows (straight, or through the
// staging table), the keys rollback needs, the checkpoint.
struct PostgresSink::BatchWrite {
    Private &d;
    pqxx::transaction_base &tx;
    const CollectionMapping &mapping;
    const ProjectOptions &options;
    const RowBatch &batch;
    const std::vector<const TableMapping *> &tables;
    const std::vector<int> rootKeys;
    WriteOutcome &out;
    QString run;               // the run whose new root rows rollback tracks, if any
    std::vector<char> newDocs; // per document: its root row did not exist before

    void direct();
    void staged();
    // Which staged documents are new, asked before an upsert hides it.
    void findNewDocs(const std::string &stage, const std::string &target);
    void upsert(const std::string &stage, const std::string &target);
    // Inserts the new root rows; returns per document whether its row went in.
    std::vector<char> insertNew(const std::string &stage, const std::string &target);
    void copyChildren(const std::vector<char> *keep);
    void recordNewKeys();
    void recordCheckpoint(const Checkpoint &checkpoint);
};

} // namespace ferry

#include "stores/postgres/postgres_sink.h"

#include "stores/postgres/postgres_bookkeeping.h"
#include "stores/postgres/postgres_sink_private.h"

#include <QThread>

#include <algorithm>
#include <atomic>
#include <functional>
#include <thread>

namespace ferry {

Status PostgresSink::Private::transact(bool dryRun, const Body &body)
{
    if (!conn)
        return Error(ErrorCode::Internal,
                     trEngine("The PostgreSQL target was used before open()."));
    context.clear();
    sqlState.clear();
    try {
        if (dryRun) {
            if (!dryTx)
                dryTx = std::make_unique<pqxx::work>(*conn, "ferry-dry-run");
            // A savepoint per step, so a failing batch is undone without ending the dry run.
            pqxx::subtransaction sub(*dryTx, "ferry_step");
            body(sub);
            if (probing)
                sub.abort();
            else
                sub.commit();
        } else {
            pqxx::work tx(*conn);
            body(tx);
            if (probing)
                tx.abort();
            else
                tx.commit();
        }
        return {};
    } catch (const Abort &a) {
        return a.error;
    } catch (const pqxx::broken_connection &e) {
        return Error(ErrorCode::Connect,
                     trEngine("The connection to PostgreSQL was lost: %1. Check that the server "
                              "is running, then resume the run.")
                         .arg(fromPg(e)),
                     context);
    } catch (const pqxx::sql_error &e) {
        // Class 08 (connection exception) and 57P (operator intervention: shutdown, restart)
        // mean the server went away, not that it refused the data: retry, don't reject.
        const std::string state = e.sqlstate();
        sqlState = state;
        const bool lost = state.rfind("08", 0) == 0 || state.rfind("57P", 0) == 0;
        const QString what =
            lost ? trEngine("The connection to PostgreSQL was lost: %1. Check that the server "
                            "is running, then resume the run.")
                       .arg(fromPg(e))
            : context.isEmpty()
                ? trEngine("PostgreSQL refused a statement: %1").arg(fromPg(e))
                : trEngine("PostgreSQL refused writing table \"%1\": %2").arg(context, fromPg(e));
        return Error(lost ? ErrorCode::Connect : ErrorCode::Target, what, context);
    } catch (const std::exception &e) {
        const QString what =
            context.isEmpty()
                ? trEngine("PostgreSQL refused a statement: %1").arg(fromPg(e))
                : trEngine("PostgreSQL refused writing table \"%1\": %2").arg(context, fromPg(e));
        return Error(ErrorCode::Target, what, context);
    }
}

PostgresSink::PostgresSink(Endpoint endpoint)
    : m_endpoint(std::move(endpoint)), m_d(std::make_unique<Private>())
{
}

PostgresSink::~PostgresSink()
{
    // A dry run's transaction is aborted here (its destructor rolls back): DDL included.
    try {
        m_d->dryTx.reset();
        m_d->conn.reset();
    } catch (...) {
    }
}

ErrorCode PostgresSink::classifyConnectFailure(const QString &message)
{
    if (message.contains(QLatin1String("password authentication failed")) ||
        message.contains(QLatin1String("no password supplied")) ||
        message.contains(QLatin1String("authentication failed")))
        return ErrorCode::Auth;
    return ErrorCode::Connect;
}

Status PostgresSink::open()
{
    try {
        m_d->conn = std::make_unique<PostgresConnection>(sql(m_endpoint.uri()));
        // Keep IF NOT EXISTS notices off stderr.
        m_d->conn->set_variable("client_min_messages", "warning");
        return m_d->transact(m_dryRun,
                             [](pqxx::transaction_base &tx) { moveLegacyBookkeeping(tx); });
    } catch (const std::exception &e) {
        m_d->conn.reset();
        const QString msg = fromPg(e);
        if (classifyConnectFailure(msg) == ErrorCode::Auth) {
            return Error(ErrorCode::Auth,
                         trEngine("PostgreSQL at %1 refused the user name or password: %2 Check "
                                  "the user and the password (or the environment variable that "
                                  "holds it).")
                             .arg(m_endpoint.redacted(), plainSentence(msg)));
        }
        return Error(ErrorCode::Connect,
                     trEngine("Cannot connect to PostgreSQL at %1: %2 Check the host, port and "
                              "database name, and that the server is running and accepts "
                              "connections from this machine.")
                         .arg(m_endpoint.redacted(), plainSentence(msg)));
    }
}

// One table of prepare(): created (its key deferred when the load allows), or checked
// against the mapping. Returns whether it already held rows of its own.
bool PostgresSink::Private::prepareTable(pqxx::transaction_base &tx, const TableMapping &t,
                                         bool deferKeys, bool buildPending, PrepareOutcome &out,
                                         bool &pending)
{
    context = t.table;
    pending = false;
    const std::string quoted = sql(ddlQuote(t.table));
    const pqxx::row reg = tx.exec_params1("SELECT to_regclass($1) IS NOT NULL", quoted);
    if (!reg[0].as<bool>()) {
        const QString key = primaryKeySql(t);
        const bool defer = deferKeys && !key.isEmpty();
        const QString ddl = createTableSql(t, Dialect::Postgres, !defer);
        tx.exec(sql(ddl));
        if (defer) {
            tx.exec_params(
                "INSERT INTO ferry._ferry_pending_keys (table_name, statement) VALUES ($1, $2)",
                sql(t.table), sql(key));
            out.keysDeferred = pending = true;
        }
        out.createdTables << t.table;
        out.ddl << ddl;
        return false;
    }
    const pqxx::result cols =
        tx.exec_params("SELECT a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull "
                       "FROM pg_attribute a WHERE a.attrelid = to_regclass($1) AND a.attnum > 0 "
                       "AND NOT a.attisdropped ORDER BY a.attnum",
                       quoted);
    std::vector<ExistingColumn> found;
    for (const pqxx::row &row : cols) {
        found.push_back({QString::fromStdString(row[0].as<std::string>()),
                         QString::fromStdString(row[1].as<std::string>()), row[2].as<bool>()});
    }
    const QString problem = incompatibility(t, found, Dialect::Postgres);
    if (!problem.isEmpty())
        throw Abort{Error(ErrorCode::Schema, problem, t.table)};
    const pqxx::result waiting = tx.exec_params(
        "SELECT statement FROM ferry._ferry_pending_keys WHERE table_name = $1", sql(t.table));
    if (!waiting.empty()) {
        if (!buildPending) {
            // A resumed run or a sibling partition: the rows are the load's own.
            out.keysDeferred = pending = true;
            return false;
        }
        // A new run meets a load that never finished: its key first, so that this run's
        // skip-existing and upsert can rely on it (and a duplicate shows now, not later).
        tx.exec(waiting[0][0].as<std::string>());
        tx.exec_params("DELETE FROM ferry._ferry_pending_keys WHERE table_name = $1", sql(t.table));
    }
    return tx.exec1("SELECT EXISTS (SELECT 1 FROM " + quoted + ")")[0].as<bool>();
}

Result<PrepareOutcome> PostgresSink::prepare(const CollectionMapping &mapping,
                                             const ProjectOptions &options, bool resuming)
{
    PrepareOutcome out;
    bool emptyNow = true;
    bool rootPending = false;
    // Keys are only needed during the load to reject duplicates one by one; a run that stops
    // at the first error (and a dry run, which shows the real DDL) keeps them for the end.
    const bool deferKeys = !m_dryRun && options.onError == ErrorPolicy::Stop;
    const Status st = m_d->transact(m_dryRun, [&](pqxx::transaction_base &tx) {
        out = PrepareOutcome();
        rootPending = false;
        lockDdl(tx);
        ensureBookkeepingSchema(tx);
        tx.exec(sql(checkpointTableSql(Dialect::Postgres)));
        ensureRejectColumn(tx);
        tx.exec(sql(batchCheckpointTableSql()));
        tx.exec(sql(pendingKeysTableSql()));
        QStringList existing;
        for (const TableMapping *t : collectionTables(mapping)) {
            bool pending = false;
            if (m_d->prepareTable(tx, *t, deferKeys, !resuming && !m_partitioned, out, pending))
                out.tablesWereEmpty = false;
            if (t == &mapping.root)
                rootPending = pending;
            if (!out.createdTables.contains(t->table) && !pending)
                existing << ddlQuote(t->table);
        }
        emptyNow = out.tablesWereEmpty;
        if (options.existingRows == ExistingRows::Truncate && !resuming && !existing.isEmpty()) {
            m_d->context = mapping.root.table;
            const QString stmt = QStringLiteral("TRUNCATE ") + existing.join(QStringLiteral(", "));
            tx.exec(sql(stmt));
            out.ddl << stmt;
            emptyNow = true;
        }
    });
    if (!st)
        return st.error();
    // The tables may be new or changed since a write last read their column types.
    for (const TableMapping *t : collectionTables(mapping))
        m_d->binaryPlans.erase(sql(t->table));
    m_startedEmpty.insert(mapping.root.table, (emptyNow && !m_partitioned) || rootPending);
    return out;
}

PostgresSink::WritePath PostgresSink::writePath(const CollectionMapping &mapping,
                                                const ProjectOptions &options) const
{
    // Plain COPY cannot skip or update a row: it is right when duplicates must fail, when
    // there is no key to detect them by, or when the tables held no rows of their own at
    // prepare() — then the only rows they hold are this run's, which the checkpoint never
    // sends twice.
    if (options.existingRows == ExistingRows::Fail || rootKeyColumns(mapping.root).empty())
        return WritePath::Direct;
    if (m_startedEmpty.value(mapping.root.table, false))
        return WritePath::Direct;
    return WritePath::Staged;
}

Result<WriteOutcome> PostgresSink::write(const CollectionMapping &mapping,
                                         const ProjectOptions &options, const RowBatch &batch,
                                         const Checkpoint &checkpoint)
{
    const std::vector<const TableMapping *> tables = collectionTables(mapping);
    if (Status shape = checkBatchShape(mapping, batch, tables.size()); !shape)
        return shape.error();
    const WritePath path = writePath(mapping, options);
    WriteOutcome out;
    m_d->binaryUsed = false;
    const Status st = m_d->transact(m_dryRun, [&](pqxx::transaction_base &tx) {
        out = WriteOutcome();
        out.tableRows.assign(tables.size(), 0);
        // A batch's rows and its checkpoint commit together, so losing the last few commits in
        // a server crash only makes a resume redo them; not waiting for each WAL flush nearly
        // doubles throughput at 5,000-document batches. The finishing batch waits, and its flush
        // makes every earlier commit durable too.
        if (!checkpoint.finished)
            tx.exec("SET LOCAL synchronous_commit TO OFF");
        BatchWrite w{*m_d,
                     tx,
                     mapping,
                     options,
                     batch,
                     tables,
                     rootKeyColumns(mapping.root),
                     out,
                     trackingRun(mapping.root.table),
                     {}};
        if (path == WritePath::Direct)
            w.direct();
        else
            w.staged();
        if (!w.run.isEmpty())
            w.recordNewKeys();
        w.recordCheckpoint(checkpoint);
    });
    // Binary COPY refused (or could not encode) the batch: the same batch again as text, so
    // the server judges every value, and words its refusal, exactly as for text COPY.
    if (!st && m_d->binaryUsed && !m_d->textOnly && st.error().code != ErrorCode::Connect) {
        m_d->textOnly = true;
        auto again = write(mapping, options, batch, checkpoint);
        m_d->textOnly = false;
        return again;
    }
    // The input repeats a key of an earlier batch, so the table no longer holds only new
    // keys: this batch and the rest take the staged path, which skips or updates them.
    if (!st && path == WritePath::Direct && m_d->sqlState == "23505" &&
        m_d->context == mapping.root.table && !rootKeyColumns(mapping.root).empty() &&
        options.existingRows != ExistingRows::Fail) {
        m_startedEmpty.insert(mapping.root.table, false);
        return write(mapping, options, batch, checkpoint);
    }
    if (!st)
        return st.error();
    return out;
}

Result<std::optional<Checkpoint>> PostgresSink::loadCheckpoint(const QString &collection)
{
    std::optional<Checkpoint> out;
    const Status st = m_d->transact(m_dryRun, [&](pqxx::transaction_base &tx) {
        out.reset();
        Checkpoint c;
        bool found = false;
        if (tx.exec1("SELECT to_regclass('ferry._ferry_checkpoints') IS NOT NULL")[0].as<bool>()) {
            ensureRejectColumn(tx);
            const pqxx::result r = tx.exec_params(
                "SELECT run_id, encode(position, 'hex'), read, written, skipped, rejected, "
                "finished, reject_bytes FROM ferry._ferry_checkpoints WHERE key = $1",
                sql(collection));
            if (!r.empty()) {
                const pqxx::row row = r[0];
                c.runId = QString::fromStdString(row[0].as<std::string>(std::string()));
                c.position =
                    QByteArray::fromHex(QByteArray::fromStdString(row[1].as<std::string>("")));
                c.read = row[2].as<qint64>(0);
                c.written = row[3].as<qint64>(0);
                c.skippedExisting = row[4].as<qint64>(0);
                c.rejected = row[5].as<qint64>(0);
                c.finished = row[6].as<bool>(false);
                c.rejectBytes = row[7].as<qint64>(-1);
                found = true;
            }
        }
        if (!tx.exec1("SELECT to_regclass('ferry._ferry_batches') IS NOT NULL")[0].as<bool>()) {
            if (found)
                out = c;
            return;
        }
        const pqxx::result batches = tx.exec_params(
            "SELECT first_doc, docs, encode(position, 'hex'), written, skipped, rejected, run_id "
            "FROM ferry._ferry_batches WHERE key = $1",
            sql(collection));
        std::vector<BatchMark> marks;
        for (const pqxx::row &row : batches) {
            BatchMark m;
            m.firstDoc = row[0].as<qint64>();
            m.docs = row[1].as<qint64>();
            m.position = QByteArray::fromHex(QByteArray::fromStdString(row[2].as<std::string>("")));
            m.written = row[3].as<qint64>(0);
            m.skippedExisting = row[4].as<qint64>(0);
            m.rejected = row[5].as<qint64>(0);
            if (!found && c.runId.isEmpty())
                c.runId = QString::fromStdString(row[6].as<std::string>(std::string()));
            marks.push_back(std::move(m));
        }
        if (!found && marks.empty())
            return;
        foldBatchMarks(c, std::move(marks));
        out = c;
    });
    if (!st)
        return st.error();
    return out;
}

Status PostgresSink::clearCheckpoint(const QString &collection)
{
    return m_d->transact(m_dryRun, [&](pqxx::transaction_base &tx) {
        if (tx.exec1("SELECT to_regclass('ferry._ferry_checkpoints') IS NOT NULL")[0].as<bool>())
            tx.exec_params("DELETE FROM ferry._ferry_checkpoints WHERE key = $1", sql(collection));
        if (tx.exec1("SELECT to_regclass('ferry._ferry_batches') IS NOT NULL")[0].as<bool>())
            tx.exec_params("DELETE FROM ferry._ferry_batches WHERE key = $1", sql(collection));
    });
}

Result<qint64> PostgresSink::countRows(const QString &table)
{
    qint64 n = 0;
    const Status st = m_d->transact(m_dryRun, [&](pqxx::transaction_base &tx) {
        m_d->context = table;
        n = tx.exec1("SELECT count(*) FROM " + sql(ddlQuote(table)))[0].as<qint64>();
    });
    if (!st)
        return st.error();
    return n;
}

Result<std::vector<QVariantList>> PostgresSink::query(const QString &statement,
                                                      const QVariantList &params)
{
    std::vector<QVariantList> out;
    const Status st = m_d->transact(m_dryRun, [&](pqxx::transaction_base &tx) {
        out.clear();
        const TextParams p(params);
        const pqxx::result r = tx.exec_params(numberedPlaceholders(statement),
                                              pqxx::prepare::make_dynamic_params(p.pointers));
        for (const pqxx::row &row : r) {
            QVariantList values;
            for (const pqxx::field &f : row)
                values << (f.is_null() ? QVariant() : QVariant(QString::fromUtf8(f.c_str())));
            out.push_back(std::move(values));
        }
    });
    if (!st)
        return st.error();
    return out;
}

Status PostgresSink::execute(const QStringList &statements, const QList<QVariantList> &params)
{
    return m_d->transact(m_dryRun, [&](pqxx::transaction_base &tx) {
        for (const QString &s : statements) {
            if (s.startsWith(QLatin1String("CREATE"), Qt::CaseInsensitive)) {
                lockDdl(tx);
                break;
            }
        }
        for (qsizetype i = 0; i < statements.size(); ++i) {
            const TextParams p(i < params.size() ? params[i] : QVariantList());
            tx.exec_params(numberedPlaceholders(statements[i]),
                           pqxx::prepare::make_dynamic_params(p.pointers));
        }
    });
}

Status PostgresSink::probe(const CollectionMapping &mapping, const ProjectOptions &options,
                           const RowBatch &batch)
{
    m_d->probing = true;
    auto r = write(mapping, options, batch, Checkpoint());
    m_d->probing = false;
    return r ? Status() : Status(r.error());
}

Status PostgresSink::addForeignKey(const QString &table, const QString &column,
                                   const QString &refTable, const QString &refColumn)
{
    return m_d->transact(m_dryRun, [&](pqxx::transaction_base &tx) {
        m_d->context = table;
        // Named like PostgreSQL's own default, so a rerun or pg_dump shows the familiar name.
        const QString name = QStringLiteral("%1_%2_fkey").arg(table, column).left(63);
        // A resumed run may meet the key its interrupted attempt added (any other constraint
        // of that name still makes the ALTER fail, and say so).
        const pqxx::row there = tx.exec_params1(
            "SELECT count(*) FROM pg_constraint WHERE conrelid = to_regclass($1) AND conname = $2 "
            "AND contype = 'f' AND confrelid = to_regclass($3)",
            sql(ddlQuote(table)), sql(name), sql(ddlQuote(refTable)));
        if (there[0].as<int>() > 0)
            return;
        tx.exec(sql(QStringLiteral("ALTER TABLE %1 ADD CONSTRAINT %2 FOREIGN KEY (%3) "
                                   "REFERENCES %4 (%5)")
                        .arg(ddlQuote(table), ddlQuote(name), ddlQuote(column), ddlQuote(refTable),
                             ddlQuote(refColumn))));
    });
}

Result<std::unique_ptr<Sink>> PostgresSink::openWriter()
{
    auto writer = std::make_unique<PostgresSink>(m_endpoint);
    writer->m_startedEmpty = m_startedEmpty;
    writer->m_trackedRuns = m_trackedRuns;
    writer->m_partitioned = m_partitioned;
    if (Status s = writer->open(); !s)
        return s.error();
    return std::unique_ptr<Sink>(std::move(writer));
}

namespace {

// One deferred key on a connection of its own; the pending row goes with it, so a key is
// either built and forgotten or still waiting.
Status buildOneKey(const Endpoint &endpoint, const QString &table)
{
    try {
        pqxx::connection conn(sql(endpoint.uri()));
        conn.set_variable("client_min_messages", "warning");
        pqxx::work tx(conn);
        // Sorting the key in memory instead of in temporary files; a session setting.
        tx.exec("SET LOCAL maintenance_work_mem = '256MB'");
        const pqxx::result waiting = tx.exec_params(
            "SELECT statement FROM ferry._ferry_pending_keys WHERE table_name = $1 FOR UPDATE",
            sql(table));
        if (waiting.empty())
            return {}; // built meanwhile by another process
        tx.exec(waiting[0][0].as<std::string>());
        tx.exec_params("DELETE FROM ferry._ferry_pending_keys WHERE table_name = $1", sql(table));
        tx.commit();
        return {};
    } catch (const pqxx::sql_error &e) {
        if (e.sqlstate() == "23505")
            return Error(ErrorCode::Target,
                         trEngine("Cannot add the primary key of table \"%1\": %2. The source "
                                  "holds that key more than once; remove the duplicate (or run "
                                  "with --on-error reject, which rejects duplicates one by one) "
                                  "and run again.")
                             .arg(table, fromPg(e)),
                         table);
        return Error(
            ErrorCode::Target,
            trEngine("Cannot add the primary key of table \"%1\": %2").arg(table, fromPg(e)),
            table);
    } catch (const std::exception &e) {
        return Error(ErrorCode::Connect,
                     trEngine("The connection to PostgreSQL was lost while adding the primary "
                              "key of table \"%1\": %2. Run again with --resume (or run "
                              "`ferry-cli finish`) to add it.")
                         .arg(table, fromPg(e)),
                     table);
    }
}

} // namespace

Status PostgresSink::buildDeferredKeys(const QStringList &tables)
{
    if (m_dryRun)
        return {};
    // A connection of its own: the sink's may have sat idle through a parallel load and
    // lost its server meanwhile.
    QStringList waiting;
    try {
        pqxx::connection conn(sql(m_endpoint.uri()));
        pqxx::nontransaction tx(conn);
        if (tx.exec1("SELECT to_regclass('ferry._ferry_pending_keys') IS NOT NULL")[0].as<bool>()) {
            for (const pqxx::row &row :
                 tx.exec("SELECT table_name FROM ferry._ferry_pending_keys ORDER BY table_name")) {
                const QString t = QString::fromStdString(row[0].as<std::string>());
                if (tables.isEmpty() || tables.contains(t))
                    waiting << t;
            }
        }
    } catch (const std::exception &e) {
        return Error(ErrorCode::Connect,
                     trEngine("The connection to PostgreSQL was lost before adding the primary "
                              "keys: %1. Run again with --resume (or run `ferry-cli finish`) "
                              "to add them.")
                         .arg(fromPg(e)));
    }
    // Each key is one sort on one server backend: several at once use the cores the load
    // kept busy with COPY.
    const size_t threads =
        std::min<size_t>(size_t(waiting.size()), size_t(std::max(2, QThread::idealThreadCount())));
    std::vector<Error> errors(size_t(waiting.size()));
    std::atomic<size_t> nextIndex{0};
    std::vector<std::thread> pool;
    for (size_t i = 0; i < threads; ++i) {
        pool.emplace_back([&] {
            for (size_t k; (k = nextIndex.fetch_add(1)) < size_t(waiting.size());) {
                if (Status s = buildOneKey(m_endpoint, waiting[qsizetype(k)]); !s)
                    errors[k] = s.error();
            }
        });
    }
    for (std::thread &t : pool)
        t.join();
    for (const Error &e : errors) {
        if (e.isError())
            return e;
    }
    return {};
}

} // namespace ferry

#include "stores/sqlite/sqlite_sink.h"
#include "stores/sqlite/sqlite_sink_private.h"

#include "stores/common/ddl.h"
#include "stores/sqlite/sqlite_keys.h"

#include <algorithm>

#include <sqlite3.h>

#include <QAtomicInt>
#include <QFile>
#include <QFileInfo>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlRecord>
#include <QThread>
#include <QVariant>

namespace ferry {

SqliteSink::SqliteSink(Endpoint endpoint) : m_endpoint(std::move(endpoint))
{
    static QAtomicInt counter;
    m_connectionName = QStringLiteral("ferry-sqlite-sink-%1").arg(counter.fetchAndAddRelaxed(1));
}

SqliteSink::~SqliteSink()
{
    m_statements.clear();
    if (m_db.isOpen()) {
        if (m_dryTransactionOpen)
            QSqlQuery(m_db).exec(QStringLiteral("ROLLBACK"));
        // Nothing to report an error to here (a run calls close() first); if it fails, the
        // record stays, on the safe side.
        (void)m_unsynced.close(idle());
        m_db.close();
    }
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_connectionName);
    m_unsynced.release();
    // A dry run leaves no trace, not even the empty file that opening created.
    if (m_dryRun && m_createdFile) {
        const QString path = m_endpoint.path();
        QFile::remove(path);
        QFile::remove(path + QStringLiteral("-journal"));
    }
}

Status SqliteSink::open()
{
    const QString path = m_endpoint.path();
    m_createdFile = !QFileInfo::exists(path);
    if (Status s = m_unsynced.check(path); !s)
        return s;
    m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
    m_db.setDatabaseName(path);
    if (!m_db.open()) {
        return Error(ErrorCode::Io,
                     trEngine("Cannot open the SQLite file %1: %2. Check that its folder exists "
                              "and is writable.")
                         .arg(path, m_db.lastError().text()),
                     path);
    }
    // Each batch commits once; NORMAL keeps that commit from waiting on a full fsync while
    // still never corrupting the file.
    QSqlQuery(m_db).exec(QStringLiteral("PRAGMA synchronous=NORMAL"));
    // A database Ferry starts (a new or empty file) gets 16 KB pages: a quarter of the reads
    // and writes of the default 4 KB for the same rows (system time of the 1M-document load
    // 0.79 s -> 0.57 s). A file that already holds a database keeps its own.
    QSqlQuery pages(m_db);
    const bool fresh = pages.exec(QStringLiteral("PRAGMA page_count")) && pages.next() &&
                       pages.value(0).toLongLong() == 0;
    pages.finish();
    if (fresh)
        pages.exec(QStringLiteral("PRAGMA page_size=16384"));
    // Only a single process loading rows fills unsynced: partitions share the file with other
    // processes, and a dry run, a check or a rollback only look (after another boot, they are
    // refused too).
    return m_unsynced.start(m_db, fresh, m_loads && !m_dryRun && !m_partitioned);
}

Status SqliteSink::close()
{
    return m_unsynced.close(idle());
}

bool SqliteSink::idle()
{
    const QVariant handle = m_db.driver() ? m_db.driver()->handle() : QVariant();
    if (!handle.isValid() || qstrcmp(handle.typeName(), "sqlite3*") != 0)
        return false;
    return sqlite3_get_autocommit(*static_cast<sqlite3 *const *>(handle.data())) != 0;
}

QSqlQuery SqliteSink::run(const QString &statement)
{
    QSqlQuery q(m_db);
    if (!q.exec(statement)) {
        const QString what =
            trEngine("SQLite refused %1: %2")
                .arg(statement.section(QLatin1Char('\n'), 0, 0), q.lastError().text());
        throw SqliteAbort{Error(ErrorCode::Target, what, m_context)};
    }
    return q;
}

Status SqliteSink::transact(const std::function<void()> &body)
{
    if (!m_db.isOpen())
        return Error(ErrorCode::Internal, trEngine("The SQLite target was used before open()."));
    m_context.clear();
    try {
        if (m_dryRun) {
            if (!m_dryTransactionOpen) {
                run(QStringLiteral("BEGIN"));
                m_dryTransactionOpen = true;
            }
            // A savepoint per step, so a failing batch is undone without ending the dry run.
            run(QStringLiteral("SAVEPOINT ferry_step"));
        } else {
            run(QStringLiteral("BEGIN"));
        }
    } catch (const SqliteAbort &a) {
        return a.error;
    }
    try {
        body();
        if (m_probing)
            throw SqliteAbort{Error()}; // a probe always rolls back, success or not
        run(m_dryRun ? QStringLiteral("RELEASE ferry_step") : QStringLiteral("COMMIT"));
        return {};
    } catch (const SqliteAbort &a) {
        QSqlQuery q(m_db);
        if (m_dryRun) {
            q.exec(QStringLiteral("ROLLBACK TO ferry_step"));
            q.exec(QStringLiteral("RELEASE ferry_step"));
        } else {
            q.exec(QStringLiteral("ROLLBACK"));
        }
        return a.error;
    }
}

// A checkpoint table from before Ferry kept the reject file's length gains the column.
void SqliteSink::ensureRejectColumn()
{
    m_context = checkpointTableName();
    if (!run(checkpointRejectColumnQuery(Dialect::Sqlite)).next())
        run(checkpointRejectColumnSql(Dialect::Sqlite));
}

bool SqliteSink::tableExists(const QString &table)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?"));
    q.addBindValue(table);
    return q.exec() && q.next();
}

// One table of prepare(): created (its key left for after the load when `defer`), or checked
// against the mapping. Returns whether it already held rows of its own.
bool SqliteSink::prepareTable(const TableMapping &t, bool defer, bool buildPending,
                              const QStringList &pending, PrepareOutcome &out, bool &isPending)
{
    m_context = t.table;
    isPending = false;
    QSqlQuery info = run(QStringLiteral("PRAGMA table_info(%1)").arg(ddlQuote(t.table)));
    std::vector<ExistingColumn> found;
    while (info.next()) {
        found.push_back(
            {info.value(1).toString(), info.value(2).toString(), info.value(3).toInt() != 0});
    }
    info.finish();
    if (found.empty()) {
        defer = defer && sqliteKeyCanWait(m_db, t);
        const QString ddl = createTableSql(t, Dialect::Sqlite, !defer);
        run(ddl);
        if (defer) {
            if (Status s = recordPendingSqliteKey(m_db, t); !s)
                throw SqliteAbort{s.error()};
            out.keysDeferred = isPending = true;
        }
        out.createdTables << t.table;
        out.ddl << ddl;
        return false;
    }
    const QString problem = incompatibility(t, found, Dialect::Sqlite);
    if (!problem.isEmpty())
        throw SqliteAbort{Error(ErrorCode::Schema, problem, t.table)};
    if (pending.contains(t.table)) {
        if (!buildPending) {
            // A resumed run or a sibling partition: the rows are the load's own.
            out.keysDeferred = isPending = true;
            return false;
        }
        // A new run meets a load that never finished: its key first, so that this run's
        // skip-existing and upsert can rely on it (and a duplicate shows now, not later).
        if (Status s = buildSqliteKey(m_db, t.table); !s)
            throw SqliteAbort{s.error()};
    }
    QSqlQuery any = run(QStringLiteral("SELECT EXISTS (SELECT 1 FROM %1)").arg(ddlQuote(t.table)));
    return any.next() && any.value(0).toInt() != 0;
}

Result<PrepareOutcome> SqliteSink::prepare(const CollectionMapping &mapping,
                                           const ProjectOptions &options, bool resuming)
{
    PrepareOutcome out;
    bool rootPending = false;
    m_statements.erase(mapping.root.table); // tables may be re-created: prepare anew
    // Keys are only needed during the load to skip or reject duplicates one by one; a run
    // that stops at the first error keeps them for the end (a dry run shows the real DDL).
    // The root's key decides for the collection: children of a root keyed during the load
    // are looked up by it (upsert), which needs their keys too.
    const bool defer =
        !m_dryRun && options.onError == ErrorPolicy::Stop && sqliteKeyCanWait(m_db, mapping.root);
    const Status st = transact([&] {
        out = PrepareOutcome();
        rootPending = false;
        run(checkpointTableSql(Dialect::Sqlite));
        ensureRejectColumn();
        auto pending = pendingSqliteKeys(m_db);
        if (!pending)
            throw SqliteAbort{pending.error()};
        QStringList existing;
        for (const TableMapping *t : collectionTables(mapping)) {
            bool isPending = false;
            if (prepareTable(*t, defer, !resuming && !m_partitioned, *pending, out, isPending))
                out.tablesWereEmpty = false;
            if (t == &mapping.root)
                rootPending = isPending;
            if (!out.createdTables.contains(t->table) && !isPending)
                existing << t->table;
        }
        if (options.existingRows == ExistingRows::Truncate && !resuming) {
            for (const QString &t : existing) {
                m_context = t;
                const QString stmt = QStringLiteral("DELETE FROM %1").arg(ddlQuote(t));
                run(stmt);
                out.ddl << stmt;
            }
        }
    });
    if (!st)
        return st.error();
    if (rootPending)
        m_keysPending.insert(mapping.root.table);
    else
        m_keysPending.remove(mapping.root.table);
    return out;
}

Status SqliteSink::buildDeferredKeys(const QStringList &tables)
{
    if (m_dryRun)
        return {};
    m_unsynced.startWriteback();
    // CREATE INDEX is a sort; SQLite's sorter spreads it over helper threads when allowed,
    // and nothing else runs while the keys are built (measured: 1.4 s -> 1.1 s for the
    // benchmark's two keys on 2 cores). The load itself never sorts; the setting goes back after.
    const int helpers = std::clamp(QThread::idealThreadCount(), 1, 4) - 1;
    QSqlQuery threads(m_db);
    const int before = threads.exec(QStringLiteral("PRAGMA threads")) && threads.next()
                           ? threads.value(0).toInt()
                           : 0;
    threads.exec(QStringLiteral("PRAGMA threads = %1").arg(helpers));
    const Status st = transact([&] {
        auto pending = pendingSqliteKeys(m_db, tables);
        if (!pending)
            throw SqliteAbort{pending.error()};
        for (const QString &t : *pending) {
            m_context = t;
            if (Status s = buildSqliteKey(m_db, t); !s)
                throw SqliteAbort{s.error()};
        }
    });
    threads.exec(QStringLiteral("PRAGMA threads = %1").arg(before));
    if (!st)
        return st;
    // The inserts were prepared for keyless tables: the next batch prepares them anew.
    m_statements.clear();
    m_keysPending.clear();
    return {};
}

QSqlQuery SqliteSink::runWith(const QString &statement, const QVariantList &params)
{
    QSqlQuery q(m_db);
    if (!q.prepare(statement)) {
        throw SqliteAbort{Error(
            ErrorCode::Target,
            trEngine("SQLite refused %1: %2").arg(statement, q.lastError().text()), m_context)};
    }
    for (qsizetype i = 0; i < params.size(); ++i)
        q.bindValue(int(i), params[i]);
    if (!q.exec()) {
        throw SqliteAbort{Error(
            ErrorCode::Target,
            trEngine("SQLite refused %1: %2").arg(statement, q.lastError().text()), m_context)};
    }
    return q;
}

Result<std::vector<QVariantList>> SqliteSink::query(const QString &statement,
                                                    const QVariantList &params)
{
    std::vector<QVariantList> out;
    const Status st = transact([&] {
        out.clear();
        QSqlQuery q = runWith(statement, params);
        const int columns = q.record().count();
        while (q.next()) {
            QVariantList row;
            for (int c = 0; c < columns; ++c)
                row << q.value(c);
            out.push_back(std::move(row));
        }
    });
    if (!st)
        return st.error();
    return out;
}

Status SqliteSink::execute(const QStringList &statements, const QList<QVariantList> &params)
{
    return transact([&] {
        for (qsizetype i = 0; i < statements.size(); ++i)
            runWith(statements[i], i < params.size() ? params[i] : QVariantList());
    });
}

Result<std::optional<Checkpoint>> SqliteSink::loadCheckpoint(const QString &collection)
{
    std::optional<Checkpoint> out;
    const Status st = transact([&] {
        out.reset();
        if (!tableExists(checkpointTableName()))
            return;
        ensureRejectColumn();
        QSqlQuery q(m_db);
        q.prepare(QStringLiteral("SELECT run_id, position, read, written, skipped, rejected, "
                                 "finished, reject_bytes FROM _ferry_checkpoints WHERE key = ?"));
        q.addBindValue(collection);
        if (!q.exec())
            throw SqliteAbort{Error(ErrorCode::Target, q.lastError().text(), collection)};
        if (!q.next())
            return;
        Checkpoint c;
        c.runId = q.value(0).toString();
        c.position = q.value(1).toByteArray();
        c.read = q.value(2).toLongLong();
        c.written = q.value(3).toLongLong();
        c.skippedExisting = q.value(4).toLongLong();
        c.rejected = q.value(5).toLongLong();
        c.finished = q.value(6).toInt() != 0;
        c.rejectBytes = q.value(7).isNull() ? -1 : q.value(7).toLongLong();
        out = c;
    });
    if (!st)
        return st.error();
    return out;
}

Status SqliteSink::clearCheckpoint(const QString &collection)
{
    return transact([&] {
        if (!tableExists(checkpointTableName()))
            return;
        QSqlQuery q(m_db);
        q.prepare(QStringLiteral("DELETE FROM _ferry_checkpoints WHERE key = ?"));
        q.addBindValue(collection);
        if (!q.exec())
            throw SqliteAbort{Error(ErrorCode::Target, q.lastError().text(), collection)};
    });
}

Result<qint64> SqliteSink::countRows(const QString &table)
{
    qint64 n = 0;
    const Status st = transact([&] {
        m_context = table;
        QSqlQuery q = run(QStringLiteral("SELECT count(*) FROM %1").arg(ddlQuote(table)));
        if (q.next())
            n = q.value(0).toLongLong();
    });
    if (!st)
        return st.error();
    return n;
}

Status SqliteSink::probe(const CollectionMapping &mapping, const ProjectOptions &options,
                         const RowBatch &batch)
{
    m_probing = true;
    auto r = write(mapping, options, batch, Checkpoint());
    m_probing = false;
    return r ? Status() : Status(r.error());
}

} // namespace ferry

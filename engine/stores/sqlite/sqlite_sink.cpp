#include "stores/sqlite/sqlite_sink.h"

#include "core/cell_text.h"
#include "stores/common/ddl.h"
#include "stores/sqlite/sqlite_keys.h"

#include <QAtomicInt>
#include <QFile>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlRecord>
#include <QVariant>

namespace ferry {

namespace {

// Leaves a transact() body with a ready-made Error; the transaction is rolled back.
struct Abort {
    Error error;
};

QVariant cellValue(const TableRows &rows, size_t r, int col, std::string &scratch)
{
    const Cell &cell = rows.at(r, col);
    switch (cell.kind) {
    case CellKind::Null:
        return QVariant();
    case CellKind::Int:
    case CellKind::Bool:
        return QVariant(qlonglong(cell.i));
    case CellKind::Double:
        return QVariant(cell.d);
    case CellKind::Text:
    case CellKind::Numeric:
    case CellKind::Json: {
        const std::string_view b = rows.bytes(cell);
        return QVariant(QString::fromUtf8(b.data(), qsizetype(b.size())));
    }
    case CellKind::Timestamp:
        scratch.clear();
        appendTimestamp(scratch, cell.i, TimestampStyle::Iso);
        return QVariant(QString::fromLatin1(scratch.data(), qsizetype(scratch.size())));
    case CellKind::Uuid:
        scratch.clear();
        appendUuid(scratch, rows.bytes(cell));
        return QVariant(QString::fromLatin1(scratch.data(), qsizetype(scratch.size())));
    case CellKind::Blob: {
        const std::string_view b = rows.bytes(cell);
        return QVariant(QByteArray(b.data(), qsizetype(b.size())));
    }
    }
    return QVariant();
}

QString placeholders(size_t n)
{
    QString out;
    for (size_t i = 0; i < n; ++i)
        out += i ? QStringLiteral(", ?") : QStringLiteral("?");
    return out;
}

QString keyText(const TableMapping &table, const std::vector<int> &keys, const TableRows &rows,
                size_t r)
{
    QStringList names, values;
    std::string scratch;
    for (int k : keys) {
        names << table.columns[k].column;
        values << cellValue(rows, r, k, scratch).toString();
    }
    return QStringLiteral("(%1) = (%2)")
        .arg(names.join(QStringLiteral(", ")), values.join(QStringLiteral(", ")));
}

} // namespace

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
        m_db.close();
    }
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_connectionName);
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
    return {};
}

QSqlQuery SqliteSink::run(const QString &statement)
{
    QSqlQuery q(m_db);
    if (!q.exec(statement)) {
        const QString what =
            trEngine("SQLite refused %1: %2")
                .arg(statement.section(QLatin1Char('\n'), 0, 0), q.lastError().text());
        throw Abort{Error(ErrorCode::Target, what, m_context)};
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
    } catch (const Abort &a) {
        return a.error;
    }
    try {
        body();
        if (m_probing)
            throw Abort{Error()}; // a probe always rolls back, success or not
        run(m_dryRun ? QStringLiteral("RELEASE ferry_step") : QStringLiteral("COMMIT"));
        return {};
    } catch (const Abort &a) {
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
                throw Abort{s.error()};
            out.keysDeferred = isPending = true;
        }
        out.createdTables << t.table;
        out.ddl << ddl;
        return false;
    }
    const QString problem = incompatibility(t, found, Dialect::Sqlite);
    if (!problem.isEmpty())
        throw Abort{Error(ErrorCode::Schema, problem, t.table)};
    if (pending.contains(t.table)) {
        if (!buildPending) {
            // A resumed run or a sibling partition: the rows are the load's own.
            out.keysDeferred = isPending = true;
            return false;
        }
        // A new run meets a load that never finished: its key first, so that this run's
        // skip-existing and upsert can rely on it (and a duplicate shows now, not later).
        if (Status s = buildSqliteKey(m_db, t.table); !s)
            throw Abort{s.error()};
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
            throw Abort{pending.error()};
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
    const Status st = transact([&] {
        auto pending = pendingSqliteKeys(m_db, tables);
        if (!pending)
            throw Abort{pending.error()};
        for (const QString &t : *pending) {
            m_context = t;
            if (Status s = buildSqliteKey(m_db, t); !s)
                throw Abort{s.error()};
        }
    });
    if (!st)
        return st;
    // The inserts were prepared for keyless tables: the next batch prepares them anew.
    m_statements.clear();
    m_keysPending.clear();
    return {};
}

SqliteSink::Statements &SqliteSink::statementsFor(const CollectionMapping &mapping,
                                                  ExistingRows mode)
{
    const bool plain = m_keysPending.contains(mapping.root.table);
    auto it = m_statements.find(mapping.root.table);
    if (it != m_statements.end() && it->second->mode == mode && it->second->plain == plain)
        return *it->second;
    auto s = std::make_unique<Statements>();
    s->mode = mode;
    s->plain = plain;
    const std::vector<int> rootKeys = rootKeyColumns(mapping.root);
    const std::vector<const TableMapping *> tables = collectionTables(mapping);
    for (size_t i = 0; i < tables.size(); ++i) {
        const TableMapping &t = *tables[i];
        m_context = t.table;
        QString stmt =
            QStringLiteral("INSERT INTO %1 (%2) VALUES (%3)")
                .arg(ddlQuote(t.table), ddlColumnList(t), placeholders(t.columns.size()));
        // Tables whose keys wait hold only this run's rows, which the checkpoint never sends
        // twice: a plain INSERT (there is no key yet for ON CONFLICT to name).
        if (i == 0 && !rootKeys.empty() && mode != ExistingRows::Fail && !plain) {
            QStringList keys, set;
            for (size_t c = 0; c < t.columns.size(); ++c) {
                const QString q = ddlQuote(t.columns[c].column);
                if (t.columns[c].primaryKey)
                    keys << q;
                else
                    set << QStringLiteral("%1 = excluded.%1").arg(q);
            }
            stmt += QStringLiteral(" ON CONFLICT (%1) DO ").arg(keys.join(QStringLiteral(", ")));
            stmt += mode == ExistingRows::Upsert && !set.isEmpty()
                        ? QStringLiteral("UPDATE SET ") + set.join(QStringLiteral(", "))
                        : QStringLiteral("NOTHING");
        }
        SqliteStatement q;
        if (!q.prepare(m_db, stmt)) {
            throw Abort{Error(ErrorCode::Target,
                              trEngine("SQLite cannot prepare the insert into \"%1\": %2")
                                  .arg(t.table, q.errorText()),
                              t.table)};
        }
        s->inserts.push_back(std::move(q));
        if (i == 0)
            continue;
        const std::vector<int> ck = childRootKeyColumns(t, rootKeys.size());
        s->childKeys.push_back(ck);
        QSqlQuery del(m_db);
        if (mode == ExistingRows::Upsert && !ck.empty() && !plain) {
            QStringList where;
            for (int c : ck)
                where << QStringLiteral("%1 = ?").arg(ddlQuote(t.columns[c].column));
            del.prepare(QStringLiteral("DELETE FROM %1 WHERE %2")
                            .arg(ddlQuote(t.table), where.join(QStringLiteral(" AND "))));
        }
        s->deleteChildren.push_back(std::move(del));
    }
    auto &slot = m_statements[mapping.root.table];
    slot = std::move(s);
    return *slot;
}

// The steps of one write(), inside its transaction: each table's rows through its prepared
// INSERT (children only of documents whose root row went in), the keys rollback needs,
// an upsert's old children, the checkpoint.
struct SqliteSink::BatchWrite {
    SqliteSink &sink;
    const CollectionMapping &mapping;
    const ProjectOptions &options;
    const RowBatch &batch;
    const std::vector<const TableMapping *> &tables;
    const std::vector<int> rootKeys;
    Statements &statements;
    WriteOutcome &out;
    QString trackRun;       // the run whose new root rows rollback tracks, if any
    std::vector<char> keep; // per document: its root row went in
    std::string scratch;

    void insertTable(size_t i);
    // One row of table i; false when an existing root row was skipped.
    bool insertRow(size_t i, size_t r);
    [[noreturn]] void refused(size_t i, size_t r);
    void replaceChildren(size_t r);
    void recordCheckpoint(const Checkpoint &checkpoint);
};

void SqliteSink::BatchWrite::insertTable(size_t i)
{
    const TableRows &rows = batch.tables[i];
    sink.m_context = tables[i]->table;
    for (size_t r = 0; r < rows.rows(); ++r) {
        if (i > 0 && !keep[rows.rowDoc(r)])
            continue;
        if (!insertRow(i, r))
            continue;
        ++out.tableRows[i];
        if (i == 0 && options.existingRows == ExistingRows::Upsert && !statements.plain)
            replaceChildren(r);
    }
}

bool SqliteSink::BatchWrite::insertRow(size_t i, size_t r)
{
    const TableMapping &t = *tables[i];
    const TableRows &rows = batch.tables[i];
    SqliteStatement &insert = statements.inserts[i];
    insert.bindRow(rows, r);
    // An upsert hides whether the row is new: ask before it runs.
    const bool track = i == 0 && !trackRun.isEmpty() && !rootKeys.empty();
    const bool existed = track && options.existingRows == ExistingRows::Upsert &&
                         sink.rootKeyExists(t, rootKeys, rows, r);
    if (!insert.step())
        refused(i, r);
    if (i == 0 && insert.changes() == 0 && options.existingRows != ExistingRows::Upsert) {
        keep[rows.rowDoc(r)] = 0;
        ++out.skippedExisting;
        return false;
    }
    if (track && !existed)
        sink.runWith(QStringLiteral("INSERT INTO _ferry_run_keys (run_id, table_name, key) "
                                    "VALUES (?, ?, ?)"),
                     {trackRun, t.table, rowKeyText(rootKeys, rows, r)});
    return true;
}

void SqliteSink::BatchWrite::refused(size_t i, size_t r)
{
    const TableMapping &t = *tables[i];
    const QString driver = statements.inserts[i].errorText();
    QString what;
    if (driver.contains(QLatin1String("UNIQUE")) && i == 0 && !rootKeys.empty()) {
        what = trEngine("Table \"%1\" already has a row with key %2 (%3). Choose "
                        "existing rows \"skip\", \"upsert\" or \"truncate\" to "
                        "run into a table that holds data.")
                   .arg(t.table, keyText(t, rootKeys, batch.tables[i], r), driver);
    } else {
        what = trEngine("SQLite refused a row of table \"%1\": %2").arg(t.table, driver);
    }
    throw Abort{Error(ErrorCode::Target, what, t.table)};
}

// Upsert replaces the document's child rows instead of appending to them.
void SqliteSink::BatchWrite::replaceChildren(size_t r)
{
    const TableRows &rows = batch.tables[0];
    for (size_t k = 0; k + 1 < tables.size(); ++k) {
        QSqlQuery &del = statements.deleteChildren[k];
        const std::vector<int> &ck = statements.childKeys[k];
        if (ck.empty())
            continue;
        for (size_t j = 0; j < ck.size(); ++j)
            del.bindValue(int(j), cellValue(rows, r, rootKeys[j], scratch));
        if (!del.exec()) {
            throw Abort{Error(ErrorCode::Target,
                              trEngine("SQLite refused to replace the rows of table "
                                       "\"%1\": %2")
                                  .arg(tables[k + 1]->table, del.lastError().text()),
                              tables[k + 1]->table)};
        }
    }
}

void SqliteSink::BatchWrite::recordCheckpoint(const Checkpoint &checkpoint)
{
    sink.m_context = checkpointTableName();
    QSqlQuery cp(sink.m_db);
    cp.prepare(QStringLiteral(
        "INSERT INTO _ferry_checkpoints (key, run_id, position, read, written, skipped, "
        "rejected, finished, updated_at, reject_bytes) VALUES (?, ?, ?, ?, ?, ?, ?, ?, "
        "strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), ?) ON CONFLICT (key) DO UPDATE SET run_id = "
        "excluded.run_id, position = excluded.position, read = excluded.read, written = "
        "excluded.written, skipped = excluded.skipped, rejected = excluded.rejected, "
        "finished = excluded.finished, updated_at = excluded.updated_at, reject_bytes = "
        "excluded.reject_bytes"));
    cp.addBindValue(checkpointKey(mapping, checkpoint));
    cp.addBindValue(checkpoint.runId);
    cp.addBindValue(checkpoint.position.isNull() ? QByteArray("") : checkpoint.position);
    cp.addBindValue(checkpoint.read);
    cp.addBindValue(checkpoint.written + out.written);
    cp.addBindValue(checkpoint.skippedExisting + out.skippedExisting);
    cp.addBindValue(checkpoint.rejected);
    cp.addBindValue(checkpoint.finished ? 1 : 0);
    cp.addBindValue(checkpoint.rejectBytes < 0 ? QVariant() : QVariant(checkpoint.rejectBytes));
    if (!cp.exec()) {
        throw Abort{Error(
            ErrorCode::Target,
            trEngine("SQLite refused to record the checkpoint: %1").arg(cp.lastError().text()),
            mapping.root.table)};
    }
}

Result<WriteOutcome> SqliteSink::write(const CollectionMapping &mapping,
                                       const ProjectOptions &options, const RowBatch &batch,
                                       const Checkpoint &checkpoint)
{
    const std::vector<const TableMapping *> tables = collectionTables(mapping);
    if (Status shape = checkBatchShape(mapping, batch, tables.size()); !shape)
        return shape.error();
    WriteOutcome out;
    const Status st = transact([&] {
        out = WriteOutcome();
        out.tableRows.assign(tables.size(), 0);
        BatchWrite w{*this,
                     mapping,
                     options,
                     batch,
                     tables,
                     rootKeyColumns(mapping.root),
                     statementsFor(mapping, options.existingRows),
                     out,
                     trackingRun(mapping.root.table),
                     std::vector<char>(batchDocumentCount(batch), 1),
                     {}};
        for (size_t i = 0; i < tables.size(); ++i)
            w.insertTable(i);
        out.written = out.tableRows[0];
        w.recordCheckpoint(checkpoint);
    });
    if (!st)
        return st.error();
    return out;
}

QSqlQuery SqliteSink::runWith(const QString &statement, const QVariantList &params)
{
    QSqlQuery q(m_db);
    if (!q.prepare(statement)) {
        throw Abort{Error(ErrorCode::Target,
                          trEngine("SQLite refused %1: %2").arg(statement, q.lastError().text()),
                          m_context)};
    }
    for (qsizetype i = 0; i < params.size(); ++i)
        q.bindValue(int(i), params[i]);
    if (!q.exec()) {
        throw Abort{Error(ErrorCode::Target,
                          trEngine("SQLite refused %1: %2").arg(statement, q.lastError().text()),
                          m_context)};
    }
    return q;
}

bool SqliteSink::rootKeyExists(const TableMapping &root, const std::vector<int> &keys,
                               const TableRows &rows, size_t r)
{
    QStringList where;
    QVariantList values;
    std::string scratch;
    for (int k : keys) {
        where << QStringLiteral("%1 = ?").arg(ddlQuote(root.columns[k].column));
        values << cellValue(rows, r, k, scratch);
    }
    QSqlQuery q = runWith(QStringLiteral("SELECT 1 FROM %1 WHERE %2")
                              .arg(ddlQuote(root.table), where.join(QStringLiteral(" AND "))),
                          values);
    return q.next();
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
            throw Abort{Error(ErrorCode::Target, q.lastError().text(), collection)};
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
            throw Abort{Error(ErrorCode::Target, q.lastError().text(), collection)};
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

// One write() into an SQLite target: the prepared statements per collection, and the steps
// of a batch inside its transaction (rows, skipped keys, the keys rollback needs, the
// checkpoint).
#include "stores/sqlite/sqlite_sink.h"
#include "stores/sqlite/sqlite_sink_private.h"

#include "core/cell_text.h"
#include "stores/common/ddl.h"

#include <QSqlError>
#include <QVariant>

namespace ferry {

namespace {

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

// A table the run fills while its key waits takes plain INSERTs: several rows per
// statement cost SQLite a third less than one row per step (the per-statement work of the
// virtual machine is paid once per chunk). Without that statement, rows go one by one.
void SqliteSink::prepareBulkInsert(Statements &s, const TableMapping &t)
{
    const int columns = int(t.columns.size());
    // 999 was SQLite's parameter limit before 3.32; staying under it works everywhere.
    const int rows = s.plain && columns > 0 ? std::min(64, 999 / columns) : 0;
    SqliteStatement bulk;
    if (rows > 1) {
        QStringList tuples;
        const QString one = QStringLiteral("(%1)").arg(placeholders(t.columns.size()));
        for (int r = 0; r < rows; ++r)
            tuples << one;
        if (!bulk.prepare(m_db, QStringLiteral("INSERT INTO %1 (%2) VALUES %3")
                                    .arg(ddlQuote(t.table), ddlColumnList(t),
                                         tuples.join(QStringLiteral(", ")))))
            bulk = SqliteStatement();
    }
    s.bulkRows.push_back(bulk.isPrepared() ? rows : 0);
    s.bulkInserts.push_back(std::move(bulk));
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
            throw SqliteAbort{Error(ErrorCode::Target,
                                    trEngine("SQLite cannot prepare the insert into \"%1\": %2")
                                        .arg(t.table, q.errorText()),
                                    t.table)};
        }
        s->inserts.push_back(std::move(q));
        prepareBulkInsert(*s, t);
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
    void insertChunks(size_t i); // plain inserts, many rows per statement
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
    if (statements.plain && trackRun.isEmpty() && statements.bulkRows[i] > 1) {
        insertChunks(i);
        return;
    }
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

void SqliteSink::BatchWrite::insertChunks(size_t i)
{
    const TableRows &rows = batch.tables[i];
    SqliteStatement &bulk = statements.bulkInserts[i];
    const size_t per = size_t(statements.bulkRows[i]);
    std::vector<size_t> chunk;
    chunk.reserve(per);
    const auto oneByOne = [&] {
        for (size_t r : chunk)
            if (insertRow(i, r)) // a refused row throws with its own message
                ++out.tableRows[i];
        chunk.clear();
    };
    for (size_t r = 0; r < rows.rows(); ++r) {
        if (i > 0 && !keep[rows.rowDoc(r)])
            continue;
        chunk.push_back(r);
        if (chunk.size() < per)
            continue;
        for (size_t j = 0; j < per; ++j)
            bulk.bindRow(rows, chunk[j], int(j * size_t(rows.columns())) + 1);
        // A chunk refused by a constraint changed nothing (SQLite backs the statement out);
        // its rows then go one by one, so the message names the row at fault. Any other
        // failure (disk full, I/O) may have ended the whole transaction: it fails the batch
        // with SQLite's reason, as a single row would.
        if (!bulk.step()) {
            if (!bulk.failedOnConstraintOnly())
                throw SqliteAbort{Error(ErrorCode::Target,
                                        trEngine("SQLite refused rows of table \"%1\": %2")
                                            .arg(tables[i]->table, bulk.errorText()),
                                        tables[i]->table)};
            oneByOne();
            continue;
        }
        out.tableRows[i] += qint64(per);
        chunk.clear();
    }
    oneByOne(); // the rest, fewer than a chunk
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
    throw SqliteAbort{Error(ErrorCode::Target, what, t.table)};
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
            throw SqliteAbort{Error(ErrorCode::Target,
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
        throw SqliteAbort{Error(
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

} // namespace ferry

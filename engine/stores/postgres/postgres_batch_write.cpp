#include "stores/postgres/postgres_sink_private.h"

namespace ferry {

void PostgresSink::BatchWrite::direct()
{
    for (size_t i = 0; i < tables.size(); ++i) {
        d.context = tables[i]->table;
        d.copyRows(tx, sql(ddlQuote(tables[i]->table)), *tables[i], batch.tables[i], nullptr,
                   false);
        out.tableRows[i] = static_cast<qint64>(batch.tables[i].rows());
    }
    out.written = out.tableRows[0];
    newDocs.assign(batchDocumentCount(batch), 1); // direct: the table held none of these keys
}

void PostgresSink::BatchWrite::staged()
{
    const TableMapping &root = mapping.root;
    d.context = root.table;
    const std::string stage = stageName(root.table);
    const std::string target = sql(ddlQuote(root.table));
    tx.exec("CREATE TEMP TABLE IF NOT EXISTS " + stage + " AS SELECT " + sql(ddlColumnList(root)) +
            ", 0::integer AS _ferry_doc FROM " + target + " WITH NO DATA");
    tx.exec("TRUNCATE " + stage);
    d.copyRows(tx, stage, root, batch.tables[0], nullptr, true);
    if (options.existingRows == ExistingRows::Upsert) {
        if (!run.isEmpty())
            findNewDocs(stage, target);
        upsert(stage, target);
        out.tableRows[0] = out.written;
        copyChildren(nullptr);
        return;
    }
    const std::vector<char> keep = insertNew(stage, target);
    newDocs = keep;
    out.tableRows[0] = out.written;
    copyChildren(&keep);
}

void PostgresSink::BatchWrite::findNewDocs(const std::string &stage, const std::string &target)
{
    std::string on;
    for (int k : rootKeys) {
        const std::string q = sql(ddlQuote(mapping.root.columns[k].column));
        on += std::string(on.empty() ? "" : " AND ") + "t." + q + " = s." + q;
    }
    const pqxx::result fresh =
        tx.exec("SELECT s._ferry_doc FROM " + stage + " s WHERE NOT EXISTS (SELECT 1 FROM " +
                target + " t WHERE " + on + ")");
    newDocs.assign(batchDocumentCount(batch), 0);
    for (const pqxx::row &row : fresh) {
        const auto doc = row[0].as<int64_t>();
        if (doc >= 0 && static_cast<size_t>(doc) < newDocs.size())
            newDocs[doc] = 1;
    }
}

void PostgresSink::BatchWrite::upsert(const std::string &stage, const std::string &target)
{
    const TableMapping &root = mapping.root;
    const std::string cols = sql(ddlColumnList(root));
    const std::string keys = sql(keyColumnList(root, rootKeys));
    std::string set;
    for (size_t c = 0; c < root.columns.size(); ++c) {
        if (root.columns[c].primaryKey)
            continue;
        const std::string q = sql(ddlQuote(root.columns[c].column));
        set += (set.empty() ? "" : ", ") + q + " = EXCLUDED." + q;
    }
    tx.exec("INSERT INTO " + target + " (" + cols + ") SELECT " + cols + " FROM " + stage +
            " ON CONFLICT (" + keys + ") DO " + (set.empty() ? "NOTHING" : "UPDATE SET " + set));
    out.written = static_cast<qint64>(batch.tables[0].rows());
    // Children are replaced, not appended: drop what the old version had.
    for (size_t i = 1; i < tables.size(); ++i) {
        const std::vector<int> ck = childRootKeyColumns(*tables[i], rootKeys.size());
        if (ck.empty())
            continue;
        d.context = tables[i]->table;
        tx.exec("DELETE FROM " + sql(ddlQuote(tables[i]->table)) + " WHERE (" +
                sql(keyColumnList(*tables[i], ck)) + ") IN (SELECT " + keys + " FROM " + stage +
                ")");
    }
}

std::vector<char> PostgresSink::BatchWrite::insertNew(const std::string &stage,
                                                      const std::string &target)
{
    const std::string cols = sql(ddlColumnList(mapping.root));
    const std::string keys = sql(keyColumnList(mapping.root, rootKeys));
    const pqxx::result inserted =
        tx.exec("WITH ins AS (INSERT INTO " + target + " (" + cols + ") SELECT " + cols + " FROM " +
                stage + " ON CONFLICT (" + keys + ") DO NOTHING RETURNING " + keys +
                ") SELECT s._ferry_doc FROM " + stage + " s JOIN ins USING (" + keys + ")");
    std::vector<char> keep(batchDocumentCount(batch), 0);
    for (const pqxx::row &row : inserted) {
        const auto doc = row[0].as<int64_t>();
        if (doc >= 0 && static_cast<size_t>(doc) < keep.size())
            keep[doc] = 1;
    }
    out.written = static_cast<qint64>(inserted.size());
    out.skippedExisting = static_cast<qint64>(batch.tables[0].rows()) - out.written;
    return keep;
}

void PostgresSink::BatchWrite::copyChildren(const std::vector<char> *keep)
{
    for (size_t i = 1; i < tables.size(); ++i) {
        d.context = tables[i]->table;
        const TableRows &rows = batch.tables[i];
        d.copyRows(tx, sql(ddlQuote(tables[i]->table)), *tables[i], rows, keep, false);
        qint64 n = 0;
        for (size_t r = 0; r < rows.rows(); ++r)
            n += !keep || (*keep)[rows.rowDoc(r)];
        out.tableRows[i] = n;
    }
}

void PostgresSink::BatchWrite::recordNewKeys()
{
    const TableRows &rootRows = batch.tables[0];
    QStringList added;
    for (size_t r = 0; r < rootRows.rows(); ++r) {
        if (rootRows.rowDoc(r) < newDocs.size() && newDocs[rootRows.rowDoc(r)])
            added << rowKeyText(rootKeys, rootRows, r);
    }
    d.context = mapping.root.table;
    if (!added.isEmpty())
        tx.exec_params("INSERT INTO ferry._ferry_run_keys (run_id, table_name, key) SELECT $1, "
                       "$2, unnest($3::text[])",
                       sql(run), sql(mapping.root.table), textArrayLiteral(added));
}

void PostgresSink::BatchWrite::recordCheckpoint(const Checkpoint &checkpoint)
{
    d.context = checkpointTableName();
    const std::string key = sql(checkpointKey(mapping, checkpoint));
    const std::string position = "\\x" + checkpoint.position.toHex().toStdString();
    if (checkpoint.batchFirstDoc >= 0) {
        // One of several writers: its own row, since batches commit out of order.
        tx.exec_params("INSERT INTO ferry._ferry_batches (key, first_doc, docs, run_id, position, "
                       "written, skipped, rejected) VALUES ($1, $2, $3, $4, $5::bytea, $6, $7, "
                       "$8)",
                       key, checkpoint.batchFirstDoc, checkpoint.read, sql(checkpoint.runId),
                       position, checkpoint.written + out.written,
                       checkpoint.skippedExisting + out.skippedExisting, checkpoint.rejected);
        return;
    }
    tx.exec_params(
        "INSERT INTO ferry._ferry_checkpoints (key, run_id, position, read, written, skipped, "
        "rejected, finished, updated_at, reject_bytes) VALUES ($1, $2, $3::bytea, $4, $5, $6, "
        "$7, $8, now(), NULLIF($9::bigint, -1)) ON CONFLICT (key) DO UPDATE SET run_id = "
        "EXCLUDED.run_id, position = EXCLUDED.position, read = EXCLUDED.read, written = "
        "EXCLUDED.written, skipped = EXCLUDED.skipped, rejected = EXCLUDED.rejected, finished = "
        "EXCLUDED.finished, updated_at = EXCLUDED.updated_at, reject_bytes = "
        "EXCLUDED.reject_bytes",
        key, sql(checkpoint.runId), position, checkpoint.read, checkpoint.written + out.written,
        checkpoint.skippedExisting + out.skippedExisting, checkpoint.rejected, checkpoint.finished,
        checkpoint.rejectBytes);
    // The collection's row now counts every batch row (the mover folded them in).
    if (checkpoint.finished)
        tx.exec_params("DELETE FROM ferry._ferry_batches WHERE key = $1", key);
}

} // namespace ferry

// The COPY half of PostgresSink::Private: rows of one table into the server, in binary
// format where that is exact, in text format otherwise.

#include "stores/postgres/postgres_sink_private.h"

#include <pqxx/tablewriter>

namespace ferry {

namespace {

// Several rows go into one write call: the COPY stream does not care where messages split,
// and one call per row costs a string copy per row.
constexpr size_t kChunk = 256 * 1024;

} // namespace

bool PostgresSink::copiesInBinary(const QString &table) const
{
    const auto it = m_d->binaryPlans.find(sql(table));
    return it != m_d->binaryPlans.end() && !it->second.empty();
}

void PostgresSink::Private::copyRows(pqxx::transaction_base &tx, const std::string &target,
                                     const TableMapping &table, const TableRows &rows,
                                     const std::vector<char> *keepDocs, bool withDocColumn)
{
    if (!textOnly) {
        if (const std::vector<BinaryColumn> *plan = binaryPlan(tx, table)) {
            binaryUsed = true;
            if (copyBinary(tx, target, table, *plan, rows, keepDocs, withDocColumn))
                return;
            // A value the server must parse itself: this table goes as text from now on, and
            // write() sends this batch again as text.
            binaryPlans[sql(table.table)].clear();
            throw Abort{
                Error(ErrorCode::Internal,
                      trEngine("A value of table \"%1\" has no binary COPY form.").arg(table.table),
                      table.table)};
        }
    }
    copyText(tx, target, table, rows, keepDocs, withDocColumn);
}

const std::vector<BinaryColumn> *PostgresSink::Private::binaryPlan(pqxx::transaction_base &tx,
                                                                   const TableMapping &table)
{
    const std::string key = sql(table.table);
    auto it = binaryPlans.find(key);
    if (it == binaryPlans.end()) {
        const pqxx::result cols =
            tx.exec_params("SELECT a.attname, a.atttypid::bigint FROM pg_attribute a WHERE "
                           "a.attrelid = to_regclass($1) AND a.attnum > 0 AND NOT a.attisdropped",
                           sql(ddlQuote(table.table)));
        std::vector<BinaryColumn> plan;
        for (const ColumnMapping &c : table.columns) {
            BinaryColumn b = BinaryColumn::None;
            const std::string name = sql(c.column);
            for (const pqxx::row &row : cols) {
                if (row[0].as<std::string>() == name)
                    b = c.pgArray ? BinaryColumn::None
                                  : binaryColumnFor(static_cast<uint32_t>(row[1].as<int64_t>()));
            }
            if (b == BinaryColumn::Timestamp && !conn->integerDatetimes())
                b = BinaryColumn::None;
            if (b == BinaryColumn::None) {
                plan.clear();
                break;
            }
            plan.push_back(b);
        }
        it = binaryPlans.emplace(key, std::move(plan)).first;
    }
    return it->second.empty() ? nullptr : &it->second;
}

bool PostgresSink::Private::copyBinary(pqxx::transaction_base &tx, const std::string &target,
                                       const TableMapping &table,
                                       const std::vector<BinaryColumn> &plan, const TableRows &rows,
                                       const std::vector<char> *keepDocs, bool withDocColumn)
{
    std::string statement = "COPY " + target + " (" + sql(ddlColumnList(table));
    if (withDocColumn)
        statement += ", _ferry_doc";
    statement += ") FROM STDIN (FORMAT binary)";
    BinaryCopyEncoder encoder(table, plan);
    RawCopyWriter writer(tx, *conn, statement);
    CopyBytes &out = binaryBuffer;
    out.clear();
    BinaryCopyEncoder::appendHeader(out);
    for (size_t r = 0; r < rows.rows(); ++r) {
        if (keepDocs && !(*keepDocs)[rows.rowDoc(r)])
            continue;
        const std::optional<uint32_t> doc =
            withDocColumn ? std::optional<uint32_t>(rows.rowDoc(r)) : std::nullopt;
        if (!encoder.appendRow(out, rows, r, doc))
            return false; // the writer's destructor abandons the COPY
        if (out.size() >= kChunk) {
            writer.write(out.view());
            out.clear();
        }
    }
    BinaryCopyEncoder::appendTrailer(out);
    writer.write(out.view());
    writer.complete();
    return true;
}

void PostgresSink::Private::copyText(pqxx::transaction_base &tx, const std::string &target,
                                     const TableMapping &table, const TableRows &rows,
                                     const std::vector<char> *keepDocs, bool withDocColumn)
{
    std::vector<std::string> columns;
    for (const ColumnMapping &c : table.columns)
        columns.push_back(sql(ddlQuote(c.column)));
    if (withDocColumn)
        columns.emplace_back("_ferry_doc");
    CopyEncoder encoder(table);
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
    pqxx::tablewriter writer(tx, target, columns.begin(), columns.end());
#pragma GCC diagnostic pop
    buffer.clear();
    size_t pending = 0;
    for (size_t r = 0; r < rows.rows(); ++r) {
        if (keepDocs && !(*keepDocs)[rows.rowDoc(r)])
            continue;
        if (pending)
            buffer += '\n';
        encoder.appendRow(buffer, rows, r);
        if (withDocColumn) {
            buffer += '\t';
            buffer += std::to_string(rows.rowDoc(r));
        }
        ++pending;
        if (buffer.size() >= kChunk) {
            writer.write_raw_line(buffer);
            buffer.clear();
            pending = 0;
        }
    }
    if (pending)
        writer.write_raw_line(buffer);
    writer.complete();
}

} // namespace ferry

#include "stores/postgres/postgres_source.h"

#include "core/generated_key.h"
#include "stores/common/sql_bson_values.h"
#include "stores/common/sql_key_slice.h"
#include "stores/common/sql_table_plan.h"
#include "stores/postgres/postgres_catalog.h"
#include "stores/postgres/postgres_field_bson.h"

#include <pqxx/pqxx>

#include <cstdio>
#include <cstdlib>
#include <optional>

namespace ferry {

namespace {

QString pgMessage(const std::exception &e)
{
    // The first line is the message; DETAIL/HINT lines follow and the query may be echoed.
    QString m = QString::fromUtf8(e.what()).trimmed();
    m = m.section(QLatin1Char('\n'), 0, 0);
    if (m.startsWith(QLatin1String("ERROR:")))
        m = m.mid(6).trimmed();
    return redactSecrets(m);
}

Error connectError(const Endpoint &endpoint, const std::exception &e)
{
    const QString m = pgMessage(e);
    if (m.contains(QLatin1String("does not exist")))
        return Error(ErrorCode::NotFound, trEngine("PostgreSQL at %1: %2 Check the database name.")
                                              .arg(endpoint.redacted(), plainSentence(m)));
    if (m.contains(QLatin1String("authentication")) || m.contains(QLatin1String("password")))
        return Error(ErrorCode::Auth, trEngine("PostgreSQL at %1 refused the login: %2")
                                          .arg(endpoint.redacted(), plainSentence(m)));
    return Error(ErrorCode::Connect,
                 trEngine("Cannot connect to PostgreSQL at %1: %2 Check that the server runs "
                          "and the host and port are right.")
                     .arg(endpoint.redacted(), plainSentence(m)));
}

Result<std::unique_ptr<pqxx::connection>> connectTo(const Endpoint &endpoint)
{
    try {
        auto c = std::make_unique<pqxx::connection>(endpoint.uri().toStdString());
        // Text values in the forms the converters below parse.
        pqxx::nontransaction tx(*c);
        tx.exec("SET TimeZone = 'UTC'; SET DateStyle = 'ISO, YMD'; SET bytea_output = 'hex'; "
                "SET extra_float_digits = 3");
        tx.commit();
        return c;
    } catch (const std::exception &e) {
        return connectError(endpoint, e);
    }
}

// A keyless row's place in its table, "(block,item)", as one number: the position its
// generated _id is derived from, the same on every read of an unchanged table.
qint64 ctidPosition(const char *ctid)
{
    qint64 block = 0, item = 0;
    if (std::sscanf(ctid, "(%lld,%lld)", &block, &item) != 2)
        return -1;
    return (block << 16) | item; // at most 291 items fit an 8 kB page
}

// The generated _id of a keyless row. Where ctids repeat across the table's parts (a
// partitioned table), the part's oid (tableoid, never 0) goes in as the ordinal; an ordinary
// table keeps ordinal 0, the form its _ids always had, so targets filled by earlier runs
// still match on a re-run, --resume, validation or rollback. An inheritance parent, read
// with ONLY, has unique ctids and so ordinal 0 too: its _ids are those of releases before
// the tableoid form, while the runs that gave it tableoid _ids had copied its children's
// rows into it as well, a target to fill again.
void appendGeneratedId(const SqlTablePlan &p, const pqxx::row &row, bson_t *doc)
{
    const int at = int(p.columnCount());
    const bool parts = p.rowIdColumns.size() > 1;
    const qint64 part = parts ? row[at].as<qint64>() : 0;
    bson_oid_t oid;
    generatedObjectId(p.info.name.toUtf8(), ctidPosition(row[at + (parts ? 1 : 0)].c_str()), part,
                      &oid);
    BSON_APPEND_OID(doc, "_id", &oid);
}

// The document of one row; `key` receives the key values as the server's text.
void rowToDocument(const SqlTablePlan &p, const pqxx::row &row, bson_t *doc, QVariantList *key)
{
    bson_init(doc);
    if (p.generateId)
        appendGeneratedId(p, row, doc);
    buildRowDocument(
        p, doc, key,
        [&row](bson_t *out, const char *field, int i) {
            appendPgField(out, field, row[i], row[i].type());
        },
        [&row](int i) {
            return QVariant(QString::fromUtf8(row[i].c_str(), qsizetype(row[i].size())));
        },
        [&row, &p](int k) {
            return QVariant(QString::fromUtf8(row[int(p.columnCount()) + k].c_str()));
        });
}

Result<SqlTablePlan> findTable(pqxx::transaction_base &tx, const QString &table, bool keepNames)
{
    auto catalog = readPostgresCatalog(tx, false);
    if (!catalog)
        return catalog.error();
    // Rows of a table with parts are told apart, ordered and resumed by (tableoid, ctid).
    return findSqlTable(
        *catalog, table, Dialect::Postgres, keepNames, QStringLiteral("ctid"),
        trEngine("The PostgreSQL database has no table \"%1\" (in its current schema).").arg(table),
        QStringLiteral("tableoid"));
}

Status checkFilter(pqxx::connection &c, const TableInfo &info, const QString &filter)
{
    const QString &table = info.name;
    if (filter.trimmed().isEmpty())
        return {};
    if (Status s = checkFilterText(table, filter); !s)
        return s;
    try {
        pqxx::read_transaction tx(c);
        tx.exec("EXPLAIN SELECT 1 FROM " + sqlTableRelation(info).toStdString() + " WHERE (" +
                filter.toStdString() + ")");
    } catch (const pqxx::broken_connection &) {
        throw;
    } catch (const std::exception &e) {
        return Error(ErrorCode::Usage,
                     trEngine("The filter for table \"%1\" is not a valid PostgreSQL condition: %2")
                         .arg(table, pgMessage(e)),
                     table);
    }
    return {};
}

// The table's read plan with `filter` checked against it; the catalog read ends before the
// caller's own transaction starts.
Result<SqlTablePlan> checkedPlan(pqxx::connection &c, const QString &table, const QString &filter,
                                 bool keepNames)
{
    std::optional<SqlTablePlan> plan;
    {
        pqxx::read_transaction tx(c);
        auto found = findTable(tx, table, keepNames);
        if (!found)
            return found.error();
        plan = std::move(*found);
    }
    if (Status s = checkFilter(c, plan->info, filter); !s)
        return s.error();
    return std::move(*plan);
}

// SELECT count(*) of the rows a read with `filter` gives.
std::string countSql(const TableInfo &info, const QString &filter)
{
    std::string sql = "SELECT count(*) FROM " + sqlTableRelation(info).toStdString();
    if (!filter.trimmed().isEmpty())
        sql += " WHERE (" + filter.toStdString() + ")";
    return sql;
}

// What keeps a read to its rows: the WHERE clause with its bound values (resume position
// and slice boundaries as the server's text, which it casts to the key columns' types), and
// how many rows it should give (-1: not counted).
struct ReadConditions {
    std::string where;
    std::vector<std::string> params;
    qint64 total = -1;
    bool sliced = false; // a partition's read, whose positions carry its range
    SqlKeyRange range;
};

// The key (as the server's text) of the row at `offset` in the reader's order.
Result<std::optional<QVariantList>> keyAt(pqxx::transaction_base &tx, const SqlTablePlan &plan,
                                          const QString &filter, qint64 offset)
{
    const pqxx::result r = tx.exec(sqlKeyAtQuery(plan, filter, offset).toStdString());
    if (r.empty())
        return std::optional<QVariantList>();
    QVariantList key;
    for (const auto &field : r[0])
        key.append(QString::fromUtf8(field.c_str(), qsizetype(field.size())));
    return std::optional<QVariantList>(std::move(key));
}

Result<ReadConditions> readConditions(pqxx::transaction_base &tx, const SqlTablePlan &plan,
                                      const ReadOptions &options)
{
    const QString &table = plan.info.name;
    QStringList where;
    QVariantList values;
    const bool filtered = !options.filter.trimmed().isEmpty();
    if (filtered)
        where.append(QLatin1Char('(') + options.filter + QLatin1Char(')'));
    if (!options.keyColumn.isEmpty()) {
        // Quoted literals: the server casts them to the column's type.
        QStringList list;
        for (const QVariant &v : options.keyValues)
            list.append(QString::fromStdString(tx.quote(v.toString().toStdString())));
        where.append(
            QStringLiteral("%1 IN (%2)")
                .arg(QString::fromStdString(tx.quote_name(options.keyColumn.toStdString())),
                     list.isEmpty() ? QStringLiteral("NULL") : list.join(u", ")));
    }
    auto start = sqlReadStart(options, plan.keyCount(), table);
    if (!start)
        return start.error();
    if (start->after) {
        where.append(sqlKeyComparison(plan, ">", int(start->after->size()), Dialect::Postgres,
                                      int(values.size()) + 1));
        values.append(*start->after);
    }
    ReadConditions out;
    out.sliced = start->sliced;
    const std::string count = countSql(plan.info, options.filter);
    if (start->sliced) {
        auto range = start->range
                         ? Result<SqlKeyRange>(*start->range)
                         : cutSqlKeyRange(tx.exec1(count)[0].as<qint64>(), options.partition,
                                          options.partitions, [&](qint64 offset) {
                                              return keyAt(tx, plan, options.filter, offset);
                                          });
        if (!range)
            return range.error();
        appendSqlRangeConditions(plan, *range, Dialect::Postgres, &where, &values);
        out.total = range->rows;
        out.range = *range;
    } else if (!filtered && options.keyColumn.isEmpty()) {
        out.total = tx.exec1(count)[0].as<qint64>();
    }
    if (!where.isEmpty())
        out.where = " WHERE " + where.join(u" AND ").toStdString();
    for (const QVariant &v : std::as_const(values))
        out.params.push_back(v.toString().toStdString());
    return out;
}

class PostgresReader : public DocumentReader {
public:
    PostgresReader(std::unique_ptr<pqxx::connection> c, SqlTablePlan plan, QByteArray start)
        : m_connection(std::move(c)), m_plan(std::move(plan)), m_startPosition(std::move(start))
    {
    }
    ~PostgresReader() override
    {
        try {
            m_pending.clear();
            m_tx.reset(); // aborts: the cursor only read
        } catch (...) {
        }
    }

    Status start(const ReadConditions &read)
    {
        m_total = read.total;
        m_sliced = read.sliced;
        m_range = read.range;
        const std::string &where = read.where;
        const std::vector<std::string> &params = read.params;
        try {
            m_tx = std::make_unique<pqxx::work>(*m_connection);
            m_tx->exec_params("DECLARE ferry_reader NO SCROLL CURSOR FOR " +
                                  m_plan.select.toStdString() + where + " ORDER BY " +
                                  m_plan.orderBy.toStdString(),
                              pqxx::prepare::make_dynamic_params(params));
        } catch (const std::exception &e) {
            return Error(
                ErrorCode::Target,
                trEngine("Cannot read table \"%1\": %2").arg(m_plan.info.name, pgMessage(e)),
                m_plan.info.name);
        }
        return {};
    }

    Result<bool> next(DocBatch &out, int maxDocs, size_t maxBytes) override
    {
        out.clear();
        bson_t doc;
        QVariantList key;
        try {
            while (int(out.size()) < maxDocs && out.bytes() < maxBytes) {
                if (m_row >= m_pending.size()) {
                    if (m_done)
                        break;
                    const int chunk = std::clamp(maxDocs - int(out.size()), 100, 2000);
                    m_pending =
                        m_tx->exec("FETCH FORWARD " + std::to_string(chunk) + " FROM ferry_reader");
                    m_row = 0;
                    if (m_pending.size() < pqxx::result::size_type(chunk))
                        m_done = true;
                    if (m_pending.empty())
                        break;
                }
                rowToDocument(m_plan, m_pending[pqxx::result::size_type(m_row)], &doc, &key);
                ++m_row;
                out.append(&doc);
                if (m_plan.generateId)
                    out.countGeneratedKey();
                bson_destroy(&doc);
                m_lastKey = key;
                ++m_read;
            }
        } catch (const pqxx::broken_connection &e) {
            return Error(ErrorCode::Connect,
                         trEngine("Lost the PostgreSQL connection while "
                                  "reading table \"%1\": %2")
                             .arg(m_plan.info.name, pgMessage(e)),
                         m_plan.info.name);
        } catch (const pqxx::sql_error &e) {
            // A server shutting down or restarting answers the FETCH with an error of class
            // 57P (operator intervention) or 08 (connection exception) before it hangs up:
            // the connection is gone, the table is fine.
            const std::string state = e.sqlstate();
            if (state.rfind("57P", 0) == 0 || state.rfind("08", 0) == 0 || !m_connection->is_open())
                return Error(ErrorCode::Connect,
                             trEngine("Lost the PostgreSQL connection while "
                                      "reading table \"%1\": %2")
                                 .arg(m_plan.info.name, pgMessage(e)),
                             m_plan.info.name);
            return Error(
                ErrorCode::Target,
                trEngine("Reading table \"%1\" failed: %2").arg(m_plan.info.name, pgMessage(e)),
                m_plan.info.name);
        } catch (const std::exception &e) {
            return Error(
                ErrorCode::Target,
                trEngine("Reading table \"%1\" failed: %2").arg(m_plan.info.name, pgMessage(e)),
                m_plan.info.name);
        }
        return !out.empty();
    }

    QByteArray position() const override
    {
        if (m_lastKey.isEmpty())
            return m_startPosition;
        return m_sliced ? encodeSlicePosition(m_lastKey, m_range) : encodeKeyPosition(m_lastKey);
    }
    double progress() const override
    {
        return m_total > 0 ? std::min(1.0, double(m_read) / double(m_total)) : -1;
    }

private:
    std::unique_ptr<pqxx::connection> m_connection;
    std::unique_ptr<pqxx::work> m_tx;
    SqlTablePlan m_plan;
    QByteArray m_startPosition;
    pqxx::result m_pending;
    pqxx::result::size_type m_row = 0;
    bool m_done = false;
    qint64 m_total = -1;
    qint64 m_read = 0;
    QVariantList m_lastKey;
    bool m_sliced = false;
    SqlKeyRange m_range;
};

} // namespace

struct PostgresSource::Connection {
    std::unique_ptr<pqxx::connection> c;
};

PostgresSource::PostgresSource(const Endpoint &endpoint) : m_endpoint(endpoint)
{
}

PostgresSource::~PostgresSource() = default;

Status PostgresSource::open()
{
    auto c = connectTo(m_endpoint);
    if (!c)
        return c.error();
    m_connection = std::make_unique<Connection>();
    m_connection->c = std::move(*c);
    return {};
}

Status PostgresSource::ensureOpen()
{
    // A server that restarted since leaves a connection that still looks open until it is
    // used: one round trip tells, so that a source back from a restart serves the catalog,
    // samples and validation of the rest of the run.
    if (m_connection && m_connection->c->is_open()) {
        try {
            pqxx::nontransaction(*m_connection->c).exec("SELECT 1");
            return {};
        } catch (const std::exception &) {
        }
    }
    return open();
}

Result<QList<CollectionInfo>> PostgresSource::listCollections()
{
    if (Status s = ensureOpen(); !s)
        return s.error();
    try {
        pqxx::read_transaction tx(*m_connection->c);
        auto catalog = readPostgresCatalog(tx, true);
        if (!catalog)
            return catalog.error();
        QList<CollectionInfo> out;
        const QString db = m_endpoint.database();
        for (const TableInfo &t : *catalog)
            out.append({t.name, t.rows, true, db});
        return out;
    } catch (const std::exception &e) {
        return connectError(m_endpoint, e);
    }
}

Result<std::unique_ptr<DocumentReader>> PostgresSource::openReader(const QString &collection,
                                                                   const ReadOptions &options)
{
    auto c = connectTo(m_endpoint);
    if (!c)
        return c.error();
    try {
        auto plan = checkedPlan(**c, collection, options.filter, m_keepColumnNames);
        if (!plan)
            return plan.error();
        Result<ReadConditions> conditions = ReadConditions();
        try {
            // Counted and cut in one snapshot: the boundaries are keys of the rows counted.
            pqxx::transaction<pqxx::repeatable_read, pqxx::read_only> tx(**c);
            conditions = readConditions(tx, *plan, options);
            if (!conditions)
                return conditions.error();
            tx.commit();
        } catch (const pqxx::broken_connection &) {
            throw;
        } catch (const pqxx::sql_error &e) {
            return Error(ErrorCode::Target,
                         trEngine("Cannot read table \"%1\": %2").arg(collection, pgMessage(e)),
                         collection);
        }
        auto reader =
            std::make_unique<PostgresReader>(std::move(*c), std::move(*plan), options.resumeFrom);
        if (Status s = reader->start(*conditions); !s)
            return s.error();
        return std::unique_ptr<DocumentReader>(std::move(reader));
    } catch (const std::exception &e) {
        return connectError(m_endpoint, e);
    }
}

Result<QList<TableInfo>> PostgresSource::tables()
{
    if (Status s = ensureOpen(); !s)
        return s.error();
    try {
        pqxx::read_transaction tx(*m_connection->c);
        return readPostgresCatalog(tx, true);
    } catch (const std::exception &e) {
        return connectError(m_endpoint, e);
    }
}

Result<qint64> PostgresSource::exactCount(const QString &collection, const QString &filter)
{
    // A connection of its own: the source's may be one a restart broke.
    auto c = connectTo(m_endpoint);
    if (!c)
        return c.error();
    try {
        auto plan = checkedPlan(**c, collection, filter, m_keepColumnNames);
        if (!plan)
            return plan.error();
        pqxx::read_transaction tx(**c);
        return qint64(tx.exec1(countSql(plan->info, filter))[0].as<long long>());
    } catch (const pqxx::broken_connection &e) {
        return connectError(m_endpoint, e);
    } catch (const std::exception &e) {
        return Error(
            ErrorCode::Target,
            trEngine("Cannot count the rows of table \"%1\": %2").arg(collection, pgMessage(e)),
            collection);
    }
}

Result<std::vector<BsonDoc>> PostgresSource::sample(const QString &collection, qint64 n,
                                                    const QString &filter)
{
    if (Status s = ensureOpen(); !s)
        return s.error();
    try {
        auto plan = checkedPlan(*m_connection->c, collection, filter, m_keepColumnNames);
        if (!plan)
            return plan.error();
        pqxx::read_transaction tx(*m_connection->c);
        std::string sql = plan->select.toStdString();
        if (!filter.trimmed().isEmpty())
            sql += " WHERE (" + filter.toStdString() + ")";
        // random() spreads the sample over the whole table, not its first pages.
        sql += n >= 0 ? " ORDER BY random() LIMIT " + std::to_string(n)
                      : " ORDER BY " + plan->orderBy.toStdString();
        const pqxx::result rows = tx.exec(sql);
        std::vector<BsonDoc> out;
        out.reserve(rows.size());
        bson_t doc;
        QVariantList key;
        for (const auto &row : rows) {
            rowToDocument(*plan, row, &doc, &key);
            out.emplace_back(&doc);
            bson_destroy(&doc);
        }
        return out;
    } catch (const pqxx::broken_connection &e) {
        return connectError(m_endpoint, e);
    } catch (const std::exception &e) {
        return Error(ErrorCode::Target,
                     trEngine("Cannot sample table \"%1\": %2").arg(collection, pgMessage(e)),
                     collection);
    }
}

} // namespace ferry

#include "endpoints/postgres_source.h"

#include "endpoints/sql_bson_values.h"
#include "endpoints/sql_catalog.h"

#include <pqxx/pqxx>

#include <cstdlib>
#include <optional>

namespace ferry {

namespace {

// Type OIDs from pg_type.dat; stable across server versions.
enum : pqxx::oid {
    OidBool = 16,
    OidBytea = 17,
    OidInt8 = 20,
    OidInt2 = 21,
    OidInt4 = 23,
    OidOid = 26,
    OidJson = 114,
    OidFloat4 = 700,
    OidFloat8 = 701,
    OidDate = 1082,
    OidTimestamp = 1114,
    OidTimestampTz = 1184,
    OidNumeric = 1700,
    OidUuid = 2950,
    OidJsonb = 3802,
};

// Element type of the array types Ferry maps to BSON arrays; 0 for anything else.
pqxx::oid arrayElement(pqxx::oid array)
{
    switch (array) {
    case 1000:
        return OidBool;
    case 1001:
        return OidBytea;
    case 1005:
        return OidInt2;
    case 1007:
        return OidInt4;
    case 1016:
        return OidInt8;
    case 1021:
        return OidFloat4;
    case 1022:
        return OidFloat8;
    case 1231:
        return OidNumeric;
    case 1115:
        return OidTimestamp;
    case 1185:
        return OidTimestampTz;
    case 1182:
        return OidDate;
    case 2951:
        return OidUuid;
    case 199:
        return OidJson;
    case 3807:
        return OidJsonb;
    case 1009:
    case 1015:
    case 1014:
    case 1002:
        return 25; // text, varchar, bpchar, char
    default:
        return 0;
    }
}

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
        return Error(ErrorCode::NotFound,
                     trEngine("PostgreSQL at %1: %2. Check the database name in the URI.")
                         .arg(endpoint.redacted(), m));
    if (m.contains(QLatin1String("authentication")) || m.contains(QLatin1String("password")))
        return Error(
            ErrorCode::Auth,
            trEngine("PostgreSQL at %1 refused the login: %2").arg(endpoint.redacted(), m));
    return Error(ErrorCode::Connect,
                 trEngine("Cannot connect to PostgreSQL at %1: %2. Check that the server runs "
                          "and the host and port are right.")
                     .arg(endpoint.redacted(), m));
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

void appendText(bson_t *doc, const char *key, pqxx::oid type, const char *text, size_t len);

void appendArray(bson_t *doc, const char *key, pqxx::oid element, const pqxx::field &f)
{
    pqxx::array_parser parser = f.as_array();
    // Nested dimensions become nested arrays. PostgreSQL allows at most 6 dimensions; the
    // builders live in place because a child array points into its parent.
    constexpr int MaxDepth = 8;
    bson_t level[MaxDepth];
    uint32_t index[MaxDepth] = {};
    int depth = -1;
    char keyBuf[16];
    const char *itemKey;
    for (auto item = parser.get_next(); item.first != pqxx::array_parser::done;
         item = parser.get_next()) {
        switch (item.first) {
        case pqxx::array_parser::row_start:
            if (depth + 1 >= MaxDepth)
                break;
            if (depth < 0) {
                bson_append_array_begin(doc, key, -1, &level[0]);
            } else {
                bson_uint32_to_string(index[depth]++, &itemKey, keyBuf, sizeof keyBuf);
                bson_append_array_begin(&level[depth], itemKey, -1, &level[depth + 1]);
            }
            index[++depth] = 0;
            break;
        case pqxx::array_parser::row_end:
            if (depth > 0)
                bson_append_array_end(&level[depth - 1], &level[depth]);
            else if (depth == 0)
                bson_append_array_end(doc, &level[0]);
            --depth;
            break;
        case pqxx::array_parser::null_value:
            if (depth < 0)
                break;
            bson_uint32_to_string(index[depth]++, &itemKey, keyBuf, sizeof keyBuf);
            BSON_APPEND_NULL(&level[depth], itemKey);
            break;
        case pqxx::array_parser::string_value:
            if (depth < 0)
                break;
            bson_uint32_to_string(index[depth]++, &itemKey, keyBuf, sizeof keyBuf);
            appendText(&level[depth], itemKey, element, item.second.data(), item.second.size());
            break;
        default:
            break;
        }
    }
}

void appendText(bson_t *doc, const char *key, pqxx::oid type, const char *text, size_t len)
{
    const std::string_view sv(text, len);
    switch (type) {
    case OidBool:
        BSON_APPEND_BOOL(doc, key, len > 0 && (text[0] == 't' || text[0] == 'T'));
        return;
    case OidInt2:
    case OidInt4:
    case OidInt8:
    case OidOid:
        appendSqlInteger(doc, key, std::strtoll(text, nullptr, 10));
        return;
    case OidFloat4:
    case OidFloat8:
        BSON_APPEND_DOUBLE(doc, key, std::strtod(text, nullptr));
        return;
    case OidNumeric:
        appendSqlDecimal(doc, key, sv);
        return;
    case OidDate:
    case OidTimestamp:
    case OidTimestampTz:
        if (const auto ms = parseSqlTimestamp(sv)) {
            BSON_APPEND_DATE_TIME(doc, key, *ms);
            return;
        }
        break; // infinity, BC dates: kept as text rather than guessed
    case OidUuid: {
        uint8_t bytes[16];
        if (parseUuidText(sv, bytes)) {
            bson_append_binary(doc, key, -1, BSON_SUBTYPE_UUID, bytes, 16);
            return;
        }
        break;
    }
    case OidBytea:
        if (len >= 2 && text[0] == '\\' && text[1] == 'x') {
            const QByteArray bytes =
                QByteArray::fromHex(QByteArray::fromRawData(text + 2, qsizetype(len - 2)));
            bson_append_binary(doc, key, -1, BSON_SUBTYPE_BINARY,
                               reinterpret_cast<const uint8_t *>(bytes.constData()),
                               uint32_t(bytes.size()));
            return;
        }
        break;
    case OidJson:
    case OidJsonb:
        if (appendSqlJson(doc, key, sv))
            return;
        break;
    default:
        break;
    }
    bson_append_utf8(doc, key, -1, text, int(len));
}

void appendField(bson_t *doc, const char *key, const pqxx::field &f, pqxx::oid type)
{
    if (f.is_null()) {
        BSON_APPEND_NULL(doc, key);
        return;
    }
    if (const pqxx::oid element = arrayElement(type)) {
        appendArray(doc, key, element, f);
        return;
    }
    appendText(doc, key, type, f.c_str(), f.size());
}

struct TablePlan {
    TableInfo info;
    KeyPlan key;
    std::vector<QByteArray> fields; // BSON key per column
    std::vector<int> keyIndex;      // position in the key, or -1
    std::string select;
    std::string orderBy;

    int keyCount() const { return key.keyColumns.isEmpty() ? 1 : int(key.keyColumns.size()); }
};

TablePlan planTable(const TableInfo &info, pqxx::transaction_base &tx)
{
    TablePlan p;
    p.info = info;
    p.key = keyPlanFor(info, Dialect::Postgres);
    std::string list;
    for (const ColumnInfo &c : info.columns) {
        const int k = int(p.key.keyColumns.indexOf(c.name));
        p.keyIndex.push_back(k);
        p.fields.push_back(p.key.id == KeyPlan::Id::Single && k == 0 ? QByteArrayLiteral("_id")
                                                                     : c.name.toUtf8());
        if (!list.empty())
            list += ", ";
        list += tx.quote_name(c.name.toStdString());
    }
    std::string order;
    for (const QString &k : p.key.keyColumns)
        order += (order.empty() ? "" : ", ") + tx.quote_name(k.toStdString());
    if (order.empty()) {
        list += (list.empty() ? "" : ", ") + std::string("ctid");
        order = "ctid";
    }
    p.select = "SELECT " + list + " FROM " + tx.quote_name(info.name.toStdString());
    p.orderBy = order;
    return p;
}

// The document of one row; `key` receives the key values as the server's text.
void rowToDocument(const TablePlan &p, const pqxx::row &row, bson_t *doc, QVariantList *key)
{
    bson_init(doc);
    key->clear();
    for (int k = 0; k < p.keyCount(); ++k)
        key->append(QVariant());
    const auto columns = p.fields.size();
    if (p.key.id == KeyPlan::Id::Single) {
        for (size_t i = 0; i < columns; ++i)
            if (p.keyIndex[i] == 0)
                appendField(doc, "_id", row[int(i)], row[int(i)].type());
    } else if (p.key.id == KeyPlan::Id::Composite) {
        bson_t id;
        BSON_APPEND_DOCUMENT_BEGIN(doc, "_id", &id);
        for (int k = 0; k < p.keyCount(); ++k)
            for (size_t i = 0; i < columns; ++i)
                if (p.keyIndex[i] == k)
                    appendField(&id, p.fields[i].constData(), row[int(i)], row[int(i)].type());
        bson_append_document_end(doc, &id);
    }
    for (size_t i = 0; i < columns; ++i) {
        const pqxx::field f = row[int(i)];
        if (p.keyIndex[i] >= 0) {
            (*key)[p.keyIndex[i]] = QString::fromUtf8(f.c_str(), qsizetype(f.size()));
            if (p.key.id != KeyPlan::Id::None)
                continue;
        }
        appendField(doc, p.fields[i].constData(), f, f.type());
    }
    if (p.key.keyColumns.isEmpty())
        (*key)[0] = QString::fromUtf8(row[int(columns)].c_str());
}

Result<TablePlan> findTable(pqxx::transaction_base &tx, const QString &table)
{
    auto catalog = readPostgresCatalog(tx, false);
    if (!catalog)
        return catalog.error();
    for (const TableInfo &t : *catalog)
        if (t.name == table)
            return planTable(t, tx);
    return Error(
        ErrorCode::NotFound,
        trEngine("The PostgreSQL database has no table \"%1\" (in its current schema).").arg(table),
        table);
}

Status checkFilter(pqxx::connection &c, const QString &table, const QString &filter)
{
    if (filter.trimmed().isEmpty())
        return {};
    if (const QString problem = sqlFilterProblem(filter); !problem.isEmpty())
        return Error(ErrorCode::Usage,
                     trEngine("The filter for table \"%1\" is not usable: %2.").arg(table, problem),
                     table);
    try {
        pqxx::read_transaction tx(c);
        tx.exec("EXPLAIN SELECT 1 FROM " + tx.quote_name(table.toStdString()) + " WHERE (" +
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

class PostgresReader : public DocumentReader {
public:
    PostgresReader(std::unique_ptr<pqxx::connection> c, TablePlan plan, QByteArray start)
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

    Status start(const std::string &where, qint64 total)
    {
        m_total = total;
        try {
            m_tx = std::make_unique<pqxx::work>(*m_connection);
            m_tx->exec("DECLARE ferry_reader NO SCROLL CURSOR FOR " + m_plan.select + where +
                       " ORDER BY " + m_plan.orderBy);
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
        return m_lastKey.isEmpty() ? m_startPosition : encodeKeyPosition(m_lastKey);
    }
    double progress() const override
    {
        return m_total > 0 ? std::min(1.0, double(m_read) / double(m_total)) : -1;
    }

private:
    std::unique_ptr<pqxx::connection> m_connection;
    std::unique_ptr<pqxx::work> m_tx;
    TablePlan m_plan;
    QByteArray m_startPosition;
    pqxx::result m_pending;
    pqxx::result::size_type m_row = 0;
    bool m_done = false;
    qint64 m_total = -1;
    qint64 m_read = 0;
    QVariantList m_lastKey;
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
    if (m_connection && m_connection->c->is_open())
        return {};
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
        std::optional<TablePlan> plan;
        {
            pqxx::read_transaction tx(**c);
            auto found = findTable(tx, collection);
            if (!found)
                return found.error();
            plan = std::move(*found);
        }
        if (Status s = checkFilter(**c, collection, options.filter); !s)
            return s.error();
        std::vector<std::string> where;
        if (!options.filter.trimmed().isEmpty())
            where.push_back("(" + options.filter.toStdString() + ")");
        pqxx::nontransaction quoter(**c);
        if (!options.resumeFrom.isEmpty()) {
            const auto after = decodeKeyPosition(options.resumeFrom, plan->keyCount());
            if (!after)
                return Error(ErrorCode::Usage,
                             trEngine("The saved position for table \"%1\" does not match its "
                                      "key (did the table change?). Start over without --resume.")
                                 .arg(collection),
                             collection);
            std::string values;
            for (const QVariant &v : *after)
                values += (values.empty() ? "" : ", ") + quoter.quote(v.toString().toStdString());
            where.push_back("(" + plan->orderBy + ") > (" + values + ")");
        }
        std::string whereSql;
        for (const std::string &w : where)
            whereSql += (whereSql.empty() ? " WHERE " : " AND ") + w;
        qint64 total = -1;
        if (options.filter.trimmed().isEmpty())
            total =
                quoter
                    .exec1("SELECT COUNT(*) FROM " + quoter.quote_name(collection.toStdString()))[0]
                    .as<qint64>();
        quoter.commit();
        auto reader =
            std::make_unique<PostgresReader>(std::move(*c), std::move(*plan), options.resumeFrom);
        if (Status s = reader->start(whereSql, total); !s)
            return s.error();
        return std::unique_ptr<DocumentReader>(std::move(reader));
    } catch (const std::exception &e) {
        return connectError(m_endpoint, e);
    }
}

Result<std::vector<BsonDoc>> PostgresSource::sample(const QString &collection, qint64 n,
                                                    const QString &filter)
{
    if (Status s = ensureOpen(); !s)
        return s.error();
    try {
        if (Status s = checkFilter(*m_connection->c, collection, filter); !s)
            return s.error();
        pqxx::read_transaction tx(*m_connection->c);
        auto plan = findTable(tx, collection);
        if (!plan)
            return plan.error();
        std::string sql = plan->select;
        if (!filter.trimmed().isEmpty())
            sql += " WHERE (" + filter.toStdString() + ")";
        // random() spreads the sample over the whole table, not its first pages.
        sql +=
            n >= 0 ? " ORDER BY random() LIMIT " + std::to_string(n) : " ORDER BY " + plan->orderBy;
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

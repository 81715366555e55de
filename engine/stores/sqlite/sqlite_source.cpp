#include "stores/sqlite/sqlite_source.h"

#include "core/generated_key.h"
#include "stores/common/sql_bson_values.h"
#include "stores/common/sql_key_slice.h"
#include "stores/common/sql_table_plan.h"
#include "stores/sqlite/sqlite_catalog.h"
#include "stores/sqlite/sqlite_source_values.h"

#include <QAtomicInt>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>

#include <functional>
#include <optional>

namespace ferry {

namespace {

// One read-only QSQLITE connection with a unique name, removed when it goes away.
class SqliteConnection {
public:
    explicit SqliteConnection(const QString &path)
    {
        static QAtomicInt counter;
        m_name = QStringLiteral("ferry_sqlite_source_%1").arg(counter.fetchAndAddRelaxed(1));
        m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
        m_db.setDatabaseName(path);
        m_db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
    }
    ~SqliteConnection()
    {
        m_db.close();
        m_db = QSqlDatabase();
        QSqlDatabase::removeDatabase(m_name);
    }
    SqliteConnection(const SqliteConnection &) = delete;
    SqliteConnection &operator=(const SqliteConnection &) = delete;

    Status open(const QString &path)
    {
        if (!QFileInfo(path).isFile())
            return Error(ErrorCode::NotFound,
                         trEngine("The SQLite file %1 does not exist. Check the path after "
                                  "sqlite:.")
                             .arg(path));
        // A file that is not a database opens fine and fails at the first read.
        QSqlQuery probe(m_db);
        if (!m_db.open() || !probe.exec(QStringLiteral("SELECT count(*) FROM sqlite_master")))
            return Error(
                ErrorCode::Connect,
                trEngine("Cannot read %1 as a SQLite database: %2")
                    .arg(path, m_db.isOpen() ? probe.lastError().text() : m_db.lastError().text()));
        return {};
    }
    QSqlDatabase &db() { return m_db; }

private:
    QString m_name;
    QSqlDatabase m_db;
};

// The plan shared by SQL sources, plus how SQLite declared each column (its values carry
// only a storage class, so the declaration decides dates, booleans and JSON).
struct TablePlan : SqlTablePlan {
    std::vector<Declared> declared;
    std::vector<IntWidth> widths;
    QByteArray scope;                  // the table's name, for generated _ids
    std::vector<QByteArray> keyFields; // the columns' own names, for rows whose key is NULL
    // SQLite lets a (non-integer) primary key hold NULL. Such a table is read in rowid order,
    // its position is the rowid (a NULL key would stop a keyset resume), and a row whose key
    // holds NULL gets a generated _id from its rowid, as a keyless row does.
    bool nullKeys = false;
};

// `wide[i]`: column i holds an integer beyond int32 somewhere in the table.
TablePlan planTable(const TableInfo &info, bool keepNames, const std::vector<bool> &wide)
{
    TablePlan p;
    static_cast<SqlTablePlan &>(p) =
        planSqlTable(info, Dialect::Sqlite, keepNames, QStringLiteral("rowid"));
    p.scope = info.name.toUtf8();
    for (const ColumnInfo &c : info.columns) {
        p.declared.push_back(declaredKind(c.sqlType));
        // SQLite stores every integer in up to 8 bytes whatever the declared type: BIGINT
        // says int64 outright, any other column is int32 unless a value needs more.
        const size_t i = p.widths.size();
        const bool isWide = i < wide.size() && wide[i];
        p.widths.push_back(isWide ? IntWidth::Int64 : declaredIntWidth(c.sqlType));
    }
    return p;
}

bool keyHoldsNull(const TablePlan &p, const QSqlQuery &q)
{
    for (size_t i = 0; i < p.columnCount(); ++i)
        if (p.keyIndex[i] >= 0 && q.value(int(i)).isNull())
            return true;
    return false;
}

// Builds the document of the query's current row; `keyOut` receives the key values (the
// rowid where the plan reads in rowid order). True when the row got a generated _id.
bool rowToDocument(const TablePlan &p, const QSqlQuery &q, bson_t *doc, QVariantList *keyOut)
{
    bson_init(doc);
    // Only keyless and NULL-key plans select the rowid (after the columns).
    const QVariant rowId = p.nullKeys || p.generateId ? q.value(int(p.columnCount())) : QVariant();
    const bool generated = p.generateId || (p.nullKeys && keyHoldsNull(p, q));
    if (generated) {
        bson_oid_t oid;
        generatedObjectId(p.scope, rowId.toLongLong(), 0, &oid);
        BSON_APPEND_OID(doc, "_id", &oid);
    }
    if (generated && p.nullKeys) {
        for (size_t i = 0; i < p.columnCount(); ++i) {
            // The key's columns stay as fields under their own names.
            const QByteArray &field = p.keyIndex[i] >= 0 ? p.keyFields[i] : p.fields[i];
            appendSqliteValue(doc, field.constData(), q.value(int(i)), p.declared[i], p.widths[i]);
        }
    } else {
        buildRowDocument(
            p, doc, keyOut,
            [&](bson_t *out, const char *field, int i) {
                appendSqliteValue(out, field, q.value(i), p.declared[size_t(i)],
                                  p.widths[size_t(i)]);
            },
            [&q](int i) { return q.value(i); }, [&rowId](int) { return rowId; });
    }
    if (p.nullKeys)
        *keyOut = {rowId};
    return generated;
}

// A key holding NULL cannot order a keyset read: such a table is read in rowid order.
void readInRowIdOrder(TablePlan &p)
{
    p.nullKeys = true;
    for (const ColumnInfo &c : std::as_const(p.info.columns))
        p.keyFields.push_back(c.name.toUtf8());
    QStringList columns;
    for (const ColumnInfo &c : std::as_const(p.info.columns))
        columns.append(sqlQuoteName(c.name));
    columns.append(QStringLiteral("rowid"));
    p.select = QStringLiteral("SELECT %1 FROM %2")
                   .arg(columns.join(QLatin1String(", ")), sqlQuoteName(p.info.name));
    p.orderBy = QStringLiteral("rowid");
}

Result<TableInfo> findTable(QSqlDatabase &db, const QString &table)
{
    auto catalog = readSqliteCatalog(db, false);
    if (!catalog)
        return catalog.error();
    for (const TableInfo &t : *catalog)
        if (t.name == table)
            return t;
    return Error(ErrorCode::NotFound,
                 trEngine("The SQLite database has no table \"%1\".").arg(table), table);
}

// One pass over the table answers for every column at once; BIGINT columns need no look.
Result<SqliteSource::TableScan> scanTable(QSqlDatabase &db, const TableInfo &table)
{
    SqliteSource::TableScan out;
    out.wide.assign(size_t(table.columns.size()), false);
    QStringList probes;
    QList<int> probed;
    for (qsizetype i = 0; i < table.columns.size(); ++i) {
        const ColumnInfo &c = table.columns[i];
        if (declaredIntWidth(c.sqlType) == IntWidth::Int64)
            continue;
        const QString name = sqlQuoteName(c.name);
        probes.append(QStringLiteral("MAX(typeof(%1) = 'integer' AND %1 NOT BETWEEN -2147483648 "
                                     "AND 2147483647)")
                          .arg(name));
        probed.append(int(i));
    }
    QStringList keyIsNull;
    for (const QString &k : table.primaryKey)
        keyIsNull.append(sqlQuoteName(k) + QStringLiteral(" IS NULL"));
    if (!keyIsNull.isEmpty())
        probes.append(QStringLiteral("MAX(%1)").arg(keyIsNull.join(QLatin1String(" OR "))));
    if (probes.isEmpty())
        return out;
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT %1 FROM %2")
                    .arg(probes.join(QLatin1String(", ")), sqlQuoteName(table.name))) ||
        !q.next())
        return Error(ErrorCode::Target,
                     trEngine("Cannot read table \"%1\": %2").arg(table.name, q.lastError().text()),
                     table.name);
    for (qsizetype k = 0; k < probed.size(); ++k)
        out.wide[size_t(probed[k])] = q.value(int(k)).toLongLong() != 0;
    out.nullKeys = !keyIsNull.isEmpty() && q.value(int(probed.size())).toLongLong() != 0;
    return out;
}

Result<TablePlan>
planFor(QSqlDatabase &db, const QString &table, bool keepNames,
        const std::function<Result<SqliteSource::TableScan>(const TableInfo &)> &scan)
{
    auto info = findTable(db, table);
    if (!info)
        return info.error();
    auto scanned = scan(*info);
    if (!scanned)
        return scanned.error();
    TablePlan plan = planTable(*info, keepNames, scanned->wide);
    if (scanned->nullKeys && plan.key.id != KeyPlan::Id::None)
        readInRowIdOrder(plan);
    return plan;
}

// Checks the filter on its own before it is ANDed into a query, so a mistake is reported
// as the user's, naming the table, not as a broken read.
Status checkFilter(QSqlDatabase &db, const QString &table, const QString &filter)
{
    if (filter.trimmed().isEmpty())
        return {};
    if (Status s = checkFilterText(table, filter); !s)
        return s;
    QSqlQuery q(db);
    if (!q.exec(
            QStringLiteral("EXPLAIN SELECT 1 FROM %1 WHERE (%2)").arg(sqlQuoteName(table), filter)))
        return Error(ErrorCode::Usage,
                     trEngine("The filter for table \"%1\" is not a valid SQLite condition: %2")
                         .arg(table, q.lastError().databaseText()),
                     table);
    return {};
}

// The rows a read gives under its filter (its `rows`, -1 when they cannot be counted) and,
// for a partition, its slice of them. One read transaction, so that the count and the
// boundaries see the same rows.
Result<SqlKeyRange> cutSlice(QSqlDatabase &db, const TablePlan &p, const ReadOptions &options,
                             bool sliced)
{
    if (!options.keyColumn.isEmpty())
        return SqlKeyRange(); // a child table read by parent keys: neither counted nor cut
    const auto failed = [&](const QSqlQuery &q) {
        return Error(ErrorCode::Target,
                     trEngine("Cannot cut table \"%1\" into partitions: %2")
                         .arg(p.info.name, q.lastError().text()),
                     p.info.name);
    };
    if (sliced)
        db.transaction();
    QSqlQuery q(db);
    QString sql = QStringLiteral("SELECT COUNT(*) FROM %1").arg(sqlQuoteName(p.info.name));
    if (!options.filter.trimmed().isEmpty())
        sql += QStringLiteral(" WHERE (%1)").arg(options.filter);
    const bool counted = q.exec(sql) && q.next();
    if (!sliced) {
        SqlKeyRange whole;
        whole.rows = counted ? q.value(0).toLongLong() : -1;
        return whole;
    }
    if (!counted) {
        const Error e = failed(q);
        db.rollback();
        return e;
    }
    const qint64 rows = q.value(0).toLongLong();
    q.finish();
    auto range = cutSqlKeyRange(
        rows, options.partition, options.partitions,
        [&](qint64 offset) -> Result<std::optional<QVariantList>> {
            QSqlQuery k(db);
            k.setForwardOnly(true);
            if (!k.exec(sqlKeyAtQuery(p, options.filter, offset)))
                return failed(k);
            if (!k.next())
                return std::optional<QVariantList>();
            QVariantList key; // with the storage class each value has, bound back as such
            for (int i = 0; i < k.record().count(); ++i)
                key.append(k.value(i));
            return std::optional<QVariantList>(std::move(key));
        });
    db.rollback(); // only read
    return range;
}

class SqliteReader : public DocumentReader {
public:
    SqliteReader(QString path, TablePlan plan, const ReadOptions &options,
                 std::optional<QVariantList> after, SqlKeyRange range, qint64 total)
        : m_path(std::move(path)), m_plan(std::move(plan)), m_filter(options.filter),
          m_keyColumn(options.keyColumn), m_keyValues(options.keyValues), m_after(std::move(after)),
          m_range(std::move(range)), m_total(total)
    {
    }
    ~SqliteReader() override
    {
        m_query.reset(); // before its connection goes
    }

    Result<bool> next(DocBatch &out, int maxDocs, size_t maxBytes) override
    {
        out.clear();
        if (m_done)
            return false;
        if (!m_query) {
            if (Status s = start(); !s)
                return s.error();
        }
        bson_t doc;
        QVariantList key;
        while (int(out.size()) < maxDocs && out.bytes() < maxBytes) {
            if (!m_query->next()) {
                if (m_query->lastError().isValid())
                    return Error(ErrorCode::Target,
                                 trEngine("Reading table \"%1\" failed: %2")
                                     .arg(m_plan.info.name, m_query->lastError().text()),
                                 m_plan.info.name);
                m_done = true;
                break;
            }
            const bool generated = rowToDocument(m_plan, *m_query, &doc, &key);
            out.append(&doc);
            if (generated)
                out.countGeneratedKey();
            bson_destroy(&doc);
            m_lastKey = key;
            ++m_read;
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

    QByteArray m_startPosition;
    bool m_sliced = false; // positions carry the slice's range

private:
    Status start()
    {
        m_connection = std::make_unique<SqliteConnection>(m_path);
        if (Status s = m_connection->open(m_path); !s)
            return s;
        QStringList where;
        if (!m_filter.trimmed().isEmpty())
            where.append(QLatin1Char('(') + m_filter + QLatin1Char(')'));
        if (!m_keyColumn.isEmpty())
            where.append(QStringLiteral("%1 IN (%2)")
                             .arg(sqlQuoteName(m_keyColumn),
                                  QStringList(std::max<qsizetype>(1, m_keyValues.size()),
                                              QStringLiteral("?"))
                                      .join(QLatin1String(", "))));
        if (m_after)
            where.append(QStringLiteral("(%1) > (%2)")
                             .arg(m_plan.orderBy, QStringList(m_after->size(), QStringLiteral("?"))
                                                      .join(QLatin1String(", "))));
        QVariantList rangeValues; // bound after the ones above, in the order of the text
        appendSqlRangeConditions(m_plan, m_range, Dialect::Sqlite, &where, &rangeValues);
        QString sql = m_plan.select;
        if (!where.isEmpty())
            sql += QLatin1String(" WHERE ") + where.join(QLatin1String(" AND "));
        sql += QLatin1String(" ORDER BY ") + m_plan.orderBy;
        m_query = std::make_unique<QSqlQuery>(m_connection->db());
        m_query->setForwardOnly(true); // rows stream; memory stays flat
        if (!m_query->prepare(sql))
            return Error(ErrorCode::Target,
                         trEngine("Cannot read table \"%1\": %2")
                             .arg(m_plan.info.name, m_query->lastError().text()),
                         m_plan.info.name);
        if (!m_keyColumn.isEmpty()) {
            for (const QVariant &v : std::as_const(m_keyValues))
                m_query->addBindValue(v);
            if (m_keyValues.isEmpty())
                m_query->addBindValue(QVariant()); // IN (NULL) matches nothing
        }
        if (m_after)
            for (const QVariant &v : std::as_const(*m_after))
                m_query->addBindValue(v);
        for (const QVariant &v : std::as_const(rangeValues))
            m_query->addBindValue(v);
        if (!m_query->exec())
            return Error(ErrorCode::Target,
                         trEngine("Cannot read table \"%1\": %2")
                             .arg(m_plan.info.name, m_query->lastError().text()),
                         m_plan.info.name);
        return {};
    }

    QString m_path;
    TablePlan m_plan;
    QString m_filter;
    QString m_keyColumn;
    QVariantList m_keyValues;
    std::optional<QVariantList> m_after;
    SqlKeyRange m_range; // the partition's slice; open on both sides without --partition
    qint64 m_total = -1;
    qint64 m_read = 0;
    bool m_done = false;
    QVariantList m_lastKey;
    std::unique_ptr<SqliteConnection> m_connection;
    std::unique_ptr<QSqlQuery> m_query;
};

} // namespace

SqliteSource::SqliteSource(const Endpoint &endpoint) : m_path(endpoint.path())
{
}

Status SqliteSource::open()
{
    SqliteConnection c(m_path);
    return c.open(m_path);
}

Result<QList<CollectionInfo>> SqliteSource::listCollections()
{
    SqliteConnection c(m_path);
    if (Status s = c.open(m_path); !s)
        return s.error();
    auto catalog = readSqliteCatalog(c.db(), true);
    if (!catalog)
        return catalog.error();
    QList<CollectionInfo> out;
    for (const TableInfo &t : *catalog)
        out.append({t.name, t.rows, true, m_path});
    return out;
}

Result<std::unique_ptr<DocumentReader>> SqliteSource::openReader(const QString &collection,
                                                                 const ReadOptions &options)
{
    SqliteConnection c(m_path);
    if (Status s = c.open(m_path); !s)
        return s.error();
    auto plan = planFor(c.db(), collection, m_keepColumnNames,
                        [&](const TableInfo &t) { return scan(c.db(), t); });
    if (!plan)
        return plan.error();
    if (Status s = checkFilter(c.db(), collection, options.filter); !s)
        return s.error();
    auto start = sqlReadStart(options, plan->nullKeys ? 1 : plan->keyCount(), collection);
    if (!start)
        return start.error();
    auto range = start->range ? Result<SqlKeyRange>(*start->range)
                              : cutSlice(c.db(), *plan, options, start->sliced);
    if (!range)
        return range.error();
    const qint64 total = range->rows;
    auto reader = std::make_unique<SqliteReader>(m_path, std::move(*plan), options,
                                                 std::move(start->after), std::move(*range), total);
    reader->m_sliced = start->sliced;
    reader->m_startPosition = options.resumeFrom;
    return std::unique_ptr<DocumentReader>(std::move(reader));
}

Result<qint64> SqliteSource::exactCount(const QString &collection, const QString &filter)
{
    SqliteConnection c(m_path);
    if (Status s = c.open(m_path); !s)
        return s.error();
    if (Status s = checkFilter(c.db(), collection, filter); !s)
        return s.error();
    QSqlQuery q(c.db());
    QString sql = QStringLiteral("SELECT count(*) FROM %1").arg(sqlQuoteName(collection));
    if (!filter.trimmed().isEmpty())
        sql += QStringLiteral(" WHERE (%1)").arg(filter);
    if (!q.exec(sql) || !q.next())
        return Error(ErrorCode::Target,
                     trEngine("Cannot count the rows of table \"%1\" in %2: %3")
                         .arg(collection, m_path, q.lastError().text()),
                     collection);
    return q.value(0).toLongLong();
}

Result<SqliteSource::TableScan> SqliteSource::scan(QSqlDatabase &db, const TableInfo &table)
{
    {
        const QMutexLocker lock(&m_scanMutex);
        if (const auto it = m_scans.constFind(table.name); it != m_scans.constEnd())
            return *it;
    }
    auto scanned = scanTable(db, table);
    if (scanned) {
        const QMutexLocker lock(&m_scanMutex);
        m_scans.insert(table.name, *scanned);
    }
    return scanned;
}

Result<QList<TableInfo>> SqliteSource::tables()
{
    SqliteConnection c(m_path);
    if (Status s = c.open(m_path); !s)
        return s.error();
    return readSqliteCatalog(c.db(), true);
}

Result<std::vector<BsonDoc>> SqliteSource::sample(const QString &collection, qint64 n,
                                                  const QString &filter)
{
    SqliteConnection c(m_path);
    if (Status s = c.open(m_path); !s)
        return s.error();
    auto plan = planFor(c.db(), collection, m_keepColumnNames,
                        [&](const TableInfo &t) { return scan(c.db(), t); });
    if (!plan)
        return plan.error();
    if (Status s = checkFilter(c.db(), collection, filter); !s)
        return s.error();
    QString sql = plan->select;
    if (!filter.trimmed().isEmpty())
        sql += QStringLiteral(" WHERE (%1)").arg(filter);
    // random() spreads the sample over the whole table; all rows come in key order.
    if (n >= 0)
        sql += QStringLiteral(" ORDER BY random() LIMIT %1").arg(n);
    else
        sql += QLatin1String(" ORDER BY ") + plan->orderBy;
    QSqlQuery q(c.db());
    q.setForwardOnly(true);
    if (!q.exec(sql))
        return Error(
            ErrorCode::Target,
            trEngine("Cannot sample table \"%1\": %2").arg(collection, q.lastError().text()),
            collection);
    std::vector<BsonDoc> out;
    bson_t doc;
    QVariantList key;
    while (q.next()) {
        rowToDocument(*plan, q, &doc, &key);
        out.emplace_back(&doc);
        bson_destroy(&doc);
    }
    return out;
}

} // namespace ferry

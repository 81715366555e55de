#include "stores/sqlite/sqlite_source.h"

#include "core/generated_key.h"

#include "stores/common/sql_bson_values.h"
#include "stores/sqlite/sqlite_catalog.h"

#include <QAtomicInt>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>

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

enum class Declared { Plain, Bool, Numeric, Timestamp, Uuid, Json };

// SQLite stores values by storage class; the declared type says what they meant.
Declared declaredKind(const QString &sqlType)
{
    const QString t = sqlType.toUpper();
    if (t.contains(QLatin1String("BOOL")))
        return Declared::Bool;
    if (t.contains(QLatin1String("NUMERIC")) || t.contains(QLatin1String("DECIMAL")))
        return Declared::Numeric;
    if (t.contains(QLatin1String("DATE")) || t.contains(QLatin1String("TIME")))
        return Declared::Timestamp;
    if (t.contains(QLatin1String("UUID")))
        return Declared::Uuid;
    if (t.contains(QLatin1String("JSON")))
        return Declared::Json;
    return Declared::Plain;
}

struct ColumnPlan {
    QByteArray field; // BSON key
    Declared declared = Declared::Plain;
    int keyIndex = -1; // position in the key, or -1
};

// Everything needed to turn a table's rows into documents and to page through them.
struct TablePlan {
    TableInfo info;
    KeyPlan key;
    std::vector<ColumnPlan> columns; // SELECT order; the row id (if used) comes after them
    // A keyless table read as documents: each row gets a deterministic _id from the table
    // name and its rowid (core/generated_key.h), so a re-run never duplicates it.
    bool generateId = false;
    QString select;  // SELECT list + FROM
    QString orderBy; // key expression list

    int keyCount() const { return key.keyColumns.isEmpty() ? 1 : int(key.keyColumns.size()); }
};

TablePlan planTable(const TableInfo &info, bool keepNames)
{
    TablePlan p;
    p.info = info;
    p.key = keyPlanFor(info, Dialect::Sqlite);
    if (keepNames)
        p.key.id = KeyPlan::Id::None; // still read in key order, but no _id
    p.generateId = !keepNames && info.primaryKey.isEmpty() && !info.column(QStringLiteral("_id"));

    QStringList selectList;
    for (const ColumnInfo &c : info.columns) {
        ColumnPlan cp;
        cp.field = c.name.toUtf8();
        cp.declared = declaredKind(c.sqlType);
        cp.keyIndex = int(p.key.keyColumns.indexOf(c.name));
        if (p.key.id == KeyPlan::Id::Single && cp.keyIndex == 0)
            cp.field = QByteArrayLiteral("_id");
        p.columns.push_back(cp);
        selectList.append(sqlQuoteName(c.name));
    }
    QStringList order;
    for (const QString &k : p.key.keyColumns)
        order.append(sqlQuoteName(k));
    if (order.isEmpty()) {
        selectList.append(QStringLiteral("rowid"));
        order.append(QStringLiteral("rowid"));
    }
    p.select = QStringLiteral("SELECT %1 FROM %2")
                   .arg(selectList.join(QLatin1String(", ")), sqlQuoteName(info.name));
    p.orderBy = order.join(QLatin1String(", "));
    return p;
}

void appendValue(bson_t *doc, const char *key, const QVariant &v, Declared declared)
{
    if (v.isNull()) {
        BSON_APPEND_NULL(doc, key);
        return;
    }
    switch (v.typeId()) {
    case QMetaType::LongLong:
    case QMetaType::Int:
        if (declared == Declared::Bool)
            BSON_APPEND_BOOL(doc, key, v.toLongLong() != 0);
        else if (declared == Declared::Numeric)
            appendSqlDecimal(doc, key, v.toString().toStdString());
        else
            appendSqlInteger(doc, key, v.toLongLong());
        return;
    case QMetaType::Double:
        if (declared == Declared::Numeric)
            appendSqlDecimal(
                doc, key,
                QString::number(v.toDouble(), 'g', QLocale::FloatingPointShortest).toStdString());
        else
            BSON_APPEND_DOUBLE(doc, key, v.toDouble());
        return;
    case QMetaType::QByteArray: {
        const QByteArray b = v.toByteArray();
        const bool uuid = declared == Declared::Uuid && b.size() == 16;
        bson_append_binary(doc, key, -1, uuid ? BSON_SUBTYPE_UUID : BSON_SUBTYPE_BINARY,
                           reinterpret_cast<const uint8_t *>(b.constData()), uint32_t(b.size()));
        return;
    }
    default:
        break;
    }
    const QByteArray text = v.toString().toUtf8();
    const std::string_view sv(text.constData(), size_t(text.size()));
    switch (declared) {
    case Declared::Timestamp:
        if (const auto ms = parseSqlTimestamp(sv)) {
            BSON_APPEND_DATE_TIME(doc, key, *ms);
            return;
        }
        break;
    case Declared::Numeric: {
        bson_decimal128_t dec;
        if (bson_decimal128_from_string(text.constData(), &dec)) {
            BSON_APPEND_DECIMAL128(doc, key, &dec);
            return;
        }
        break;
    }
    case Declared::Uuid: {
        uint8_t bytes[16];
        if (parseUuidText(sv, bytes)) {
            bson_append_binary(doc, key, -1, BSON_SUBTYPE_UUID, bytes, 16);
            return;
        }
        break;
    }
    case Declared::Json:
        if (appendSqlJson(doc, key, sv))
            return;
        break;
    default:
        break;
    }
    bson_append_utf8(doc, key, -1, text.constData(), int(text.size()));
}

// Builds the document of the query's current row; `keyOut` receives the key values.
void rowToDocument(const TablePlan &p, const QSqlQuery &q, bson_t *doc, QVariantList *keyOut)
{
    bson_init(doc);
    keyOut->clear();
    for (int k = 0; k < p.keyCount(); ++k)
        keyOut->append(QVariant());
    if (p.generateId) {
        bson_oid_t oid;
        generatedObjectId(p.info.name.toUtf8(), q.value(int(p.columns.size())).toLongLong(), 0,
                          &oid);
        BSON_APPEND_OID(doc, "_id", &oid);
    }
    if (p.key.id == KeyPlan::Id::Single) {
        for (size_t i = 0; i < p.columns.size(); ++i)
            if (p.columns[i].keyIndex == 0)
                appendValue(doc, "_id", q.value(int(i)), p.columns[i].declared);
    } else if (p.key.id == KeyPlan::Id::Composite) {
        bson_t id;
        BSON_APPEND_DOCUMENT_BEGIN(doc, "_id", &id);
        // In key order, so equal keys always give byte-equal _id documents.
        for (int k = 0; k < p.keyCount(); ++k)
            for (size_t i = 0; i < p.columns.size(); ++i)
                if (p.columns[i].keyIndex == k)
                    appendValue(&id, p.columns[i].field.constData(), q.value(int(i)),
                                p.columns[i].declared);
        bson_append_document_end(doc, &id);
    }
    for (size_t i = 0; i < p.columns.size(); ++i) {
        const ColumnPlan &c = p.columns[i];
        const QVariant v = q.value(int(i));
        if (c.keyIndex >= 0) {
            (*keyOut)[c.keyIndex] = v;
            if (p.key.id != KeyPlan::Id::None)
                continue; // already in _id
        }
        appendValue(doc, c.field.constData(), v, c.declared);
    }
    if (p.key.keyColumns.isEmpty())
        (*keyOut)[0] = q.value(int(p.columns.size()));
}

Result<TablePlan> findTable(QSqlDatabase &db, const QString &table, bool keepNames)
{
    auto catalog = readSqliteCatalog(db, false);
    if (!catalog)
        return catalog.error();
    for (const TableInfo &t : *catalog)
        if (t.name == table)
            return planTable(t, keepNames);
    return Error(ErrorCode::NotFound,
                 trEngine("The SQLite database has no table \"%1\".").arg(table), table);
}

// Checks the filter on its own before it is ANDed into a query, so a mistake is reported
// as the user's, naming the table, not as a broken read.
Status checkFilter(QSqlDatabase &db, const QString &table, const QString &filter)
{
    if (filter.trimmed().isEmpty())
        return {};
    if (const QString problem = sqlFilterProblem(filter); !problem.isEmpty())
        return Error(ErrorCode::Usage,
                     trEngine("The filter for table \"%1\" is not usable: %2.").arg(table, problem),
                     table);
    QSqlQuery q(db);
    if (!q.exec(
            QStringLiteral("EXPLAIN SELECT 1 FROM %1 WHERE (%2)").arg(sqlQuoteName(table), filter)))
        return Error(ErrorCode::Usage,
                     trEngine("The filter for table \"%1\" is not a valid SQLite condition: %2")
                         .arg(table, q.lastError().databaseText()),
                     table);
    return {};
}

class SqliteReader : public DocumentReader {
public:
    SqliteReader(QString path, TablePlan plan, const ReadOptions &options,
                 std::optional<QVariantList> after, qint64 total)
        : m_path(std::move(path)), m_plan(std::move(plan)), m_filter(options.filter),
          m_keyColumn(options.keyColumn), m_keyValues(options.keyValues), m_after(std::move(after)),
          m_total(total)
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
            rowToDocument(m_plan, *m_query, &doc, &key);
            out.append(&doc);
            if (m_plan.generateId)
                out.countGeneratedKey();
            bson_destroy(&doc);
            m_lastKey = key;
            ++m_read;
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

    QByteArray m_startPosition;

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
    auto plan = findTable(c.db(), collection, m_keepColumnNames);
    if (!plan)
        return plan.error();
    if (Status s = checkFilter(c.db(), collection, options.filter); !s)
        return s.error();
    std::optional<QVariantList> after;
    if (!options.resumeFrom.isEmpty()) {
        after = decodeKeyPosition(options.resumeFrom, plan->keyCount());
        if (!after)
            return Error(ErrorCode::Usage,
                         trEngine("The saved position for table \"%1\" does not match its key "
                                  "(did the table change?). Start over without --resume.")
                             .arg(collection),
                         collection);
    }
    qint64 total = -1;
    if (options.keyColumn.isEmpty()) {
        QSqlQuery q(c.db());
        QString sql = QStringLiteral("SELECT COUNT(*) FROM %1").arg(sqlQuoteName(collection));
        if (!options.filter.trimmed().isEmpty())
            sql += QStringLiteral(" WHERE (%1)").arg(options.filter);
        if (q.exec(sql) && q.next())
            total = q.value(0).toLongLong();
    }
    auto reader =
        std::make_unique<SqliteReader>(m_path, std::move(*plan), options, std::move(after), total);
    reader->m_startPosition = options.resumeFrom;
    return std::unique_ptr<DocumentReader>(std::move(reader));
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
    auto plan = findTable(c.db(), collection, m_keepColumnNames);
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

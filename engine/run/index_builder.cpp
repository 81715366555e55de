#include "run/index_builder.h"

#include "run/report.h"
#include "stores/common/sink.h"
#include "stores/common/source.h"
#include "stores/stores.h"
#include "transform/document_builder.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace ferry {

namespace {

const TableInfo *findTable(const QList<TableInfo> &tables, const QString &name)
{
    for (const TableInfo &t : tables)
        if (t.name == name)
            return &t;
    return nullptr;
}

// Where a column's value lives in the documents a SQL source reads for a document target.
QString documentPath(const KeyPlan &plan, const QString &column)
{
    if (plan.id == KeyPlan::Id::Single && plan.keyColumns.value(0) == column)
        return QStringLiteral("_id");
    if (plan.id == KeyPlan::Id::Composite && plan.keyColumns.contains(column))
        return QStringLiteral("_id.") + column;
    return column;
}

class IndexList {
public:
    explicit IndexList(QStringList idKey) { m_seen.append(std::move(idKey)); }

    void add(QStringList fields, bool unique)
    {
        if (fields.isEmpty())
            return;
        for (qsizetype i = 0; i < m_seen.size(); ++i) {
            if (m_seen[i] != fields)
                continue;
            // A unique constraint on a foreign key's columns: one index, unique.
            if (unique && i > 0)
                m_list[size_t(i - 1)].unique = true;
            return;
        }
        m_seen.append(fields);
        m_list.push_back({std::move(fields), unique, {}});
    }
    std::vector<IndexSpec> take() { return std::move(m_list); }

private:
    QList<QStringList> m_seen; // [0]: _id's own key, indexed by MongoDB already
    std::vector<IndexSpec> m_list;
};

} // namespace

std::vector<IndexSpec> inferIndexes(const TableInfo &table, const QList<TableInfo> &catalog,
                                    Dialect sourceDialect, const std::vector<Embedding> &embeddings)
{
    const KeyPlan plan = keyPlanFor(table, sourceDialect);
    IndexList list(plan.id == KeyPlan::Id::None ? QStringList()
                                                : QStringList{QStringLiteral("_id")});
    const auto paths = [&](const QStringList &columns) {
        QStringList out;
        for (const QString &c : columns)
            out << documentPath(plan, c);
        return out;
    };
    const auto allowsNull = [&](const QStringList &columns) {
        for (const QString &c : columns)
            if (const ColumnInfo *info = table.column(c); !info || info->nullable)
                return true;
        return false;
    };
    // A composite key is the _id document: unique already, and queried by its parts.
    if (plan.id == KeyPlan::Id::None)
        list.add(paths(table.primaryKey), true);
    for (const QStringList &unique : table.uniques)
        if (unique != table.primaryKey)
            list.add(paths(unique), !allowsNull(unique));
    for (const ForeignKey &fk : table.foreignKeys)
        list.add(paths(fk.columns), false);
    // A junction table folded into this one as an array of the other side's ids: queries
    // look for the documents whose array holds an id (a multikey index).
    for (const Embedding &e : embeddings) {
        const TableInfo *child = findTable(catalog, e.child);
        if (!child)
            continue;
        for (const ForeignKey &fk : child->foreignKeys) {
            if (fk.refTable != table.name ||
                (!e.foreignKey.isEmpty() && fk.columns != e.foreignKey))
                continue;
            const EmbedRule rule = embedRuleFor(table, *child, fk);
            if (!rule.valuePath.isEmpty())
                list.add({e.field.isEmpty() ? rule.field : e.field}, false);
            break;
        }
    }
    return list.take();
}

void inferProjectIndexes(Project &project, const QList<TableInfo> &catalog, Dialect sourceDialect)
{
    for (CollectionMapping &m : project.collections)
        if (const TableInfo *t = findTable(catalog, m.collection))
            m.indexes = inferIndexes(*t, catalog, sourceDialect, m.embeddings);
}

Status inferProjectIndexes(Project &project, Source &source, const Endpoint &sourceEndpoint,
                           const Endpoint &targetEndpoint)
{
    const StoreInfo *store = storeOf(sourceEndpoint);
    if (!store || !store->isSql() || !takesDocuments(targetEndpoint))
        return {};
    auto tables = source.tables();
    if (!tables)
        return tables.error();
    inferProjectIndexes(project, *tables, *store->dialect);
    return {};
}

std::vector<IndexSpec> plannedIndexes(const CollectionMapping &mapping,
                                      const QList<TableInfo> &catalog, Dialect sourceDialect)
{
    if (mapping.indexes)
        return *mapping.indexes;
    const TableInfo *t = findTable(catalog, mapping.collection);
    return t ? inferIndexes(*t, catalog, sourceDialect, mapping.embeddings)
             : std::vector<IndexSpec>();
}

QString indexStatement(const QString &collection, const IndexSpec &index)
{
    // A JSON string literal: quotes and escapes as the shell would want them.
    const auto quoted = [](const QString &text) {
        const QByteArray json = QJsonDocument(QJsonArray{text}).toJson(QJsonDocument::Compact);
        return QString::fromUtf8(json.mid(1, json.size() - 2));
    };
    QStringList keyParts;
    for (const QString &f : index.fields)
        keyParts << quoted(f) + QStringLiteral(": 1");
    QString options = QStringLiteral("{\"name\": ") + quoted(index.effectiveName());
    if (index.unique)
        options += QStringLiteral(", \"unique\": true");
    return QStringLiteral("db.%1.createIndex({%2}, %3})")
        .arg(collection, keyParts.join(QLatin1String(", ")), options);
}

namespace {

DocumentSink *indexingSink(Sink &sink)
{
    auto *documents = dynamic_cast<DocumentSink *>(&sink);
    return documents && documents->hasIndexes() ? documents : nullptr;
}

// The catalog is only read when a collection has no list of its own.
Result<QList<TableInfo>> catalogFor(Source &source,
                                    const std::vector<const CollectionMapping *> &mappings)
{
    for (const CollectionMapping *m : mappings)
        if (!m->indexes)
            return source.tables();
    return QList<TableInfo>();
}

Dialect dialectOf(const Endpoint &endpoint)
{
    const StoreInfo *store = storeOf(endpoint);
    return store && store->dialect ? *store->dialect : Dialect::Postgres;
}

QString targetName(const CollectionMapping &m)
{
    return m.root.table.isEmpty() ? m.collection : m.root.table;
}

} // namespace

QStringList plannedIndexStatements(Source &source, const Endpoint &sourceEndpoint, Sink &sink,
                                   const CollectionMapping &mapping)
{
    QStringList out;
    if (!indexingSink(sink))
        return out;
    const auto catalog = catalogFor(source, {&mapping});
    for (const IndexSpec &index : plannedIndexes(mapping, catalog ? *catalog : QList<TableInfo>(),
                                                 dialectOf(sourceEndpoint)))
        out << indexStatement(targetName(mapping), index);
    return out;
}

QStringList buildIndexes(Source &source, const Endpoint &sourceEndpoint, Sink &sink,
                         const std::vector<const CollectionMapping *> &moved, RunReport &report)
{
    QStringList warnings;
    DocumentSink *documents = indexingSink(sink);
    if (!documents)
        return warnings;
    auto catalog = catalogFor(source, moved);
    if (!catalog)
        return {trEngine("Indexes not built: %1").arg(catalog.error().message)};
    const Dialect dialect = dialectOf(sourceEndpoint);
    for (const CollectionMapping *m : moved) {
        CollectionReport *cr = nullptr;
        for (CollectionReport &c : report.collections)
            if (c.name == m->collection)
                cr = &c;
        auto outcome = documents->ensureIndexes(*m, plannedIndexes(*m, *catalog, dialect));
        if (!outcome) {
            const QString w = QStringLiteral("%1: %2").arg(m->collection, outcome.error().message);
            warnings << w;
            if (cr)
                cr->warnings << w;
            continue;
        }
        if (cr) {
            cr->extra.insert(QStringLiteral("indexes_created"), outcome->created);
            cr->extra.insert(QStringLiteral("indexes_existing"), outcome->existing);
        }
    }
    return warnings;
}

} // namespace ferry

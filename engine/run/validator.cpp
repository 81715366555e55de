#include "run/validator.h"

#include "core/bson_text.h"
#include "core/count_text.h"
#include "run/cell_compare.h"
#include "stores/common/ddl.h"
#include "transform/transformer.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace ferry {

namespace {

constexpr int CountBatch = 5000;
// Enough to show what is wrong without a report of megabytes when a whole table differs.
constexpr qsizetype MaxMismatches = 200;

QString documentId(const DocBatch &docs, size_t d)
{
    bson_t doc;
    bson_iter_t it;
    if (!docs.view(d, &doc) || !bson_iter_init_find(&it, &doc, "_id"))
        return trEngine("document %1 of the sample").arg(d + 1);
    return relaxedJsonText(&it, 200);
}

void addMismatch(CollectionReport &cr, const QString &id, const QString &table,
                 const QString &column, const QString &expected, const QString &found)
{
    if (cr.mismatches.size() >= MaxMismatches)
        return;
    QJsonObject m;
    m.insert(QStringLiteral("_id"), id);
    m.insert(QStringLiteral("table"), table);
    m.insert(QStringLiteral("column"), column);
    m.insert(QStringLiteral("expected"), expected);
    m.insert(QStringLiteral("found"), found);
    cr.mismatches.append(m);
}

std::vector<int> keyIndices(const TableMapping &table)
{
    std::vector<int> out;
    for (size_t c = 0; c < table.columns.size(); ++c) {
        const ColumnMapping &col = table.columns[c];
        if (col.primaryKey || col.role == ColumnRole::ParentKey ||
            col.role == ColumnRole::Ordinal || col.role == ColumnRole::MapKey)
            out.push_back(int(c));
    }
    return out;
}

// Found and expected rows meet under this key; a JSON key (an _id that is a document, or
// of mixed types) reads back from jsonb with other spacing and key order.
QString rowKey(const TableMapping &table, const std::vector<int> &keys, const QStringList &cells)
{
    QStringList parts;
    for (int k : keys)
        parts << comparableCell(table.columns[size_t(k)], cells.value(k));
    return parts.join(QChar(0x1f));
}

// Expected row counts per table: the whole collection read and transformed again.
Status expectedCounts(Source &source, const CollectionMapping &mapping,
                      const Transformer &transformer, std::vector<qint64> &out)
{
    ReadOptions ro;
    ro.filter = mapping.filter;
    auto reader = source.openReader(mapping.collection, ro);
    if (!reader)
        return reader.error();
    out.assign(mapping.tables().size(), 0);
    RowBatch batch;
    for (;;) {
        auto more = (*reader)->next(batch.docs, CountBatch);
        if (!more)
            return more.error();
        if (!*more)
            return {};
        transformer.transform(batch);
        for (size_t t = 0; t < out.size() && t < batch.tables.size(); ++t)
            out[t] += qint64(batch.tables[t].rows());
    }
}

Status compareSample(Source &source, SqlSink &sink, const CollectionMapping &mapping,
                     const Transformer &transformer, const ValidationOptions &vo,
                     CollectionReport &cr, QJsonObject &info)
{
    const std::vector<const TableMapping *> tables = mapping.tables();
    const std::vector<int> rootKeys = rootKeyColumns(mapping.root);
    if (rootKeys.empty()) {
        info.insert(QStringLiteral("sample_skipped"),
                    trEngine("The root table has no primary key to find rows by."));
        return {};
    }
    auto docs = source.sample(mapping.collection, vo.sample, mapping.filter);
    if (!docs)
        return docs.error();
    RowBatch batch;
    for (const BsonDoc &d : *docs)
        batch.docs.append(d.get());
    transformer.transform(batch);
    info.insert(QStringLiteral("sampled"), qint64(batch.docs.size()));
    const TableRows &root = batch.tables[0];
    qint64 uncompared = 0;
    for (size_t r = 0; r < root.rows(); ++r) {
        const uint32_t doc = root.rowDoc(r);
        const QString id = documentId(batch.docs, doc);
        const QString keyText = rowKeyText(rootKeys, root, r);
        if (vo.uncomparedKeys.contains(keyText)) {
            ++uncompared;
            continue;
        }
        const QVariantList keyValues =
            QJsonDocument::fromJson(keyText.toUtf8()).array().toVariantList();
        for (size_t t = 0; t < tables.size(); ++t) {
            const TableMapping &table = *tables[t];
            const std::vector<int> where =
                t == 0 ? rootKeys : childRootKeyColumns(table, rootKeys.size());
            if (where.size() != rootKeys.size())
                continue; // a child that does not carry the root key cannot be found by it
            QStringList conditions;
            for (int c : where)
                conditions << QStringLiteral("%1 = ?").arg(ddlQuote(table.columns[c].column));
            auto actual =
                sink.query(QStringLiteral("SELECT %1 FROM %2 WHERE %3")
                               .arg(selectList(table, sink.dialect()), ddlQuote(table.table),
                                    conditions.join(QStringLiteral(" AND "))),
                           keyValues);
            if (!actual)
                return actual.error();
            const std::vector<int> keys = keyIndices(table);
            QHash<QString, QStringList> found;
            for (const QVariantList &row : *actual) {
                const QStringList cells = normalizeRow(table, row, sink.dialect());
                found.insert(rowKey(table, keys, cells), cells);
            }
            const TableRows &rows = batch.tables[t];
            for (size_t e = 0; e < rows.rows(); ++e) {
                if (rows.rowDoc(e) != doc)
                    continue;
                const QStringList want = normalizeExpected(table, rows, e);
                const QString key = rowKey(table, keys, want);
                const auto it = found.constFind(key);
                if (it == found.cend()) {
                    addMismatch(cr, id, table.table, QString(),
                                trEngine("row %1").arg(key.split(QChar(0x1f)).join(u", ")),
                                trEngine("missing"));
                    continue;
                }
                for (size_t c = 0; c < table.columns.size(); ++c) {
                    if (!sameCell(table.columns[c], want.value(int(c)), it->value(int(c))))
                        addMismatch(cr, id, table.table, table.columns[c].column,
                                    want.value(int(c)), it->value(int(c)));
                }
                found.erase(it);
            }
            for (auto it = found.cbegin(); it != found.cend(); ++it)
                addMismatch(cr, id, table.table, QString(), trEngine("no such row"),
                            trEngine("row %1").arg(it.key().split(QChar(0x1f)).join(u", ")));
        }
    }
    if (uncompared > 0)
        info.insert(QStringLiteral("not_compared"), uncompared);
    return {};
}

} // namespace

Status validateCollection(Source &source, SqlSink &sink, const CollectionMapping &mapping,
                          const ProjectOptions &options, const ValidationOptions &vo,
                          CollectionReport &cr)
{
    const Transformer transformer(mapping, options, sink.dialect());
    const std::vector<const TableMapping *> tables = mapping.tables();
    QJsonObject info;
    std::vector<qint64> expected(tables.size(), -1);
    if (vo.fullCounts) {
        if (Status s = expectedCounts(source, mapping, transformer, expected); !s)
            return s;
        info.insert(QStringLiteral("counts"), QStringLiteral("all tables"));
    } else if (vo.expectedRootRows >= 0) {
        expected[0] = vo.expectedRootRows;
        info.insert(QStringLiteral("counts"), QStringLiteral("root table"));
    } else {
        info.insert(QStringLiteral("counts"), QStringLiteral("not checked"));
    }
    const bool fillTables = cr.tables.empty();
    for (size_t t = 0; t < tables.size(); ++t) {
        // After a run the report already holds the counts taken when its writing ended;
        // counting a large table again would only cost a second scan.
        qint64 rows = -1;
        if (!fillTables && t < cr.tables.size() && cr.tables[t].name == tables[t]->table)
            rows = cr.tables[t].rows;
        if (rows < 0) {
            auto counted = sink.countRows(tables[t]->table);
            if (!counted)
                return counted.error();
            rows = *counted;
        }
        if (fillTables)
            cr.tables.push_back({tables[t]->table, rows});
        if (expected[t] >= 0 && expected[t] != rows)
            addMismatch(cr, QString(), tables[t]->table, QString(),
                        trEngineCount("%n row", "%n rows", expected[t]),
                        trEngineCount("%n row", "%n rows", rows));
    }
    if (vo.sample > 0) {
        if (Status s = compareSample(source, sink, mapping, transformer, vo, cr, info); !s)
            return s;
    }
    info.insert(QStringLiteral("sample"), vo.sample);
    info.insert(QStringLiteral("mismatches"), cr.mismatches.size());
    cr.extra.insert(QStringLiteral("validation"), info);
    return {};
}

void validateAfterRun(Source &source, SqlSink &sink, const CollectionMapping &mapping,
                      const ProjectOptions &options, bool onlyThisRun, CollectionReport &cr,
                      const QSet<QString> &uncomparedKeys)
{
    ValidationOptions vo;
    vo.uncomparedKeys = uncomparedKeys;
    vo.sample = 20;
    vo.fullCounts = false;
    vo.expectedRootRows = onlyThisRun ? cr.written : -1;
    if (Status s = validateCollection(source, sink, mapping, options, vo, cr); !s)
        cr.warnings.append(trEngine("Validation could not run: %1").arg(s.error().message));
}

bool hasMismatches(const RunReport &report)
{
    for (const CollectionReport &c : report.collections) {
        if (!c.mismatches.isEmpty())
            return true;
    }
    return false;
}

} // namespace ferry

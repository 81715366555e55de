#include "run/embed_attacher.h"

#include "stores/common/source.h"

#include <QSet>

namespace ferry {

namespace {

constexpr int KeysPerQuery = 500; // well under SQLite's bound-parameter limit
constexpr int ChildBatch = 5000;

const TableInfo *findTable(const QList<TableInfo> &tables, const QString &name)
{
    for (const TableInfo &t : tables)
        if (t.name == name)
            return &t;
    return nullptr;
}

// The key value at `path` as the SQL sources bind it; null for a missing/NULL key.
QVariant keyValue(const bson_t *doc, const QString &path)
{
    bson_iter_t root, it;
    const QByteArray p = path.toUtf8();
    if (!bson_iter_init(&root, doc) || !bson_iter_find_descendant(&root, p.constData(), &it))
        return {};
    switch (bson_iter_type(&it)) {
    case BSON_TYPE_INT32:
    case BSON_TYPE_INT64:
        return QVariant::fromValue<qlonglong>(bson_iter_as_int64(&it));
    case BSON_TYPE_UTF8:
        return QString::fromUtf8(bson_iter_utf8(&it, nullptr));
    default:
        return {};
    }
}

} // namespace

EmbedAttacher::EmbedAttacher(Source &source, std::vector<EmbedRule> rules,
                             std::vector<Child> children, FieldShape shape)
    : m_source(source), m_rules(std::move(rules)), m_children(std::move(children)),
      m_shape(std::move(shape))
{
}

Result<std::unique_ptr<EmbedAttacher>> EmbedAttacher::create(Source &source,
                                                             const CollectionMapping &mapping)
{
    FieldShape shape = fieldShapeFor(mapping, QString());
    if (mapping.embeddings.empty() && shape.isEmpty())
        return std::unique_ptr<EmbedAttacher>();
    if (mapping.embeddings.empty())
        return std::unique_ptr<EmbedAttacher>(new EmbedAttacher(source, {}, {}, std::move(shape)));
    auto tables = source.tables();
    if (!tables)
        return tables.error();
    const TableInfo *parent = findTable(*tables, mapping.collection);
    if (!parent)
        return Error(ErrorCode::Usage,
                     trEngine("%1: only tables of a SQL source can embed other tables.")
                         .arg(mapping.collection),
                     mapping.collection);
    std::vector<EmbedRule> rules;
    std::vector<Child> children;
    for (const Embedding &e : mapping.embeddings) {
        const TableInfo *child = findTable(*tables, e.child);
        if (!child)
            return Error(ErrorCode::NotFound,
                         trEngine("%1: the source has no table \"%2\" to embed.")
                             .arg(mapping.collection, e.child),
                         mapping.collection);
        // The named key, else the parent's key the child refers to first in column order (a
        // junction refers to the parent twice; its first column says "mine").
        const ForeignKey *fk = nullptr;
        int firstColumn = int(child->columns.size());
        for (const ForeignKey &k : child->foreignKeys) {
            if (k.refTable != parent->name)
                continue;
            if (!e.foreignKey.isEmpty()) {
                if (k.columns == e.foreignKey)
                    fk = &k;
                continue;
            }
            for (int i = 0; i < int(child->columns.size()); ++i)
                if (!k.columns.isEmpty() && child->columns[i].name == k.columns.front() &&
                    i < firstColumn) {
                    firstColumn = i;
                    fk = &k;
                }
        }
        if (!fk)
            return Error(
                ErrorCode::Schema,
                trEngine("Cannot embed %1 in %2: %1 has no foreign key%3 to %2.")
                    .arg(e.child, parent->name,
                         e.foreignKey.isEmpty()
                             ? QString()
                             : QStringLiteral(" (%1)").arg(e.foreignKey.join(QLatin1String(", ")))),
                mapping.collection);
        if (fk->columns.size() != 1)
            return Error(ErrorCode::Schema,
                         trEngine("Cannot embed %1 in %2: the foreign key has several columns, "
                                  "which embedding does not support yet.")
                             .arg(e.child, parent->name),
                         mapping.collection);
        EmbedRule rule = embedRuleFor(*parent, *child, *fk);
        if (!e.field.isEmpty())
            rule.field = e.field;
        rule.single = e.single;
        rule.shape = fieldShapeFor(mapping, embeddedPrefix(e));
        rules.push_back(std::move(rule));
        children.push_back({child->name, fk->columns.front()});
    }
    return std::unique_ptr<EmbedAttacher>(
        new EmbedAttacher(source, std::move(rules), std::move(children), std::move(shape)));
}

Status EmbedAttacher::attach(DocBatch &docs)
{
    DocumentBuilder builder(m_rules);
    for (size_t r = 0; r < m_rules.size(); ++r) {
        QVariantList keys;
        QSet<QString> seen; // distinct keys only: a parent key appears once per batch anyway
        for (size_t i = 0; i < docs.size(); ++i) {
            bson_t doc;
            if (!docs.view(i, &doc))
                continue;
            const QVariant key = keyValue(&doc, m_rules[r].parentKeyPaths.value(0));
            if (key.isNull())
                continue;
            const QString text =
                key.toString() + QLatin1Char(key.typeId() == QMetaType::QString ? 's' : 'i');
            if (!seen.contains(text)) {
                seen.insert(text);
                keys.append(key);
            }
        }
        for (qsizetype from = 0; from < keys.size(); from += KeysPerQuery) {
            ReadOptions options;
            options.keyColumn = m_children[r].keyColumn;
            options.keyValues = keys.mid(from, KeysPerQuery);
            auto reader = m_source.openReader(m_children[r].table, options);
            if (!reader)
                return reader.error();
            DocBatch rows;
            for (;;) {
                auto more = (*reader)->next(rows, ChildBatch);
                if (!more)
                    return more.error();
                if (!*more)
                    break;
                for (size_t i = 0; i < rows.size(); ++i) {
                    bson_t row;
                    if (!rows.view(i, &row))
                        continue;
                    if (Status s = builder.addChild(r, &row); !s)
                        return s;
                }
            }
        }
    }
    DocBatch out;
    out.reserve(docs.bytes() * 2);
    for (size_t i = 0; i < docs.size(); ++i) {
        bson_t doc;
        if (!docs.view(i, &doc))
            return Error(ErrorCode::Parse, trEngine("A document of the batch is not valid BSON."));
        auto built = builder.build(&doc);
        if (!built)
            return built.error();
        if (m_shape.isEmpty()) {
            out.append(built->get());
            continue;
        }
        BsonDoc shaped;
        if (Status s = appendShaped(shaped.get(), built->get(), m_shape); !s)
            return s.error();
        out.append(shaped.get());
    }
    docs = std::move(out);
    return {};
}

} // namespace ferry

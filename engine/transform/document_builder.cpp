#include "transform/document_builder.h"

#include <cstring>

namespace ferry {

namespace {

// The key columns of `t` as paths in its documents (see KeyPlan: a single key became _id,
// a composite one _id.<column>).
QString pathOf(const TableInfo &t, const QString &column)
{
    const KeyPlan plan = keyPlanFor(t, Dialect::Postgres);
    if (plan.id == KeyPlan::Id::Single && plan.keyColumns.value(0) == column)
        return QStringLiteral("_id");
    if (plan.id == KeyPlan::Id::Composite && plan.keyColumns.contains(column))
        return QStringLiteral("_id.") + column;
    return column;
}

// Encodes the key values so that int32 and int64 of the same number compare equal (the
// sources pick the narrowest integer per value). Returns false when a part is missing/null.
bool encodeKey(const bson_t *doc, const QStringList &paths, QByteArray *out)
{
    out->clear();
    for (const QString &path : paths) {
        bson_iter_t root, it;
        const QByteArray p = path.toUtf8();
        if (!bson_iter_init(&root, doc) || !bson_iter_find_descendant(&root, p.constData(), &it))
            return false;
        const bson_type_t type = bson_iter_type(&it);
        if (type == BSON_TYPE_NULL || type == BSON_TYPE_UNDEFINED)
            return false;
        if (type == BSON_TYPE_INT32 || type == BSON_TYPE_INT64) {
            const int64_t v = bson_iter_as_int64(&it);
            out->append('i').append(reinterpret_cast<const char *>(&v), sizeof v);
            continue;
        }
        bson_t one = BSON_INITIALIZER;
        bson_append_iter(&one, "", 0, &it);
        out->append('v').append(reinterpret_cast<const char *>(bson_get_data(&one)),
                                qsizetype(one.len));
        bson_destroy(&one);
    }
    return true;
}

} // namespace

EmbedRule embedRuleFor(const TableInfo &parent, const TableInfo &child, const ForeignKey &fk)
{
    EmbedRule rule;
    rule.field = child.name;
    for (const QString &c : fk.refColumns)
        rule.parentKeyPaths.append(pathOf(parent, c));
    for (const QString &c : fk.columns)
        rule.childKeyPaths.append(pathOf(child, c));
    // Junction: two single-column foreign keys that together are the whole table.
    if (child.foreignKeys.size() == 2 && child.columns.size() == 2 &&
        child.primaryKey.size() == 2) {
        for (const ForeignKey &other : child.foreignKeys)
            if (other.columns != fk.columns && other.columns.size() == 1)
                rule.valuePath = pathOf(child, other.columns.front());
    }
    return rule;
}

DocumentBuilder::DocumentBuilder(std::vector<EmbedRule> rules)
    : m_rules(std::move(rules)), m_children(m_rules.size()), m_counts(m_rules.size(), 0)
{
}

Status DocumentBuilder::addChild(size_t rule, const bson_t *child)
{
    if (rule >= m_rules.size())
        return Error(ErrorCode::Internal, trEngine("No embedding rule %1.").arg(rule));
    const EmbedRule &r = m_rules[rule];
    QByteArray key;
    if (!encodeKey(child, r.childKeyPaths, &key))
        return {};
    BsonDoc value;
    if (!r.valuePath.isEmpty()) {
        bson_iter_t root, it;
        const QByteArray p = r.valuePath.toUtf8();
        if (!bson_iter_init(&root, child) || !bson_iter_find_descendant(&root, p.constData(), &it))
            return Error(ErrorCode::Schema,
                         trEngine("A row of %1 has no %2 to embed.").arg(r.field, r.valuePath));
        bson_append_iter(value.get(), "v", 1, &it);
    } else {
        // The foreign-key columns only repeat the parent's key: leave them out.
        bson_t sub;
        BSON_APPEND_DOCUMENT_BEGIN(value.get(), "v", &sub);
        const Status shaped = appendShaped(&sub, child, r.shape, r.childKeyPaths);
        bson_append_document_end(value.get(), &sub);
        if (!shaped)
            return Error(shaped.error().code, shaped.error().message, r.field);
    }
    m_children[rule][key].push_back(std::move(value));
    ++m_counts[rule];
    return {};
}

Result<BsonDoc> DocumentBuilder::build(const bson_t *parent) const
{
    BsonDoc out(parent);
    for (size_t r = 0; r < m_rules.size(); ++r) {
        const QByteArray field = m_rules[r].field.toUtf8();
        bson_iter_t existing;
        if (bson_iter_init_find(&existing, parent, field.constData()))
            return Error(ErrorCode::Schema,
                         trEngine("Cannot embed %1: the parent already has a field of that name.")
                             .arg(m_rules[r].field));
        if (m_rules[r].single) {
            if (Status s = appendSingle(out.get(), r, parent); !s)
                return s.error();
            continue;
        }
        bson_t array;
        bson_append_array_begin(out.get(), field.constData(), -1, &array);
        QByteArray key;
        if (encodeKey(parent, m_rules[r].parentKeyPaths, &key)) {
            const auto it = m_children[r].constFind(key);
            if (it != m_children[r].constEnd()) {
                char buf[16];
                const char *index;
                uint32_t i = 0;
                for (const BsonDoc &v : *it) {
                    bson_iter_t vi;
                    bson_iter_init_find(&vi, v.get(), "v");
                    bson_uint32_to_string(i++, &index, buf, sizeof buf);
                    bson_append_iter(&array, index, -1, &vi);
                }
            }
        }
        bson_append_array_end(out.get(), &array);
    }
    return out;
}

Status DocumentBuilder::appendSingle(bson_t *out, size_t rule, const bson_t *parent) const
{
    const EmbedRule &r = m_rules[rule];
    const QByteArray field = r.field.toUtf8();
    QByteArray key;
    const std::vector<BsonDoc> *found = nullptr;
    if (encodeKey(parent, r.parentKeyPaths, &key)) {
        const auto it = m_children[rule].constFind(key);
        if (it != m_children[rule].constEnd())
            found = &*it;
    }
    if (!found || found->empty()) {
        bson_append_null(out, field.constData(), -1);
        return {};
    }
    if (found->size() > 1)
        return Error(ErrorCode::Schema,
                     trEngine("Cannot embed %1 as one sub-document: a row of the parent has %2 "
                              "rows in it. Embed it as an array instead.")
                         .arg(r.field)
                         .arg(found->size()),
                     r.field);
    bson_iter_t vi;
    bson_iter_init_find(&vi, found->front().get(), "v");
    bson_append_iter(out, field.constData(), -1, &vi);
    return {};
}

qint64 DocumentBuilder::childCount(size_t rule) const
{
    return rule < m_counts.size() ? m_counts[rule] : 0;
}

} // namespace ferry

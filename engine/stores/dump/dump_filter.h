#pragma once

#include "core/doc_batch.h"
#include "core/error.h"

#include <QByteArray>
#include <QString>

#include <memory>
#include <vector>

namespace ferry {

// The part of the MongoDB query language that can be evaluated cheaply on a dump file:
// equality, $eq/$ne, $gt/$gte/$lt/$lte, $in/$nin, $exists on top-level or dotted fields,
// combined with $and/$or/$nor. Anything else is refused when the filter is parsed, so a
// filter is never half-applied.
class DumpFilter {
public:
    // An empty text gives a filter that matches everything.
    static Result<DumpFilter> parse(const QString &extendedJson);

    bool isEmpty() const { return m_root.children.empty() && m_root.op == Op::And; }
    bool matches(const uint8_t *data, uint32_t len) const;

private:
    enum class Op { And, Or, Nor, Eq, Ne, Gt, Gte, Lt, Lte, In, Nin, Exists };
    struct Node {
        Op op = Op::And;
        QByteArray path;
        bson_value_t operand{}; // points into *m_query, which never moves
        std::vector<Node> children;
    };

    static Status parseQuery(const bson_t *query, Node &into, int depth);
    static Status parseField(const QByteArray &path, bson_iter_t *value, Node &into);
    bool eval(const Node &node, const bson_t *doc) const;
    static bool evalField(const Node &node, const bson_t *doc);

    std::shared_ptr<BsonDoc> m_query;
    Node m_root;
};

} // namespace ferry

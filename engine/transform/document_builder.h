#pragma once

#include "core/catalog.h"
#include "core/doc_batch.h"
#include "core/error.h"
#include "transform/document_shape.h"

#include <QByteArray>
#include <QHash>
#include <QString>
#include <QStringList>

#include <vector>

namespace ferry {

// How one child table is folded into its parent's documents (relational → document).
// Paths are dotted paths into the flat documents the SQL sources produce, so a key column
// that became _id (or part of a composite _id) is addressed as "_id" / "_id.col".
struct EmbedRule {
    QString field;              // array added to the parent document
    QStringList parentKeyPaths; // referenced key in the parent, e.g. {"_id"}
    QStringList childKeyPaths;  // the foreign key in the child, e.g. {"run_id"}
    // Junction tables: the one value kept per child row (e.g. "_id.depends_on_id"), so the
    // array holds ids. Empty: the whole child row minus its foreign-key columns.
    QString valuePath;
    bool single = false; // one-to-one: one sub-document (or null), not an array
    FieldShape shape;    // renames and exclusions of the child's fields
};

// Derives the rule for a foreign key `fk` of `child` pointing at `parent`: a junction
// table (a composite key made of two foreign keys and nothing else) gives an array of the
// other side's ids, any other child an array of sub-documents.
EmbedRule embedRuleFor(const TableInfo &parent, const TableInfo &child, const ForeignKey &fk);

// Builds nested documents from a parent table's documents and its child tables' rows.
// Children are grouped by their foreign key first (addChild), then each parent document
// gets one array per rule, in the order the child rows were added (the source's key order).
// Grouping holds the child rows in memory: fine for child tables of moderate size; a
// streaming merge of two key-ordered readers is the way to go beyond that.
class DocumentBuilder {
public:
    explicit DocumentBuilder(std::vector<EmbedRule> rules);

    // A child row for rule `rule`. Rows whose foreign key is NULL belong to no parent.
    Status addChild(size_t rule, const bson_t *child);
    // The parent with its arrays appended (an empty array when it has no children; for a
    // single embedding the one child, or null).
    Result<BsonDoc> build(const bson_t *parent) const;
    // Child rows grouped so far for a rule (rows with a NULL foreign key are not counted).
    qint64 childCount(size_t rule) const;

private:
    Status appendSingle(bson_t *out, size_t rule, const bson_t *parent) const;

    std::vector<EmbedRule> m_rules;
    // Per rule: encoded key → the embedded values, each stored as a {"v": value} document.
    std::vector<QHash<QByteArray, std::vector<BsonDoc>>> m_children;
    std::vector<qint64> m_counts;
};

} // namespace ferry

#pragma once

#include "core/doc_batch.h"
#include "core/error.h"
#include "project/mapping.h"
#include "transform/document_builder.h"

#include <QString>

#include <memory>
#include <vector>

namespace ferry {

class Source;

// Attaches the child rows a CollectionMapping embeds to each batch of parent documents
// (relational source → document target), and renames or leaves out the fields the mapping
// says (FieldRename, `excluded`) for any source bound for a document target. Memory stays bounded
// by the batch: the children of one batch are read with a keyed query (`WHERE fk IN (…)`, in
// chunks), grouped by their foreign key, folded into the parents, and dropped.
class EmbedAttacher {
public:
    // nullptr when the mapping embeds, renames and excludes nothing. Fails when a child has no
    // foreign key to the parent (or not the one the project names), or a key has several columns.
    static Result<std::unique_ptr<EmbedAttacher>> create(Source &source,
                                                         const CollectionMapping &mapping);

    // Replaces every document of `docs` by itself plus one array (or sub-document) per
    // embedding, with its fields renamed and left out as the mapping says.
    Status attach(DocBatch &docs);

private:
    struct Child {
        QString table;
        QString keyColumn; // the child's foreign-key column, for the keyed query
    };
    EmbedAttacher(Source &source, std::vector<EmbedRule> rules, std::vector<Child> children,
                  FieldShape shape);

    Source &m_source;
    std::vector<EmbedRule> m_rules;
    std::vector<Child> m_children;
    FieldShape m_shape; // of the parent's own top-level fields
};

} // namespace ferry

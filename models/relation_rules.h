#pragma once

#include "core/catalog.h"
#include "project/project.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace ferry {

// Relational source → document target: what becomes of each foreign key. Pure edits of a
// Project, so the relations page's models can call them inside ProjectDocument::modify() and
// the results can be compared with `ferry-cli … --embed` (applyEmbedSpec) without a view.

enum class RelationChoice {
    Reference,   // the child stays a collection of its own and keeps the parent's id
    EmbedArray,  // the child's rows become an array of sub-documents in the parent
    EmbedIds,    // a junction table becomes an array of the other side's ids
    EmbedSingle, // one-to-one: the child's row becomes one sub-document (or null)
};
QString relationChoiceLabel(RelationChoice choice); // translated

// One single-or-multi-column foreign key of the source: child.columns → parent.refColumns.
struct Relation {
    QString child;
    QString parent;
    QStringList columns;
    QStringList refColumns;
    bool junction = false;   // the child only links two tables (see embedRuleFor)
    bool unique = false;     // the key is unique in the child: one-to-one
    bool defaultKey = false; // the key the engine follows when an embedding names none
    bool operator==(const Relation &) const = default;
};

// Every foreign key, in the catalog's table order, then the key's order.
QList<Relation> sourceRelations(const QList<TableInfo> &tables);
// What can be chosen for a relation (the engine embeds along one-column keys only, a
// junction as ids, and a single sub-document only when the key is unique).
QList<RelationChoice> choicesFor(const Relation &relation);

struct RelationSuggestion {
    RelationChoice choice = RelationChoice::Reference;
    QString reason; // translated: why Ferry proposes it
};
RelationSuggestion suggestChoice(const QList<TableInfo> &tables, const Relation &relation);

RelationChoice currentChoice(const Project &project, const Relation &relation);
// The field the child lands in inside the parent's documents ("" when not embedded).
QString embeddedField(const Project &project, const Relation &relation);
// Sets the choice of one relation. The child moves as a collection of its own exactly when
// no relation embeds it. `field` names the embedded field ("" keeps it / the table's name).
void setChoice(Project &project, const Relation &relation, RelationChoice choice,
               const QString &field = {});
void setEmbeddedField(Project &project, const Relation &relation, const QString &field);
// Applies every suggestion (one undo step on the page).
void applySuggestions(Project &project, const QList<TableInfo> &tables);

// A table's renames and exclusions live on its own CollectionMapping (top-level names); the
// collections embedding it get copies under the embedded field's prefix, which is what the
// run reads (see fieldShapeFor). Call after any change of embeddings or of a table's fields.
void syncEmbeddedShapes(Project &project);

// A table's own fields (top-level names of its rows), renamed or left out wherever its
// rows go: its own collection, or the documents that embed it.
void setFieldName(Project &project, const QString &table, const QString &field,
                  const QString &name);
void setFieldIncluded(Project &project, const QString &table, const QString &field, bool included);
QString fieldName(const Project &project, const QString &table, const QString &field);
bool isFieldIncluded(const Project &project, const QString &table, const QString &field);

// The top-level field a column becomes in a table's documents ("_id" for a one-column key).
QString documentFieldOf(const TableInfo &table, const QString &column);

// What stops a run from doing what the choices say, one translated line each.
QStringList relationProblems(const Project &project, const QList<TableInfo> &tables);

} // namespace ferry

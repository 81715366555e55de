#pragma once

#include "core/catalog.h"
#include "project/project.h"

#include <QList>
#include <QString>

namespace ferry {

// What a schema diagram draws, without any drawing: boxes (tables) with their columns and the
// links between them. Built from the project (what a run builds in a relational target) or
// from a relational source's catalog (what the relations page shapes into documents).

struct GraphColumn {
    QString name;
    QString type;
    bool primaryKey = false;
    bool key = false;   // a foreign key, parent key, ordinal or map key
    bool muted = false; // left out of the documents
};

struct GraphTable {
    QString name;
    QString caption;    // a second line: what kind of table it is
    QString collection; // the collection (project) it belongs to
    QList<int> path;    // its table path inside the collection ({} = the root table)
    QList<GraphColumn> columns;
    bool muted = false; // not a collection of its own (embedded elsewhere)
};

struct GraphLink {
    int from = 0; // parent / referenced table
    int to = 0;   // child / referring table
    QString label;
    bool dashed = false; // a reference between collections, not containment
};

struct SchemaGraph {
    QList<GraphTable> tables;
    QList<GraphLink> links;
    int indexOf(const QString &collection, const QList<int> &path) const;
};

// The tables a run creates in a relational target: every enabled collection's root table,
// its array and map child tables, and the references between collections.
SchemaGraph targetSchemaGraph(const Project &project);

// A relational source's tables as the project moves them into documents: each table's
// fields as they will be named, and each foreign key drawn as embedded or referenced.
SchemaGraph relationsGraph(const QList<TableInfo> &tables, const Project &project);

} // namespace ferry

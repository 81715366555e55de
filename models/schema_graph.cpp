#include "models/schema_graph.h"

#include "models/mapping_edits.h"
#include "models/relation_rules.h"

#include <QCoreApplication>
#include <QHash>

namespace ferry {

namespace {

GraphColumn columnOf(const ColumnMapping &c, Dialect dialect)
{
    GraphColumn out;
    out.name = c.column;
    out.type = sqlTypeName(c, dialect);
    out.primaryKey = c.primaryKey;
    out.key = c.role == ColumnRole::ParentKey || c.role == ColumnRole::Ordinal ||
              c.role == ColumnRole::MapKey;
    return out;
}

} // namespace

int SchemaGraph::indexOf(const QString &collection, const QList<int> &path) const
{
    for (int i = 0; i < tables.size(); ++i)
        if (tables[i].collection == collection && tables[i].path == path)
            return i;
    return -1;
}

SchemaGraph targetSchemaGraph(const Project &project)
{
    SchemaGraph g;
    const Dialect dialect = project.targetDialect();
    QHash<QString, int> roots; // collection → its root table's box
    for (const CollectionMapping &c : project.collections) {
        if (!c.enabled)
            continue;
        const QList<TablePath> paths = tablePaths(c);
        const int first = int(g.tables.size());
        for (const TablePath &path : paths) {
            const TableMapping *t = tableAt(c, path);
            GraphTable box;
            box.name = t->table;
            box.collection = c.collection;
            box.path = path;
            switch (t->kind) {
            case TableKind::Root:
                box.caption =
                    QCoreApplication::translate("ferry::SchemaDiagramView", "rows: documents of %1")
                        .arg(c.collection);
                break;
            case TableKind::Array:
                box.caption =
                    QCoreApplication::translate("ferry::SchemaDiagramView", "rows: elements of %1")
                        .arg(t->source);
                break;
            case TableKind::Map:
                box.caption = QCoreApplication::translate("ferry::SchemaDiagramView",
                                                          "rows: entries of map %1")
                                  .arg(t->source);
                break;
            }
            for (const ColumnMapping &col : t->columns)
                box.columns.append(columnOf(col, dialect));
            g.tables.append(box);
        }
        roots.insert(c.collection, first);
        // Parent → child: the parent of a path is the path without its last step.
        for (int i = 1; i < paths.size(); ++i) {
            const TablePath parentPath = paths[i].mid(0, paths[i].size() - 1);
            const int parent = first + int(paths.indexOf(parentPath));
            const TableMapping *t = tableAt(c, paths[i]);
            g.links.append(
                {parent, first + i,
                 t->kind == TableKind::Map
                     ? QCoreApplication::translate("ferry::SchemaDiagramView", "map %1")
                           .arg(t->source)
                     : QCoreApplication::translate("ferry::SchemaDiagramView", "array %1")
                           .arg(t->source),
                 false});
        }
    }
    for (const CollectionMapping &c : project.collections) {
        if (!c.enabled)
            continue;
        for (const Reference &r : c.references) {
            const auto target = roots.constFind(r.collection);
            if (target == roots.constEnd())
                continue;
            g.links.append({*target, roots.value(c.collection), r.column, true});
            for (GraphColumn &col : g.tables[roots.value(c.collection)].columns)
                if (col.name == r.column)
                    col.key = true;
        }
    }
    return g;
}

SchemaGraph relationsGraph(const QList<TableInfo> &tables, const Project &project)
{
    SchemaGraph g;
    QHash<QString, int> boxes;
    for (const TableInfo &t : tables) {
        const CollectionMapping *c = project.findCollection(t.name);
        if (!c)
            continue;
        GraphTable box;
        box.name = t.name;
        box.collection = t.name;
        QStringList fkColumns;
        for (const ForeignKey &k : t.foreignKeys)
            fkColumns += k.columns;
        for (const ColumnInfo &col : t.columns) {
            const QString field = documentFieldOf(t, col.name);
            const QString name = fieldName(project, t.name, field);
            GraphColumn out;
            out.name = name == field
                           ? field
                           : QCoreApplication::translate("ferry::SchemaDiagramView", "%1 → %2")
                                 .arg(field, name);
            out.type = col.sqlType;
            out.primaryKey = t.primaryKey.contains(col.name);
            out.key = fkColumns.contains(col.name);
            out.muted = !isFieldIncluded(project, t.name, field);
            box.columns.append(out);
        }
        boxes.insert(t.name, int(g.tables.size()));
        g.tables.append(box);
    }
    for (const Relation &r : sourceRelations(tables)) {
        if (!boxes.contains(r.parent) || !boxes.contains(r.child))
            continue;
        const RelationChoice choice = currentChoice(project, r);
        const QString field = embeddedField(project, r);
        QString label;
        switch (choice) {
        case RelationChoice::Reference:
            label = QCoreApplication::translate("ferry::SchemaDiagramView", "%1 refers")
                        .arg(r.columns.join(QLatin1String(", ")));
            break;
        case RelationChoice::EmbedArray:
            label = QCoreApplication::translate("ferry::SchemaDiagramView", "embedded as %1[]")
                        .arg(field);
            break;
        case RelationChoice::EmbedIds:
            label =
                QCoreApplication::translate("ferry::SchemaDiagramView", "ids in %1[]").arg(field);
            break;
        case RelationChoice::EmbedSingle:
            label = QCoreApplication::translate("ferry::SchemaDiagramView", "embedded as %1")
                        .arg(field);
            break;
        }
        g.links.append({boxes.value(r.parent), boxes.value(r.child), label,
                        choice == RelationChoice::Reference});
    }
    for (GraphTable &box : g.tables) {
        const CollectionMapping *c = project.findCollection(box.name);
        QStringList holders;
        for (const CollectionMapping &other : project.collections)
            for (const Embedding &e : other.embeddings)
                if (e.child == box.name)
                    holders.append(other.collection);
        if (!holders.isEmpty() && !c->enabled) {
            box.muted = true;
            box.caption = QCoreApplication::translate("ferry::SchemaDiagramView", "embedded in %1")
                              .arg(holders.join(QLatin1String(", ")));
        } else if (!c->enabled) {
            box.muted = true;
            box.caption = QCoreApplication::translate("ferry::SchemaDiagramView", "not moved");
        } else {
            box.caption = QCoreApplication::translate("ferry::SchemaDiagramView", "collection %1")
                              .arg(c->root.table.isEmpty() ? c->collection : c->root.table);
        }
    }
    return g;
}

} // namespace ferry

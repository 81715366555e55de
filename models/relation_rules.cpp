#include "models/relation_rules.h"

#include "core/identifiers.h"
#include "transform/document_shape.h"

#include <QCoreApplication>
#include <QSet>

namespace ferry {

namespace {

const TableInfo *findTable(const QList<TableInfo> &tables, const QString &name)
{
    for (const TableInfo &t : tables)
        if (t.name == name)
            return &t;
    return nullptr;
}

bool isJunction(const TableInfo &t)
{
    // The same test as embedRuleFor: two one-column keys that together are the whole table.
    return t.foreignKeys.size() == 2 && t.columns.size() == 2 && t.primaryKey.size() == 2;
}

bool isUnique(const TableInfo &t, const QStringList &columns)
{
    const QSet<QString> wanted(columns.cbegin(), columns.cend());
    if (QSet<QString>(t.primaryKey.cbegin(), t.primaryKey.cend()) == wanted)
        return true;
    for (const QStringList &u : t.uniques)
        if (QSet<QString>(u.cbegin(), u.cend()) == wanted)
            return true;
    return false;
}

int columnIndex(const TableInfo &t, const QString &column)
{
    for (int i = 0; i < int(t.columns.size()); ++i)
        if (t.columns[i].name == column)
            return i;
    return int(t.columns.size());
}

// As EmbedAttacher picks it: the key to `parent` whose first column comes first.
const ForeignKey *defaultKeyTo(const TableInfo &child, const QString &parent)
{
    const ForeignKey *best = nullptr;
    int bestColumn = int(child.columns.size());
    for (const ForeignKey &k : child.foreignKeys) {
        if (k.refTable != parent || k.columns.isEmpty())
            continue;
        const int i = columnIndex(child, k.columns.front());
        if (i < bestColumn) {
            bestColumn = i;
            best = &k;
        }
    }
    return best;
}

bool matches(const Embedding &e, const Relation &r)
{
    if (e.child != r.child)
        return false;
    return e.foreignKey.isEmpty() ? r.defaultKey : e.foreignKey == r.columns;
}

const Embedding *findEmbedding(const Project &project, const Relation &r)
{
    const CollectionMapping *parent = project.findCollection(r.parent);
    if (!parent)
        return nullptr;
    for (const Embedding &e : parent->embeddings)
        if (matches(e, r))
            return &e;
    return nullptr;
}

bool isEmbeddedAnywhere(const Project &project, const QString &table)
{
    for (const CollectionMapping &c : project.collections)
        for (const Embedding &e : c.embeddings)
            if (e.child == table)
                return true;
    return false;
}

bool isDerivedPath(const QString &path)
{
    return path.contains(QLatin1Char('.')) || path.contains(QLatin1String("[]"));
}

} // namespace

QString relationChoiceLabel(RelationChoice choice)
{
    switch (choice) {
    case RelationChoice::Reference:
        return QCoreApplication::translate("ferry::RelationsModel",
                                           "Own collection, with a reference");
    case RelationChoice::EmbedArray:
        return QCoreApplication::translate("ferry::RelationsModel",
                                           "Embedded array of sub-documents");
    case RelationChoice::EmbedIds:
        return QCoreApplication::translate("ferry::RelationsModel", "Embedded array of ids");
    case RelationChoice::EmbedSingle:
        return QCoreApplication::translate("ferry::RelationsModel", "Embedded single sub-document");
    }
    return {};
}

QList<Relation> sourceRelations(const QList<TableInfo> &tables)
{
    QList<Relation> out;
    for (const TableInfo &t : tables) {
        for (const ForeignKey &k : t.foreignKeys) {
            Relation r;
            r.child = t.name;
            r.parent = k.refTable;
            r.columns = k.columns;
            r.refColumns = k.refColumns;
            r.junction = isJunction(t);
            r.unique = isUnique(t, k.columns);
            r.defaultKey = defaultKeyTo(t, k.refTable) == &k;
            out.append(r);
        }
    }
    return out;
}

QList<RelationChoice> choicesFor(const Relation &relation)
{
    if (relation.columns.size() != 1 || relation.child == relation.parent)
        return {RelationChoice::Reference};
    if (relation.junction)
        return {RelationChoice::EmbedIds, RelationChoice::Reference};
    if (relation.unique)
        return {RelationChoice::EmbedSingle, RelationChoice::EmbedArray, RelationChoice::Reference};
    return {RelationChoice::EmbedArray, RelationChoice::Reference};
}

RelationSuggestion suggestChoice(const QList<TableInfo> &tables, const Relation &relation)
{
    const QString key = relation.columns.join(QLatin1String(", "));
    if (relation.child == relation.parent)
        return {
            RelationChoice::Reference,
            QCoreApplication::translate("ferry::RelationsModel",
                                        "%1 refers to itself (%2): it keeps the id as a reference.")
                .arg(relation.child, key)};
    if (relation.columns.size() != 1)
        return {RelationChoice::Reference,
                QCoreApplication::translate(
                    "ferry::RelationsModel",
                    "The key %1 has several columns, which embedding does not support yet.")
                    .arg(key)};
    // A table is proposed for embedding in one parent only: the one its first key (in
    // column order, self-references aside) points at.
    const TableInfo *child = findTable(tables, relation.child);
    const ForeignKey *first = nullptr;
    int firstColumn = child ? int(child->columns.size()) : 0;
    if (child)
        for (const ForeignKey &k : child->foreignKeys)
            if (k.refTable != child->name && k.columns.size() == 1 &&
                columnIndex(*child, k.columns.front()) < firstColumn) {
                firstColumn = columnIndex(*child, k.columns.front());
                first = &k;
            }
    const bool isFirst =
        first && first->columns == relation.columns && first->refTable == relation.parent;
    if (relation.junction) {
        QString other;
        if (child)
            for (const ForeignKey &k : child->foreignKeys)
                if (k.columns != relation.columns)
                    other = k.refTable;
        if (isFirst)
            return {RelationChoice::EmbedIds,
                    QCoreApplication::translate(
                        "ferry::RelationsModel",
                        "%1 only links %2 and %3: each %2 document gets the array of its %3 ids, "
                        "and %1 needs no collection of its own.")
                        .arg(relation.child, relation.parent, other)};
        return {RelationChoice::Reference,
                QCoreApplication::translate(
                    "ferry::RelationsModel",
                    "%1 is already kept in %2 as an array of ids; choose ids here too to have "
                    "them on the %3 side as well.")
                    .arg(relation.child, other, relation.parent)};
    }
    QStringList referrers;
    for (const TableInfo &t : tables)
        for (const ForeignKey &k : t.foreignKeys)
            if (k.refTable == relation.child && t.name != relation.child &&
                !referrers.contains(t.name))
                referrers.append(t.name);
    if (!referrers.isEmpty())
        return {
            RelationChoice::Reference,
            QCoreApplication::translate(
                "ferry::RelationsModel",
                "%1 is referred to by %2: embedding it would copy its rows, so it stays a "
                "collection of its own and keeps %3 as a reference to %4.")
                .arg(relation.child, referrers.join(QLatin1String(", ")), key, relation.parent)};
    if (!isFirst)
        return {
            RelationChoice::Reference,
            QCoreApplication::translate(
                "ferry::RelationsModel",
                "%1 is embedded in %2 (its first key); %3 stays a reference to %4.")
                .arg(relation.child, first ? first->refTable : QString(), key, relation.parent)};
    if (relation.unique)
        return {RelationChoice::EmbedSingle,
                QCoreApplication::translate(
                    "ferry::RelationsModel",
                    "Each %1 has at most one %2 (%3 is unique): it becomes one sub-document.")
                    .arg(relation.parent, relation.child, key)};
    return {RelationChoice::EmbedArray,
            QCoreApplication::translate(
                "ferry::RelationsModel",
                "Rows of %1 belong to one %2 each and nothing else refers to them: they become "
                "an array in the %2 document.")
                .arg(relation.child, relation.parent)};
}

RelationChoice currentChoice(const Project &project, const Relation &relation)
{
    const Embedding *e = findEmbedding(project, relation);
    if (!e)
        return RelationChoice::Reference;
    if (relation.junction)
        return RelationChoice::EmbedIds;
    return e->single ? RelationChoice::EmbedSingle : RelationChoice::EmbedArray;
}

QString embeddedField(const Project &project, const Relation &relation)
{
    const Embedding *e = findEmbedding(project, relation);
    if (!e)
        return {};
    return e->field.isEmpty() ? e->child : e->field;
}

void setChoice(Project &project, const Relation &relation, RelationChoice choice,
               const QString &field)
{
    CollectionMapping *parent = project.findCollection(relation.parent);
    CollectionMapping *child = project.findCollection(relation.child);
    if (!parent || !child)
        return;
    const bool wasEmbedded = isEmbeddedAnywhere(project, relation.child);
    auto &list = parent->embeddings;
    auto it = std::find_if(list.begin(), list.end(),
                           [&relation](const Embedding &e) { return matches(e, relation); });
    if (choice == RelationChoice::Reference) {
        if (it != list.end())
            list.erase(it);
    } else {
        if (it == list.end()) {
            // An explicit key, so the choice stays with this relation whatever else changes.
            list.push_back({relation.child, relation.columns, QString(), false});
            it = list.end() - 1;
        }
        it->single = choice == RelationChoice::EmbedSingle;
        if (!field.isEmpty())
            it->field = field == relation.child ? QString() : field;
    }
    const bool embedded = isEmbeddedAnywhere(project, relation.child);
    if (embedded)
        child->enabled = false;
    else if (wasEmbedded)
        child->enabled = true; // back to a collection of its own
    syncEmbeddedShapes(project);
}

void setEmbeddedField(Project &project, const Relation &relation, const QString &field)
{
    CollectionMapping *parent = project.findCollection(relation.parent);
    if (!parent)
        return;
    for (Embedding &e : parent->embeddings)
        if (matches(e, relation))
            e.field = field == relation.child ? QString() : field;
    syncEmbeddedShapes(project);
}

void applySuggestions(Project &project, const QList<TableInfo> &tables)
{
    for (const Relation &r : sourceRelations(tables)) {
        if (!project.findCollection(r.parent) || !project.findCollection(r.child))
            continue;
        setChoice(project, r, suggestChoice(tables, r).choice);
    }
}

void syncEmbeddedShapes(Project &project)
{
    for (CollectionMapping &c : project.collections) {
        std::erase_if(c.renames, [](const FieldRename &r) { return isDerivedPath(r.from); });
        c.excluded.removeIf([](const QString &p) { return isDerivedPath(p); });
    }
    for (CollectionMapping &c : project.collections) {
        for (const Embedding &e : c.embeddings) {
            const CollectionMapping *child = project.findCollection(e.child);
            if (!child || child == &c)
                continue;
            const QString prefix = embeddedPrefix(e);
            std::vector<FieldRename> renames;
            QStringList excluded;
            for (const FieldRename &r : child->renames)
                if (!isDerivedPath(r.from))
                    renames.push_back({prefix + r.from, r.to});
            for (const QString &p : child->excluded)
                if (!isDerivedPath(p))
                    excluded.append(prefix + p);
            c.renames.insert(c.renames.end(), renames.begin(), renames.end());
            c.excluded += excluded;
        }
    }
}

void setFieldName(Project &project, const QString &table, const QString &field, const QString &name)
{
    CollectionMapping *c = project.findCollection(table);
    if (!c)
        return;
    std::erase_if(c->renames, [&field](const FieldRename &r) { return r.from == field; });
    if (!name.isEmpty() && name != field)
        c->renames.push_back({field, name});
    syncEmbeddedShapes(project);
}

void setFieldIncluded(Project &project, const QString &table, const QString &field, bool included)
{
    CollectionMapping *c = project.findCollection(table);
    if (!c)
        return;
    c->excluded.removeAll(field);
    if (!included)
        c->excluded.append(field);
    syncEmbeddedShapes(project);
}

QString fieldName(const Project &project, const QString &table, const QString &field)
{
    if (const CollectionMapping *c = project.findCollection(table))
        for (const FieldRename &r : c->renames)
            if (r.from == field)
                return r.to;
    return field;
}

bool isFieldIncluded(const Project &project, const QString &table, const QString &field)
{
    const CollectionMapping *c = project.findCollection(table);
    return !c || !c->excluded.contains(field);
}

QString documentFieldOf(const TableInfo &table, const QString &column)
{
    const KeyPlan plan = keyPlanFor(table, Dialect::Postgres);
    if (plan.id == KeyPlan::Id::Single && plan.keyColumns.value(0) == column)
        return QStringLiteral("_id");
    if (plan.id == KeyPlan::Id::Composite && plan.keyColumns.contains(column))
        return QStringLiteral("_id.") + column;
    return column;
}

QStringList relationProblems(const Project &project, const QList<TableInfo> &tables)
{
    QStringList out;
    for (const CollectionMapping &c : project.collections) {
        if (c.embeddings.empty())
            continue;
        if (!c.enabled && isEmbeddedAnywhere(project, c.collection))
            out.append(QCoreApplication::translate(
                           "ferry::RelationsModel",
                           "%1 is embedded in another table, so what it embeds (%2) would be "
                           "lost: Ferry embeds one level deep. Keep %1 as its own collection, "
                           "or the others as references.")
                           .arg(c.collection, [&c] {
                               QStringList names;
                               for (const Embedding &e : c.embeddings)
                                   names.append(e.child);
                               return names.join(QLatin1String(", "));
                           }()));
        // Field names inside the parent's documents must stay distinct.
        const TableInfo *table = findTable(tables, c.collection);
        QSet<QString> names;
        if (table)
            for (const ColumnInfo &col : table->columns) {
                QString f = documentFieldOf(*table, col.name).section(QLatin1Char('.'), 0, 0);
                for (const FieldRename &r : c.renames)
                    if (r.from == f)
                        f = r.to;
                names.insert(f);
            }
        for (const Embedding &e : c.embeddings) {
            const QString field = e.field.isEmpty() ? e.child : e.field;
            if (names.contains(field))
                out.append(QCoreApplication::translate(
                               "ferry::RelationsModel",
                               "%1: the field %2 is there twice (an embedded table and a field "
                               "of %1, or two embedded tables): rename one.")
                               .arg(c.collection, field));
            names.insert(field);
        }
    }
    for (const CollectionMapping &c : project.collections)
        for (const FieldRename &r : c.renames)
            if (!isDerivedPath(r.from) && (r.to.isEmpty() || r.to.contains(QLatin1Char('.')) ||
                                           r.to.startsWith(QLatin1Char('$'))))
                out.append(QCoreApplication::translate(
                               "ferry::RelationsModel",
                               "%1.%2: \"%3\" cannot name a field (empty, a dot, or a leading "
                               "$).")
                               .arg(c.collection, r.from, r.to));
    return out;
}

} // namespace ferry

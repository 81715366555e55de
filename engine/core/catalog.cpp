#include "core/catalog.h"

#include <QSet>

namespace ferry {

const ColumnInfo *TableInfo::column(const QString &wanted) const
{
    for (const ColumnInfo &c : columns)
        if (c.name == wanted)
            return &c;
    return nullptr;
}

QStringList TableInfo::tableCopyKeys() const
{
    QSet<QString> used;
    for (const ColumnInfo &c : columns)
        used.insert(c.name);
    QStringList out;
    for (const ColumnInfo &c : columns) {
        if (!c.name.isEmpty() && !c.name.contains(QLatin1Char('.'))) {
            out.append(c.name);
            continue;
        }
        QString stem = c.name;
        stem.replace(QLatin1Char('.'), QLatin1Char('_'));
        if (stem.isEmpty())
            stem = QStringLiteral("field");
        QString key = stem;
        for (int n = 2; used.contains(key); ++n)
            key = stem + QLatin1Char('_') + QString::number(n);
        used.insert(key);
        out.append(key);
    }
    return out;
}

KeyPlan keyPlanFor(const TableInfo &table, Dialect dialect)
{
    KeyPlan plan;
    plan.keyColumns = table.primaryKey;
    if (table.primaryKey.size() > 1) {
        plan.id = KeyPlan::Id::Composite;
        return plan;
    }
    if (table.primaryKey.size() == 1) {
        const ColumnInfo *c = table.column(table.primaryKey.front());
        const QString type = c ? c->sqlType.toLower() : QString();
        const bool idFriendly =
            type.contains(QLatin1String("int")) || type.contains(QLatin1String("char")) ||
            type.contains(QLatin1String("text")) || type.contains(QLatin1String("uuid")) ||
            (dialect == Dialect::Sqlite && type.isEmpty());
        // Another column already called _id would collide with the renamed key.
        const bool idTaken =
            table.primaryKey.front() != QLatin1String("_id") && table.column(QStringLiteral("_id"));
        if (idFriendly && !idTaken && !type.endsWith(QLatin1String("[]")))
            plan.id = KeyPlan::Id::Single;
    }
    return plan;
}

} // namespace ferry

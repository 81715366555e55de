#include "stores/common/sql_table_plan.h"

#include "stores/common/sql_bson_values.h"

#include <QStringList>

namespace ferry {

QString sqlTableRelation(const TableInfo &info)
{
    const QString name = sqlQuoteName(info.name);
    return info.ownRowsOnly ? QLatin1String("ONLY ") + name : name;
}

SqlTablePlan planSqlTable(const TableInfo &info, Dialect dialect, bool keepNames,
                          const QString &rowIdColumn, const QString &partColumn)
{
    SqlTablePlan p;
    p.info = info;
    p.key = keyPlanFor(info, dialect);
    if (keepNames)
        p.key.id = KeyPlan::Id::None; // still read in key order, but no _id
    p.generateId = !keepNames && info.primaryKey.isEmpty() && !info.column(QStringLiteral("_id"));
    QStringList selectList;
    const QStringList keys = keepNames ? info.tableCopyKeys() : QStringList();
    for (qsizetype i = 0; i < info.columns.size(); ++i) {
        const ColumnInfo &c = info.columns[i];
        const int k = int(p.key.keyColumns.indexOf(c.name));
        p.keyIndex.push_back(k);
        p.fields.push_back(p.key.id == KeyPlan::Id::Single && k == 0 ? QByteArrayLiteral("_id")
                           : keepNames                               ? keys[i].toUtf8()
                                                                     : c.name.toUtf8());
        selectList.append(sqlQuoteName(c.name));
    }
    QStringList order;
    for (const QString &k : p.key.keyColumns)
        order.append(sqlQuoteName(k));
    if (order.isEmpty()) {
        if (info.rowIdRepeats && !partColumn.isEmpty())
            p.rowIdColumns.append(partColumn);
        p.rowIdColumns.append(rowIdColumn);
        selectList.append(p.rowIdColumns);
        order = p.rowIdColumns;
    }
    p.select = QStringLiteral("SELECT %1 FROM %2")
                   .arg(selectList.join(QLatin1String(", ")), sqlTableRelation(info));
    p.orderBy = order.join(QLatin1String(", "));
    return p;
}

Result<SqlTablePlan> findSqlTable(const QList<TableInfo> &catalog, const QString &table,
                                  Dialect dialect, bool keepNames, const QString &rowIdColumn,
                                  const QString &missing, const QString &partColumn)
{
    for (const TableInfo &t : catalog) {
        if (t.name == table)
            return planSqlTable(t, dialect, keepNames, rowIdColumn, partColumn);
    }
    return Error(ErrorCode::NotFound, missing, table);
}

Status checkFilterText(const QString &table, const QString &filter)
{
    if (const QString problem = sqlFilterProblem(filter); !problem.isEmpty())
        return Error(ErrorCode::Usage,
                     trEngine("The filter for table \"%1\" is not usable: %2.").arg(table, problem),
                     table);
    return {};
}

} // namespace ferry

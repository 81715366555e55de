#include "stores/postgres/postgres_catalog.h"

#include "stores/common/sql_catalog.h"
#include "stores/common/sql_table_plan.h"

#include <pqxx/pqxx>

#include <algorithm>
#include <map>

namespace ferry {

namespace {

QStringList parseNameArray(const pqxx::field &f)
{
    QStringList out;
    auto parser = f.as_array();
    for (auto item = parser.get_next(); item.first != pqxx::array_parser::done;
         item = parser.get_next())
        if (item.first == pqxx::array_parser::string_value)
            out.append(QString::fromStdString(item.second));
    return out;
}

} // namespace

Result<QList<TableInfo>> readPostgresCatalog(pqxx::transaction_base &tx, bool countRows)
{
    try {
        QList<TableInfo> tables;
        // A partitioned table (relkind 'p') holds no rows: it is read without ONLY, and its
        // partitions' ctids repeat. A classic inheritance parent is read with ONLY, its own
        // rows, unique ctids: its children are listed (and read) as tables of their own.
        const pqxx::result rels = tx.exec(
            "SELECT c.oid, c.relname, c.relkind = 'p', c.relkind = 'r' AND EXISTS (SELECT 1 "
            "FROM pg_inherits i WHERE i.inhparent = c.oid) FROM pg_class c JOIN pg_namespace "
            "n ON n.oid = c.relnamespace WHERE n.nspname = current_schema() AND c.relkind IN "
            "('r', 'p') AND NOT c.relispartition ORDER BY c.relname");
        std::vector<std::string> oids;
        for (const auto &row : rels) {
            TableInfo t;
            t.name = QString::fromStdString(row[1].as<std::string>());
            t.rowIdRepeats = row[2].as<bool>();
            t.ownRowsOnly = row[3].as<bool>();
            if (isFerryTable(t.name))
                continue;
            tables.append(t);
            oids.push_back(row[0].as<std::string>());
        }
        for (qsizetype i = 0; i < tables.size(); ++i) {
            TableInfo &t = tables[i];
            const std::string oid = oids[size_t(i)];
            const pqxx::result cols =
                tx.exec("SELECT attname, format_type(atttypid, atttypmod), NOT attnotnull FROM "
                        "pg_attribute WHERE attrelid = " +
                        oid +
                        " AND attnum > 0 AND NOT attisdropped "
                        "ORDER BY attnum");
            for (const auto &row : cols)
                t.columns.append({QString::fromStdString(row[0].as<std::string>()),
                                  QString::fromStdString(row[1].as<std::string>()),
                                  row[2].as<bool>()});
            // Key columns in constraint order, with the referenced columns alongside.
            const pqxx::result cons = tx.exec(
                "SELECT con.contype, con.confrelid::regclass::text, "
                "ARRAY(SELECT a.attname FROM unnest(con.conkey) WITH ORDINALITY k(n, o) JOIN "
                "pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.n ORDER BY k.o), "
                "ARRAY(SELECT a.attname FROM unnest(con.confkey) WITH ORDINALITY k(n, o) JOIN "
                "pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.n ORDER BY k.o) "
                "FROM pg_constraint con WHERE con.conrelid = " +
                oid +
                " AND con.contype IN "
                "('p', 'u', 'f') ORDER BY con.conname");
            for (const auto &row : cons) {
                const std::string type = row[0].as<std::string>();
                const QStringList columns = parseNameArray(row[2]);
                if (type == "p") {
                    t.primaryKey = columns;
                } else if (type == "u") {
                    t.uniques.append(columns);
                } else {
                    QString ref = QString::fromStdString(row[1].as<std::string>());
                    if (ref.startsWith(QLatin1Char('"')) && ref.endsWith(QLatin1Char('"')))
                        ref = ref.mid(1, ref.size() - 2)
                                  .replace(QLatin1String("\"\""), QLatin1String("\""));
                    t.foreignKeys.append({columns, ref, parseNameArray(row[3])});
                }
            }
            if (countRows) {
                const pqxx::row count =
                    tx.exec1("SELECT COUNT(*) FROM " + sqlTableRelation(t).toStdString());
                t.rows = count[0].as<qint64>();
            }
        }
        return tables;
    } catch (const std::exception &e) {
        return Error(ErrorCode::Target, trEngine("PostgreSQL refused to list the tables: %1")
                                            .arg(QString::fromUtf8(e.what()).trimmed()));
    }
}

} // namespace ferry

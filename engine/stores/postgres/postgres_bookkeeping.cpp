#include "stores/postgres/postgres_bookkeeping.h"

#include "stores/postgres/postgres_sink_private.h"

namespace ferry {

namespace {

// The bookkeeping tables in the current schema, where Ferry kept them before: schema, name.
pqxx::result legacyTables(pqxx::transaction_base &tx)
{
    return tx.exec_params(
        "SELECT n.nspname, c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = "
        "c.relnamespace WHERE n.nspname = current_schema() AND c.relkind = "
        "'r' AND c.relname = ANY($1::text[]) ORDER BY c.relname",
        textArrayLiteral(bookkeepingTableNames()));
}

} // namespace

void ensureBookkeepingSchema(pqxx::transaction_base &tx)
{
    if (tx.exec1("SELECT to_regnamespace('ferry') IS NOT NULL")[0].as<bool>())
        return;
    if (!tx.exec1("SELECT has_database_privilege(current_database(), 'CREATE')")[0].as<bool>()) {
        const QString user = QString::fromStdString(tx.exec1("SELECT current_user")[0].c_str());
        throw Abort{Error(ErrorCode::Target,
                          trEngine("Ferry keeps its checkpoints and run records in the schema "
                                   "\"ferry\", which does not exist, and user \"%1\" may not "
                                   "create schemas in this database. Ask its owner to run: "
                                   "CREATE SCHEMA ferry AUTHORIZATION \"%1\";")
                              .arg(user))};
    }
    tx.exec("CREATE SCHEMA IF NOT EXISTS ferry");
}

void moveLegacyBookkeeping(pqxx::transaction_base &tx)
{
    if (legacyTables(tx).empty())
        return;
    // Partitions open the target at the same time: one moves, the others then find nothing.
    lockDdl(tx);
    const pqxx::result legacy = legacyTables(tx);
    if (legacy.empty())
        return;
    ensureBookkeepingSchema(tx);
    for (const pqxx::row &row : legacy) {
        const std::string name = tx.quote_name(row[1].as<std::string>());
        const pqxx::row there =
            tx.exec_params1("SELECT to_regclass($1) IS NOT NULL", "ferry." + name);
        if (!there[0].as<bool>())
            tx.exec("ALTER TABLE " + tx.quote_name(row[0].as<std::string>()) + '.' + name +
                    " SET SCHEMA ferry");
    }
}

} // namespace ferry

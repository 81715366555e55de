#pragma once

// Where a PostgreSQL target keeps Ferry's own tables: the schema `ferry` (see
// bookkeepingTable()), so the user's schema holds only the user's tables.

#include <pqxx/pqxx>

namespace ferry {

// Creates the schema `ferry` when it is missing. Throws Abort with what to ask an
// administrator when the user may not create schemas in the database. Call it with the DDL
// lock held (lockDdl).
void ensureBookkeepingSchema(pqxx::transaction_base &tx);

// Targets written before the schema existed hold _ferry_* tables in the current schema:
// they move to `ferry` (what a resume, `finish` or a rollback then reads), unless `ferry`
// already has a table of that name. Cheap when there is nothing to move: one catalog query.
void moveLegacyBookkeeping(pqxx::transaction_base &tx);

} // namespace ferry

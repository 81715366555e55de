#pragma once

#include "core/error.h"
#include "project/mapping.h"

#include <QSqlDatabase>
#include <QStringList>

namespace ferry {

// Primary keys after the load, for SQLite tables the run creates. SQLite cannot add a key to
// a table, but on a rowid table the key is an ordinary unique index (sqlite_autoindex_T_1)
// that the schema text of the table declares. So the table is created without the clause and
// loaded with every row appended in rowid order; then one CREATE UNIQUE INDEX sorts the keys,
// and the two schema records are rewritten to what CREATE TABLE … PRIMARY KEY stores. A
// B-tree insert of each random key during the load made it about twice as slow (measured on
// the 1M-document benchmark), most of it rewriting index pages at every batch's commit.

// Whether the key of `table` can wait: it has one, it is not the rowid (a lone INTEGER key
// column is the rowid itself, so there is no index to build later), and the connection may
// rewrite schema records (SQLITE_DBCONFIG_DEFENSIVE, off by default, forbids it).
bool sqliteKeyCanWait(QSqlDatabase &db, const TableMapping &table);

// Inside the caller's transaction: `table`, just created without its key, waits for it.
Status recordPendingSqliteKey(QSqlDatabase &db, const TableMapping &table);
// Tables among `tables` (every one when empty) whose keys wait.
Result<QStringList> pendingSqliteKeys(QSqlDatabase &db, const QStringList &tables = {});
// Inside the caller's transaction: builds the key `table` waits for and forgets the wait; a
// key the rows hold twice is a clear error (nothing is changed then).
Status buildSqliteKey(QSqlDatabase &db, const QString &table);

} // namespace ferry

#pragma once

#include "core/table_rows.h"

#include <QSqlDatabase>
#include <QString>

#include <array>
#include <string>
#include <vector>

struct sqlite3;
struct sqlite3_stmt;

namespace ferry {

// A prepared statement on the sqlite3 handle of a QtSql connection. QtSql still opens,
// configures and transacts the connection; only the hot insert loop binds through the C
// API, because QtSql turns every text value into UTF-16 and SQLite turns it back, which
// cost more than the insert itself (measured with callgrind).
class SqliteStatement {
public:
    SqliteStatement() = default;
    ~SqliteStatement();
    SqliteStatement(SqliteStatement &&other) noexcept;
    SqliteStatement &operator=(SqliteStatement &&other) noexcept;
    SqliteStatement(const SqliteStatement &) = delete;
    SqliteStatement &operator=(const SqliteStatement &) = delete;

    // False with errorText() when the SQL does not compile or the connection is not SQLite.
    bool prepare(const QSqlDatabase &db, const QString &sql);
    // Binds every column of row r (parameters first..first+columns-1) as the cell's SQLite
    // type.
    void bindRow(const TableRows &rows, size_t r, int first = 1);
    bool step();         // runs once and resets; false with errorText() on failure
    int changes() const; // rows the last step() inserted or updated
    QString errorText() const { return m_error; }
    bool isPrepared() const { return m_stmt != nullptr; }
    // Whether the last step() failed on a constraint (NOT NULL, UNIQUE, CHECK…), which
    // SQLite answers by backing out that statement alone, the transaction still open.
    bool failedOnConstraintOnly() const;

private:
    // Binds text formatted here (timestamps, UUIDs) without SQLite copying it: it stays in
    // this parameter's own slot until the parameter is bound again.
    void bindFormatted(int index);

    sqlite3 *m_db = nullptr;
    sqlite3_stmt *m_stmt = nullptr;
    std::string m_scratch;
    static constexpr size_t kSlotBytes = 48; // a UUID (36), a timestamp of years 1-9999 (24)
    std::vector<std::array<char, kSlotBytes>> m_formatted; // one slot per parameter
    QString m_error;
    int m_lastCode = 0;
};

} // namespace ferry

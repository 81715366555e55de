#include "stores/sqlite/sqlite_statement.h"

#include "core/bson_text.h"
#include "core/cell_text.h"

#include <QSqlDriver>
#include <QVariant>

#include <sqlite3.h>

#include <cstring>

namespace ferry {

SqliteStatement::~SqliteStatement()
{
    if (m_stmt)
        sqlite3_finalize(m_stmt);
}

SqliteStatement::SqliteStatement(SqliteStatement &&other) noexcept
    : m_db(other.m_db), m_stmt(other.m_stmt), m_formatted(std::move(other.m_formatted)),
      m_error(std::move(other.m_error))
{
    other.m_stmt = nullptr;
}

SqliteStatement &SqliteStatement::operator=(SqliteStatement &&other) noexcept
{
    if (this != &other) {
        if (m_stmt)
            sqlite3_finalize(m_stmt);
        m_db = other.m_db;
        m_stmt = other.m_stmt;
        m_formatted = std::move(other.m_formatted);
        m_error = std::move(other.m_error);
        other.m_stmt = nullptr;
    }
    return *this;
}

bool SqliteStatement::prepare(const QSqlDatabase &db, const QString &sql)
{
    const QVariant handle = db.driver() ? db.driver()->handle() : QVariant();
    if (!handle.isValid() || qstrcmp(handle.typeName(), "sqlite3*") != 0) {
        m_error = QStringLiteral("the connection has no SQLite handle");
        return false;
    }
    m_db = *static_cast<sqlite3 *const *>(handle.data());
    const QByteArray text = sql.toUtf8();
    if (sqlite3_prepare_v2(m_db, text.constData(), int(text.size()), &m_stmt, nullptr) !=
        SQLITE_OK) {
        m_error = QString::fromUtf8(sqlite3_errmsg(m_db));
        m_stmt = nullptr;
        return false;
    }
    // Sized once: slots bound earlier in a multi-row statement must not move.
    m_formatted.assign(size_t(sqlite3_bind_parameter_count(m_stmt)), {});
    return true;
}

void SqliteStatement::bindRow(const TableRows &rows, size_t r, int first)
{
    for (int c = 0; c < rows.columns(); ++c) {
        const Cell &cell = rows.at(r, c);
        const int index = c + first;
        switch (cell.kind) {
        case CellKind::Null:
            sqlite3_bind_null(m_stmt, index);
            break;
        case CellKind::Int:
        case CellKind::Bool:
            sqlite3_bind_int64(m_stmt, index, cell.i);
            break;
        case CellKind::Double:
            sqlite3_bind_double(m_stmt, index, cell.d);
            break;
        case CellKind::Text:
        case CellKind::Numeric:
        case CellKind::Json: {
            // The arena outlives step(), so SQLite need not copy the bytes.
            const std::string_view b = rows.bytes(cell);
            sqlite3_bind_text(m_stmt, index, b.data(), int(b.size()), SQLITE_STATIC);
            break;
        }
        case CellKind::Timestamp: {
            // Formatting into the slot spares a copy; other years take the general text.
            static_assert(kIsoDateChars <= kSlotBytes);
            const auto slot = size_t(index - 1);
            size_t n = 0;
            if (slot < m_formatted.size() && formatIsoDate(cell.i, m_formatted[slot].data(), &n)) {
                sqlite3_bind_text(m_stmt, index, m_formatted[slot].data(), int(n), SQLITE_STATIC);
                break;
            }
            m_scratch.clear();
            appendTimestamp(m_scratch, cell.i, TimestampStyle::Iso);
            bindFormatted(index);
            break;
        }
        case CellKind::Uuid:
            m_scratch.clear();
            appendUuid(m_scratch, rows.bytes(cell));
            bindFormatted(index);
            break;
        case CellKind::Blob: {
            const std::string_view b = rows.bytes(cell);
            sqlite3_bind_blob(m_stmt, index, b.data(), int(b.size()), SQLITE_STATIC);
            break;
        }
        }
    }
}

void SqliteStatement::bindFormatted(int index)
{
    // SQLITE_TRANSIENT made SQLite allocate and copy each one: a timestamp column cost the
    // writer thread a malloc and a free per row.
    const auto slot = size_t(index - 1);
    if (slot >= m_formatted.size() || m_scratch.size() > m_formatted[slot].size()) {
        sqlite3_bind_text(m_stmt, index, m_scratch.data(), int(m_scratch.size()), SQLITE_TRANSIENT);
        return;
    }
    char *to = m_formatted[slot].data();
    std::memcpy(to, m_scratch.data(), m_scratch.size());
    sqlite3_bind_text(m_stmt, index, to, int(m_scratch.size()), SQLITE_STATIC);
}

bool SqliteStatement::step()
{
    const int rc = sqlite3_step(m_stmt);
    m_lastCode = rc;
    const bool ok = rc == SQLITE_DONE || rc == SQLITE_ROW;
    if (!ok)
        m_error = QString::fromUtf8(sqlite3_errmsg(m_db));
    // No sqlite3_clear_bindings(): bindRow() binds every parameter before each step, and a
    // stale SQLITE_STATIC pointer is never read before that.
    sqlite3_reset(m_stmt);
    return ok;
}

bool SqliteStatement::failedOnConstraintOnly() const
{
    return (m_lastCode & 0xff) == SQLITE_CONSTRAINT && m_db && sqlite3_get_autocommit(m_db) == 0;
}

int SqliteStatement::changes() const
{
    return m_db ? sqlite3_changes(m_db) : 0;
}

} // namespace ferry

#include "stores/postgres/postgres_connection.h"

#include <pqxx/except>
#include <pqxx/transaction_base>

#include <libpq-fe.h>

namespace ferry {

PostgresConnection::PostgresConnection(const std::string &options)
    : connection_base(m_policy), m_options(options), m_policy(m_options)
{
    init();
}

PostgresConnection::~PostgresConnection() noexcept
{
    close();
}

bool PostgresConnection::integerDatetimes() const
{
    const char *value = handle() ? PQparameterStatus(handle(), "integer_datetimes") : nullptr;
    return value && std::string_view(value) == "on";
}

PostgresConnection::HandleKeeping::handle
PostgresConnection::HandleKeeping::do_startconnect(handle orig)
{
    return m_handle = connect_direct::do_startconnect(orig);
}

PostgresConnection::HandleKeeping::handle
PostgresConnection::HandleKeeping::do_completeconnect(handle orig)
{
    return m_handle = connect_direct::do_completeconnect(orig);
}

PostgresConnection::HandleKeeping::handle
PostgresConnection::HandleKeeping::do_dropconnect(handle orig) noexcept
{
    return m_handle = connect_direct::do_dropconnect(orig);
}

PostgresConnection::HandleKeeping::handle
PostgresConnection::HandleKeeping::do_disconnect(handle orig) noexcept
{
    return m_handle = connect_direct::do_disconnect(orig);
}

RawCopyWriter::RawCopyWriter(pqxx::transaction_base &tx, PostgresConnection &conn,
                             const std::string &statement)
    : m_conn(conn), m_statement(statement)
{
    tx.exec(statement); // leaves the connection in COPY IN state
    m_open = true;
}

RawCopyWriter::~RawCopyWriter()
{
    if (!m_open || !m_conn.handle())
        return;
    // Fail the COPY and read its result, so the connection is free for the rollback.
    PGconn *pg = m_conn.handle();
    if (PQputCopyEnd(pg, "abandoned by the client") == 1) {
        while (PGresult *res = PQgetResult(pg))
            PQclear(res);
    }
}

void RawCopyWriter::throwFailure(const char *what)
{
    m_open = false;
    PGconn *pg = m_conn.handle();
    const std::string message = std::string(what) + ": " + (pg ? PQerrorMessage(pg) : "");
    if (!pg || PQstatus(pg) == CONNECTION_BAD)
        throw pqxx::broken_connection(message);
    throw pqxx::failure(message);
}

void RawCopyWriter::write(std::string_view bytes)
{
    PGconn *pg = m_conn.handle();
    if (!pg || PQputCopyData(pg, bytes.data(), static_cast<int>(bytes.size())) != 1)
        throwFailure("Error writing to table");
}

void RawCopyWriter::complete()
{
    PGconn *pg = m_conn.handle();
    if (!pg || PQputCopyEnd(pg, nullptr) != 1)
        throwFailure("Error ending the COPY");
    m_open = false;
    std::string error;
    std::string state;
    while (PGresult *res = PQgetResult(pg)) {
        if (PQresultStatus(res) != PGRES_COMMAND_OK && error.empty()) {
            error = PQresultErrorMessage(res);
            const char *s = PQresultErrorField(res, PG_DIAG_SQLSTATE);
            state = s ? s : "";
        }
        PQclear(res);
    }
    if (PQstatus(pg) == CONNECTION_BAD)
        throw pqxx::broken_connection(error.empty() ? std::string(PQerrorMessage(pg)) : error);
    if (!error.empty())
        throw pqxx::sql_error(error, m_statement, state.empty() ? nullptr : state.c_str());
}

} // namespace ferry

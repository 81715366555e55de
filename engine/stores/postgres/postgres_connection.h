#pragma once

#include <pqxx/connection>
#include <pqxx/connection_base>

#include <string>
#include <string_view>

struct pg_conn;

namespace pqxx {
class transaction_base;
}

namespace ferry {

// A pqxx connection that also hands out its libpq handle. libpqxx 6 has no public way to
// get it, and binary COPY needs PQputCopyData (pqxx's COPY writer appends a newline to every
// piece it sends). The connection policy is pqxx's own extension point: it sees the handle
// whenever the connection is made, remade or dropped.
class PostgresConnection : public pqxx::connection_base {
public:
    explicit PostgresConnection(const std::string &options);
    ~PostgresConnection() noexcept;
    pg_conn *handle() const { return m_policy.current(); }
    // Timestamps travel as int64 microseconds in binary format; servers before 10 could be
    // built with float timestamps, which the binary encoder does not write.
    bool integerDatetimes() const;

private:
    class HandleKeeping : public pqxx::connect_direct {
    public:
        using connect_direct::connect_direct;
        handle do_startconnect(handle orig) override;
        handle do_completeconnect(handle orig) override;
        handle do_dropconnect(handle orig) noexcept override;
        handle do_disconnect(handle orig) noexcept override;
        handle current() const { return m_handle; }

    private:
        handle m_handle = nullptr;
    };
    std::string m_options; // before m_policy, which keeps a reference to it
    HandleKeeping m_policy;
};

// One COPY ... FROM STDIN whose bytes go to the server as they are (binary format), inside
// the transaction `tx` of `conn`. Errors are thrown the way pqxx throws them (sql_error with
// the server's SQLSTATE, broken_connection), so the sink classifies them as for text COPY.
// Destroyed before complete(), it ends the COPY with a failure, so the transaction can
// still be rolled back.
class RawCopyWriter {
public:
    RawCopyWriter(pqxx::transaction_base &tx, PostgresConnection &conn,
                  const std::string &statement);
    ~RawCopyWriter();
    RawCopyWriter(const RawCopyWriter &) = delete;
    RawCopyWriter &operator=(const RawCopyWriter &) = delete;

    void write(std::string_view bytes);
    void complete();

private:
    void throwFailure(const char *what);
    PostgresConnection &m_conn;
    std::string m_statement;
    bool m_open = false;
};

} // namespace ferry

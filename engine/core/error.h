#pragma once

#include <QCoreApplication>
#include <QString>

#include <optional>
#include <utility>
#include <variant>

namespace ferry {

// Numeric values are stable: the CLI maps them to exit codes and reports carry them.
enum class ErrorCode {
    None = 0,
    Usage,       // bad command line or option value
    ProjectFile, // unreadable, invalid or too-new .ferry file
    Connect,     // server unreachable, bad URI
    Auth,        // wrong credentials
    NotFound,    // collection/table/file does not exist
    Io,          // read/write failure on a local file
    Parse,       // malformed BSON / Extended JSON / SQL result
    Schema,      // target table exists with incompatible columns, bad mapping
    Conversion,  // a value cannot be represented in its target column
    Target,      // the target database refused a statement
    Cancelled,   // the user (or a signal) asked to stop
    Internal,
};

// Errors cross threads and module boundaries as values. `message` is already translated
// and says what happened and what to do; `where` names the file/offset, collection,
// document _id or field it concerns, when there is one.
struct Error {
    ErrorCode code = ErrorCode::None;
    QString message;
    QString where;

    Error() = default;
    Error(ErrorCode c, QString msg, QString w = {})
        : code(c), message(std::move(msg)), where(std::move(w))
    {
    }
    bool isError() const { return code != ErrorCode::None; }
    // "message (where)" — what a log line or the CLI prints.
    QString toString() const;
};

// Minimal expected<T, Error>; std::expected is C++23 and GCC 12's is not usable in C++20.
template <class T> class [[nodiscard]] Result {
public:
    Result(T value) : m_v(std::in_place_index<0>, std::move(value)) {}
    Result(Error error) : m_v(std::in_place_index<1>, std::move(error)) {}

    bool ok() const { return m_v.index() == 0; }
    explicit operator bool() const { return ok(); }
    T &value() & { return std::get<0>(m_v); }
    const T &value() const & { return std::get<0>(m_v); }
    T &&value() && { return std::get<0>(std::move(m_v)); }
    T &operator*() & { return value(); }
    const T &operator*() const & { return value(); }
    T *operator->() { return &value(); }
    const T *operator->() const { return &value(); }
    const Error &error() const { return std::get<1>(m_v); }

private:
    std::variant<T, Error> m_v;
};

template <> class [[nodiscard]] Result<void> {
public:
    Result() = default;
    Result(Error error) : m_error(std::move(error)) {}
    bool ok() const { return !m_error.isError(); }
    explicit operator bool() const { return ok(); }
    const Error &error() const { return m_error; }

private:
    Error m_error;
};

using Status = Result<void>;

// A driver's message as one sentence of plain text: its line breaks and tabs become single
// spaces, and it ends with exactly one stop, so "…: %1 Check the host" never reads "?.".
QString plainSentence(const QString &text);

// Translation context for engine messages that are not inside a QObject.
inline QString trEngine(const char *text)
{
    return QCoreApplication::translate("ferry::Engine", text);
}

} // namespace ferry

#pragma once

#include "project/mapping.h"
#include "transform/table_rows.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace ferry {

// Text forms of cell values, formatted by hand: these run once per value of a
// million-row load, where QDateTime/QString round trips would dominate.
enum class TimestampStyle {
    Postgres, // 2024-01-31 12:00:00.000+00 (what timestamptz input reads)
    Iso,      // 2024-01-31T12:00:00.000Z   (SQLite TEXT, DESIGN.md)
};
void appendTimestamp(std::string &out, int64_t msSinceEpoch, TimestampStyle style);
void appendUuid(std::string &out, std::string_view bytes16); // 8-4-4-4-12, lower case
// Shortest text that reads back to the same double; NaN, Infinity, -Infinity spelled the
// way PostgreSQL's float8 input accepts them.
void appendDouble(std::string &out, double v);
// A JSON array as a PostgreSQL array literal ({1,"a b",NULL}); false when `json` is not
// a JSON array (the caller then passes the text through and lets the server complain).
bool appendPgArrayLiteral(std::string &out, std::string_view json);

// Builds rows of COPY ... FROM STDIN text format for one table: tab-separated, \N for
// NULL, backslash escapes for backslash, tab, newline and carriage return.
class CopyEncoder {
public:
    explicit CopyEncoder(const TableMapping &table);

    // Appends row r without the terminating newline.
    void appendRow(std::string &out, const TableRows &rows, size_t r);
    static void appendEscaped(std::string &out, std::string_view text);

private:
    std::vector<char> m_pgArray;
    std::vector<char> m_boolColumn;
    std::string m_scratch; // reused for array literals
};

} // namespace ferry

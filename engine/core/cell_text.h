#pragma once

#include "core/table_rows.h"

#include <QString>

#include <cstdint>
#include <string>
#include <string_view>

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
// Human-readable text of a cell, for validation messages and the wizard's preview:
// "NULL", numbers, ISO-8601 dates, hyphenated UUIDs, \x-hex for (at most 64) bytes.
QString cellToDisplay(const TableRows &rows, const Cell &cell);

} // namespace ferry

#pragma once

#include "core/cell_text.h"
#include "core/table_rows.h"
#include "project/mapping.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace ferry {

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
    // What text input reads for a cell of column `col`, before COPY's escaping (nothing for
    // NULL); binary COPY sends this where a column's binary form does not fit the cell.
    void appendTextInput(std::string &out, const TableRows &rows, const Cell &cell, int col) const;
    static void appendEscaped(std::string &out, std::string_view text);

private:
    std::vector<char> m_pgArray;
    std::vector<char> m_boolColumn;
    std::string m_scratch; // reused for array literals
};

} // namespace ferry

#pragma once

#include "core/table_rows.h"
#include "project/mapping.h"
#include "stores/postgres/copy_encoder.h"

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ferry {

// How a target column takes values in COPY binary format. Only types whose binary input
// stores exactly what text input stores from Ferry's text form are listed; any other type
// (numeric, arrays, domains, ...) keeps its table on text COPY.
enum class BinaryColumn : uint8_t {
    None,      // no binary encoding here: the table uses text COPY
    Bool,      // boolean
    Int4,      // integer
    Int8,      // bigint
    Float8,    // double precision
    Text,      // text, varchar, json: the bytes of the text form (the server checks them)
    Jsonb,     // version byte 1, then the JSON text (parsed by the same parser as text)
    Timestamp, // timestamptz and timestamp: microseconds since 2000-01-01
    Uuid,      // 16 bytes
    Bytea,     // the bytes
};

// The encoding for a column whose pg_attribute.atttypid is `typeOid`.
BinaryColumn binaryColumnFor(uint32_t typeOid);

// The bytes of a COPY stream being built. Its storage only grows, so a value is written
// through a pointer after one room check instead of a string append per field.
class CopyBytes {
public:
    // At least n writable bytes at the end.
    char *room(size_t n)
    {
        if (m_bytes.size() - m_used < n)
            m_bytes.resize(std::max(m_bytes.size() * 2, m_used + n + 4096));
        return m_bytes.data() + m_used;
    }
    // The bytes up to `end` (inside the last room()) are written.
    void commit(const char *end) { m_used = size_t(end - m_bytes.data()); }
    void append(std::string_view b) { commit(std::copy(b.begin(), b.end(), room(b.size()))); }
    size_t size() const { return m_used; }
    std::string_view view() const { return {m_bytes.data(), m_used}; }
    void clear() { m_used = 0; }

private:
    std::string m_bytes;
    size_t m_used = 0;
};

// Builds COPY ... FROM STDIN (FORMAT binary) data for one table. A cell whose kind has no
// exact binary form in its column (text in an integer column, a number out of the column's
// range, a date outside the years 1-9999 ...) makes appendRow() return false: the caller
// then sends the table as text, where the server parses the value as it always has.
class BinaryCopyEncoder {
public:
    // `columns`: per mapping column, in order; none may be BinaryColumn::None.
    BinaryCopyEncoder(const TableMapping &table, std::vector<BinaryColumn> columns);

    static void appendHeader(CopyBytes &out);
    static void appendTrailer(CopyBytes &out);
    // Appends row r as one tuple, followed by `doc` as an integer column when given. On
    // false `out` holds a partial tuple.
    bool appendRow(CopyBytes &out, const TableRows &rows, size_t r,
                   std::optional<uint32_t> doc = std::nullopt);

private:
    bool appendCell(CopyBytes &out, const TableRows &rows, const Cell &cell, int col);
    bool appendTextLike(CopyBytes &out, const TableRows &rows, const Cell &cell, int col,
                        bool jsonb);

    std::vector<BinaryColumn> m_columns;
    CopyEncoder m_text;    // the text input of cells sent as text (as text COPY would)
    std::string m_scratch; // a text form, reused
};

} // namespace ferry

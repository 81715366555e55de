#pragma once

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

namespace ferry {

enum class CellKind : uint8_t {
    Null,
    Int,       // i
    Double,    // d
    Bool,      // i (0/1)
    Text,      // UTF-8 bytes in the arena, no NUL
    Numeric,   // decimal digits as text in the arena ("NaN", "Infinity" allowed)
    Timestamp, // i = milliseconds since the Unix epoch, UTC
    Uuid,      // 16 bytes in the arena
    Blob,      // bytes in the arena
    Json,      // UTF-8 JSON text in the arena
};

struct Cell {
    union {
        int64_t i;
        double d;
        uint64_t offset; // into the arena, for the byte kinds
    };
    uint32_t len = 0;
    CellKind kind = CellKind::Null;
};

// Rows of one target table for one batch, column-count fixed, values in one flat arena:
// no per-value allocation on the hot path, and rows can be rolled back when a document
// turns out to be bad halfway through.
class TableRows {
public:
    explicit TableRows(int columns = 0) : m_columns(columns) {}

    int columns() const { return m_columns; }
    size_t rows() const { return m_rowDoc.size(); }
    // Index (within the batch's DocBatch) of the document row r came from.
    uint32_t rowDoc(size_t r) const { return m_rowDoc[r]; }
    const Cell &at(size_t row, int col) const { return m_cells[row * m_columns + col]; }
    std::string_view bytes(const Cell &c) const { return {m_arena.data() + c.offset, c.len}; }

    // Writing: beginRow, then exactly columns() set*/cells, in column order.
    void beginRow(uint32_t doc) { m_rowDoc.push_back(doc); }
    void addNull() { m_cells.emplace_back(); }
    void addInt(int64_t v) { push(CellKind::Int).i = v; }
    void addDouble(double v) { push(CellKind::Double).d = v; }
    void addBool(bool v) { push(CellKind::Bool).i = v ? 1 : 0; }
    void addTimestamp(int64_t ms) { push(CellKind::Timestamp).i = ms; }
    void addBytes(CellKind kind, const void *data, size_t len)
    {
        Cell &c = push(kind);
        c.offset = m_arena.size();
        c.len = static_cast<uint32_t>(len);
        m_arena.append(static_cast<const char *>(data), len);
    }
    void addText(std::string_view s) { addBytes(CellKind::Text, s.data(), s.size()); }
    // Adds a cell of this table again, sharing its bytes: the parent key repeated on every
    // child row of a document is stored once. Rolling back past the first copy drops both.
    void addCellAgain(const Cell &earlier) { m_cells.push_back(earlier); }
    const Cell &lastCell() const { return m_cells.back(); }
    // Overwrites a cell already added (e.g. a column filled after its siblings).
    Cell &cellRef(size_t row, int col) { return m_cells[row * m_columns + col]; }
    void setBytes(size_t row, int col, CellKind kind, const void *data, size_t len)
    {
        Cell &c = cellRef(row, col);
        c.kind = kind;
        c.offset = m_arena.size();
        c.len = static_cast<uint32_t>(len);
        m_arena.append(static_cast<const char *>(data), len);
    }

    struct Mark {
        size_t rows, cells, arena;
    };
    Mark mark() const { return {m_rowDoc.size(), m_cells.size(), m_arena.size()}; }
    void rollback(const Mark &m)
    {
        m_rowDoc.resize(m.rows);
        m_cells.resize(m.cells);
        m_arena.resize(m.arena);
    }
    void clear() { rollback({0, 0, 0}); }
    // Empties the rows for a table of `columns` columns, keeping the memory: a recycled
    // batch fills without growing its buffers (and faulting in fresh pages) again.
    void reset(int columns)
    {
        m_columns = columns;
        clear();
    }
    size_t memoryBytes() const { return m_arena.size() + m_cells.size() * sizeof(Cell); }
    // What the buffers hold on to, used or not.
    size_t capacityBytes() const
    {
        return m_arena.capacity() + m_cells.capacity() * sizeof(Cell) +
               m_rowDoc.capacity() * sizeof(uint32_t);
    }
    // Copies row r of `other` (same column count) as a new row for document `doc`.
    void appendRowFrom(const TableRows &other, size_t r, uint32_t doc);

private:
    Cell &push(CellKind kind)
    {
        Cell &c = m_cells.emplace_back();
        c.kind = kind;
        return c;
    }

    int m_columns = 0;
    std::string m_arena;
    std::vector<Cell> m_cells;
    std::vector<uint32_t> m_rowDoc;
};

} // namespace ferry

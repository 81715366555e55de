#include "stores/postgres/binary_copy_encoder.h"

#include "core/cell_text.h"

#include <charconv>
#include <cmath>
#include <cstring>
#include <limits>

namespace ferry {

namespace {

constexpr char kHex[] = "0123456789abcdef";

// PostgreSQL counts time from 2000-01-01; Ferry's cells from 1970-01-01.
constexpr int64_t kPgEpochMs = 946684800000;
// Years 1-9999, the range Ferry's text form writes exactly (cell_text.h).
constexpr int64_t kMinTimestampMs = -62135596800000;
constexpr int64_t kMaxTimestampMs = 253402300799999;

void putBigEndian(std::string &out, uint64_t v, int bytes)
{
    char b[8];
    for (int i = bytes - 1; i >= 0; --i) {
        b[i] = static_cast<char>(v & 0xff);
        v >>= 8;
    }
    out.append(b, size_t(bytes));
}

void putInt32(std::string &out, int32_t v)
{
    putBigEndian(out, static_cast<uint32_t>(v), 4);
}

// A field: its length, then its bytes.
void putField(std::string &out, std::string_view bytes)
{
    putInt32(out, static_cast<int32_t>(bytes.size()));
    out.append(bytes);
}

void putInt64Field(std::string &out, int64_t v)
{
    putInt32(out, 8);
    putBigEndian(out, static_cast<uint64_t>(v), 8);
}

} // namespace

BinaryColumn binaryColumnFor(uint32_t typeOid)
{
    // Built-in type OIDs are fixed (PostgreSQL's pg_type.dat).
    switch (typeOid) {
    case 16:
        return BinaryColumn::Bool;
    case 17:
        return BinaryColumn::Bytea;
    case 20:
        return BinaryColumn::Int8;
    case 23:
        return BinaryColumn::Int4;
    case 25:   // text
    case 114:  // json: stored as the text, checked by the same parser
    case 1043: // varchar: its length limit is checked as for text input
        return BinaryColumn::Text;
    case 701:
        return BinaryColumn::Float8;
    case 1114: // timestamp: text input drops the +00 offset, so it holds the same digits
    case 1184:
        return BinaryColumn::Timestamp;
    case 2950:
        return BinaryColumn::Uuid;
    case 3802:
        return BinaryColumn::Jsonb;
    default:
        return BinaryColumn::None;
    }
}

BinaryCopyEncoder::BinaryCopyEncoder(const TableMapping &table, std::vector<BinaryColumn> columns)
    : m_columns(std::move(columns))
{
    for (const ColumnMapping &c : table.columns)
        m_boolColumn.push_back(c.type == ColumnType::Boolean && !c.pgArray);
}

void BinaryCopyEncoder::appendHeader(std::string &out)
{
    static constexpr char signature[] = "PGCOPY\n\377\r\n";
    out.append(signature, sizeof signature); // with its terminating zero byte
    putInt32(out, 0);                        // flags
    putInt32(out, 0);                        // header extension length
}

void BinaryCopyEncoder::appendTrailer(std::string &out)
{
    putBigEndian(out, 0xffff, 2);
}

bool BinaryCopyEncoder::appendRow(std::string &out, const TableRows &rows, size_t r,
                                  std::optional<uint32_t> doc) const
{
    const int columns = rows.columns();
    putBigEndian(out, uint64_t(columns + (doc ? 1 : 0)), 2);
    for (int col = 0; col < columns; ++col) {
        if (!appendCell(out, rows, rows.at(r, col), col))
            return false;
    }
    if (doc) {
        putInt32(out, 4);
        putInt32(out, static_cast<int32_t>(*doc));
    }
    return true;
}

// The text CopyEncoder sends for the cell, before COPY escaping: what text input reads.
void BinaryCopyEncoder::appendTextForm(std::string &out, const TableRows &rows, const Cell &cell,
                                       int col) const
{
    switch (cell.kind) {
    case CellKind::Null:
        break;
    case CellKind::Int: {
        char buf[24];
        const auto res = std::to_chars(buf, buf + sizeof buf, cell.i);
        out.append(buf, res.ptr);
        break;
    }
    case CellKind::Double:
        appendDouble(out, cell.d);
        break;
    case CellKind::Bool:
        if (col < static_cast<int>(m_boolColumn.size()) && !m_boolColumn[col])
            out += cell.i ? '1' : '0';
        else
            out += cell.i ? 't' : 'f';
        break;
    case CellKind::Timestamp:
        appendTimestamp(out, cell.i, TimestampStyle::Postgres);
        break;
    case CellKind::Uuid:
        appendUuid(out, rows.bytes(cell));
        break;
    case CellKind::Blob: {
        const std::string_view b = rows.bytes(cell);
        out += "\\x";
        for (unsigned char byte : b) {
            out += kHex[byte >> 4];
            out += kHex[byte & 15];
        }
        break;
    }
    case CellKind::Text:
    case CellKind::Numeric:
    case CellKind::Json:
        out += rows.bytes(cell);
        break;
    }
}

bool BinaryCopyEncoder::appendCell(std::string &out, const TableRows &rows, const Cell &cell,
                                   int col) const
{
    if (cell.kind == CellKind::Null) {
        putInt32(out, -1);
        return true;
    }
    switch (m_columns[size_t(col)]) {
    case BinaryColumn::None:
        return false;
    case BinaryColumn::Bool:
        if (cell.kind != CellKind::Bool)
            return false;
        putInt32(out, 1);
        out += cell.i ? '\1' : '\0';
        return true;
    case BinaryColumn::Int4:
        if (cell.kind != CellKind::Int || cell.i < std::numeric_limits<int32_t>::min() ||
            cell.i > std::numeric_limits<int32_t>::max())
            return false;
        putInt32(out, 4);
        putInt32(out, static_cast<int32_t>(cell.i));
        return true;
    case BinaryColumn::Int8:
        if (cell.kind != CellKind::Int)
            return false;
        putInt64Field(out, cell.i);
        return true;
    case BinaryColumn::Float8: {
        double d;
        if (cell.kind == CellKind::Double)
            // Text input makes every NaN the one quiet NaN, whatever the source's sign and
            // payload bits were.
            d = std::isnan(cell.d) ? std::numeric_limits<double>::quiet_NaN() : cell.d;
        else if (cell.kind == CellKind::Int)
            d = static_cast<double>(cell.i); // rounds to nearest, as float8 input does
        else
            return false;
        uint64_t bits;
        std::memcpy(&bits, &d, sizeof bits);
        putInt32(out, 8);
        putBigEndian(out, bits, 8);
        return true;
    }
    case BinaryColumn::Timestamp:
        if (cell.kind != CellKind::Timestamp || cell.i < kMinTimestampMs ||
            cell.i > kMaxTimestampMs)
            return false;
        putInt64Field(out, (cell.i - kPgEpochMs) * 1000);
        return true;
    case BinaryColumn::Uuid:
        if (cell.kind != CellKind::Uuid || cell.len != 16)
            return false;
        putField(out, rows.bytes(cell));
        return true;
    case BinaryColumn::Bytea:
        if (cell.kind != CellKind::Blob)
            return false;
        putField(out, rows.bytes(cell));
        return true;
    case BinaryColumn::Text:
    case BinaryColumn::Jsonb: {
        const bool jsonb = m_columns[size_t(col)] == BinaryColumn::Jsonb;
        if (cell.kind == CellKind::Text || cell.kind == CellKind::Json ||
            cell.kind == CellKind::Numeric) {
            const std::string_view b = rows.bytes(cell);
            putInt32(out, static_cast<int32_t>(b.size() + jsonb));
            if (jsonb)
                out += '\1';
            out.append(b);
            return true;
        }
        // Other kinds: their text form, with the length written once it is known.
        const size_t at = out.size();
        putInt32(out, 0);
        if (jsonb)
            out += '\1';
        appendTextForm(out, rows, cell, col);
        const auto len = static_cast<uint32_t>(out.size() - at - 4);
        for (int i = 0; i < 4; ++i)
            out[at + size_t(i)] = static_cast<char>(len >> (24 - 8 * i));
        return true;
    }
    }
    return false;
}

} // namespace ferry

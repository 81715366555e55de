#include "stores/postgres/binary_copy_encoder.h"

#include "core/cell_text.h"

#include <charconv>
#include <cmath>
#include <cstring>
#include <limits>

namespace ferry {

namespace {

// PostgreSQL counts time from 2000-01-01; Ferry's cells from 1970-01-01.
constexpr int64_t kPgEpochMs = 946684800000;
// Years 1-9999, the range Ferry's text form writes exactly (cell_text.h).
constexpr int64_t kMinTimestampMs = -62135596800000;
constexpr int64_t kMaxTimestampMs = 253402300799999;

// Network byte order, written through the pointer, which moves past the bytes.
inline void put16(char *&p, uint16_t v)
{
    v = __builtin_bswap16(v);
    std::memcpy(p, &v, 2);
    p += 2;
}
inline void put32(char *&p, uint32_t v)
{
    v = __builtin_bswap32(v);
    std::memcpy(p, &v, 4);
    p += 4;
}
inline void put64(char *&p, uint64_t v)
{
    v = __builtin_bswap64(v);
    std::memcpy(p, &v, 8);
    p += 8;
}

// A field: its length, then its bytes (after leadByte when `lead`: jsonb's version).
void putField(CopyBytes &out, std::string_view bytes, bool lead = false, char leadByte = 0)
{
    char *p = out.room(4 + 1 + bytes.size());
    put32(p, static_cast<uint32_t>(bytes.size() + lead));
    if (lead)
        *p++ = leadByte;
    std::memcpy(p, bytes.data(), bytes.size());
    out.commit(p + bytes.size());
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
    : m_columns(std::move(columns)), m_text(table)
{
}

void BinaryCopyEncoder::appendHeader(CopyBytes &out)
{
    static constexpr char signature[] = "PGCOPY\n\377\r\n";
    char *p = out.room(sizeof signature + 8);
    std::memcpy(p, signature, sizeof signature); // with its terminating zero byte
    p += sizeof signature;
    put32(p, 0); // flags
    put32(p, 0); // header extension length
    out.commit(p);
}

void BinaryCopyEncoder::appendTrailer(CopyBytes &out)
{
    char *p = out.room(2);
    put16(p, 0xffff);
    out.commit(p);
}

bool BinaryCopyEncoder::appendRow(CopyBytes &out, const TableRows &rows, size_t r,
                                  std::optional<uint32_t> doc)
{
    const int columns = rows.columns();
    char *p = out.room(2);
    put16(p, static_cast<uint16_t>(columns + (doc ? 1 : 0)));
    out.commit(p);
    for (int col = 0; col < columns; ++col) {
        if (!appendCell(out, rows, rows.at(r, col), col))
            return false;
    }
    if (doc) {
        p = out.room(8);
        put32(p, 4);
        put32(p, *doc);
        out.commit(p);
    }
    return true;
}

// text, varchar, json, jsonb: the cell's text form, which the server reads as text input.
bool BinaryCopyEncoder::appendTextLike(CopyBytes &out, const TableRows &rows, const Cell &cell,
                                       int col, bool jsonb)
{
    if (cell.kind == CellKind::Text || cell.kind == CellKind::Json ||
        cell.kind == CellKind::Numeric) {
        putField(out, rows.bytes(cell), jsonb, '\1');
        return true;
    }
    m_scratch.clear();
    m_text.appendTextInput(m_scratch, rows, cell, col);
    putField(out, m_scratch, jsonb, '\1');
    return true;
}

bool BinaryCopyEncoder::appendCell(CopyBytes &out, const TableRows &rows, const Cell &cell, int col)
{
    char *p = out.room(12); // the largest fixed-size field: length and 8 bytes
    if (cell.kind == CellKind::Null) {
        put32(p, uint32_t(-1));
        out.commit(p);
        return true;
    }
    switch (m_columns[size_t(col)]) {
    case BinaryColumn::None:
        return false;
    case BinaryColumn::Bool:
        if (cell.kind != CellKind::Bool)
            return false;
        put32(p, 1);
        *p++ = cell.i ? 1 : 0;
        break;
    case BinaryColumn::Int4:
        if (cell.kind != CellKind::Int || cell.i < std::numeric_limits<int32_t>::min() ||
            cell.i > std::numeric_limits<int32_t>::max())
            return false;
        put32(p, 4);
        put32(p, static_cast<uint32_t>(cell.i));
        break;
    case BinaryColumn::Int8:
        if (cell.kind != CellKind::Int)
            return false;
        put32(p, 8);
        put64(p, static_cast<uint64_t>(cell.i));
        break;
    case BinaryColumn::Float8: {
        double d;
        if (cell.kind == CellKind::Double) {
            // Subnormals: float8 input of some server versions refuses them as out of range.
            if (std::fpclassify(cell.d) == FP_SUBNORMAL)
                return false;
            // Text input makes every NaN the one quiet NaN, whatever the source's sign and
            // payload bits were.
            d = std::isnan(cell.d) ? std::numeric_limits<double>::quiet_NaN() : cell.d;
        } else if (cell.kind == CellKind::Int)
            d = static_cast<double>(cell.i); // rounds to nearest, as float8 input does
        else
            return false;
        uint64_t bits;
        std::memcpy(&bits, &d, sizeof bits);
        put32(p, 8);
        put64(p, bits);
        break;
    }
    case BinaryColumn::Timestamp:
        if (cell.kind != CellKind::Timestamp || cell.i < kMinTimestampMs ||
            cell.i > kMaxTimestampMs)
            return false;
        put32(p, 8);
        put64(p, static_cast<uint64_t>((cell.i - kPgEpochMs) * 1000));
        break;
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
        return appendTextLike(out, rows, cell, col, false);
    case BinaryColumn::Jsonb:
        return appendTextLike(out, rows, cell, col, true);
    }
    out.commit(p);
    return true;
}

} // namespace ferry

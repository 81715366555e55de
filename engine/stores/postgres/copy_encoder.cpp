#include "stores/postgres/copy_encoder.h"

#include <charconv>
#include <cmath>

namespace ferry {

namespace {

constexpr char kHex[] = "0123456789abcdef";

void appendUtf8(std::string &out, uint32_t cp)
{
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

bool hex4(std::string_view s, size_t at, uint32_t *out)
{
    if (at + 4 > s.size())
        return false;
    uint32_t v = 0;
    for (size_t i = at; i < at + 4; ++i) {
        const char c = s[i];
        v <<= 4;
        if (c >= '0' && c <= '9')
            v |= c - '0';
        else if (c >= 'a' && c <= 'f')
            v |= c - 'a' + 10;
        else if (c >= 'A' && c <= 'F')
            v |= c - 'A' + 10;
        else
            return false;
    }
    *out = v;
    return true;
}

void skipSpace(std::string_view s, size_t &i)
{
    while (i < s.size() && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r'))
        ++i;
}

// Decodes the JSON string starting at s[i] == '"' into UTF-8; i ends after the quote.
bool readJsonString(std::string_view s, size_t &i, std::string &out)
{
    ++i;
    while (i < s.size()) {
        const char c = s[i++];
        if (c == '"')
            return true;
        if (c != '\\') {
            out += c;
            continue;
        }
        if (i >= s.size())
            return false;
        const char e = s[i++];
        switch (e) {
        case 'b':
            out += '\b';
            break;
        case 'f':
            out += '\f';
            break;
        case 'n':
            out += '\n';
            break;
        case 'r':
            out += '\r';
            break;
        case 't':
            out += '\t';
            break;
        case 'u': {
            uint32_t cp = 0;
            if (!hex4(s, i, &cp))
                return false;
            i += 4;
            uint32_t low = 0;
            if (cp >= 0xD800 && cp < 0xDC00 && i + 6 <= s.size() && s[i] == '\\' &&
                s[i + 1] == 'u' && hex4(s, i + 2, &low) && low >= 0xDC00 && low < 0xE000) {
                cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
                i += 6;
            }
            appendUtf8(out, cp);
            break;
        }
        default:
            out += e; // \" \\ \/
        }
    }
    return false;
}

// Skips one JSON value (object/array/scalar) starting at s[i]; i ends after it.
bool skipJsonValue(std::string_view s, size_t &i)
{
    int depth = 0;
    std::string sink;
    do {
        skipSpace(s, i);
        if (i >= s.size())
            return false;
        const char c = s[i];
        if (c == '"') {
            sink.clear();
            if (!readJsonString(s, i, sink))
                return false;
        } else if (c == '{' || c == '[') {
            ++depth;
            ++i;
        } else if (c == '}' || c == ']') {
            --depth;
            ++i;
        } else {
            ++i;
        }
    } while (depth > 0);
    return true;
}

// `{"$numberDecimal": "…"}` (how relaxed JSON writes a Decimal128): its digits in `out`.
bool numberDecimalText(std::string_view obj, std::string &out)
{
    static constexpr std::string_view key = "\"$numberDecimal\"";
    size_t i = 1; // past '{'
    skipSpace(obj, i);
    if (obj.substr(i, key.size()) != key)
        return false;
    i += key.size();
    skipSpace(obj, i);
    if (i >= obj.size() || obj[i] != ':')
        return false;
    ++i;
    skipSpace(obj, i);
    out.clear();
    if (i >= obj.size() || obj[i] != '"' || !readJsonString(obj, i, out))
        return false;
    skipSpace(obj, i);
    return i + 1 == obj.size() && obj[i] == '}';
}

void appendArrayQuoted(std::string &out, std::string_view text)
{
    out += '"';
    for (char c : text) {
        if (c == '"' || c == '\\')
            out += '\\';
        out += c;
    }
    out += '"';
}

} // namespace

bool appendPgArrayLiteral(std::string &out, std::string_view s)
{
    size_t i = 0;
    skipSpace(s, i);
    if (i >= s.size() || s[i] != '[')
        return false;
    ++i;
    const size_t start = out.size();
    out += '{';
    std::string text;
    bool first = true;
    for (;;) {
        skipSpace(s, i);
        if (i >= s.size())
            break;
        if (s[i] == ']') {
            out += '}';
            return true;
        }
        if (s[i] == ',') {
            ++i;
            continue;
        }
        if (!first)
            out += ',';
        first = false;
        const char c = s[i];
        if (c == '"') {
            text.clear();
            if (!readJsonString(s, i, text))
                break;
            appendArrayQuoted(out, text);
        } else if (c == '{' || c == '[') {
            const size_t from = i;
            if (!skipJsonValue(s, i))
                break;
            // A Decimal128 element is a number to numeric[]; other nested values become
            // quoted JSON text (a jsonb[] element).
            if (numberDecimalText(s.substr(from, i - from), text))
                out += text;
            else
                appendArrayQuoted(out, s.substr(from, i - from));
        } else {
            const size_t from = i;
            while (i < s.size() && s[i] != ',' && s[i] != ']' && s[i] != ' ' && s[i] != '\n' &&
                   s[i] != '\t' && s[i] != '\r')
                ++i;
            const std::string_view token = s.substr(from, i - from);
            if (token == "null")
                out += "NULL";
            else if (token == "true")
                out += 't';
            else if (token == "false")
                out += 'f';
            else
                out += token; // a JSON number is valid numeric/float input as it is
        }
    }
    out.resize(start);
    return false;
}

CopyEncoder::CopyEncoder(const TableMapping &table)
{
    for (const ColumnMapping &c : table.columns) {
        m_pgArray.push_back(c.pgArray);
        m_boolColumn.push_back(c.type == ColumnType::Boolean && !c.pgArray);
    }
}

void CopyEncoder::appendEscaped(std::string &out, std::string_view text)
{
    size_t from = 0;
    for (size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        char esc;
        switch (c) {
        case '\\':
            esc = '\\';
            break;
        case '\t':
            esc = 't';
            break;
        case '\n':
            esc = 'n';
            break;
        case '\r':
            esc = 'r';
            break;
        default:
            continue;
        }
        out.append(text.data() + from, i - from);
        out += '\\';
        out += esc;
        from = i + 1;
    }
    out.append(text.data() + from, text.size() - from);
}

void CopyEncoder::appendTextInput(std::string &out, const TableRows &rows, const Cell &cell,
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

void CopyEncoder::appendRow(std::string &out, const TableRows &rows, size_t r)
{
    const int columns = rows.columns();
    for (int col = 0; col < columns; ++col) {
        if (col)
            out += '\t';
        const Cell &cell = rows.at(r, col);
        switch (cell.kind) {
        case CellKind::Null:
            out += "\\N";
            break;
        case CellKind::Int:
        case CellKind::Double:
        case CellKind::Bool:
        case CellKind::Timestamp:
        case CellKind::Uuid:
            appendTextInput(out, rows, cell, col); // never holds a byte COPY escapes
            break;
        case CellKind::Blob: {
            // \x hex bytea input; COPY itself needs the backslash doubled.
            const std::string_view b = rows.bytes(cell);
            const size_t at = out.size();
            out.resize(at + 3 + 2 * b.size());
            char *p = out.data() + at;
            *p++ = '\\';
            *p++ = '\\';
            *p++ = 'x';
            for (unsigned char byte : b) {
                *p++ = kHex[byte >> 4];
                *p++ = kHex[byte & 15];
            }
            break;
        }
        case CellKind::Json:
            if (col < static_cast<int>(m_pgArray.size()) && m_pgArray[col]) {
                m_scratch.clear();
                if (appendPgArrayLiteral(m_scratch, rows.bytes(cell))) {
                    appendEscaped(out, m_scratch);
                    break;
                }
            }
            appendEscaped(out, rows.bytes(cell));
            break;
        case CellKind::Text:
        case CellKind::Numeric:
            appendEscaped(out, rows.bytes(cell));
            break;
        }
    }
}

} // namespace ferry

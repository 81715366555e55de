#include "core/cell_text.h"

#include "core/bson_text.h"
#include "core/error.h"
#include "core/uuid5.h"

#include <QByteArray>

#include <algorithm>

namespace ferry {

namespace {

void appendDigits(std::string &out, int64_t v, int width)
{
    char buf[24];
    int n = 0;
    uint64_t u = static_cast<uint64_t>(v);
    do {
        buf[n++] = static_cast<char>('0' + u % 10);
        u /= 10;
    } while (u);
    for (int i = n; i < width; ++i)
        out += '0';
    while (n)
        out += buf[--n];
}

} // namespace

void appendTimestamp(std::string &out, int64_t ms, TimestampStyle style)
{
    // Years 1 to 9999 in one go; a character at a time was a tenth of the SQLite writer.
    char iso[kIsoDateChars];
    size_t n = 0;
    if (formatIsoDate(ms, iso, &n)) {
        if (style == TimestampStyle::Iso) {
            out.append(iso, n);
        } else {
            iso[10] = ' ';
            out.append(iso, n - 1); // without the Z
            out += "+00";
        }
        return;
    }
    constexpr int64_t msPerDay = 86400000;
    int64_t days = ms / msPerDay;
    int64_t rest = ms % msPerDay;
    if (rest < 0) {
        rest += msPerDay;
        --days;
    }
    int64_t year;
    unsigned month, day;
    civilFromDays(days, &year, &month, &day);
    appendDigits(out, year, 4);
    out += '-';
    appendDigits(out, month, 2);
    out += '-';
    appendDigits(out, day, 2);
    out += style == TimestampStyle::Iso ? 'T' : ' ';
    appendDigits(out, rest / 3600000, 2);
    out += ':';
    appendDigits(out, rest / 60000 % 60, 2);
    out += ':';
    appendDigits(out, rest / 1000 % 60, 2);
    out += '.';
    appendDigits(out, rest % 1000, 3);
    out += style == TimestampStyle::Iso ? std::string_view("Z") : std::string_view("+00");
}

void appendUuid(std::string &out, std::string_view b)
{
    if (b.size() != 16)
        return;
    char buf[36];
    formatUuid(reinterpret_cast<const uint8_t *>(b.data()), buf);
    out.append(buf, sizeof buf);
}

void appendDouble(std::string &out, double v)
{
    char buf[kDoubleChars];
    out.append(buf, formatDouble(v, buf));
}

QString cellToDisplay(const TableRows &rows, const Cell &cell)
{
    switch (cell.kind) {
    case CellKind::Null:
        return QStringLiteral("NULL");
    case CellKind::Int:
        return QString::number(cell.i);
    case CellKind::Double: {
        char buf[kDoubleChars];
        const size_t len = formatDouble(cell.d, buf);
        return QString::fromLatin1(buf, static_cast<qsizetype>(len));
    }
    case CellKind::Bool:
        return cell.i ? QStringLiteral("true") : QStringLiteral("false");
    case CellKind::Timestamp:
        return isoDateText(cell.i);
    case CellKind::Text:
    case CellKind::Numeric:
    case CellKind::Json: {
        const std::string_view b = rows.bytes(cell);
        return QString::fromUtf8(b.data(), static_cast<qsizetype>(b.size()));
    }
    case CellKind::Uuid: {
        const std::string_view b = rows.bytes(cell);
        if (b.size() != 16)
            break;
        char buf[36];
        formatUuid(reinterpret_cast<const uint8_t *>(b.data()), buf);
        return QString::fromLatin1(buf, 36);
    }
    case CellKind::Blob:
        break;
    }
    const std::string_view b = rows.bytes(cell);
    constexpr size_t shown = 64;
    QString text =
        QStringLiteral("\\x") +
        QString::fromLatin1(
            QByteArray(b.data(), static_cast<qsizetype>(std::min(b.size(), shown))).toHex());
    if (b.size() > shown)
        text += trEngine("… (%1 bytes)").arg(b.size());
    return text;
}

} // namespace ferry

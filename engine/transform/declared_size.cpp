#include "transform/declared_size.h"

#include <cstdint>

namespace ferry {

size_t utf8Chars(std::string_view text)
{
    size_t n = 0;
    for (const char c : text)
        n += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0;
    return n;
}

bool fitsNumeric(std::string_view text, int precision, int scale)
{
    size_t i = 0;
    if (i < text.size() && (text[i] == '-' || text[i] == '+'))
        ++i;
    const std::string_view body = text.substr(i);
    if (body == "NaN")
        return true;
    // Digits as one run, with the decimal point's place among them.
    int64_t digits = 0, point = -1, firstSignificant = -1, lastSignificant = -1;
    for (; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '.' && point < 0) {
            point = digits;
        } else if (c >= '0' && c <= '9') {
            if (c != '0') {
                if (firstSignificant < 0)
                    firstSignificant = digits;
                lastSignificant = digits;
            }
            ++digits;
        } else {
            break;
        }
    }
    if (digits == 0)
        return false; // Infinity, or not a number at all
    if (point < 0)
        point = digits;
    if (i < text.size()) {
        if (text[i] != 'e' && text[i] != 'E')
            return false;
        int64_t exponent = 0;
        bool negative = false;
        size_t j = i + 1;
        if (j < text.size() && (text[j] == '-' || text[j] == '+'))
            negative = text[j++] == '-';
        if (j == text.size())
            return false;
        for (; j < text.size(); ++j) {
            if (text[j] < '0' || text[j] > '9')
                return false;
            exponent = exponent * 10 + (text[j] - '0');
            if (exponent > 100000)
                return false; // far beyond any precision PostgreSQL allows
        }
        point += negative ? -exponent : exponent;
    }
    if (firstSignificant < 0)
        return true; // zero
    // Significant digits before the point, and after it up to the last non-zero one.
    const int64_t before = point - firstSignificant;
    const int64_t after = lastSignificant + 1 - point;
    return before <= int64_t(precision) - scale && after <= scale;
}

} // namespace ferry

#include "core/declared_size.h"

#include <algorithm>

namespace ferry {

size_t utf8Chars(std::string_view text)
{
    size_t n = 0;
    for (const char c : text)
        n += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0;
    return n;
}

std::optional<NumberDigits> numberDigits(std::string_view text)
{
    size_t i = 0;
    if (i < text.size() && (text[i] == '-' || text[i] == '+'))
        ++i;
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
        return std::nullopt; // NaN, Infinity, or not a number at all
    if (point < 0)
        point = digits;
    if (i < text.size()) {
        if (text[i] != 'e' && text[i] != 'E')
            return std::nullopt;
        int64_t exponent = 0;
        bool negative = false;
        size_t j = i + 1;
        if (j < text.size() && (text[j] == '-' || text[j] == '+'))
            negative = text[j++] == '-';
        if (j == text.size())
            return std::nullopt;
        for (; j < text.size(); ++j) {
            if (text[j] < '0' || text[j] > '9')
                return std::nullopt;
            // Far beyond any precision PostgreSQL allows, and the sum cannot overflow.
            exponent = std::min<int64_t>(exponent * 10 + (text[j] - '0'), 1000000);
        }
        point += negative ? -exponent : exponent;
    }
    if (firstSignificant < 0)
        return NumberDigits{}; // zero
    // Significant digits before the point, and after it up to the last non-zero one.
    return NumberDigits{std::max<int64_t>(0, point - firstSignificant),
                        std::max<int64_t>(0, lastSignificant + 1 - point)};
}

bool fitsNumeric(std::string_view text, int precision, int scale)
{
    const std::string_view body =
        !text.empty() && (text[0] == '-' || text[0] == '+') ? text.substr(1) : text;
    if (body == "NaN")
        return true;
    const std::optional<NumberDigits> d = numberDigits(text);
    return d && d->before <= int64_t(precision) - scale && d->after <= scale;
}

} // namespace ferry

#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

namespace ferry {

// The sizes a column keeps from its source's declaration (varchar(n), numeric(p,s)) are
// limits the value must respect as it is: PostgreSQL would refuse a longer text and round
// a number with more decimals without a word, so such values are caught before writing,
// and inference widens a column whose sampled values do not fit.

// Characters (code points) in valid UTF-8 text, as varchar(n) counts them.
size_t utf8Chars(std::string_view text);

// Significant digits of exact-number text ("-12.50", "1E+3", "0.000") before and after its
// decimal point, leading and trailing zeros aside (0.05: 0 before, 2 after; 100: 3, 0).
// Nothing for NaN, Infinity or text that is not a number.
struct NumberDigits {
    int64_t before = 0;
    int64_t after = 0;
};
std::optional<NumberDigits> numberDigits(std::string_view text);

// Whether exact-number text fits numeric(precision, scale) without rounding: at most
// precision - scale digits before the decimal point and `scale` after it. NaN fits;
// Infinity never fits a sized numeric.
bool fitsNumeric(std::string_view text, int precision, int scale);

} // namespace ferry

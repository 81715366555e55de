#pragma once

#include <cstddef>
#include <string_view>

namespace ferry {

// The sizes a column keeps from its source's declaration (varchar(n), numeric(p,s)) are
// limits the value must respect as it is: PostgreSQL would refuse a longer text and round
// a number with more decimals without a word, so such values are caught before writing.

// Characters (code points) in valid UTF-8 text, as varchar(n) counts them.
size_t utf8Chars(std::string_view text);

// Whether exact-number text ("-12.50", "1E+3", "0.000", "NaN") fits numeric(precision,
// scale) without rounding: at most precision - scale digits before the decimal point and
// `scale` after it, leading and trailing zeros aside. Infinity never fits a sized numeric.
bool fitsNumeric(std::string_view text, int precision, int scale);

} // namespace ferry

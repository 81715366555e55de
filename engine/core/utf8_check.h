#pragma once

#include <cstddef>

namespace ferry {

// Whether `s` is valid UTF-8 without NUL bytes, as bson_utf8_validate(s, n, false) says,
// but with a word-at-a-time pass over ASCII: nearly every string of a real dump is ASCII,
// and the byte-at-a-time check was the transform's single largest cost after copying.
bool validUtf8NoNul(const char *s, size_t n);

} // namespace ferry

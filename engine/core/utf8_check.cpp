#include "core/utf8_check.h"

#include <bson/bson.h>

#include <cstdint>
#include <cstring>

namespace ferry {

bool validUtf8NoNul(const char *s, size_t n)
{
    constexpr uint64_t kHigh = 0x8080808080808080ULL;
    constexpr uint64_t kOnes = 0x0101010101010101ULL;
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        uint64_t w;
        std::memcpy(&w, s + i, 8);
        // A byte with its high bit set, or a zero byte: the exact check takes over from
        // this word on (the words before it were ASCII, so this is a character boundary).
        if ((w & kHigh) != 0 || ((w - kOnes) & ~w & kHigh) != 0)
            return bson_utf8_validate(s + i, n - i, false);
    }
    for (; i < n; ++i) {
        const unsigned char c = static_cast<unsigned char>(s[i]);
        if (c == 0 || c >= 0x80)
            return bson_utf8_validate(s + i, n - i, false);
    }
    return true;
}

} // namespace ferry

#include "core/uuid5.h"

#include <cstring>

namespace ferry {

namespace {

uint32_t rotl(uint32_t v, int n)
{
    return (v << n) | (v >> (32 - n));
}

// Own SHA-1 rather than QCryptographicHash: UUIDv5 keys are computed once per document on
// the transform's hot path, and a heap-allocated hash object per value costs more than
// the hashing of a 28-byte message does.
class Sha1 {
public:
    void update(const uint8_t *p, size_t n)
    {
        m_total += n;
        while (n > 0) {
            const size_t take = std::min(n, sizeof(m_block) - m_used);
            std::memcpy(m_block + m_used, p, take);
            m_used += take;
            p += take;
            n -= take;
            if (m_used == sizeof(m_block)) {
                compress();
                m_used = 0;
            }
        }
    }
    std::array<uint8_t, 20> finish()
    {
        const uint64_t bits = m_total * 8;
        const uint8_t one = 0x80;
        update(&one, 1);
        const uint8_t zero = 0;
        while (m_used != 56)
            update(&zero, 1);
        uint8_t len[8];
        for (int i = 0; i < 8; ++i)
            len[i] = static_cast<uint8_t>(bits >> (56 - 8 * i));
        update(len, 8);
        std::array<uint8_t, 20> out{};
        for (int i = 0; i < 5; ++i)
            for (int b = 0; b < 4; ++b)
                out[i * 4 + b] = static_cast<uint8_t>(m_h[i] >> (24 - 8 * b));
        return out;
    }

private:
    void compress()
    {
        uint32_t w[80];
        for (int i = 0; i < 16; ++i)
            w[i] = uint32_t(m_block[i * 4]) << 24 | uint32_t(m_block[i * 4 + 1]) << 16 |
                   uint32_t(m_block[i * 4 + 2]) << 8 | uint32_t(m_block[i * 4 + 3]);
        for (int i = 16; i < 80; ++i)
            w[i] = rotl(w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16], 1);
        uint32_t a = m_h[0], b = m_h[1], c = m_h[2], d = m_h[3], e = m_h[4];
        for (int i = 0; i < 80; ++i) {
            uint32_t f, k;
            if (i < 20) {
                f = (b & c) | (~b & d);
                k = 0x5A827999;
            } else if (i < 40) {
                f = b ^ c ^ d;
                k = 0x6ED9EBA1;
            } else if (i < 60) {
                f = (b & c) | (b & d) | (c & d);
                k = 0x8F1BBCDC;
            } else {
                f = b ^ c ^ d;
                k = 0xCA62C1D6;
            }
            const uint32_t t = rotl(a, 5) + f + e + k + w[i];
            e = d;
            d = c;
            c = rotl(b, 30);
            b = a;
            a = t;
        }
        m_h[0] += a;
        m_h[1] += b;
        m_h[2] += c;
        m_h[3] += d;
        m_h[4] += e;
    }

    uint32_t m_h[5] = {0x67452301, 0xEFCDAB89, 0x98BADCFE, 0x10325476, 0xC3D2E1F0};
    uint8_t m_block[64] = {};
    size_t m_used = 0;
    uint64_t m_total = 0;
};

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

} // namespace

std::array<uint8_t, 20> sha1(const void *data, size_t length)
{
    Sha1 h;
    h.update(static_cast<const uint8_t *>(data), length);
    return h.finish();
}

UuidBytes uuid5(const UuidBytes &ns, const void *name, size_t length)
{
    Sha1 h;
    h.update(ns.data(), ns.size());
    h.update(static_cast<const uint8_t *>(name), length);
    const auto digest = h.finish();
    UuidBytes out;
    std::memcpy(out.data(), digest.data(), out.size());
    out[6] = static_cast<uint8_t>((out[6] & 0x0F) | 0x50); // version 5
    out[8] = static_cast<uint8_t>((out[8] & 0x3F) | 0x80); // RFC 4122 variant
    return out;
}

UuidBytes uuidFromObjectId(const uint8_t oid[12])
{
    return uuid5(kFerryUuidNamespace, oid, 12);
}

void formatUuid(const uint8_t uuid[16], char *out)
{
    static const char digits[] = "0123456789abcdef";
    int o = 0;
    for (int i = 0; i < 16; ++i) {
        if (i == 4 || i == 6 || i == 8 || i == 10)
            out[o++] = '-';
        out[o++] = digits[uuid[i] >> 4];
        out[o++] = digits[uuid[i] & 0x0F];
    }
}

bool parseUuid(std::string_view text, uint8_t out[16])
{
    if (text.size() == 38 && text.front() == '{' && text.back() == '}')
        text = text.substr(1, 36);
    if (text.size() != 36)
        return false;
    int byte = 0;
    for (size_t i = 0; i < 36;) {
        if (i == 8 || i == 13 || i == 18 || i == 23) {
            if (text[i] != '-')
                return false;
            ++i;
            continue;
        }
        const int hi = hexValue(text[i]);
        const int lo = hexValue(text[i + 1]);
        if (hi < 0 || lo < 0)
            return false;
        out[byte++] = static_cast<uint8_t>(hi << 4 | lo);
        i += 2;
    }
    return byte == 16;
}

} // namespace ferry

#include "gen_util.h"

#include <cerrno>
#include <cinttypes>
#include <cstring>
#include <ctime>

namespace ferry::gen {

bson_oid_t makeOid(std::int64_t ms, Rng &rng, std::uint32_t counter)
{
    const auto seconds = static_cast<std::uint32_t>(ms / 1000);
    const std::uint64_t random = rng.next();
    std::uint8_t bytes[12];
    for (int i = 0; i < 4; ++i)
        bytes[i] = static_cast<std::uint8_t>(seconds >> (24 - 8 * i));
    for (int i = 0; i < 5; ++i)
        bytes[4 + i] = static_cast<std::uint8_t>(random >> (8 * i));
    for (int i = 0; i < 3; ++i)
        bytes[9 + i] = static_cast<std::uint8_t>(counter >> (16 - 8 * i));
    bson_oid_t oid;
    bson_oid_init_from_data(&oid, bytes);
    return oid;
}

std::string centsToString(std::int64_t cents)
{
    char text[32];
    std::snprintf(text, sizeof text, "%s%" PRId64 ".%02" PRId64, cents < 0 ? "-" : "",
                  (cents < 0 ? -cents : cents) / 100, (cents < 0 ? -cents : cents) % 100);
    return text;
}

bson_decimal128_t decimalFromCents(std::int64_t cents)
{
    bson_decimal128_t dec;
    bson_decimal128_from_string(centsToString(cents).c_str(), &dec);
    return dec;
}

std::string isoUtc(std::int64_t ms)
{
    const std::time_t seconds = static_cast<std::time_t>(ms / 1000);
    std::tm tm{};
    gmtime_r(&seconds, &tm);
    char text[96]; // room for any int the compiler cannot rule out
    std::snprintf(text, sizeof text, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", tm.tm_year + 1900,
                  tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec,
                  static_cast<int>(ms % 1000));
    return text;
}

BsonFile::BsonFile(const std::string &path) : m_path(path)
{
    m_file = std::fopen(path.c_str(), "wb");
    if (!m_file)
        std::fprintf(stderr, "cannot write %s: %s\n", path.c_str(), std::strerror(errno));
}

BsonFile::~BsonFile()
{
    close();
}

void BsonFile::write(const bson_t *doc)
{
    if (m_file && std::fwrite(bson_get_data(doc), 1, doc->len, m_file) != doc->len)
        m_failed = true;
}

bool BsonFile::close()
{
    if (!m_file)
        return false;
    if (std::fclose(m_file) != 0)
        m_failed = true;
    m_file = nullptr;
    if (m_failed)
        std::fprintf(stderr, "writing %s failed\n", m_path.c_str());
    return !m_failed;
}

} // namespace ferry::gen

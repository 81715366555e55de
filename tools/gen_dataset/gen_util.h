#pragma once

#include <bson/bson.h>

#include <cstdint>
#include <cstdio>
#include <string>

namespace ferry::gen {

// The generator's own PRNG (splitmix64) rather than <random>'s distributions, whose
// output differs between standard libraries: the same seed must give the same files
// everywhere, because the demo dump is committed and tests compare against it.
class Rng {
public:
    explicit Rng(std::uint64_t seed) : m_state(seed) {}

    std::uint64_t next()
    {
        std::uint64_t z = (m_state += 0x9E3779B97F4A7C15ULL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31);
    }
    // Uniform enough in [lo, hi] for test data (modulo bias is irrelevant here).
    std::int64_t range(std::int64_t lo, std::int64_t hi)
    {
        return lo + static_cast<std::int64_t>(next() % static_cast<std::uint64_t>(hi - lo + 1));
    }
    bool chance(int percent) { return range(0, 99) < percent; }
    template <std::size_t N> const char *pick(const char *const (&items)[N])
    {
        return items[range(0, N - 1)];
    }

private:
    std::uint64_t m_state;
};

// An ObjectId whose timestamp part matches `ms` (as a real one would) and whose remaining
// bytes come from `rng` and a counter, so ids are unique and reproducible.
bson_oid_t makeOid(std::int64_t ms, Rng &rng, std::uint32_t counter);
bson_decimal128_t decimalFromCents(std::int64_t cents);
std::string centsToString(std::int64_t cents);
// "2021-03-04T05:06:07.123Z"
std::string isoUtc(std::int64_t ms);

// Appends documents to a .bson file: a mongodump collection file is just the documents
// back to back.
class BsonFile {
public:
    explicit BsonFile(const std::string &path);
    ~BsonFile();
    BsonFile(const BsonFile &) = delete;
    BsonFile &operator=(const BsonFile &) = delete;

    bool isOpen() const { return m_file != nullptr; }
    void write(const bson_t *doc);
    // False when any write (or the close) failed; says so on stderr.
    bool close();

private:
    std::string m_path;
    std::FILE *m_file = nullptr;
    bool m_failed = false;
};

} // namespace ferry::gen

#include "bench.h"

#include "gen_util.h"

#include <charconv>
#include <cstdio>

namespace ferry::gen {

namespace {

constexpr std::uint64_t kSeed = 1000003;
constexpr std::int64_t kStartMs = 1577836800000; // 2020-01-01T00:00:00Z
constexpr std::int64_t kEndMs = 1719705600000;   // 2024-06-30T00:00:00Z

// No value contains a comma, quote or newline, so the CSV needs no quoting.
const char *const kFirst[] = {"Ada",  "Bruno", "Chiara", "Dmitri", "Elena", "Farid", "Greta",
                              "Hugo", "Ines",  "Jonas",  "Keiko",  "Liam",  "Maja",  "Nils"};
const char *const kLast[] = {"Andersen", "Brandt",  "Costa",   "Dubois", "Eriksen",  "Fischer",
                             "Garcia",   "Horvath", "Ivanova", "Jensen", "Kowalski", "Larsen"};
const char *const kCities[] = {"Lisbon", "Lyon", "Berlin", "Krakow", "Oslo", "Vienna", "Turin"};
const char *const kCountries[] = {"PT", "FR", "DE", "PL", "NO", "AT", "IT"};
const char *const kTags[] = {"new",    "vip",     "churn-risk", "newsletter", "beta",
                             "mobile", "desktop", "referral",   "trial",      "support"};

struct BenchRow {
    bson_oid_t id;
    char idHex[25];
    std::string name;
    std::string email;
    const char *city;
    std::int32_t age;
    std::int64_t visits;
    double score;
    std::int64_t createdMs;
    bool active;
    char zip[8];
    const char *country;
    int tagCount; // 0..3, 1.5 on average: a child table of ~1.5 rows per document
    const char *tags[3];
};

// Both writers draw rows from here, which is what makes the two files hold the same data.
class RowSource {
public:
    RowSource() : m_rng(kSeed) {}

    const BenchRow &next()
    {
        BenchRow &r = m_row;
        r.createdMs = m_rng.range(kStartMs, kEndMs);
        r.id = makeOid(r.createdMs, m_rng, m_counter);
        bson_oid_to_string(&r.id, r.idHex);
        const char *first = m_rng.pick(kFirst);
        const char *last = m_rng.pick(kLast);
        r.name.assign(first).append(" ").append(last);
        r.email.assign("user").append(std::to_string(m_counter)).append("@example.com");
        const auto place = m_rng.range(0, std::size(kCities) - 1);
        r.city = kCities[place];
        r.country = kCountries[place];
        r.age = static_cast<std::int32_t>(m_rng.range(18, 90));
        r.visits = m_rng.range(0, 9000000000LL); // past int32 for many rows
        r.score = static_cast<double>(m_rng.range(0, 1000000)) / 100.0;
        r.active = m_rng.chance(70);
        std::snprintf(r.zip, sizeof r.zip, "%05d", static_cast<int>(m_rng.range(1000, 99999)));
        r.tagCount = static_cast<int>(m_rng.range(0, 3));
        for (int t = 0; t < r.tagCount; ++t)
            r.tags[t] = m_rng.pick(kTags);
        ++m_counter;
        return r;
    }

private:
    Rng m_rng;
    std::uint32_t m_counter = 0;
    BenchRow m_row;
};

} // namespace

bool writeBenchBson(std::int64_t count, const std::string &path)
{
    BsonFile out(path);
    if (!out.isOpen())
        return false;
    RowSource rows;
    bson_t doc, address;
    for (std::int64_t i = 0; i < count; ++i) {
        const BenchRow &r = rows.next();
        bson_init(&doc);
        bson_append_oid(&doc, "_id", 3, &r.id);
        bson_append_utf8(&doc, "name", 4, r.name.data(), static_cast<int>(r.name.size()));
        bson_append_utf8(&doc, "email", 5, r.email.data(), static_cast<int>(r.email.size()));
        bson_append_utf8(&doc, "city", 4, r.city, -1);
        bson_append_int32(&doc, "age", 3, r.age);
        bson_append_int64(&doc, "visits", 6, r.visits);
        bson_append_double(&doc, "score", 5, r.score);
        bson_append_date_time(&doc, "created", 7, r.createdMs);
        bson_append_bool(&doc, "active", 6, r.active);
        bson_append_document_begin(&doc, "address", 7, &address);
        bson_append_utf8(&address, "zip", 3, r.zip, -1);
        bson_append_utf8(&address, "country", 7, r.country, -1);
        bson_append_document_end(&doc, &address);
        bson_t tags;
        bson_append_array_begin(&doc, "tags", 4, &tags);
        for (int t = 0; t < r.tagCount; ++t) {
            const char key[2] = {static_cast<char>('0' + t), '\0'}; // t < 3
            bson_append_utf8(&tags, key, 1, r.tags[t], -1);
        }
        bson_append_array_end(&doc, &tags);
        out.write(&doc);
        bson_destroy(&doc);
    }
    return out.close();
}

bool writeBenchCsv(std::int64_t count, const std::string &path, const std::string &tagsPath)
{
    std::FILE *f = std::fopen(path.c_str(), "w");
    std::FILE *tf = tagsPath.empty() ? nullptr : std::fopen(tagsPath.c_str(), "w");
    if (!f || (!tagsPath.empty() && !tf)) {
        std::fprintf(stderr, "cannot write %s\n", (f ? tagsPath : path).c_str());
        if (f)
            std::fclose(f);
        return false;
    }
    RowSource rows;
    std::string line;
    char num[32];
    const auto appendNumber = [&](auto value) {
        // Shortest round-trip text, so PostgreSQL parses back the very same double.
        const auto res = std::to_chars(num, num + sizeof num, value);
        line.append(num, res.ptr);
    };
    bool ok = true;
    for (std::int64_t i = 0; i < count && ok; ++i) {
        const BenchRow &r = rows.next();
        line.clear();
        line.append(r.idHex).append(",").append(r.name).append(",").append(r.email);
        line.append(",").append(r.city).append(",");
        appendNumber(r.age);
        line.append(",");
        appendNumber(r.visits);
        line.append(",");
        appendNumber(r.score);
        line.append(",").append(isoUtc(r.createdMs)).append(r.active ? ",true," : ",false,");
        line.append(r.zip).append(",").append(r.country).append("\n");
        ok = std::fwrite(line.data(), 1, line.size(), f) == line.size();
        if (tf) {
            line.clear();
            for (int t = 0; t < r.tagCount; ++t)
                line.append(r.idHex)
                    .append(",")
                    .append(std::to_string(t))
                    .append(",")
                    .append(r.tags[t])
                    .append("\n");
            ok = ok && std::fwrite(line.data(), 1, line.size(), tf) == line.size();
        }
    }
    if (tf)
        ok = std::fclose(tf) == 0 && ok;
    ok = std::fclose(f) == 0 && ok;
    if (!ok)
        std::fprintf(stderr, "writing %s failed\n", path.c_str());
    return ok;
}

} // namespace ferry::gen

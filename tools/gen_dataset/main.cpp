// ferry-gen-dataset: deterministic data for Ferry's demo, tests and benchmark.
//   ferry-gen-dataset --demo DIR          the demo shop as a mongodump folder
//   ferry-gen-dataset --bench N FILE      N documents as one .bson file
//   ferry-gen-dataset --bench-csv N FILE [TAGS]  the same N rows as CSV (for psql \copy),
//                                        and the tags' child rows as CSV in TAGS
#include "bench.h"
#include "shop.h"

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <string>

namespace {

int usage()
{
    std::fprintf(stderr, "usage: ferry-gen-dataset --demo DIR\n"
                         "       ferry-gen-dataset --bench N FILE.bson\n"
                         "       ferry-gen-dataset --bench-csv N FILE.csv [TAGS.csv]\n");
    return 2;
}

bool parseCount(const char *text, std::int64_t *count)
{
    char *end = nullptr;
    errno = 0;
    const long long value = std::strtoll(text, &end, 10);
    if (errno != 0 || end == text || *end != '\0' || value < 0)
        return false;
    *count = value;
    return true;
}

} // namespace

int main(int argc, char *argv[])
{
    if (argc == 3 && std::strcmp(argv[1], "--demo") == 0) {
        std::error_code error;
        std::filesystem::create_directories(argv[2], error);
        if (error) {
            std::fprintf(stderr, "cannot create %s: %s\n", argv[2], error.message().c_str());
            return 1;
        }
        return ferry::gen::writeShopDump(argv[2]) ? 0 : 1;
    }
    const bool csvWithTags = argc == 5 && std::strcmp(argv[1], "--bench-csv") == 0;
    if ((argc == 4 || csvWithTags) &&
        (std::strcmp(argv[1], "--bench") == 0 || std::strcmp(argv[1], "--bench-csv") == 0)) {
        std::int64_t count = 0;
        if (!parseCount(argv[2], &count))
            return usage();
        const bool csv = std::strcmp(argv[1], "--bench-csv") == 0;
        const bool ok = csv ? ferry::gen::writeBenchCsv(count, argv[3], csvWithTags ? argv[4] : "")
                            : ferry::gen::writeBenchBson(count, argv[3]);
        return ok ? 0 : 1;
    }
    return usage();
}

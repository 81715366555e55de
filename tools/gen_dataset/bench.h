#pragma once

#include <cstdint>
#include <string>

namespace ferry::gen {

// `count` flat-ish documents (ObjectId _id, strings, int32, int64, double, date, bool and
// a small nested document, and an array of 0–3 string tags) as one .bson file: the benchmark's
// source.
bool writeBenchBson(std::int64_t count, const std::string &path);
// The same values (same seed, same order) as CSV rows without a header, nested fields
// flattened to address_zip, address_country: what `psql \copy ... CSV` is compared with.
// With `tagsPath`, the tags array's rows (parent _id, ordinal, value) go there.
bool writeBenchCsv(std::int64_t count, const std::string &path, const std::string &tagsPath = {});

} // namespace ferry::gen

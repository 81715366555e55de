#pragma once

#include <cstddef>
#include <cstdint>

namespace ferry::fuzz {

// One fuzz input each, shared by the libFuzzer targets and tst_fuzz_replay so that every
// committed corpus file is replayed exactly as the fuzzer ran it. Errors from the engine are
// expected and ignored; a broken invariant calls abort() so that both the fuzzer and the
// test see it as a crash.

// The input is a .ferry file. A file that loads must survive toJson → fromJson unchanged.
void fuzzProjectFile(const uint8_t *data, size_t size);

// The input is a dump file behind a small header, so that one corpus drives every way the
// dump source is read:
//   byte 0, bit 0     0 = the body is written as fuzz.bson, 1 = as fuzz.json
//   byte 0, bit 1     a filter line follows (Mongo query as Extended JSON)
//   byte 0, bit 2     a resume-token line follows (what DocumentReader::position() returns)
//   byte 0, bits 3-5  documents per next() call, minus one
//   byte 0, bits 6-7  sample size: all, 0, 1 or 3
// Lines end at '\n'; the body is everything after the header.
void fuzzDumpReader(const uint8_t *data, size_t size);

} // namespace ferry::fuzz

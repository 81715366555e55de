#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace ferry {

using UuidBytes = std::array<uint8_t, 16>;

// The namespace of every UUID Ferry derives from an ObjectId. It was drawn once at random
// (fb744de8-e17c-41d6-a916-544745f4acfd) and must never change: projects rely on the same
// ObjectId giving the same UUID in every run, on every machine, in both directions.
inline constexpr UuidBytes kFerryUuidNamespace = {0xfb, 0x74, 0x4d, 0xe8, 0xe1, 0x7c, 0x41, 0xd6,
                                                  0xa9, 0x16, 0x54, 0x47, 0x45, 0xf4, 0xac, 0xfd};

// RFC 4122 §4.3 name-based UUID, version 5 (SHA-1).
UuidBytes uuid5(const UuidBytes &ns, const void *name, size_t length);
// The UUID an ObjectId becomes: uuid5(kFerryUuidNamespace, the 12 raw ObjectId bytes).
UuidBytes uuidFromObjectId(const uint8_t oid[12]);

// Lowercase 8-4-4-4-12 text; `out` must hold 36 characters (no NUL is written).
void formatUuid(const uint8_t uuid[16], char *out);
// Accepts the 8-4-4-4-12 form in either case, optionally in braces.
bool parseUuid(std::string_view text, uint8_t out[16]);

// SHA-1 of `data`, exposed for the UUIDv5 tests only; not for security.
std::array<uint8_t, 20> sha1(const void *data, size_t length);

} // namespace ferry

#include "fuzz_entry_points.h"

// libFuzzer target: the logic lives in ferry_fuzz_entry so that tst_fuzz_replay runs the same.
extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    ferry::fuzz::fuzzProjectFile(data, size);
    return 0;
}

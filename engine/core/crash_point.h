#pragma once

namespace ferry {

// A test hook for crash-consistency tests: when the environment variable
// FERRY_TEST_CRASH_AT is "NAME" or "NAME:N", the process kills itself with SIGKILL the N-th
// time (default: the first) it reaches the point called NAME, exactly as `kill -9` would at
// that instant. Unset (always, outside tests) it costs one comparison. Points:
//   rejects-synced   a batch's rejects are in the reject file and synced; the batch and its
//                    checkpoint are not committed yet (reached only by batches with rejects)
//   batch-committed  a batch and its checkpoint are committed; the next batch is not written
void crashPoint(const char *name);

} // namespace ferry

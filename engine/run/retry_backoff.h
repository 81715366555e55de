#pragma once

#include <atomic>

namespace ferry {

// How long a run keeps trying to get a lost connection back, on either side, before it stops
// (resumably) with the last error.
inline constexpr double DefaultRetrySeconds = 60;

// Waits before reconnect attempt `attempt` (0, 1, …): 0.5 s, 1 s, 2 s … capped at 8 s. False
// when `cancel` was set meanwhile. Shared by the target's and the source's reconnects, so
// both back off alike.
bool waitBeforeRetry(int attempt, const std::atomic<bool> *cancel);

} // namespace ferry

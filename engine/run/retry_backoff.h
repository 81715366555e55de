#pragma once

#include "core/error.h"

#include <atomic>

namespace ferry {

// How long a run keeps trying to get a lost connection back, on either side, before it stops
// (resumably) with the last error.
inline constexpr double DefaultRetrySeconds = 60;

// Waits before reconnect attempt `attempt` (0, 1, …): 0.5 s, 1 s, 2 s … capped at 8 s. False
// when `cancel` was set meanwhile. Shared by the target's and the source's reconnects, so
// both back off alike.
bool waitBeforeRetry(int attempt, const std::atomic<bool> *cancel);

// Errors that mean "the connection (or the server's read state) is gone", which a reconnect
// can get past, as opposed to data or a query the other side refuses. Stores report a
// dropped connection, and a read state the server forgot (MongoDB's CursorNotFound, a
// stepped-down primary), as Connect.
inline bool isConnectionLoss(const Error &error)
{
    return error.code == ErrorCode::Connect;
}

} // namespace ferry

#pragma once

// What the SQLite sink's two source files share, and nothing else includes.

#include "core/error.h"

namespace ferry {

// Leaves a transact() body with a ready-made Error; the transaction is rolled back.
struct SqliteAbort {
    Error error;
};

} // namespace ferry

#pragma once

namespace ferry {

// The SQL flavours Ferry writes. Only relational stores have one; document stores are
// asked what they take (StoreInfo::takes), never given a made-up dialect.
enum class Dialect { Postgres, Sqlite };

} // namespace ferry

#pragma once

#include "stores/common/store_registry.h"

namespace ferry {

StoreInfo redisStore();

} // namespace ferry

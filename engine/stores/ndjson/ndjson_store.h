#pragma once

#include "stores/common/store_registry.h"

namespace ferry {

StoreInfo ndjsonStore();

} // namespace ferry

#pragma once

#include "core/endpoint.h"
#include "core/error.h"
#include "stores/common/sink.h"
#include "stores/common/source.h"
#include "stores/common/store_registry.h"

#include <memory>

namespace ferry {

// Every store Ferry knows, registered once (stores/stores.cpp). The run, the CLI and the
// wizard ask this instead of switching on a kind.
const StoreRegistry &storeRegistry();

// Endpoint::parse plus what only the registry knows: the scheme must belong to a store, and a
// bare path ("shop.sqlite") is given the scheme of the store its suffix names.
Result<Endpoint> parseEndpoint(const QString &text);
// The store of a parsed endpoint, or nullptr for an unknown scheme.
const StoreInfo *storeOf(const Endpoint &endpoint);
// True when `endpoint`'s store receives documents rather than rows.
bool takesDocuments(const Endpoint &endpoint);

Result<std::unique_ptr<Source>> makeSource(const Endpoint &endpoint);
// makeSource() set up for moving data to `target`: row targets keep column names.
Result<std::unique_ptr<Source>> makeSourceFor(const Endpoint &endpoint, const Endpoint &target);
Result<std::unique_ptr<Sink>> makeSink(const Endpoint &endpoint);

} // namespace ferry

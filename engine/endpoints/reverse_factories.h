#pragma once

#include "core/endpoint.h"
#include "endpoints/sink.h"
#include "endpoints/source.h"

#include <memory>

namespace ferry {

// Hooks for makeSource()/makeSink(): the SQL sources (sqlite:, postgresql://) and the
// document sinks (mongodb://, ndjson:). nullptr for an endpoint of another kind.
std::unique_ptr<Source> makeSqlSource(const Endpoint &endpoint);
std::unique_ptr<Sink> makeDocumentSink(const Endpoint &endpoint);

} // namespace ferry

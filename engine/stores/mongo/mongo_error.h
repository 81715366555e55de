#pragma once

#include "core/endpoint.h"
#include "core/error.h"

#include <mongoc/mongoc.h>

namespace ferry {

// Turns a libmongoc error into an Error whose code tells a network failure from a refused
// login from anything else, with a message saying what to check. `server` is the redacted
// URI; the driver's text passes through redactSecrets because it can echo the URI.
Error mongoError(const bson_error_t &error, const QString &server, const QString &doing,
                 ErrorCode otherwise = ErrorCode::Internal);

bool isConnectOrAuth(const Error &error);

// A read the server dropped though nothing is wrong with it: an idle cursor it forgot
// (CursorNotFound, after the 10 minutes of a long pause), a primary stepping down or shutting
// down. Opening the read again from the last _id gets past it.
bool isDroppedRead(const bson_error_t &error);

} // namespace ferry

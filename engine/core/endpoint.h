#pragma once

#include "core/error.h"

#include <QString>

namespace ferry {

enum class EndpointKind { MongoDb, Dump, Postgres, Sqlite, Ndjson };

// A source or target as the user wrote it. The full URI may carry a password: it lives
// only in memory. Everything printed, logged or saved uses redacted() or withoutSecret().
class Endpoint {
public:
    Endpoint() = default;

    // Accepts mongodb://, mongodb+srv://, dump:PATH, postgresql:// (and postgres://),
    // sqlite:PATH and ndjson:DIR. A bare path ending in .sqlite/.db is taken as sqlite:.
    static Result<Endpoint> parse(const QString &text);

    EndpointKind kind() const { return m_kind; }
    bool isRelational() const
    {
        return m_kind == EndpointKind::Postgres || m_kind == EndpointKind::Sqlite;
    }
    bool isDocument() const { return !isRelational(); }
    // The URI as given, secret included: pass it to a driver, never print it.
    const QString &uri() const { return m_uri; }
    // File or folder path for dump:, sqlite:, ndjson:.
    QString path() const;
    // Database name from a mongodb:// or postgresql:// URI path (may be empty).
    QString database() const;
    // The URI with any password replaced by "***" (safe for logs, reports, errors).
    QString redacted() const;
    // The URI with any password removed (what a project file stores).
    QString withoutSecret() const;
    bool hasSecret() const;
    // Returns a copy whose URI carries `password` (for URIs saved without one).
    Endpoint withPassword(const QString &password) const;

    static QString kindName(EndpointKind kind);

private:
    EndpointKind m_kind = EndpointKind::Dump;
    QString m_uri;
};

// Replaces every "scheme://user:password@" secret in free text (driver messages can echo
// the URI back) with "***". Used on every message that leaves the engine.
QString redactSecrets(const QString &text);

} // namespace ferry

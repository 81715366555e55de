#pragma once

#include "core/error.h"

#include <QString>

namespace ferry {

// A source or target as the user wrote it. The full URI may carry a password: it lives
// only in memory. Everything printed, logged or saved uses redacted() or withoutSecret().
class Endpoint {
public:
    Endpoint() = default;

    // Syntax only: "scheme://[user[:password]@]host[:port][/database][?query]" (a server),
    // "scheme:PATH" (a file or folder) or a bare path. Which schemes exist, and what a
    // bare path is, is the store registry's business (stores/stores.h: parseEndpoint()).
    static Result<Endpoint> parse(const QString &text);

    // Lower-case scheme as written ("postgres" and "postgresql" both stay); empty for a
    // bare path.
    const QString &scheme() const { return m_scheme; }
    // True for "scheme://authority…" URIs, which may carry a user and a password.
    bool isUrl() const { return m_url; }
    // The same location under another scheme (a bare path given its store's scheme).
    Endpoint withScheme(const QString &scheme) const;
    // The URI as given, secret included: pass it to a driver, never print it.
    const QString &uri() const { return m_uri; }
    // What follows "scheme:" ("//" dropped, so sqlite:///tmp/a.db is /tmp/a.db); the text
    // itself for a bare path. Meaningful for stores that name a file or folder.
    QString path() const;
    // First segment of a server URI's path (may be empty); empty for a path.
    QString database() const;
    // The URI with any password replaced by "***" (safe for logs, reports, errors).
    QString redacted() const;
    // The URI with any password removed (what a project file stores).
    QString withoutSecret() const;
    bool hasSecret() const;
    // Returns a copy whose URI carries `password` (for URIs saved without one).
    Endpoint withPassword(const QString &password) const;

private:
    QString m_scheme;
    bool m_url = false;
    QString m_uri;
};

// Replaces every "scheme://user:password@" secret in free text (driver messages can echo
// the URI back) with "***". Used on every message that leaves the engine.
QString redactSecrets(const QString &text);

} // namespace ferry

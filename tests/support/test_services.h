#pragma once

#include <QString>

namespace ferry::test {

// Addresses of the services the `services_start` CTest fixture started (files in
// $FERRY_SERVICES_DIR). Empty when the service is not running: tests then QFAIL with
// a message saying to run them through ctest / scripts/test.
QString postgresAdminUri(); // postgresql://postgres@127.0.0.1:PORT/postgres
// Creates a new, empty database with a unique name and returns its URI, so tests never
// see each other's tables.
QString freshPostgresDatabase(const QString &prefix);
QString mongoUri(const QString &database); // mongodb://127.0.0.1:PORT/<database>
// redis://127.0.0.1:PORT/<database> (0…63: each test takes its own); empty when not running.
QString redisUri(int database);
int redisPort(); // 0 when not running
// A fresh target of a kind ("sqlite": a file `name`.sqlite in `dir`; "postgresql": a new
// database). Aborts the test program when PostgreSQL is not running.
QString freshTarget(const QString &kind, const QString &name, const QString &dir);

QString sharedDataset(const QString &relativePath); // ../shared/datasets/<relativePath>
QString sourceDir();
QString cliPath(); // the built ferry-cli

} // namespace ferry::test

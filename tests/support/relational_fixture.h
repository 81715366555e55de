#pragma once

#include <QMap>
#include <QString>
#include <QStringList>

namespace ferry::test {

// A small experiment-tracking schema with deterministic rows and edge values (NULLs,
// unicode, a numeric with 30 digits, json, bytea/BLOB, booleans, a composite key, a table
// without a key, a junction table), created in SQLite or PostgreSQL for the SQL-source
// tests. Values are functions of the row number; the getters below give the expected ones.
struct RelationalFixture {
    static QStringList tables();               // sorted
    static QMap<QString, qint64> rowCounts();  // table → rows
    static QString budgetDigits();             // experiments id 1: numeric, exact
    static QString unicodeName();              // experiments id 1: name
    static qint64 experimentCreatedMs(int id); // experiments.created_at, UTC ms
    static qint64 metricStep(int id);          // metrics.step (one is beyond int32)
    static double metricValue(int id);
    static QByteArray artifact(int runId);   // runs.artifact (NULL for odd ids)
    static QString modelVersionUuid(int id); // model_versions.uuid

    // Returns an error text, or an empty string once the file holds the schema and rows.
    static QString createSqlite(const QString &path);
    static QString createPostgres(const QString &uri);
};

} // namespace ferry::test

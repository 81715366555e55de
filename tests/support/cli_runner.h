#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <memory>
#include <vector>

namespace ferry::test {

struct CliResult {
    int exitCode = -1;
    QByteArray stdOut;
    QByteArray stdErr;
    // "exit N; stdout …; stderr …" for failure messages.
    QString describe() const;
};

// Runs the built ferry-cli with `args` and waits for it (up to `timeoutMs`).
CliResult runFerryCli(const QStringList &args, int timeoutMs = 300000,
                      const QStringList &extraEnv = {});
// Runs `ferry-cli run project --partition K/N` for every K at the same time, as N machines
// would, and waits for all; the first that failed (exit code, stdout, stderr), else exit 0.
CliResult runPartitionsAtOnce(const QString &project, int n, const QStringList &extraArgs = {},
                              int timeoutMs = 300000);
QJsonObject readJson(const QString &path);
// Adds a reference (column → toCollection.toColumn) to `collection` of the project file at
// `path`, as a user would in the mapping editor. Empty when done, else why not.
QString addProjectReference(const QString &path, const QString &collection, const QString &column,
                            const QString &toCollection, const QString &toColumn);
// Inserts every document of a mongoexport file into `collection` of the database in `uri`.
bool loadJsonIntoMongo(const QString &uri, const QString &collection, const QString &jsonFile);
// Makes the Mongo wire peer fail reads of `collection` (mongo_peer.py, set_fault): `fault`
// holds after, times, action and, for "addDocuments", documents. Empty when done, else why not.
QString setMongoPeerFault(const QString &uri, const QString &collection, const QJsonObject &fault);

} // namespace ferry::test

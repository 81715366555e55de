#pragma once

#include "core/error.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <vector>

namespace ferry {

// Mismatches: the run went through, but what the target holds differs from the source (a
// document missing, fewer read than the source holds, a value that differs).
enum class RunStatus { Completed, CompletedWithRejects, Failed, Cancelled, Mismatches };

struct TableCount {
    QString name;
    qint64 rows = 0;

    bool operator==(const TableCount &) const = default;
};

struct CollectionReport {
    QString name;
    QString status;          // a RunStatus name, or another word a command defines (e.g. "skipped")
    qint64 sourceCount = -1; // -1 = not known; written as null
    qint64 read = 0;
    qint64 written = 0;
    qint64 skippedExisting = 0;
    qint64 rejected = 0;
    // Documents without _id that got a deterministic one (counted by this process).
    qint64 generatedKeys = 0;
    std::vector<TableCount> tables;
    QStringList warnings;
    double docsPerSecond = 0;
    QJsonArray mismatches; // validate: what differed; written only when not empty
    QJsonObject extra;     // further keys, written after the documented ones

    bool operator==(const CollectionReport &) const = default;
};

// The `--report` JSON of ferry-cli (DESIGN.md). Scripts depend on its keys and their
// order: the documented keys come first in the documented order, additions follow.
struct RunReport {
    QString command;
    QString runId;
    QString status;
    double durationSeconds = 0;
    QString source; // redacted
    QString target; // redacted
    std::vector<CollectionReport> collections;
    QString rejectFile; // written only when not empty
    QJsonObject extra;  // further keys, written last

    static constexpr int FormatVersion = 1;

    bool operator==(const RunReport &) const = default;
    // Pretty-printed, newline at the end. Source, target and warnings go through
    // redactSecrets() whatever the caller put in them.
    QByteArray toJson() const;
    Status save(const QString &path) const; // atomic (QSaveFile)
    static Result<RunReport> fromJson(const QByteArray &json);

    static QString statusName(RunStatus status);
    static bool parseStatus(const QString &name, RunStatus *out);
};

} // namespace ferry

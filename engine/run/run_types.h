#pragma once

#include <QMetaType>
#include <QString>
#include <QStringList>

#include <vector>

namespace ferry {

enum class RunMode { Run, DryRun };

// What to run and how; the project says what to move, this says how this run behaves.
struct RunRequest {
    RunMode mode = RunMode::Run;
    QStringList collections;    // empty: every enabled collection of the project
    bool resume = false;        // continue from committed checkpoints
    qint64 dryRunSample = 1000; // documents per collection for a dry run (-1 = all)
    QString reportPath;         // where to write the JSON report ("" = none)
    QString rejectPath;         // NDJSON reject file ("" = beside the report, or none)
    bool validate = true;       // count check at the end of a run
    int jobs = 0;               // parallel writers (and key builds); 0 = the number of cores
    // This process moves slice `partition` of `partitions` of every collection; the
    // others run at the same time (or elsewhere), and `finish` completes the tables.
    int partition = 0;
    int partitions = 1;
};

struct CollectionProgress {
    QString name;
    qint64 total = -1; // source count (estimate) or -1
    qint64 read = 0;
    qint64 written = 0;
    qint64 skipped = 0;
    qint64 rejected = 0;
    double fraction = 0; // 0..1, from the reader's position when the count is unknown
    double docsPerSecond = 0;
    bool done = false;
};

struct RunProgress {
    std::vector<CollectionProgress> collections;
    int current = -1;    // index of the collection being moved
    double fraction = 0; // overall 0..1
    double elapsedSeconds = 0;
    double etaSeconds = -1;   // -1 unknown
    double docsPerSecond = 0; // overall, recent
};

enum class LogLevel { Info, Warning, Error };

// What a dry run found for one collection: what would be created and written, shown by
// `ferry-cli dry-run`'s report and the wizard's dry-run page.
struct DryRunTable {
    QString name;
    QStringList columns;
    QList<QStringList> sampleRows; // first rows as display text
    qint64 sampleRowCount = 0;     // rows the sample produced
    qint64 predictedRows = 0;      // scaled to the whole collection
};

struct DryRunReject {
    QString id; // the document's _id as text
    QString field;
    QString reason;
};

struct DryRunCollection {
    QString collection;
    qint64 sourceCount = -1;
    qint64 sampled = 0;
    QStringList ddl;
    std::vector<DryRunTable> tables;
    std::vector<DryRunReject> rejects;
    qint64 skippedExisting = 0; // sampled documents whose rows the target already holds
    QStringList warnings;
    double sampleSeconds = 0;     // transform + write time of the sample
    double estimatedSeconds = -1; // for the whole collection, from the measured speed
};

} // namespace ferry

Q_DECLARE_METATYPE(ferry::RunProgress)
Q_DECLARE_METATYPE(ferry::DryRunCollection)

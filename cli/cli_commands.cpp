#include "cli_commands.h"
#include "stores/stores.h"

#include "cli_args.h"
#include "cli_support.h"
#include "progress_printer.h"

#include "core/endpoint.h"
#include "project/embedding_spec.h"
#include "project/project_file.h"
#include "run/collection_order.h"
#include "run/finish_partitions.h"
#include "run/index_builder.h"
#include "run/migration_run.h"
#include "run/project_builder.h"
#include "run/rollback.h"
#include "run/validator.h"
#include "stores/common/sink.h"
#include "stores/common/source.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

#include <optional>

#include <limits>

namespace ferry {

int cliList(const QStringList &words)
{
    CliArgs args({QStringLiteral("source")}, {QStringLiteral("json")});
    if (!args.parse(words))
        return usageError(args.error());
    auto source = endpointArg(args, QStringLiteral("source"));
    if (!source)
        return fail(source.error());
    auto src = makeSource(withEnvPassword(*source, {}, "FERRY_SOURCE_PASSWORD"));
    if (!src)
        return fail(src.error());
    if (Status s = (*src)->open(); !s)
        return fail(s.error());
    auto listed = (*src)->listCollections();
    if (!listed)
        return fail(listed.error());
    // On stderr: stdout keeps the one-line-per-collection shape scripts read.
    QTextStream err(stderr);
    for (const SkippedCollection &c : (*src)->skippedCollections())
        err << tr("skipped %1 (%2): %3").arg(c.name, c.kind, c.reason) << '\n';
    err.flush();
    QTextStream out(stdout);
    if (args.has(QStringLiteral("json"))) {
        QJsonArray arr;
        for (const CollectionInfo &c : *listed)
            arr.append(QJsonObject{{QStringLiteral("name"), c.name},
                                   {QStringLiteral("count"), c.count},
                                   {QStringLiteral("exact"), c.exact}});
        out << QJsonDocument(arr).toJson(QJsonDocument::Indented);
        return ExitOk;
    }
    for (const CollectionInfo &c : *listed) {
        // Plain digits, no thousands separators: scripts cut this column.
        const QString count =
            c.count < 0 ? tr("unknown")
                        : (c.exact ? QString::number(c.count) : QStringLiteral("~%1").arg(c.count));
        out << c.name << '\t' << count << '\n';
    }
    return ExitOk;
}

namespace {

// Options that shape an inferred table-to-table copy (a SQL source); false after a usage
// error, with *exit set.
bool applyTableCopyOptions(const CliArgs &args, ProjectOptions &options, int *exit)
{
    if (args.has(QStringLiteral("names")) &&
        !parseNameStyle(args.value(QStringLiteral("names")), &options.names)) {
        *exit = usageError(tr("--names takes fold or keep."));
        return false;
    }
    if (args.has(QStringLiteral("character-types")) &&
        !parseCharacterTypes(args.value(QStringLiteral("character-types")),
                             &options.characterTypes)) {
        *exit = usageError(tr("--character-types takes varchar or text."));
        return false;
    }
    return true;
}

} // namespace

int cliInfer(const QStringList &words)
{
    CliArgs args({QStringLiteral("source"), QStringLiteral("target"), QStringLiteral("collection"),
                  QStringLiteral("sample"), QStringLiteral("output"), QStringLiteral("id-strategy"),
                  QStringLiteral("unknown-fields"), QStringLiteral("embed"),
                  QStringLiteral("names"), QStringLiteral("character-types")},
                 {});
    if (!args.parse(words))
        return usageError(args.error());
    if (!args.has(QStringLiteral("output")))
        return usageError(tr("infer needs -o FILE.ferry: where to write the project."));
    auto source = endpointArg(args, QStringLiteral("source"));
    if (!source)
        return fail(source.error());
    auto target = endpointArg(args, QStringLiteral("target"));
    if (!target)
        return fail(target.error());
    ProjectOptions options;
    qint64 sample = options.sampleSize;
    if (!parseSample(args, &sample))
        return usageError(args.error());
    options.sampleSize = int(sample);
    if (args.has(QStringLiteral("id-strategy")) &&
        !parseIdStrategy(args.value(QStringLiteral("id-strategy")), &options.idStrategy))
        return usageError(tr("--id-strategy takes objectid_text or objectid_uuid."));
    if (args.has(QStringLiteral("unknown-fields")) &&
        !parseUnknownFields(args.value(QStringLiteral("unknown-fields")), &options.unknownFields))
        return usageError(tr("--unknown-fields takes extra, reject or ignore."));
    if (int exit = ExitOk; !applyTableCopyOptions(args, options, &exit))
        return exit;
    auto inferred = inferFromArgs(args, withEnvPassword(*source, {}, "FERRY_SOURCE_PASSWORD"),
                                  *target, options);
    if (!inferred)
        return fail(inferred.error());
    QTextStream err(stderr);
    for (const QString &w : inferred->warnings)
        err << "warning: " << w << '\n';
    if (Status s = ProjectFile::save(inferred->project, args.value(QStringLiteral("output"))); !s)
        return fail(s.error());
    QTextStream(stdout) << trCount("Wrote %1 (%n collection).", "Wrote %1 (%n collections).",
                                   qint64(inferred->project.collections.size()))
                               .arg(args.value(QStringLiteral("output")))
                        << '\n';
    return ExitOk;
}

int cliMigrate(const QStringList &words)
{
    QSet<QString> values = RunValueOptions;
    values.insert(QStringLiteral("sample"));
    values.insert(QStringLiteral("id-strategy"));
    values.insert(QStringLiteral("save-project"));
    values.insert(QStringLiteral("embed"));
    values.insert(QStringLiteral("names"));
    values.insert(QStringLiteral("character-types"));
    CliArgs args(values, RunFlags);
    if (!args.parse(words))
        return usageError(args.error());
    auto source = endpointArg(args, QStringLiteral("source"));
    if (!source)
        return fail(source.error());
    auto target = endpointArg(args, QStringLiteral("target"));
    if (!target)
        return fail(target.error());
    ProjectOptions options;
    RunRequest request;
    int exit = ExitOk;
    if (!applyRunOptions(args, options, request, &exit))
        return exit;
    qint64 sample = options.sampleSize;
    if (!parseSample(args, &sample))
        return usageError(args.error());
    options.sampleSize = int(sample);
    if (args.has(QStringLiteral("id-strategy")) &&
        !parseIdStrategy(args.value(QStringLiteral("id-strategy")), &options.idStrategy))
        return usageError(tr("--id-strategy takes objectid_text or objectid_uuid."));
    if (!applyTableCopyOptions(args, options, &exit))
        return exit;
    const Endpoint src = withEnvPassword(*source, {}, "FERRY_SOURCE_PASSWORD");
    const Endpoint tgt = withEnvPassword(*target, {}, "FERRY_TARGET_PASSWORD");
    auto inferred = inferFromArgs(args, src, tgt, options);
    if (!inferred)
        return fail(inferred.error());
    for (const QString &w : inferred->warnings)
        QTextStream(stderr) << "warning: " << w << '\n';
    if (args.has(QStringLiteral("save-project"))) {
        if (Status s =
                ProjectFile::save(inferred->project, args.value(QStringLiteral("save-project")));
            !s)
            return fail(s.error());
    }
    request.collections.clear(); // the inferred project holds exactly the chosen ones
    return executeRun(inferred->project, src, tgt, request, QStringLiteral("migrate"));
}

int cliRun(const QStringList &words)
{
    CliArgs args(RunValueOptions, RunFlags);
    int exit = ExitOk;
    auto opened = openProject(args, words, &exit);
    if (!opened)
        return exit;
    Project *project = &opened->project;
    const Endpoint &source = opened->source;
    const Endpoint &target = opened->target;
    RunRequest request;
    if (!applyRunOptions(args, project->options, request, &exit))
        return exit;
    return executeRun(*project, source, target, request, QStringLiteral("run"));
}

namespace {

// A document target has no keys or constraints to add: what partitions leave to `finish` is
// the collections' secondary indexes.
int finishDocumentTarget(const OpenedProject &opened, Source &source, Sink &sink,
                         const std::vector<const CollectionMapping *> &ordered,
                         const QElapsedTimer &clock, const CliArgs &args)
{
    RunReport report;
    report.command = QStringLiteral("finish");
    report.status = QStringLiteral("completed");
    report.source = opened.source.redacted();
    report.target = opened.target.redacted();
    for (const CollectionMapping *m : ordered) {
        CollectionReport cr;
        cr.name = m->collection;
        cr.status = QStringLiteral("completed");
        report.collections.push_back(cr);
    }
    for (const QString &w : buildIndexes(source, opened.source, sink, ordered, report))
        QTextStream(stderr) << redactSecrets(w) << '\n';
    report.durationSeconds = clock.elapsed() / 1000.0;
    printSummary(report);
    if (args.has(QStringLiteral("report"))) {
        if (Status s = report.save(args.value(QStringLiteral("report"))); !s)
            return fail(s.error());
    }
    return ExitOk;
}

} // namespace

int cliFinish(const QStringList &words)
{
    CliArgs args({QStringLiteral("collection"), QStringLiteral("report"), QStringLiteral("source"),
                  QStringLiteral("target")},
                 {});
    int exit = ExitOk;
    auto opened = openProject(args, words, &exit);
    if (!opened)
        return exit;
    auto ordered = orderCollections(opened->project, args.values(QStringLiteral("collection")));
    if (!ordered)
        return fail(ordered.error());
    auto src = makeSourceFor(opened->source, opened->target);
    if (!src)
        return fail(src.error());
    auto snk = makeSink(opened->target);
    if (!snk)
        return fail(snk.error());
    if (Status s = (*src)->open(); !s)
        return fail(s.error());
    if (Status s = (*snk)->open(); !s)
        return fail(s.error());
    QElapsedTimer clock;
    clock.start();
    SqlSink *sql = (*snk)->asSql();
    if (!sql)
        return finishDocumentTarget(*opened, **src, **snk, *ordered, clock, args);
    auto report = finishPartitions(opened->project, **src, *sql, *ordered, [](const QString &t) {
        QTextStream(stderr) << redactSecrets(t) << '\n';
    });
    if (!report)
        return fail(report.error());
    report->durationSeconds = clock.elapsed() / 1000.0;
    report->source = opened->source.redacted();
    report->target = opened->target.redacted();
    printSummary(*report);
    if (args.has(QStringLiteral("report"))) {
        if (Status s = report->save(args.value(QStringLiteral("report"))); !s)
            return fail(s.error());
    }
    return report->status == QLatin1String("completed") ? ExitOk : ExitRejects;
}

int cliDryRun(const QStringList &words)
{
    CliArgs args({QStringLiteral("collection"), QStringLiteral("sample"), QStringLiteral("report"),
                  QStringLiteral("source"), QStringLiteral("target")},
                 {});
    int exit = ExitOk;
    auto opened = openProject(args, words, &exit);
    if (!opened)
        return exit;
    Project *project = &opened->project;
    const Endpoint &source = opened->source;
    const Endpoint &target = opened->target;
    RunRequest request;
    request.mode = RunMode::DryRun;
    if (!parseSample(args, &request.dryRunSample))
        return usageError(args.error());
    request.collections = args.values(QStringLiteral("collection"));
    request.reportPath = args.value(QStringLiteral("report"));
    return executeRun(*project, source, target, request, QStringLiteral("dry-run"));
}

int cliValidate(const QStringList &words)
{
    CliArgs args({QStringLiteral("collection"), QStringLiteral("sample"), QStringLiteral("report"),
                  QStringLiteral("source"), QStringLiteral("target")},
                 {});
    int exit = ExitOk;
    auto opened = openProject(args, words, &exit);
    if (!opened)
        return exit;
    Project *project = &opened->project;
    const Endpoint &source = opened->source;
    const Endpoint &target = opened->target;
    ValidationOptions vo;
    if (!parseSample(args, &vo.sample))
        return usageError(args.error());
    auto ordered = orderCollections(*project, args.values(QStringLiteral("collection")));
    if (!ordered)
        return fail(ordered.error());
    auto src = makeSourceFor(source, target);
    if (!src)
        return fail(src.error());
    auto snk = makeSink(target);
    if (!snk)
        return fail(snk.error());
    if (Status s = (*src)->open(); !s)
        return fail(s.error());
    if (Status s = (*snk)->open(); !s)
        return fail(s.error());
    SqlSink *sql = (*snk)->asSql();
    if (!sql)
        return fail(
            Error(ErrorCode::Usage, tr("Validation is not available for this target yet.")));
    if (vo.sample < 0)
        vo.sample = std::numeric_limits<qint64>::max();
    QElapsedTimer clock;
    clock.start();
    RunReport report;
    report.command = QStringLiteral("validate");
    report.source = source.redacted();
    report.target = target.redacted();
    report.status = QStringLiteral("completed");
    int code = ExitOk;
    for (const CollectionMapping *m : *ordered) {
        CollectionReport cr;
        cr.name = m->collection;
        if (Status s = validateCollection(**src, *sql, *m, project->options, vo, cr); !s)
            return fail(s.error());
        cr.status =
            cr.mismatches.isEmpty() ? QStringLiteral("completed") : QStringLiteral("mismatches");
        if (!cr.mismatches.isEmpty()) {
            report.status = QStringLiteral("mismatches");
            code = ExitRejects;
        }
        report.collections.push_back(std::move(cr));
    }
    report.durationSeconds = clock.elapsed() / 1000.0;
    QTextStream out(stdout);
    for (const CollectionReport &c : report.collections) {
        out << trCount("%1: %n mismatch", "%1: %n mismatches", c.mismatches.size()).arg(c.name)
            << '\n';
        for (const QJsonValue &v : c.mismatches) {
            const QJsonObject o = v.toObject();
            out << QStringLiteral("  _id %1, table %2, column %3: expected %4, found %5")
                       .arg(o.value(QStringLiteral("_id")).toString(),
                            o.value(QStringLiteral("table")).toString(),
                            o.value(QStringLiteral("column")).toString(),
                            o.value(QStringLiteral("expected")).toString(),
                            o.value(QStringLiteral("found")).toString())
                << '\n';
        }
    }
    if (args.has(QStringLiteral("report"))) {
        if (Status s = report.save(args.value(QStringLiteral("report"))); !s)
            return fail(s.error());
    }
    return code;
}

int cliRollback(const QStringList &words)
{
    CliArgs args({QStringLiteral("run"), QStringLiteral("target")}, {QStringLiteral("confirm")});
    int exit = ExitOk;
    auto opened = openProject(args, words, &exit);
    if (!opened)
        return exit;
    Project *project = &opened->project;
    const Endpoint &source = opened->source;
    const Endpoint &target = opened->target;
    auto snk = makeSink(target);
    if (!snk)
        return fail(snk.error());
    SqlSink *sql = (*snk)->asSql();
    if (!sql)
        return fail(Error(ErrorCode::Usage, tr("rollback is not available for this target yet.")));
    if (Status s = sql->open(); !s)
        return fail(s.error());
    auto plan = planRollback(*sql, *project, args.value(QStringLiteral("run")));
    if (!plan)
        return fail(plan.error());
    const bool confirm = args.has(QStringLiteral("confirm"));
    if (confirm) {
        if (Status s = applyRollback(*sql, *project, *plan); !s)
            return fail(s.error());
    }
    QTextStream out(stdout);
    for (const QString &line : plan->describe(confirm))
        out << line << '\n';
    return ExitOk;
}

} // namespace ferry

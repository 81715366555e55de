#include "cli_support.h"

#include "cli_commands.h"
#include "core/count_text.h"
#include "stores/stores.h"

#include "cli_args.h"
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

QString tr(const char *text)
{
    return QCoreApplication::translate("ferry::Cli", text);
}

QString trCount(const char *one, const char *many, qint64 n)
{
    return tr(n == 1 ? one : many).replace(QLatin1String("%n"), countText(n));
}

int exitFor(const Error &e)
{
    switch (e.code) {
    case ErrorCode::Usage:
    case ErrorCode::ProjectFile:
    case ErrorCode::NotFound: // the user named a file or collection that is not there
        return ExitUsage;
    case ErrorCode::Connect:
    case ErrorCode::Auth:
        return ExitConnect;
    default:
        return ExitStopped;
    }
}

int fail(const Error &e)
{
    QTextStream(stderr) << "error: " << redactSecrets(e.toString()) << '\n';
    return exitFor(e);
}

int usageError(const QString &message)
{
    QTextStream(stderr) << "error: " << message << '\n'
                        << tr("Run `ferry-cli --help` for the commands and options.") << '\n';
    return ExitUsage;
}

Result<Endpoint> endpointArg(const CliArgs &args, const QString &name)
{
    if (!args.has(name))
        return Error(ErrorCode::Usage, tr("--%1 URI is required.").arg(name));
    return parseEndpoint(args.value(name));
}

// The password for a project's endpoint: from the URI given on the command line, else
// from the environment variable the project names, else FERRY_<ROLE>_PASSWORD.
Endpoint withEnvPassword(const Endpoint &e, const QString &projectEnv, const char *fallbackEnv)
{
    if (e.hasSecret())
        return e;
    const QString var = projectEnv.isEmpty() ? QLatin1String(fallbackEnv) : projectEnv;
    const QString password = qEnvironmentVariable(var.toLocal8Bit().constData());
    return password.isEmpty() ? e : e.withPassword(password);
}

bool parseSample(CliArgs &args, qint64 *out)
{
    if (!args.has(QStringLiteral("sample")))
        return true;
    if (args.value(QStringLiteral("sample")).compare(QLatin1String("all"), Qt::CaseInsensitive) ==
        0) {
        *out = -1;
        return true;
    }
    return args.intValue(QStringLiteral("sample"), 1, out);
}

// Run options shared by `migrate` and `run`; false with a message on stderr.
bool applyRunOptions(CliArgs &args, ProjectOptions &options, RunRequest &request, int *exit)
{
    qint64 batch = options.batchSize;
    if (!args.intValue(QStringLiteral("batch-size"), 1, &batch)) {
        *exit = usageError(args.error());
        return false;
    }
    options.batchSize = int(std::min<qint64>(batch, 1000000));
    if (args.has(QStringLiteral("no-skip-existing")))
        options.existingRows = ExistingRows::Fail;
    if (args.has(QStringLiteral("existing-rows")) &&
        !parseExistingRows(args.value(QStringLiteral("existing-rows")), &options.existingRows)) {
        *exit = usageError(tr("--existing-rows takes skip, upsert, fail or truncate, not \"%1\".")
                               .arg(args.value(QStringLiteral("existing-rows"))));
        return false;
    }
    if (args.has(QStringLiteral("on-error")) &&
        !parseErrorPolicy(args.value(QStringLiteral("on-error")), &options.onError)) {
        *exit = usageError(tr("--on-error takes stop or reject, not \"%1\".")
                               .arg(args.value(QStringLiteral("on-error"))));
        return false;
    }
    qint64 jobs = 0;
    if (!args.intValue(QStringLiteral("jobs"), 1, &jobs)) {
        *exit = usageError(args.error());
        return false;
    }
    request.jobs = int(std::min<qint64>(jobs, 64));
    if (args.has(QStringLiteral("partition"))) {
        const QString p = args.value(QStringLiteral("partition"));
        bool okK = false, okN = false;
        const int k = p.section(QLatin1Char('/'), 0, 0).toInt(&okK);
        const int n = p.section(QLatin1Char('/'), 1, 1).toInt(&okN);
        if (!okK || !okN || p.count(QLatin1Char('/')) != 1 || n < 1 || n > 10000 || k < 0 ||
            k >= n) {
            *exit = usageError(tr("--partition takes K/N with 0 <= K < N (e.g. 0/4), not "
                                  "\"%1\".")
                                   .arg(p));
            return false;
        }
        request.partition = k;
        request.partitions = n;
    }
    request.collections = args.values(QStringLiteral("collection"));
    request.resume = args.has(QStringLiteral("resume"));
    request.reportPath = args.value(QStringLiteral("report"));
    request.rejectPath = args.value(QStringLiteral("reject-file"));
    return true;
}

void printSummary(const RunReport &report)
{
    QTextStream out(stdout);
    out << tr("%1: %2 in %3 s")
               .arg(report.command, report.status)
               .arg(report.durationSeconds, 0, 'f', 1)
        << '\n';
    for (const CollectionReport &c : report.collections) {
        out << tr("  %1: %2 read, %3 written, %4 skipped (existing), %5 rejected, %6 docs/s")
                   .arg(c.name, countText(c.read), countText(c.written),
                        countText(c.skippedExisting), countText(c.rejected),
                        countText(qint64(c.docsPerSecond)))
            << '\n';
        for (const TableCount &t : c.tables)
            out << trCount("    table %1: %n row", "    table %1: %n rows", t.rows).arg(t.name)
                << '\n';
        for (const QString &w : c.warnings)
            out << tr("    warning: %1").arg(w) << '\n';
    }
    if (!report.rejectFile.isEmpty())
        out << tr("Rejected documents: %1").arg(report.rejectFile) << '\n';
}

int executeRun(const Project &project, const Endpoint &source, const Endpoint &target,
               const RunRequest &request, const QString &command)
{
    MigrationRun run(project, source, target, request);
    ProgressPrinter printer;
    QObject::connect(
        &run, &MigrationRun::progress, &run,
        [&printer](const RunProgress &p) { printer.update(p); }, Qt::DirectConnection);
    QObject::connect(
        &run, &MigrationRun::message, &run,
        [&printer](int level, const QString &text) { printer.message(level, text); },
        Qt::DirectConnection);
    run.setCommand(command);
    run.start();
    printer.finish();
    printSummary(run.report());
    return run.exitCode();
}

const QSet<QString> RunValueOptions = {
    QStringLiteral("collection"),    QStringLiteral("batch-size"), QStringLiteral("on-error"),
    QStringLiteral("existing-rows"), QStringLiteral("report"),     QStringLiteral("reject-file"),
    QStringLiteral("source"),        QStringLiteral("target"),     QStringLiteral("jobs"),
    QStringLiteral("partition")};
const QSet<QString> RunFlags = {QStringLiteral("no-skip-existing"), QStringLiteral("resume")};

Result<Project> loadProjectArg(const CliArgs &args)
{
    if (args.positionals().size() != 1)
        return Error(ErrorCode::Usage, tr("Give exactly one project file (FILE.ferry)."));
    return ProjectFile::load(args.positionals().first());
}

// Endpoints of a project with their secrets; --source/--target override the project's.
bool projectEndpoints(const CliArgs &args, const Project &project, Endpoint *source,
                      Endpoint *target, int *exit)
{
    auto s = parseEndpoint(args.value(QStringLiteral("source"), project.sourceUri));
    auto t = parseEndpoint(args.value(QStringLiteral("target"), project.targetUri));
    if (!s) {
        *exit = fail(s.error());
        return false;
    }
    if (!t) {
        *exit = fail(t.error());
        return false;
    }
    *source = withEnvPassword(*s, project.sourcePasswordEnv, "FERRY_SOURCE_PASSWORD");
    *target = withEnvPassword(*t, project.targetPasswordEnv, "FERRY_TARGET_PASSWORD");
    return true;
}

// What every project command starts with: its words parsed, the one .ferry file they name
// loaded, and its endpoints resolved with their secrets. On failure the message is printed
// and *exit holds the code.
std::optional<OpenedProject> openProject(CliArgs &args, const QStringList &words, int *exit)
{
    if (!args.parse(words)) {
        *exit = usageError(args.error());
        return std::nullopt;
    }
    auto project = loadProjectArg(args);
    if (!project) {
        *exit = fail(project.error());
        return std::nullopt;
    }
    OpenedProject opened{std::move(*project), {}, {}};
    if (!projectEndpoints(args, opened.project, &opened.source, &opened.target, exit))
        return std::nullopt;
    return opened;
}

Result<InferOutcome> inferFromArgs(CliArgs &args, const Endpoint &source, const Endpoint &target,
                                   const ProjectOptions &options)
{
    auto src = makeSourceFor(source, target);
    if (!src)
        return src.error();
    if (Status s = (*src)->open(); !s)
        return s.error();
    QTextStream err(stderr);
    auto inferred = inferProject(**src, source, target, args.values(QStringLiteral("collection")),
                                 options, [&err](const QString &name) {
                                     err << tr("sampling %1…").arg(name) << '\n';
                                     err.flush();
                                 });
    // --embed CHILD:PARENT (repeatable): child tables become arrays in their parents.
    if (inferred && args.has(QStringLiteral("embed"))) {
        for (const QString &spec : args.values(QStringLiteral("embed")))
            if (Status s = applyEmbedSpec(inferred->project, spec); !s)
                return s.error();
        // An embedded junction adds an index on its array of ids.
        if (Status s = inferProjectIndexes(inferred->project, **src, source, target); !s)
            return s.error();
    }
    return inferred;
}

} // namespace ferry

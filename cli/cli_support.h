#pragma once

// What the ferry-cli commands share: messages and exit codes, run options, opening a project.

#include "cli_args.h"

#include "core/endpoint.h"
#include "core/error.h"
#include "project/project.h"
#include "run/project_builder.h"
#include "run/report.h"
#include "run/run_types.h"

#include <QSet>
#include <QString>
#include <QStringList>

#include <optional>

namespace ferry {

struct OpenedProject {
    Project project;
    Endpoint source;
    Endpoint target;
};

// The options `run` and `migrate` take.
extern const QSet<QString> RunValueOptions;
extern const QSet<QString> RunFlags;

QString tr(const char *text);
// tr() of the English form for n ("%n row" / "%n rows"), %n the count grouped by thousands.
QString trCount(const char *one, const char *many, qint64 n);
// Exit code of the CLI contract for an error; fail() prints the error and returns it.
int exitFor(const Error &e);
int fail(const Error &e);
int usageError(const QString &message);
Result<Endpoint> endpointArg(const CliArgs &args, const QString &name);
Endpoint withEnvPassword(const Endpoint &e, const QString &projectEnv, const char *fallbackEnv);
bool parseSample(CliArgs &args, qint64 *out);
bool applyRunOptions(CliArgs &args, ProjectOptions &options, RunRequest &request, int *exit);
void printSummary(const RunReport &report);
int executeRun(const Project &project, const Endpoint &source, const Endpoint &target,
               const RunRequest &request, const QString &command);
Result<Project> loadProjectArg(const CliArgs &args);
bool projectEndpoints(const CliArgs &args, const Project &project, Endpoint *source,
                      Endpoint *target, int *exit);
// What every project command starts with: its words parsed, the one .ferry file they name
// loaded, and its endpoints resolved with their secrets. On failure the message is printed
// and *exit holds the code.
std::optional<OpenedProject> openProject(CliArgs &args, const QStringList &words, int *exit);
Result<InferOutcome> inferFromArgs(CliArgs &args, const Endpoint &source, const Endpoint &target,
                                   const ProjectOptions &options);

} // namespace ferry

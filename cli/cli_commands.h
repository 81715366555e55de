#pragma once

#include <QStringList>

namespace ferry {

// Exit codes of the CLI contract (DESIGN.md): scripts depend on them.
enum CliExit {
    ExitOk = 0,
    ExitRejects = 1,
    ExitUsage = 2,
    ExitConnect = 3,
    ExitStopped = 4,
};

int cliList(const QStringList &args);
int cliInfer(const QStringList &args);
int cliMigrate(const QStringList &args);
int cliRun(const QStringList &args);
int cliDryRun(const QStringList &args);
int cliValidate(const QStringList &args);
int cliRollback(const QStringList &args);
int cliFinish(const QStringList &args);

} // namespace ferry

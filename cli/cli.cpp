#include "cli.h"

#include "cli_args.h"
#include "cli_commands.h"

#include <ferry_version.h>

#include <QCoreApplication>
#include <QTextStream>

namespace ferry {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("ferry::Cli", text);
}

QString usage()
{
    return tr("Usage:\n"
              "  ferry-cli list     --source URI [--json]\n"
              "  ferry-cli infer    --source URI --target URI [--collection C]... [--sample N|all] "
              "-o FILE.ferry\n"
              "  ferry-cli migrate  --source URI --target URI [--collection C]... [run options]\n"
              "  ferry-cli dry-run  FILE.ferry [--collection C]... [--sample N|all] [--report "
              "FILE.json]\n"
              "  ferry-cli run      FILE.ferry [--collection C]... [--batch-size N] "
              "[--no-skip-existing]\n"
              "                     [--existing-rows skip|upsert|fail|truncate] [--on-error "
              "stop|reject]\n"
              "                     [--resume] [--report FILE.json] [--jobs N]\n"
              "  ferry-cli run      FILE.ferry --partition K/N [--resume]   (K = 0..N-1, run "
              "concurrently)\n"
              "  ferry-cli finish   FILE.ferry   (once, after all partitions: keys, foreign keys, "
              "validation)\n"
              "  ferry-cli validate FILE.ferry [--collection C]... [--sample N] [--report "
              "FILE.json]\n"
              "  ferry-cli rollback FILE.ferry [--run ID] --confirm\n"
              "  infer and migrate from a SQL source to a SQL target also take\n"
              "                     [--names fold|keep] (fold: lower-case names without "
              "symbols)\n"
              "                     [--character-types varchar|text] (what VARCHAR(n) "
              "becomes)\n"
              "  infer and migrate from a SQL source to a document target also take\n"
              "                     [--embed CHILD:PARENT[:FIELD[:single]]]... (child rows become "
              "an array\n"
              "                     in the parent; single: one sub-document, for one-to-one)\n"
              "\n"
              "URIs: dump:PATH (mongodump folder, .bson, mongoexport .json), "
              "mongodb://HOST[:PORT]/DB,\n"
              "      postgresql://USER@HOST[:PORT]/DB, sqlite:FILE, ndjson:DIR (target),\n"
              "      redis://[USER@]HOST[:PORT][/DB][?match=PATTERN] (source)\n"
              "Passwords: put them in the URI on the command line, or in the environment "
              "variable the project names\n"
              "(default FERRY_SOURCE_PASSWORD / FERRY_TARGET_PASSWORD); they are never saved "
              "or printed.\n"
              "Exit codes: 0 done, 1 done with rejects or mismatches, 2 usage or project "
              "error,\n"
              "            3 cannot connect, 4 stopped by an error or cancel.\n");
}

} // namespace

int runCli(const QStringList &argumentsIn)
{
    QTextStream err(stderr);
    if (argumentsIn.isEmpty()) {
        err << usage();
        return ExitUsage;
    }
    if (argumentsIn.first() == QLatin1String("--help") ||
        argumentsIn.first() == QLatin1String("-h") ||
        argumentsIn.first() == QLatin1String("help")) {
        QTextStream(stdout) << usage();
        return ExitOk;
    }
    if (argumentsIn.first() == QLatin1String("--version")) {
        QTextStream(stdout) << "ferry-cli " << FERRY_VERSION << '\n';
        return ExitOk;
    }
    const QString command = argumentsIn.first();
    QStringList words = argumentsIn.mid(1);
    // -o is the one short option (infer's output file).
    for (QString &w : words)
        if (w == QLatin1String("-o"))
            w = QStringLiteral("--output");

    using Handler = int (*)(const QStringList &);
    static const QList<QPair<QString, Handler>> commands = {
        {QStringLiteral("list"), &cliList},         {QStringLiteral("infer"), &cliInfer},
        {QStringLiteral("migrate"), &cliMigrate},   {QStringLiteral("run"), &cliRun},
        {QStringLiteral("dry-run"), &cliDryRun},    {QStringLiteral("validate"), &cliValidate},
        {QStringLiteral("rollback"), &cliRollback}, {QStringLiteral("finish"), &cliFinish},
    };
    for (const auto &[name, handler] : commands)
        if (name == command)
            return handler(words);
    err << tr("Unknown command \"%1\".").arg(command) << "\n\n" << usage();
    return ExitUsage;
}

} // namespace ferry

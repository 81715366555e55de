#include "cli.h"

#include <QTextStream>

namespace ferry {

int runCli(const QStringList &arguments)
{
    Q_UNUSED(arguments);
    QTextStream(stderr) << "ferry-cli: not implemented yet\n";
    return 2;
}

} // namespace ferry

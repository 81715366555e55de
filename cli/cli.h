#pragma once

#include <QStringList>

namespace ferry {

// Runs `ferry-cli` with the given arguments (argv[1..]) and returns the process exit code
// (0 clean, 1 rejects/mismatches, 2 usage/project, 3 connect, 4 stopped).
int runCli(const QStringList &arguments);

} // namespace ferry

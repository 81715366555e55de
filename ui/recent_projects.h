#pragma once

#include <QStringList>

namespace ferry {

// The most recently opened or saved project files, kept in QSettings.
class RecentProjects {
public:
    static constexpr int Max = 8;
    static QStringList list();
    static void add(const QString &path);
};

} // namespace ferry

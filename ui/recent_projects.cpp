#include "ui/recent_projects.h"

#include <QFileInfo>
#include <QSettings>

namespace ferry {

namespace {
const QString key = QStringLiteral("recentProjects");
}

QStringList RecentProjects::list()
{
    QStringList out;
    const QStringList stored = QSettings().value(key).toStringList();
    for (const QString &path : stored) {
        if (QFileInfo::exists(path))
            out.append(path);
    }
    return out;
}

void RecentProjects::add(const QString &path)
{
    QStringList files = QSettings().value(key).toStringList();
    const QString absolute = QFileInfo(path).absoluteFilePath();
    files.removeAll(absolute);
    files.prepend(absolute);
    while (files.size() > Max)
        files.removeLast();
    QSettings().setValue(key, files);
}

} // namespace ferry

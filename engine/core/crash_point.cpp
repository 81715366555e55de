#include "core/crash_point.h"

#include <QByteArray>
#include <QtGlobal>

#include <algorithm>
#include <atomic>
#include <csignal>
#include <cstdlib>

namespace ferry {

namespace {

struct CrashSpec {
    QByteArray name;
    int hit = 1;
};

CrashSpec readSpec()
{
    CrashSpec spec;
    const QByteArray value = qgetenv("FERRY_TEST_CRASH_AT");
    const qsizetype colon = value.indexOf(':');
    spec.name = colon < 0 ? value : value.left(colon);
    if (colon >= 0)
        spec.hit = std::max(1, value.mid(colon + 1).toInt());
    return spec;
}

} // namespace

void crashPoint(const char *name)
{
    static const CrashSpec spec = readSpec();
    if (spec.name.isEmpty() || spec.name != name)
        return;
    static std::atomic<int> hits{0};
    if (++hits != spec.hit)
        return;
#ifdef SIGKILL
    std::raise(SIGKILL);
#endif
    std::_Exit(137); // where there is no SIGKILL: as abrupt, without running any cleanup
}

} // namespace ferry

#include "progress_printer.h"

#include "core/count_text.h"

#include <QTextStream>

#include <cstdio>
#include <unistd.h>

namespace ferry {

QString formatDuration(double seconds)
{
    if (seconds < 0)
        return QStringLiteral("--:--");
    const qint64 s = qint64(seconds + 0.5);
    if (s >= 3600)
        return QStringLiteral("%1:%2:%3")
            .arg(s / 3600)
            .arg((s / 60) % 60, 2, 10, QLatin1Char('0'))
            .arg(s % 60, 2, 10, QLatin1Char('0'));
    return QStringLiteral("%1:%2").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0'));
}

ProgressPrinter::ProgressPrinter() : m_tty(isatty(fileno(stderr)) != 0)
{
    m_sinceLine.start();
}

void ProgressPrinter::update(const RunProgress &p)
{
    std::lock_guard lock(m_mutex);
    if (p.current < 0 || p.current >= int(p.collections.size()))
        return;
    const CollectionProgress &c = p.collections[size_t(p.current)];
    QTextStream err(stderr);
    const QString counts = c.total >= 0
                               ? QStringLiteral("%1/%2").arg(countText(c.read), countText(c.total))
                               : countText(c.read);
    const QString rate = QStringLiteral("%1 docs/s").arg(countText(qint64(p.docsPerSecond)));
    if (m_tty) {
        constexpr int width = 24;
        const int filled = int(p.fraction * width);
        const QString bar =
            QString(filled, QLatin1Char('#')) + QString(width - filled, QLatin1Char('.'));
        err << "\r\x1b[K[" << bar << "] " << qint64(p.fraction * 100) << "% " << c.name << ' '
            << counts << "  " << rate << "  ETA " << formatDuration(p.etaSeconds);
        err.flush();
        m_lineOpen = true;
        return;
    }
    // Plain output: one line per collection change and at most one every 2 s.
    const bool finishedNow = c.done && !m_doneCollections.contains(c.name);
    if (c.name == m_lastCollection && m_sinceLine.elapsed() < 2000 && !finishedNow)
        return;
    if (c.done && !finishedNow)
        return;
    if (c.done)
        m_doneCollections.insert(c.name);
    m_lastCollection = c.name;
    m_sinceLine.restart();
    err << "progress: " << c.name << ' ' << counts << " read, " << countText(c.written)
        << " written, " << countText(c.skipped) << " skipped, " << countText(c.rejected)
        << " rejected; " << rate << "; overall " << qint64(p.fraction * 100) << "%, ETA "
        << formatDuration(p.etaSeconds) << '\n';
}

void ProgressPrinter::message(int level, const QString &text)
{
    std::lock_guard lock(m_mutex);
    QTextStream err(stderr);
    if (m_lineOpen) {
        err << "\r\x1b[K";
        m_lineOpen = false;
    }
    const char *prefix = level == int(LogLevel::Error)     ? "error: "
                         : level == int(LogLevel::Warning) ? "warning: "
                                                           : "";
    err << prefix << text << '\n';
}

void ProgressPrinter::finish()
{
    std::lock_guard lock(m_mutex);
    if (m_lineOpen) {
        QTextStream(stderr) << '\n';
        m_lineOpen = false;
    }
}

} // namespace ferry

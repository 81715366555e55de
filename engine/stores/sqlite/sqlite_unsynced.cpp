#include "stores/sqlite/sqlite_unsynced.h"

#include <QFile>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#ifdef Q_OS_LINUX
#include <fcntl.h>
#include <unistd.h>
#endif

namespace ferry {

namespace {

const char *const markTable = "_ferry_unsynced";

Error failed(const QString &path, const QSqlQuery &q)
{
    return Error(ErrorCode::Target,
                 trEngine("Cannot keep track of how the SQLite file %1 is written: %2")
                     .arg(path, q.lastError().text()),
                 path);
}

} // namespace

QString SqliteUnsynced::bootId()
{
    QFile f(QStringLiteral("/proc/sys/kernel/random/boot_id"));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QString::fromLatin1(f.readAll().trimmed());
}

Status SqliteUnsynced::begin(QSqlDatabase &db, const QString &path, bool fresh, bool *active)
{
    *active = false;
    const QString boot = bootId();
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '%1'")
                    .arg(QLatin1String(markTable))))
        return failed(path, q);
    if (q.next()) {
        q.finish();
        if (!q.exec(QStringLiteral("SELECT boot_id FROM %1").arg(QLatin1String(markTable))))
            return failed(path, q);
        const QString filledUnder = q.next() ? q.value(0).toString() : QString();
        q.finish();
        if (boot.isEmpty() || filledUnder != boot)
            return Error(ErrorCode::Target,
                         trEngine("The SQLite file %1 was being filled by Ferry, which does not "
                                  "wait for the disk while it fills a new file, and the "
                                  "computer has restarted since: its last writes may be lost. "
                                  "Delete the file and run again without --resume.")
                             .arg(path),
                         path);
    } else {
        if (!fresh || boot.isEmpty())
            return {};
        // The mark is on the disk before the first write that does not wait for it.
        if (!q.exec(QStringLiteral("CREATE TABLE %1 (boot_id TEXT NOT NULL)")
                        .arg(QLatin1String(markTable))) ||
            !q.prepare(QStringLiteral("INSERT INTO %1 (boot_id) VALUES (?)")
                           .arg(QLatin1String(markTable))))
            return failed(path, q);
        q.addBindValue(boot);
        if (!q.exec())
            return failed(path, q);
    }
    if (!q.exec(QStringLiteral("PRAGMA synchronous=OFF")))
        return failed(path, q);
    *active = true;
    return {};
}

void SqliteUnsynced::startWriteback(const QString &path)
{
#ifdef Q_OS_LINUX
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return;
    (void)::sync_file_range(fd, 0, 0, SYNC_FILE_RANGE_WRITE); // a hint: end() still syncs
    ::close(fd);
#else
    Q_UNUSED(path);
#endif
}

Status SqliteUnsynced::end(QSqlDatabase &db, const QString &path)
{
    QSqlQuery q(db);
    // FULL: the commit that drops the mark syncs the file, and with it every write before.
    if (!q.exec(QStringLiteral("PRAGMA synchronous=FULL")) ||
        !q.exec(QStringLiteral("DROP TABLE IF EXISTS %1").arg(QLatin1String(markTable))))
        return failed(path, q);
    return {};
}

} // namespace ferry

#include "stores/sqlite/sqlite_unsynced.h"

#include <QFile>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>

#ifdef Q_OS_LINUX
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>
#endif

namespace ferry {

namespace {

Error failed(const QString &path, const QString &why)
{
    return Error(
        ErrorCode::Target,
        trEngine("Cannot make the SQLite file %1 safe against a power cut: %2").arg(path, why),
        path);
}

#ifdef Q_OS_LINUX
bool syncFolderOf(const QString &path)
{
    const QByteArray dir = QFile::encodeName(QFileInfo(path).absolutePath());
    const int fd = ::open(dir.constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0)
        return false;
    const bool ok = ::fsync(fd) == 0;
    ::close(fd);
    return ok;
}

// Writes `text` to `path` and syncs it and its folder: on the disk when this returns true.
bool writeDurably(const QString &path, const QByteArray &text)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) || f.write(text) != text.size() ||
        !f.flush() || ::fsync(f.handle()) != 0)
        return false;
    f.close();
    return syncFolderOf(path);
}
#endif

} // namespace

SqliteUnsynced::~SqliteUnsynced()
{
    release();
}

QString SqliteUnsynced::recordPath(const QString &path)
{
    return path + QStringLiteral("-ferry-unsynced");
}

QString SqliteUnsynced::bootId()
{
    QFile f(QStringLiteral("/proc/sys/kernel/random/boot_id"));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QString::fromLatin1(f.readAll().trimmed());
}

Status SqliteUnsynced::open(QSqlDatabase &db, const QString &path, bool fresh, bool load)
{
    m_path = path;
    const QString record = recordPath(path);
    const QString boot = bootId();
    // A fresh file has nothing to lose: an old record beside it is from a file deleted since.
    const bool recorded = !fresh && QFile::exists(record);
    if (recorded) {
        QFile f(record);
        const QString filledUnder =
            f.open(QIODevice::ReadOnly) ? QString::fromLatin1(f.readAll().trimmed()) : QString();
        if (boot.isEmpty() || filledUnder != boot)
            return Error(ErrorCode::Target,
                         trEngine("The SQLite file %1 was being filled by a load that had not "
                                  "waited for the disk yet, and the computer has restarted "
                                  "since (or this system cannot tell): its last writes may be "
                                  "lost. Delete the file and load it again (without --resume).")
                             .arg(path),
                         path);
    }
    if (!load || (!fresh && !recorded))
        return {}; // a check, a rollback, a partition, or a file with a database of its own
#ifdef Q_OS_LINUX
    if (boot.isEmpty())
        return {};
    if (!recorded && !writeDurably(record, boot.toLatin1()))
        return failed(path, trEngine("cannot write %1").arg(record));
    m_recordFd = ::open(QFile::encodeName(record).constData(), O_RDONLY | O_CLOEXEC);
    if (m_recordFd < 0 || ::flock(m_recordFd, LOCK_EX | LOCK_NB) != 0)
        return Error(ErrorCode::Target,
                     trEngine("Another load is filling the SQLite file %1 at this moment. Wait "
                              "for it to end, or load into another file.")
                         .arg(path),
                     path);
    // SQLite creates the file at its first write; the descriptor needs it now.
    QFile touch(path);
    if (!touch.exists() && !touch.open(QIODevice::WriteOnly))
        return failed(path, touch.errorString());
    touch.close();
    m_fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_CLOEXEC);
    if (m_fd < 0)
        return failed(path, trEngine("cannot open it"));
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("PRAGMA synchronous=OFF")))
        return failed(path, q.lastError().text());
#else
    Q_UNUSED(db);
#endif
    return {};
}

void SqliteUnsynced::startWriteback()
{
#ifdef Q_OS_LINUX
    // Handing 300 MB to the disk took 80 ms of the thread that asks; close() syncs anyway.
    if (active() && !m_writeback.joinable())
        m_writeback = std::thread([fd = m_fd] { (void)::fdatasync(fd); });
#endif
}

Status SqliteUnsynced::close()
{
#ifdef Q_OS_LINUX
    if (!active())
        return {};
    m_closed = true;
    if (m_writeback.joinable())
        m_writeback.join();
    // The data, then the folder (the last commit's journal is gone for good), then the
    // record, which must not go before them.
    if (::fdatasync(m_fd) != 0 || !syncFolderOf(m_path))
        return failed(m_path, trEngine("the disk did not take the writes"));
    if (!QFile::remove(recordPath(m_path)) || !syncFolderOf(m_path))
        return failed(m_path, trEngine("cannot remove %1").arg(recordPath(m_path)));
#endif
    return {};
}

void SqliteUnsynced::release()
{
    if (m_writeback.joinable())
        m_writeback.join();
#ifdef Q_OS_LINUX
    if (m_fd >= 0)
        ::close(m_fd);
    if (m_recordFd >= 0)
        ::close(m_recordFd); // and with it the lock
#endif
    m_fd = m_recordFd = -1;
}

} // namespace ferry

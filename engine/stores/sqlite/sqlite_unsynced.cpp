#include "stores/sqlite/sqlite_unsynced.h"

#include <QFile>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>

#include <cerrno>
#include <cstring>

#ifdef Q_OS_LINUX
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
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

QString errnoText()
{
    return QString::fromLocal8Bit(std::strerror(errno));
}

#ifdef Q_OS_LINUX
// The folder SQLite keeps its journal in: the real file's, through any symbolic link.
bool syncFolderOf(const QString &path)
{
    const QFileInfo info(path);
    const QString real =
        info.canonicalFilePath().isEmpty() ? info.absoluteFilePath() : info.canonicalFilePath();
    const QByteArray dir = QFile::encodeName(QFileInfo(real).absolutePath());
    const int fd = ::open(dir.constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0)
        return false;
    const bool ok = ::fsync(fd) == 0;
    ::close(fd);
    return ok;
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

Status SqliteUnsynced::check(const QString &path)
{
    m_path = path;
    const QString record = recordPath(path);
    if (!QFile::exists(record))
        return {};
    // Nothing beside the record (the database deleted since, as the refusal says to): a load
    // starts afresh and replaces the record.
    const QFileInfo db(path);
    if (!db.exists() || (db.size() == 0 && !QFile::exists(path + QStringLiteral("-journal"))))
        return {};
    QFile f(record);
    const QString filledUnder =
        f.open(QIODevice::ReadOnly) ? QString::fromLatin1(f.readAll().trimmed()) : QString();
    const QString boot = bootId();
    if (!boot.isEmpty() && filledUnder == boot) {
        m_recorded = true;
        return {};
    }
    return Error(ErrorCode::Target,
                 trEngine("The SQLite file %1 was being filled by a load that had not waited "
                          "for the disk yet, and the computer has restarted since, or the disk "
                          "refused writes (or this system cannot tell): its last writes may be "
                          "lost. Delete the file and start the load again, not with --resume.")
                     .arg(path),
                 path);
}

Status SqliteUnsynced::start(QSqlDatabase &db, bool fresh, bool load)
{
    // Only a load goes unsynced, into a file it starts or one an unsynced load of this boot
    // left (a run after a killed one); never into a database of the user's own.
    if (!load || !(fresh || m_recorded))
        return {};
#ifdef Q_OS_LINUX
    const QString boot = bootId();
    if (boot.isEmpty())
        return {};
    const QString record = recordPath(m_path);
    // Locked before it is written: a second load waits on the lock, never on a record that
    // is about to go (the inode check below catches one removed meanwhile).
    m_recordFd = ::open(QFile::encodeName(record).constData(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (m_recordFd < 0)
        return failed(m_path, trEngine("cannot open %1: %2").arg(record, errnoText()));
    if (::flock(m_recordFd, LOCK_EX | LOCK_NB) != 0) {
        if (errno == EWOULDBLOCK)
            return Error(ErrorCode::Target,
                         trEngine("Another load is filling the SQLite file %1 at this moment. "
                                  "Wait for it to end, or load into another file.")
                             .arg(m_path),
                         m_path);
        return failed(m_path, trEngine("cannot lock %1: %2").arg(record, errnoText()));
    }
    struct stat held = {};
    struct stat named = {};
    if (::fstat(m_recordFd, &held) != 0 ||
        ::stat(QFile::encodeName(record).constData(), &named) != 0 || held.st_ino != named.st_ino ||
        held.st_dev != named.st_dev)
        return Error(ErrorCode::Target,
                     trEngine("Another load was finishing the SQLite file %1 just now. Run "
                              "again.")
                         .arg(m_path),
                     m_path);
    if (!m_recorded && !writeRecord(boot.toLatin1()))
        return failed(m_path, trEngine("cannot write %1: %2").arg(record, errnoText()));
    m_fd = ::open(QFile::encodeName(m_path).constData(), O_RDONLY | O_CLOEXEC);
    if (m_fd < 0)
        return failed(m_path, errnoText());
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("PRAGMA synchronous=OFF")))
        return failed(m_path, q.lastError().text());
#else
    Q_UNUSED(db);
    Q_UNUSED(fresh);
#endif
    return {};
}

#ifdef Q_OS_LINUX
bool SqliteUnsynced::writeRecord(const QByteArray &text)
{
    return ::ftruncate(m_recordFd, 0) == 0 &&
           ::pwrite(m_recordFd, text.constData(), size_t(text.size()), 0) == text.size() &&
           ::fsync(m_recordFd) == 0 && syncFolderOf(m_path);
}
#endif

void SqliteUnsynced::startWriteback()
{
#ifdef Q_OS_LINUX
    // Handing 300 MB to the disk took 80 ms of the thread that asks; close() syncs anyway.
    // Linux tells a write error once per file description: this thread keeps it for close().
    if (active() && !m_writeback.joinable())
        m_writeback = std::thread([this] {
            if (::fdatasync(m_fd) != 0)
                m_writebackFailed.store(true);
        });
#endif
}

Status SqliteUnsynced::close(bool idle)
{
#ifdef Q_OS_LINUX
    if (!active())
        return {};
    m_closed = true;
    if (m_writeback.joinable())
        m_writeback.join();
    // The data, then the folder (the last commit's journal is gone for good), then the
    // record, which must not go before them. A connection in a transaction, or a journal
    // left by one, would leave writes no sync covers: the record then stays, and says so.
    const bool journal = QFile::exists(m_path + QStringLiteral("-journal"));
    if (!idle || journal || m_writebackFailed.load() || ::fdatasync(m_fd) != 0 ||
        !syncFolderOf(m_path)) {
        const QString why = !idle || journal
                                ? trEngine("a transaction was still open")
                                : trEngine("the disk refused writes: %1").arg(errnoText());
        (void)writeRecord("unsafe"); // matches no boot: every later open refuses the file
        return failed(m_path, why);
    }
    if (!QFile::remove(recordPath(m_path)))
        return failed(m_path, trEngine("cannot remove %1").arg(recordPath(m_path)));
    if (!syncFolderOf(m_path))
        return failed(m_path, trEngine("its folder did not take the change: %1").arg(errnoText()));
#else
    Q_UNUSED(idle);
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

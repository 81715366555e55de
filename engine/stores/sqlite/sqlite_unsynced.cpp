#include "stores/sqlite/sqlite_unsynced.h"

#include <QFile>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>

#include <cerrno>
#include <cstring>
#include <system_error>

#ifdef Q_OS_LINUX
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>
#endif

namespace ferry {

namespace {

[[maybe_unused]] Error failed(const QString &path, const QString &why)
{
    return Error(
        ErrorCode::Target,
        trEngine("Cannot make the SQLite file %1 safe against a power cut: %2").arg(path, why),
        path);
}

[[maybe_unused]] QString errnoText(int error)
{
    return QString::fromLocal8Bit(std::strerror(error));
}

Error anotherLoad(const QString &path)
{
    return Error(ErrorCode::Target,
                 trEngine("Another load is filling the SQLite file %1 at this moment. Wait for "
                          "it to end, or load into another file.")
                     .arg(path),
                 path);
}

// SQLite keeps its journal beside the real file, through any symbolic link: so does the
// record, and the folder synced is that one.
QString realPath(const QString &path)
{
    const QFileInfo info(path);
    const QString canonical = info.canonicalFilePath();
    return canonical.isEmpty() ? info.absoluteFilePath() : canonical;
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

#ifdef Q_OS_LINUX
// Opens and locks the record; a result of its own for a lock another process holds, and for
// a file system that has no locks (then the load is not filled unsynced at all).
SqliteUnsynced::Lock SqliteUnsynced::lockRecord(bool create)
{
    const QByteArray name = QFile::encodeName(recordPath(m_path));
    m_recordFd =
        ::open(name.constData(), O_RDWR | O_CLOEXEC | O_NOFOLLOW | (create ? O_CREAT : 0), 0644);
    if (m_recordFd < 0)
        return errno == ENOENT ? Lock::Gone : Lock::Failed;
    if (::flock(m_recordFd, LOCK_EX | LOCK_NB) != 0) {
        const int error = errno;
        ::close(m_recordFd);
        m_recordFd = -1;
        return error == EWOULDBLOCK ? Lock::Busy : Lock::Unsupported;
    }
    // Locked, but perhaps a record another load removed meanwhile: the name must still be it.
    struct stat held = {};
    struct stat named = {};
    if (::fstat(m_recordFd, &held) != 0 || ::stat(name.constData(), &named) != 0 ||
        held.st_ino != named.st_ino || held.st_dev != named.st_dev) {
        ::close(m_recordFd);
        m_recordFd = -1;
        return Lock::Gone;
    }
    return Lock::Held;
}

void SqliteUnsynced::dropRecord()
{
    if (m_recordFd < 0)
        return;
    (void)QFile::remove(recordPath(m_path));
    (void)syncFolderOf(m_path);
    ::close(m_recordFd);
    m_recordFd = -1;
}

bool SqliteUnsynced::writeRecord(const QByteArray &text)
{
    // Written over the old text before it is cut to length: should the cut fail, what is
    // left matches no boot either.
    return ::pwrite(m_recordFd, text.constData(), size_t(text.size()), 0) == text.size() &&
           ::ftruncate(m_recordFd, text.size()) == 0 && ::fsync(m_recordFd) == 0 &&
           syncFolderOf(m_path);
}
#endif

Status SqliteUnsynced::check(const QString &path)
{
    m_given = path;
    m_path = realPath(path);
#ifdef Q_OS_LINUX
    if (!QFile::exists(recordPath(m_path)))
        return {};
    const Lock lock = lockRecord(false);
    if (lock == Lock::Gone)
        return {}; // a load finished meanwhile and removed it
    if (lock == Lock::Busy)
        return anotherLoad(path);
    if (lock != Lock::Held)
        return failed(path, trEngine("cannot open %1").arg(recordPath(m_path)));
    // Nothing beside the record (the database deleted since, as the refusal says to): the
    // record goes, and a load starts afresh.
    const QFileInfo db(m_path);
    if (!db.exists() || (db.size() == 0 && !QFile::exists(m_path + QStringLiteral("-journal")))) {
        dropRecord();
        return {};
    }
    QByteArray filledUnder(64, '\0');
    const ssize_t got = ::pread(m_recordFd, filledUnder.data(), size_t(filledUnder.size()), 0);
    filledUnder.resize(got > 0 ? qsizetype(got) : 0);
    const QString boot = bootId();
    if (!boot.isEmpty() && QString::fromLatin1(filledUnder.trimmed()) == boot) {
        m_recorded = true; // kept locked: start() goes on with it
        return {};
    }
    release();
    return Error(ErrorCode::Target,
                 trEngine("The SQLite file %1 was being filled by a load that had not waited "
                          "for the disk yet, and the computer has restarted since, or the disk "
                          "refused writes (or this system cannot tell): its last writes may be "
                          "lost. Delete the file and start the load again, not with --resume.")
                     .arg(path),
                 path);
#else
    return {};
#endif
}

Status SqliteUnsynced::start(QSqlDatabase &db, bool fresh, bool load)
{
#ifdef Q_OS_LINUX
    // Only a load goes unsynced, into a file it starts or one an unsynced load of this boot
    // left (a run after a killed one); never into a database of the user's own. Anything
    // else only looked at the record, and lets it go.
    // A symbolic link to a file that did not exist yet: SQLite created it elsewhere than
    // check() could see, so the record would sit beside the link. The usual way then.
    const QString boot = bootId();
    if (!load || !(fresh || m_recorded) || boot.isEmpty() || realPath(m_given) != m_path) {
        release();
        return {};
    }
    Lock lock = m_recordFd >= 0 ? Lock::Held : lockRecord(true);
    if (lock == Lock::Gone) // removed by a load finishing just now: this one's turn
        lock = lockRecord(true);
    if (lock == Lock::Busy || lock == Lock::Gone)
        return anotherLoad(m_given);
    if (lock == Lock::Unsupported) {
        (void)QFile::remove(recordPath(m_path)); // no locks here: nobody else holds it
        return {};                               // and the load goes the usual way
    }
    if (lock != Lock::Held)
        return {}; // a record this process may not open: the usual way, leaving it be
    // A folder that cannot be synced (some network and shared folders): the usual way too.
    if (!m_recorded && !writeRecord(boot.toLatin1())) {
        dropRecord();
        return {};
    }
    m_fd = ::open(QFile::encodeName(m_path).constData(), O_RDONLY | O_CLOEXEC);
    QSqlQuery q(db);
    if (m_fd < 0 || !q.exec(QStringLiteral("PRAGMA synchronous=OFF"))) {
        const Error e = failed(m_path, m_fd < 0 ? errnoText(errno) : q.lastError().text());
        // Nothing was written unsynced: a record of this load's own would only refuse the
        // file after the next restart for nothing.
        if (!m_recorded)
            dropRecord();
        release();
        return e;
    }
#else
    Q_UNUSED(db);
    Q_UNUSED(fresh);
    Q_UNUSED(load);
#endif
    return {};
}

void SqliteUnsynced::startWriteback()
{
#ifdef Q_OS_LINUX
    // Handing 300 MB to the disk took 80 ms of the thread that asks; close() syncs anyway.
    // Linux tells a write error once per file description: this thread keeps it for close().
    // It goes on until close(), so that what the keys write is mostly on the disk by then too.
    if (!active() || m_writeback.joinable())
        return;
    try {
        m_writeback = std::thread([this] {
            std::unique_lock lock(m_writebackMutex);
            do {
                lock.unlock();
                if (::fdatasync(m_fd) != 0)
                    m_writebackError.store(errno);
                lock.lock();
            } while (!m_writebackStop.wait_for(lock, std::chrono::milliseconds(100),
                                               [this] { return m_stopWriteback; }));
        });
    } catch (const std::system_error &) {
        // No thread to spare: close() syncs it all at once instead.
    }
#endif
}

Status SqliteUnsynced::close(bool idle)
{
#ifdef Q_OS_LINUX
    if (!active())
        return {};
    m_closed = true;
    stopWriteback();
    // The data, then the folder (the last commit's journal is gone for good), then the
    // record, which must not go before them. A connection in a transaction, or a journal
    // left by one, would leave writes no sync covers: the record then stays, and says so.
    const bool journal = QFile::exists(m_path + QStringLiteral("-journal"));
    int error = m_writebackError.load();
    bool synced = idle && !journal && error == 0;
    if (synced && (::fdatasync(m_fd) != 0 || !syncFolderOf(m_path))) {
        error = errno;
        synced = false;
    }
    if (!synced) {
        (void)writeRecord("unsafe"); // matches no boot: every later open refuses the file
        return failed(m_path, !idle || journal
                                  ? trEngine("a transaction was still open")
                                  : trEngine("the disk refused writes: %1").arg(errnoText(error)));
    }
    if (!QFile::remove(recordPath(m_path)))
        return failed(m_path, trEngine("cannot remove %1").arg(recordPath(m_path)));
    // Were this sync to fail, the record could come back after a power cut and the file be
    // refused: the safe side, and the data is on the disk already.
    (void)syncFolderOf(m_path);
#else
    Q_UNUSED(idle);
#endif
    return {};
}

void SqliteUnsynced::stopWriteback()
{
    {
        const std::lock_guard lock(m_writebackMutex);
        m_stopWriteback = true;
    }
    m_writebackStop.notify_all();
    if (m_writeback.joinable())
        m_writeback.join();
}

void SqliteUnsynced::release()
{
    stopWriteback();
#ifdef Q_OS_LINUX
    if (m_fd >= 0)
        ::close(m_fd);
    if (m_recordFd >= 0)
        ::close(m_recordFd); // and with it the lock
#endif
    m_fd = m_recordFd = -1;
}

} // namespace ferry

#pragma once

#include "core/error.h"

#include <QSqlDatabase>
#include <QString>

#include <atomic>
#include <condition_variable>
#include <mutex>
#include <thread>

namespace ferry {

// A SQLite file Ferry creates for a load is filled without waiting for the disk at each
// commit (synchronous=OFF): those waits were a sixth of the load. A process that dies —
// killed, crashed — loses nothing by it, since the operating system holds every write, so a
// resume is as safe as ever. Only a crash of the operating system or a power cut could lose
// writes out of order. So, before the first such write, a file beside the database
// ("<file>-ferry-unsynced", synced with its folder) records the boot the load runs under; a
// later open after another boot refuses the file and says what to do; and close() waits for
// the disk once for everything, then removes the record. The load holds the record locked
// (flock, which leaves SQLite's own locks alone), so no second load writes under it.
// Where the boot cannot be known, the file is filled the usual way.
class SqliteUnsynced {
public:
    SqliteUnsynced() = default;
    ~SqliteUnsynced();
    SqliteUnsynced(const SqliteUnsynced &) = delete;
    SqliteUnsynced &operator=(const SqliteUnsynced &) = delete;

    // Before SQLite opens `path` (it may roll back a journal at once): the record of an
    // earlier load of this file, from another boot or one whose sync failed, is an error.
    Status check(const QString &path);
    // After the open: a load (`load`) into a `fresh` file, or into one this boot's unsynced
    // load left, goes unsynced.
    Status start(QSqlDatabase &db, bool fresh, bool load);
    bool active() const { return m_fd >= 0 && !m_closed; }
    // Hands what is written so far to the disk on a thread of its own: called when the rows
    // are in and the keys (CPU work) come next, so that close() waits less.
    void startWriteback();
    // Makes every write durable, then removes the record; `idle`: the connection has no
    // transaction open. On failure the record stays, marked so that no open trusts the file.
    Status close(bool idle);
    // Closes the descriptor kept on the database file. Only once SQLite has closed its own:
    // closing any descriptor of a file drops every POSIX lock the process holds on it (so no
    // other connection of this process may use the file then either).
    void release();

    static QString recordPath(const QString &path);
    static QString bootId(); // empty when the system does not tell

private:
    void stopWriteback();
    QString m_given;     // as the endpoint names it
    QString m_path;      // the real file, through any symbolic link
    int m_fd = -1;       // on the database file, for fdatasync and the writeback hint
    int m_recordFd = -1; // holds the record's lock
    bool m_closed = false;
    bool m_recorded = false; // an unsynced load of this boot left the record
    std::thread m_writeback;
    std::mutex m_writebackMutex;
    std::condition_variable m_writebackStop;
    bool m_stopWriteback = false;         // under m_writebackMutex
    std::atomic<int> m_writebackError{0}; // errno of the writeback thread's sync
#ifdef Q_OS_LINUX
    enum class Lock { Held, Busy, Gone, Unsupported, Failed };
    Lock lockRecord(bool create);
    void dropRecord(); // removes the record this process holds locked
    bool writeRecord(const QByteArray &text);
#endif
};

} // namespace ferry

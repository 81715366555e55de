#pragma once

#include "core/error.h"

#include <QSqlDatabase>
#include <QString>

namespace ferry {

// A SQLite file Ferry creates is filled without waiting for the disk at each commit
// (synchronous=OFF): the load spent a sixth of its time in those waits. A process that dies —
// killed, crashed — loses nothing by it, since the operating system holds every write, so a
// resume is as safe as ever. Only a crash of the operating system or a power cut could lose
// writes out of order; the file therefore carries the boot it was filled under
// (_ferry_unsynced, written durably before anything else), a resume after another boot is
// refused with what to do, and the last step of a run makes everything durable and drops
// the mark. Where the boot cannot be known, the file is filled the usual way.
class SqliteUnsynced {
public:
    // `fresh`: the file holds no database yet. Sets *active when the file is filled unsynced.
    static Status begin(QSqlDatabase &db, const QString &path, bool fresh, bool *active);
    // Waits for the disk once for everything, then drops the mark.
    static Status end(QSqlDatabase &db, const QString &path);
    // Lets the disk start on what is written so far without waiting for it, so that the wait
    // in end() is short: called when the rows are in and the keys (CPU work) come next.
    static void startWriteback(const QString &path);
    // This boot's identity, empty when the system does not tell.
    static QString bootId();
};

} // namespace ferry

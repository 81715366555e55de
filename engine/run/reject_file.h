#pragma once

#include "core/error.h"

#include <QString>

#include <cstdint>
#include <memory>
#include <mutex>

class QFile;

namespace ferry {

// The NDJSON file of rejected documents. Each line is
//   {"collection":…,"reason":…,"field":…,"document":<canonical Extended JSON>}
// holding the original document byte for byte, so that it can be fixed and re-imported.
// The file is created on the first reject only: a clean run leaves no empty file behind.
// Each call holds the file to itself, so threads may share it (today one writes at a time:
// collections move side by side only without rejects).
class RejectFile {
public:
    enum class Mode {
        Truncate, // a new run: an older file at the same path is replaced
        Append,   // a resumed run adds to what the interrupted one wrote
    };

    explicit RejectFile(QString path, Mode mode = Mode::Truncate);
    ~RejectFile();
    RejectFile(const RejectFile &) = delete;
    RejectFile &operator=(const RejectFile &) = delete;

    // "<dir>/<report base name>.rejects.ndjson" for a report at reportPath.
    static QString pathBesideReport(const QString &reportPath);

    // A document that is not valid BSON is kept as {"$binary": …} of its raw bytes:
    // a reject is never dropped.
    // With rawText the bytes are text that did not parse (a JSON line) and are kept as a
    // string.
    Status add(const uint8_t *bson, uint32_t len, const QString &collection, const QString &reason,
               const QString &field = {}, bool rawText = false);
    // The orchestrator calls this after each batch, so a crash loses at most one batch.
    Status flush();
    // Flushes and fsyncs: what was added survives a crash or a power cut. A batch's rejects
    // are synced before the batch commits, so no document is ever in neither place.
    Status sync();
    // The file's length in bytes as this run sees it: what a checkpoint records. 0 while a
    // new run has not rejected anything (the old file it will replace does not count).
    qint64 length() const;
    // Cuts the file back to `bytes` (a resumed run to its checkpoint's length; a batch that
    // did not commit to where it began), so that rejects of a batch that did not commit are
    // written once, when it is redone. An error when the file is shorter than that: rejects
    // of the interrupted run are missing from it.
    Status cutBackTo(qint64 bytes);
    Status close();

    qint64 count() const { return m_count; }
    const QString &path() const { return m_path; }
    bool created() const { return m_created; }

    // The canonical Extended JSON of a document, or the $binary fallback.
    static QByteArray documentJson(const uint8_t *bson, uint32_t len);

private:
    Status open();
    Status writeError() const;
    Status syncLocked();
    qint64 lengthLocked() const;

    QString m_path;
    Mode m_mode;
    mutable std::mutex m_mutex;
    std::unique_ptr<QFile> m_file;
    qint64 m_count = 0;
    bool m_created = false;
    bool m_dirSynced = false;
};

} // namespace ferry

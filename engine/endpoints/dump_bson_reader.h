#pragma once

#include "endpoints/dump_file_buffer.h"
#include "endpoints/dump_filter.h"
#include "endpoints/source.h"

namespace ferry {

// Reads a mongodump .bson file: documents back to back, each led by its int32 length.
// Documents are validated and copied straight into the batch, never converted.
class DumpBsonReader : public DocumentReader {
public:
    static Result<std::unique_ptr<DumpBsonReader>> open(const QString &path,
                                                        const ReadOptions &options);

    Result<bool> next(DocBatch &out, int maxDocs, size_t maxBytes = 32u << 20) override;
    QByteArray position() const override;
    double progress() const override;

    // Counts documents by walking the length prefixes only. Stops at the first damaged
    // length and reports it in *problem (the reader gives the full error later).
    static Result<qint64> countDocuments(const QString &path, QString *problem);

private:
    Error damaged(qint64 at, const QString &what) const;

    DumpFileBuffer m_file;
    DumpFilter m_filter;
    qint64 m_position = 0;
};

} // namespace ferry

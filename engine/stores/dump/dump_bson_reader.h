#pragma once

#include "stores/common/source.h"
#include "stores/dump/dump_file_buffer.h"
#include "stores/dump/dump_filter.h"

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
    // A uniform sample of n documents (n >= 0) found by skimming length prefixes; an empty
    // result for a non-empty file means "damaged: read it in full to report where".
    static Result<std::vector<BsonDoc>> sampleByOffsets(const QString &path, qint64 n);

private:
    Error damaged(qint64 at, const QString &what) const;
    Status seekSlice();

    DumpFileBuffer m_file;
    DumpFilter m_filter;
    qint64 m_position = 0;
    qint64 m_sliceBegin = 0; // ReadOptions::partition: documents starting in [begin, end)
    qint64 m_sliceEnd = -1;  // -1: to the end of the file
};

} // namespace ferry

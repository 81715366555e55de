#pragma once

#include "stores/common/source.h"
#include "stores/dump/bucket_unpacker.h"
#include "stores/dump/dump_file_buffer.h"
#include "stores/dump/dump_filter.h"

#include <optional>

namespace ferry {

// What a BSON stream holds beyond documents back to back.
struct BsonStreamShape {
    QString collection; // the collection the documents belong to (generated keys, messages)
    // A mongodump --archive: only the blocks of this data namespace are read.
    bool archive = false;
    QByteArray archiveDb;
    QByteArray archiveCollection;
    // A time-series collection's buckets, unpacked into measurements.
    std::optional<BucketUnpacker> buckets;
};

// Reads a mongodump .bson file (plain or gzip) or one collection of a --archive file:
// documents led by their int32 length. Documents are validated and copied straight into the
// batch, never converted. A document whose frame is intact but whose content is not valid
// BSON becomes an unreadable entry of the batch (the run rejects it or stops); bytes that
// cannot be framed at all (an impossible length, a truncated tail) become one unreadable
// entry, and the read ends there.
class DumpBsonReader : public DocumentReader {
public:
    static Result<std::unique_ptr<DumpBsonReader>>
    open(const QString &path, const ReadOptions &options, BsonStreamShape shape);

    Result<bool> next(DocBatch &out, int maxDocs, size_t maxBytes = 32u << 20) override;
    // A byte offset; in an archive followed by "+" when it lies inside one of the
    // collection's blocks (the next thing there is a document or a terminator, not a header).
    QByteArray position() const override;
    double progress() const override;

    // Counts documents by walking the length prefixes only. Stops at the first damaged
    // length and reports it in *problem; the unframeable rest counts as one entry, as the
    // reader hands it over.
    static Result<qint64> countDocuments(const QString &path, QString *problem);
    // A uniform sample of n documents (n >= 0) of a plain .bson found by skimming length
    // prefixes; an empty result for a non-empty file means "damaged: read it in full".
    static Result<std::vector<BsonDoc>> sampleByOffsets(const QString &path, qint64 n,
                                                        const QString &collection);

private:
    enum class Frame { Document, End, Broken };
    enum class Block { Between, Mine, Other }; // where an archive read is
    Result<Frame> frame(int32_t *len);
    Status seekSlice();
    void brokenTail(DocBatch &out);
    Status append(DocBatch &out, const uint8_t *data, int32_t len, qint64 at);
    QString where(qint64 at) const;

    DumpFileBuffer m_file;
    DumpFilter m_filter;
    BsonStreamShape m_shape;
    QByteArray m_scope;
    qint64 m_position = 0;
    bool m_inBlock = false; // m_position lies inside one of the collection's blocks
    Block m_block = Block::Between;
    QString m_brokenWhy;
    bool m_finished = false;
    qint64 m_sliceBegin = 0; // ReadOptions::partition: documents starting in [begin, end)
    qint64 m_sliceEnd = -1;  // -1: to the end of the file
};

} // namespace ferry

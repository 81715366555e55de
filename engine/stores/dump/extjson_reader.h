#pragma once

#include "stores/common/source.h"
#include "stores/dump/dump_file_buffer.h"
#include "stores/dump/dump_filter.h"

namespace ferry {

// Reads mongoexport output: documents one per line, pretty-printed back to back, or one
// JSON array of documents; Extended JSON v1 or v2, canonical or relaxed. The reader only
// finds where each document starts and ends (for byte-offset resume and line numbers in
// errors); libbson parses the document itself.
class ExtJsonReader : public DocumentReader {
public:
    static Result<std::unique_ptr<ExtJsonReader>> open(const QString &path,
                                                       const ReadOptions &options);

    Result<bool> next(DocBatch &out, int maxDocs, size_t maxBytes = 32u << 20) override;
    QByteArray position() const override;
    double progress() const override;

    // Counts documents by finding their boundaries without parsing them. Stops at the first
    // syntax problem and describes it in *problem.
    static Result<qint64> countDocuments(const QString &path, QString *problem);

private:
    enum class Layout { Concatenated, Array };
    enum class ArrayState { BeforeOpen, BeforeFirst, BeforeElement, AfterElement, Closed };

    Status start(const QString &path, const QByteArray &resumeFrom);
    Status seekSlice(qint64 begin);
    // Leaves the next document at m_file.data() and sets *length; false at the end.
    Result<bool> nextRange(size_t *length, qint64 *newlines);
    Error syntax(qint64 line, qint64 offset, const QString &what) const;

    DumpFileBuffer m_file;
    DumpFilter m_filter;
    Layout m_layout = Layout::Concatenated;
    ArrayState m_arrayState = ArrayState::BeforeOpen;
    int m_oneDocPerLine = -1; // decided by the first document: -1 not yet, 0 no, 1 yes
    qint64 m_line = 1;
    qint64 m_position = 0;
    qint64 m_sliceBegin = 0; // ReadOptions::partition: documents starting in [begin, end)
    qint64 m_sliceEnd = -1;  // -1: to the end of the file
    bool m_finished = false;
};

} // namespace ferry

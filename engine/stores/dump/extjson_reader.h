#pragma once

#include <optional>

#include "stores/common/source.h"
#include "stores/dump/dump_file_buffer.h"
#include "stores/dump/dump_file_walk.h"
#include "stores/dump/dump_filter.h"

#include <string>

namespace ferry {

// Reads mongoexport output (plain or gzip, with or without a UTF-8 BOM): documents one per
// line, pretty-printed back to back, or one JSON array of documents; Extended JSON v1 or v2,
// canonical or relaxed, or mongo shell syntax as mongoimport takes it. The reader only finds
// where each document starts and ends (for byte-offset resume and line numbers in errors);
// libbson parses the document itself, after shell syntax is rewritten when strict parsing
// fails. A document that does not parse becomes an unreadable entry of the batch holding
// its text, and the read goes on with the next line that starts a document.
class ExtJsonReader : public DocumentReader {
public:
    static Result<std::unique_ptr<ExtJsonReader>>
    open(const QString &path, const ReadOptions &options, const QString &collection);

    Result<bool> next(DocBatch &out, int maxDocs, size_t maxBytes = 32u << 20) override;
    QByteArray position() const override;
    double progress() const override;

    // Counts documents by finding their boundaries without parsing them; text that cannot
    // be a document counts as one entry, as the reader hands it over, and the first such
    // problem is described in *problem.
    static Result<qint64> countDocuments(const QString &path, QString *problem);
    // The boundary walk behind countDocuments(), keeping a reservoir of `keep` document
    // ranges; DumpFileWalk::of() remembers it.
    static Result<DumpFileWalk> walk(const QString &path, qint64 keep);
    // A uniform sample of n documents (n >= 0) found by that walk and parsed alone; empty
    // when the file has unreadable text (the caller then reads it in full, which says where).
    static Result<std::vector<BsonDoc>> sampleByOffsets(const QString &path, qint64 n,
                                                        const QString &collection);

private:
    enum class Layout { Concatenated, Array };
    enum class ArrayState { BeforeOpen, BeforeFirst, BeforeElement, AfterElement, Closed };
    struct Range {
        enum Kind { Document, End, Bad } kind = End;
        size_t length = 0;   // Document: its length from m_file.data()
        qint64 newlines = 0; // Document: newlines inside it
        QString why;         // Bad: what is wrong, with line and byte
        std::string text;    // Bad: the text, already consumed (its start only when huge)
    };

    Status start(const QString &path, const QByteArray &resumeFrom);
    Status seekSlice(qint64 begin);
    // Leaves the next document (or bad text) at m_file.data().
    Result<Range> nextRange();
    qint64 m_sliceBegin = 0;           // ReadOptions::partition: documents starting in [begin, end)
    qint64 m_sliceEnd = -1;            // -1: to the end of the file
    std::optional<Range> m_pendingBad; // bad text a slice starts with, found while seeking
    Result<Range> badUntilNextDocument(qint64 line, qint64 offset, const QString &what);
    QString syntax(qint64 line, qint64 offset, const QString &what) const;
    void parse(DocBatch &out, const char *text, size_t length, qint64 at);

    DumpFileBuffer m_file;
    DumpFilter m_filter;
    QByteArray m_scope;
    Layout m_layout = Layout::Concatenated;
    ArrayState m_arrayState = ArrayState::BeforeOpen;
    int m_oneDocPerLine = -1; // decided by the first document: -1 not yet, 0 no, 1 yes
    qint64 m_line = 1;
    qint64 m_position = 0;
    bool m_finished = false;
};

} // namespace ferry

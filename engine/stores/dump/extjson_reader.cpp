#include "stores/dump/extjson_reader.h"

#include "core/generated_key.h"
#include "stores/dump/shell_json.h"

#include <algorithm>
#include <array>
#include <cstring>

namespace ferry {

namespace {

// Far beyond what a 16 MiB BSON document becomes as JSON: a document this long means a
// missing closing brace swallowed the rest of the file.
constexpr size_t kMaxDocumentText = 128u << 20;
// Text that cannot be a document goes to the reject file; past this only its start is kept.
constexpr size_t kKeepBadText = 16u << 20;

QString describeChar(char c)
{
    if (c >= 0x20 && c < 0x7f)
        return QStringLiteral("'%1'").arg(QLatin1Char(c));
    return QStringLiteral("byte 0x%1").arg(uint(uchar(c)), 2, 16, QLatin1Char('0'));
}

} // namespace

Result<std::unique_ptr<ExtJsonReader>>
ExtJsonReader::open(const QString &path, const ReadOptions &options, const QString &collection)
{
    auto reader = std::make_unique<ExtJsonReader>();
    reader->m_scope = collection.toUtf8();
    auto filter = DumpFilter::parse(options.filter);
    if (!filter)
        return filter.error();
    reader->m_filter = std::move(*filter);
    if (Status s = reader->start(path, options.resumeFrom); !s)
        return s.error();
    if (options.partitions > 1) {
        if (reader->m_file.compressed())
            return Error(ErrorCode::Usage,
                         trEngine("%1 is gzip-compressed: --partition splits files by byte "
                                  "ranges, which a compressed file has none of. Unpack it "
                                  "(gunzip) and run the partitions on the plain file.")
                             .arg(path),
                         path);
        const qint64 size = reader->m_file.size();
        const qint64 begin = size * options.partition / options.partitions;
        reader->m_sliceBegin = begin;
        reader->m_sliceEnd = size * (options.partition + 1) / options.partitions;
        if (options.resumeFrom.isEmpty() && begin > 0) {
            if (Status s = reader->seekSlice(begin); !s)
                return s.error();
        }
    }
    return reader;
}

// A slice holds the documents that start inside its byte range. Its first one is found by
// walking document boundaries from the start (the same walk for every partition, in any
// layout, pretty-printed or not), so slices never overlap and leave nothing out.
Status ExtJsonReader::seekSlice(qint64 begin)
{
    while (true) {
        const qint64 before = m_file.offset();
        auto found = nextRange();
        if (!found)
            return found.error();
        if (found->kind == Range::End)
            break;
        if (found->kind == Range::Bad) {
            // Already consumed: it belongs to the slice it starts in.
            if (before >= begin)
                m_pendingBad = std::move(*found);
            if (before >= begin)
                break;
            continue;
        }
        if (m_file.offset() >= begin)
            break;
        m_file.consume(found->length);
        m_line += found->newlines;
    }
    m_position = m_file.offset();
    return {};
}

Status ExtJsonReader::start(const QString &path, const QByteArray &resumeFrom)
{
    if (Status s = m_file.open(path); !s)
        return s;
    // The layout is decided by the first significant byte of the file, also when resuming.
    if (Status s = m_file.fill(3); !s)
        return s;
    if (m_file.available() >= 3 && std::memcmp(m_file.data(), "\xEF\xBB\xBF", 3) == 0)
        m_file.consume(3);
    while (true) {
        if (Status s = m_file.fill(1); !s)
            return s;
        if (m_file.available() == 0)
            break;
        const char c = *m_file.data();
        if (c != ' ' && c != '\t' && c != '\r' && c != '\n') {
            m_layout = c == '[' ? Layout::Array : Layout::Concatenated;
            break;
        }
        m_file.consume(1);
    }
    qint64 offset = 0;
    if (!resumeFrom.isEmpty()) {
        auto parsed = DumpFileBuffer::parseOffset(resumeFrom, path);
        if (!parsed)
            return parsed.error();
        offset = *parsed;
    }
    if (Status s = m_file.seek(0); !s)
        return s;
    if (offset == 0)
        return {};
    // Whether the file holds one document per line is decided by its first readable
    // document; a resumed read decides it the same way, or bad lines would be cut otherwise.
    for (int probe = 0; probe < 64 && m_oneDocPerLine < 0; ++probe) {
        auto found = nextRange();
        if (!found)
            return found.error();
        if (found->kind == Range::End)
            break;
        if (found->kind == Range::Document)
            m_file.consume(found->length);
    }
    m_line = 1;
    if (Status s = m_file.seek(0); !s)
        return s;
    // Line numbers in later errors must stay right after a resume.
    m_arrayState = ArrayState::AfterElement;
    qint64 counted = 0;
    while (counted < offset) {
        if (Status s = m_file.fill(1); !s)
            return s;
        const size_t n = std::min<size_t>(m_file.available(), size_t(offset - counted));
        if (n == 0)
            break;
        m_line += std::count(m_file.data(), m_file.data() + n, '\n');
        m_file.consume(n);
        counted += qint64(n);
    }
    m_position = offset;
    return m_file.seek(offset);
}

QString ExtJsonReader::syntax(qint64 line, qint64 offset, const QString &what) const
{
    return trEngine("%1 line %2 (byte %3): %4. Fix or remove that document in the file "
                    "and run again.")
        .arg(m_file.fileName())
        .arg(line)
        .arg(offset)
        .arg(what);
}

Result<ExtJsonReader::Range> ExtJsonReader::badUntilNextDocument(qint64 line, qint64 offset,
                                                                 const QString &what)
{
    // One bad entry: the broken line of an NDJSON file, or, in a pretty-printed file, all up
    // to the next line that starts with '{'.
    Range r;
    r.kind = Range::Bad;
    r.why = syntax(line, offset, what);
    // The first byte is where the problem starts: it belongs to the bad text whatever it is.
    bool first = true;
    while (true) {
        if (Status s = m_file.fill(2); !s)
            return s.error();
        const size_t n = m_file.available();
        if (n == 0)
            break;
        const char *p = m_file.data();
        if (n == 1 && p[0] == '\n' && !first) { // the file's last newline
            ++m_line;
            r.text += '\n';
            m_file.consume(1);
            break;
        }
        size_t i = first ? 1 : 0;
        first = false;
        bool found = false;
        for (; i < n; ++i) {
            if (p[i] != '\n')
                continue;
            if (m_oneDocPerLine == 1) { // NDJSON: a bad line is just that line
                ++m_line;
                ++i;
                found = true;
                break;
            }
            if (i + 1 == n)
                break; // the byte after it decides: leave the newline for the next round
            ++m_line;
            if (p[i + 1] == '{') {
                ++i;
                found = true;
                break;
            }
        }
        if (r.text.size() < kKeepBadText)
            r.text.append(p, std::min(i, kKeepBadText - r.text.size()));
        m_file.consume(i);
        if (found)
            break;
    }
    if (Layout::Array == m_layout && m_arrayState != ArrayState::Closed)
        m_arrayState = ArrayState::BeforeElement;
    m_position = m_file.offset();
    return r;
}

namespace {
// The bytes the document scanner acts on outside strings and comments.
constexpr auto kStructural = [] {
    std::array<bool, 256> t{};
    for (unsigned char c : {'"', '\'', '/', '{', '[', '}', ']', '\n'})
        t[c] = true;
    return t;
}();
} // namespace

Result<ExtJsonReader::Range> ExtJsonReader::nextRange()
{
    // Whitespace, comments and the array's punctuation up to the next document.
    while (true) {
        if (m_file.available() < 3) {
            if (Status s = m_file.fill(3); !s)
                return s.error();
            if (m_file.available() == 0) {
                if (m_layout == Layout::Array && m_arrayState != ArrayState::Closed) {
                    m_arrayState = ArrayState::Closed;
                    Range r;
                    r.kind = Range::Bad;
                    r.why = syntax(m_line, m_file.offset(),
                                   trEngine("the file ends before the closing ']' of its array "
                                            "of documents — it is probably truncated"));
                    return r;
                }
                return Range{};
            }
        }
        const char *p = m_file.data();
        const char c = *p;
        if (c == '\n') {
            ++m_line;
            m_file.consume(1);
            continue;
        }
        if (c == ' ' || c == '\t' || c == '\r') {
            m_file.consume(1);
            continue;
        }
        if (m_file.available() >= 3 && std::memcmp(p, "\xEF\xBB\xBF", 3) == 0) {
            m_file.consume(3); // a BOM between concatenated files
            continue;
        }
        if (c == '/' && m_file.available() >= 2 && (p[1] == '/' || p[1] == '*')) {
            const bool block = p[1] == '*';
            m_file.consume(2);
            while (true) {
                if (Status s = m_file.fill(2); !s)
                    return s.error();
                if (m_file.available() == 0)
                    break;
                const char d = *m_file.data();
                if (!block && d == '\n')
                    break;
                if (block && d == '*' && m_file.available() >= 2 && m_file.data()[1] == '/') {
                    m_file.consume(2);
                    break;
                }
                if (d == '\n')
                    ++m_line;
                m_file.consume(1);
            }
            continue;
        }
        if (m_layout == Layout::Concatenated) {
            if (c == '{')
                break;
            return badUntilNextDocument(
                m_line, m_file.offset(),
                trEngine("expected a document starting with '{' but found %1")
                    .arg(describeChar(c)));
        }
        bool isDocument = false;
        switch (m_arrayState) {
        case ArrayState::BeforeOpen:
            if (c == '[') {
                m_arrayState = ArrayState::BeforeFirst;
                m_file.consume(1);
                continue;
            }
            return badUntilNextDocument(m_line, m_file.offset(),
                                        trEngine("expected '[' but found %1").arg(describeChar(c)));
        case ArrayState::BeforeFirst:
        case ArrayState::BeforeElement:
            if (c == '{') {
                isDocument = true;
                break;
            }
            if (c == ']') {
                m_arrayState = ArrayState::Closed;
                m_file.consume(1);
                continue;
            }
            return badUntilNextDocument(
                m_line, m_file.offset(),
                trEngine("expected a document starting with '{' but found %1")
                    .arg(describeChar(c)));
        case ArrayState::AfterElement:
            if (c == ',' || c == ']') {
                m_arrayState = c == ',' ? ArrayState::BeforeElement : ArrayState::Closed;
                m_file.consume(1);
                continue;
            }
            return badUntilNextDocument(
                m_line, m_file.offset(),
                trEngine("expected ',' or ']' after a document but found %1").arg(describeChar(c)));
        case ArrayState::Closed:
            return badUntilNextDocument(
                m_line, m_file.offset(),
                trEngine("unexpected %1 after the closing ']' of the array").arg(describeChar(c)));
        }
        if (isDocument)
            break;
    }
    if (m_layout == Layout::Array)
        m_arrayState = ArrayState::AfterElement;

    // The document itself: track nesting, strings (either quote) and comments, enough to
    // find its end. Nothing is consumed while scanning, so offsets from data() survive a
    // refill that moves the buffer.
    size_t i = 0;
    int depth = 0;
    char quote = 0;
    bool escaped = false;
    bool lineComment = false;
    bool blockComment = false;
    qint64 lines = 0;
    while (true) {
        const char *p = m_file.data();
        const size_t n = m_file.available();
        for (; i < n; ++i) {
            // Outside strings and comments, only structure matters: skip the rest quickly.
            if (!quote && !lineComment && !blockComment) {
                while (i < n && !kStructural[static_cast<unsigned char>(p[i])])
                    ++i;
                if (i == n)
                    break;
            }
            const char c = p[i];
            if (lineComment) {
                if (c == '\n') {
                    lineComment = false;
                    ++lines;
                }
                continue;
            }
            if (blockComment) {
                if (c == '\n')
                    ++lines;
                else if (c == '/' && p[i - 1] == '*')
                    blockComment = false;
                continue;
            }
            if (quote) {
                if (escaped) {
                    escaped = false;
                    continue;
                }
                // Most of a document is inside strings: jump to the next byte that matters
                // there instead of going through the state machine byte by byte.
                while (i < n && p[i] != quote && p[i] != '\\' && p[i] != '\n')
                    ++i;
                if (i == n)
                    break; // refill, still inside the string
                const char s = p[i];
                if (s == '\\')
                    escaped = true;
                else if (s == quote)
                    quote = 0;
                else if (s == '\n')
                    return badUntilNextDocument(
                        m_line, m_file.offset(),
                        trEngine("a string is not closed before the end of line %1 (a quote is "
                                 "probably missing)")
                            .arg(m_line + lines));
                continue;
            }
            switch (c) {
            case '"':
            case '\'':
                quote = c;
                break;
            case '/':
                if (i + 1 >= n)
                    goto refill; // decide once the next byte is there
                if (p[i + 1] == '/') {
                    lineComment = true;
                    ++i;
                } else if (p[i + 1] == '*') {
                    blockComment = true;
                    ++i;
                }
                break;
            case '{':
            case '[':
                ++depth;
                break;
            case '}':
            case ']':
                if (--depth == 0) {
                    Range r;
                    r.kind = Range::Document;
                    r.length = i + 1;
                    r.newlines = lines;
                    if (m_oneDocPerLine < 0)
                        m_oneDocPerLine = lines == 0 ? 1 : 0;
                    return r;
                }
                break;
            case '\n':
                ++lines;
                if (m_oneDocPerLine == 1)
                    return badUntilNextDocument(
                        m_line, m_file.offset(),
                        trEngine("the document starting on this line does not end on it, while "
                                 "the file holds one document per line (a closing '}' or ']' is "
                                 "probably missing)"));
                break;
            default:
                break;
            }
        }
    refill:
        if (i > kMaxDocumentText)
            return badUntilNextDocument(m_line, m_file.offset(),
                                        trEngine("the document starting here does not end "
                                                 "within %1 MB (a closing '}' is probably "
                                                 "missing)")
                                            .arg(kMaxDocumentText >> 20));
        if (Status s = m_file.fill(n + 1); !s)
            return s.error();
        if (m_file.available() == n)
            return badUntilNextDocument(
                m_line, m_file.offset(),
                trEngine("the file ends inside the document starting here — it is truncated or "
                         "a closing '}' is missing"));
    }
}

void ExtJsonReader::parse(DocBatch &out, const char *text, size_t length, qint64 at)
{
    bson_t doc;
    bson_error_t err;
    bool parsed = bson_init_from_json(&doc, text, ssize_t(length), &err);
    QString reason;
    if (!parsed) {
        // Not strict Extended JSON: maybe mongo shell syntax.
        QByteArray converted;
        QString why;
        size_t offset = 0;
        if (shellToExtendedJson(text, length, &converted, &why, &offset)) {
            parsed = bson_init_from_json(&doc, converted.constData(), converted.size(), &err);
            if (!parsed)
                reason = syntax(
                    m_line, at,
                    trEngine("not valid Extended JSON: %1").arg(QString::fromUtf8(err.message)));
        } else {
            const qint64 line = m_line + std::count(text, text + offset, '\n');
            reason = syntax(line, at + qint64(offset),
                            trEngine("not valid Extended JSON in the document starting at byte "
                                     "%1 (%2); strict parsing said: %3")
                                .arg(at)
                                .arg(why, QString::fromUtf8(err.message)));
        }
    }
    if (!parsed) {
        out.appendUnreadable(text, length, reason, true);
        return;
    }
    if (m_filter.matches(bson_get_data(&doc), doc.len))
        appendWithKey(out, bson_get_data(&doc), doc.len, m_scope, at);
    bson_destroy(&doc);
}

Result<bool> ExtJsonReader::next(DocBatch &out, int maxDocs, size_t maxBytes)
{
    out.clear();
    while (!m_finished && out.size() < size_t(std::max(maxDocs, 1)) && out.bytes() < maxBytes) {
        const qint64 at = m_file.offset();
        if (m_sliceEnd >= 0 && at >= m_sliceEnd) {
            m_finished = true; // the next slice's first document
            break;
        }
        Result<Range> found = Range();
        if (m_pendingBad) {
            found = std::move(*m_pendingBad);
            m_pendingBad.reset();
        } else {
            found = nextRange();
        }
        if (!found)
            return found.error();
        if (found->kind == Range::End) {
            m_finished = true;
            break;
        }
        if (found->kind == Range::Bad) {
            out.appendUnreadable(found->text.data(), found->text.size(), found->why, true);
            continue;
        }
        parse(out, m_file.data(), found->length, m_file.offset());
        m_file.consume(found->length);
        m_line += found->newlines;
        m_position = m_file.offset();
    }
    return !out.empty();
}

QByteArray ExtJsonReader::position() const
{
    return QByteArray::number(m_position);
}

double ExtJsonReader::progress() const
{
    return m_finished ? 1.0 : m_file.sliceFraction(m_position, m_sliceBegin, m_sliceEnd);
}

} // namespace ferry

#include "stores/dump/extjson_reader.h"

#include <algorithm>
#include <cstring>

namespace ferry {

namespace {

// Far beyond what a 16 MiB BSON document becomes as JSON: a document this long means a
// missing closing brace swallowed the rest of the file.
constexpr size_t kMaxDocumentText = 128u << 20;

QString describeChar(char c)
{
    if (c >= 0x20 && c < 0x7f)
        return QStringLiteral("'%1'").arg(QLatin1Char(c));
    return QStringLiteral("byte 0x%1").arg(uint(uchar(c)), 2, 16, QLatin1Char('0'));
}

} // namespace

Result<std::unique_ptr<ExtJsonReader>> ExtJsonReader::open(const QString &path,
                                                           const ReadOptions &options)
{
    auto reader = std::make_unique<ExtJsonReader>();
    auto filter = DumpFilter::parse(options.filter);
    if (!filter)
        return filter.error();
    reader->m_filter = std::move(*filter);
    if (Status s = reader->start(path, options.resumeFrom); !s)
        return s.error();
    if (options.partitions > 1) {
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
        size_t length = 0;
        qint64 newlines = 0;
        auto found = nextRange(&length, &newlines);
        if (!found)
            return found.error();
        if (!*found || m_file.offset() >= begin)
            break;
        m_file.consume(length);
        m_line += newlines;
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
    if (Status s = m_file.seek(offset); !s)
        return s;
    if (offset == 0)
        return {};
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

Error ExtJsonReader::syntax(qint64 line, qint64 offset, const QString &what) const
{
    return Error(ErrorCode::Parse,
                 trEngine("%1 line %2 (byte %3): %4. Fix or remove that document in the file "
                          "and run again.")
                     .arg(m_file.fileName())
                     .arg(line)
                     .arg(offset)
                     .arg(what),
                 QStringLiteral("%1:%2").arg(m_file.path()).arg(line));
}

Result<bool> ExtJsonReader::nextRange(size_t *length, qint64 *newlines)
{
    // Whitespace and the array's punctuation up to the next document.
    while (true) {
        if (m_file.available() == 0) {
            if (Status s = m_file.fill(1); !s)
                return s.error();
            if (m_file.available() == 0) {
                if (m_layout == Layout::Array && m_arrayState != ArrayState::Closed)
                    return syntax(m_line, m_file.offset(),
                                  trEngine("the file ends before the closing ']' of its array of "
                                           "documents — it is probably truncated"));
                return false;
            }
        }
        const char c = *m_file.data();
        if (c == '\n') {
            ++m_line;
            m_file.consume(1);
            continue;
        }
        if (c == ' ' || c == '\t' || c == '\r') {
            m_file.consume(1);
            continue;
        }
        if (m_layout == Layout::Concatenated) {
            if (c == '{')
                break;
            return syntax(m_line, m_file.offset(),
                          trEngine("expected a document starting with '{' but found %1")
                              .arg(describeChar(c)));
        }
        switch (m_arrayState) {
        case ArrayState::BeforeOpen:
            if (c == '[') {
                m_arrayState = ArrayState::BeforeFirst;
                m_file.consume(1);
                continue;
            }
            return syntax(m_line, m_file.offset(),
                          trEngine("expected '[' but found %1").arg(describeChar(c)));
        case ArrayState::BeforeFirst:
        case ArrayState::BeforeElement:
            if (c == '{')
                break;
            if (c == ']' && m_arrayState == ArrayState::BeforeFirst) {
                m_arrayState = ArrayState::Closed;
                m_file.consume(1);
                continue;
            }
            return syntax(m_line, m_file.offset(),
                          trEngine("expected a document starting with '{' but found %1")
                              .arg(describeChar(c)));
        case ArrayState::AfterElement:
            if (c == ',' || c == ']') {
                m_arrayState = c == ',' ? ArrayState::BeforeElement : ArrayState::Closed;
                m_file.consume(1);
                continue;
            }
            return syntax(
                m_line, m_file.offset(),
                trEngine("expected ',' or ']' after a document but found %1").arg(describeChar(c)));
        case ArrayState::Closed:
            return syntax(
                m_line, m_file.offset(),
                trEngine("unexpected %1 after the closing ']' of the array").arg(describeChar(c)));
        }
        break;
    }
    if (m_layout == Layout::Array)
        m_arrayState = ArrayState::AfterElement;

    // The document itself: track nesting and strings only, enough to find its end.
    size_t i = 0;
    int depth = 0;
    bool inString = false;
    bool escaped = false;
    qint64 lines = 0;
    while (true) {
        const char *p = m_file.data();
        const size_t n = m_file.available();
        for (; i < n; ++i) {
            const char c = p[i];
            if (inString) {
                if (escaped)
                    escaped = false;
                else if (c == '\\')
                    escaped = true;
                else if (c == '"')
                    inString = false;
                else if (c == '\n')
                    return syntax(m_line + lines, m_file.offset() + qint64(i),
                                  trEngine("a string is not closed before the end of the line "
                                           "(a '\"' is probably missing)"));
                continue;
            }
            switch (c) {
            case '"':
                inString = true;
                break;
            case '{':
            case '[':
                ++depth;
                break;
            case '}':
            case ']':
                if (--depth == 0) {
                    *length = i + 1;
                    *newlines = lines;
                    if (m_oneDocPerLine < 0)
                        m_oneDocPerLine = lines == 0 ? 1 : 0;
                    return true;
                }
                break;
            case '\n':
                ++lines;
                if (m_oneDocPerLine == 1)
                    return syntax(m_line, m_file.offset(),
                                  trEngine("the document starting on this line does not end on "
                                           "it, while the file holds one document per line (a "
                                           "closing '}' or ']' is probably missing)"));
                break;
            default:
                break;
            }
        }
        if (i > kMaxDocumentText)
            return syntax(m_line, m_file.offset(),
                          trEngine("the document starting here does not end within %1 MB (a "
                                   "closing '}' is probably missing)")
                              .arg(kMaxDocumentText >> 20));
        if (Status s = m_file.fill(n + 1); !s)
            return s.error();
        if (m_file.available() == n)
            return syntax(m_line, m_file.offset(),
                          trEngine("the file ends inside the document starting here — it is "
                                   "truncated or a closing '}' is missing"));
    }
}

Result<bool> ExtJsonReader::next(DocBatch &out, int maxDocs, size_t maxBytes)
{
    out.clear();
    while (out.size() < size_t(std::max(maxDocs, 1)) && out.bytes() < maxBytes) {
        size_t length = 0;
        qint64 newlines = 0;
        auto found = nextRange(&length, &newlines);
        if (!found)
            return found.error();
        if (!*found || (m_sliceEnd >= 0 && m_file.offset() >= m_sliceEnd)) {
            m_finished = true;
            break;
        }
        bson_t doc;
        bson_error_t err;
        if (!bson_init_from_json(&doc, m_file.data(), ssize_t(length), &err))
            return syntax(
                m_line, m_file.offset(),
                trEngine("not valid Extended JSON: %1").arg(QString::fromUtf8(err.message)));
        if (m_filter.matches(bson_get_data(&doc), doc.len))
            out.append(&doc);
        bson_destroy(&doc);
        m_file.consume(length);
        m_line += newlines;
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
    const qint64 end = m_sliceEnd >= 0 ? m_sliceEnd : m_file.size();
    if (m_finished || end <= m_sliceBegin)
        return 1.0;
    return std::clamp(double(m_position - m_sliceBegin) / double(end - m_sliceBegin), 0.0, 1.0);
}

Result<qint64> ExtJsonReader::countDocuments(const QString &path, QString *problem)
{
    ExtJsonReader reader;
    if (Status s = reader.start(path, {}); !s)
        return s.error();
    qint64 count = 0;
    while (true) {
        size_t length = 0;
        qint64 newlines = 0;
        auto found = reader.nextRange(&length, &newlines);
        if (!found) {
            if (problem)
                *problem = found.error().message;
            break;
        }
        if (!*found)
            break;
        ++count;
        reader.m_file.consume(length);
        reader.m_line += newlines;
    }
    return count;
}

} // namespace ferry

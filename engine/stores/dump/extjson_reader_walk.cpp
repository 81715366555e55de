// ExtJsonReader's boundary walk over a whole file, shared by counting and sampling through
// DumpFileWalk, and the sample parsed from the chosen documents alone.
#include "stores/dump/extjson_reader.h"

#include <algorithm>
#include <climits>

namespace ferry {

Result<qint64> ExtJsonReader::countDocuments(const QString &path, QString *problem)
{
    auto walked = DumpFileWalk::of(path, 0, DumpFileWalk::Format::Json);
    if (!walked)
        return walked.error();
    if (problem && problem->isEmpty())
        *problem = walked->problem;
    return walked->count;
}

Result<DumpFileWalk> ExtJsonReader::walk(const QString &path, qint64 keep)
{
    ExtJsonReader reader;
    if (Status s = reader.start(path, {}); !s)
        return s.error();
    DumpFileWalk out;
    out.reservoir = keep;
    while (true) {
        auto found = reader.nextRange();
        if (!found)
            return found.error();
        if (found->kind == Range::End)
            break;
        ++out.count;
        if (found->kind == Range::Bad) {
            if (out.problem.isEmpty())
                out.problem = found->why;
            continue;
        }
        out.offer(reader.m_file.offset(), int32_t(std::min<size_t>(found->length, INT32_MAX)));
        reader.m_file.consume(found->length);
        reader.m_line += found->newlines;
    }
    out.finish();
    return out;
}

Result<std::vector<BsonDoc>> ExtJsonReader::sampleByOffsets(const QString &path, qint64 n,
                                                            const QString &collection)
{
    ExtJsonReader reader; // parses as the read does: shell syntax, generated keys
    reader.m_scope = collection.toUtf8();
    return DumpFileWalk::sample(path, n, DumpFileWalk::Format::Json,
                                [&](qint64 at, const char *text, size_t len, DocBatch &one) {
                                    reader.parse(one, text, len, at);
                                    return true; // unreadable text leaves no document in `one`
                                });
}

} // namespace ferry

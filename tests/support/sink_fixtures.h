#pragma once

// Small builders the sink tests share: a column, a checkpoint, the rows of an `items` table
// with a `tags` child table, and the text of a failed result for QVERIFY2.

#include "core/row_batch.h"
#include "project/mapping.h"
#include "stores/common/sink.h"

#include <QByteArray>
#include <QString>

#include <string>
#include <vector>

namespace ferry::test {

inline ColumnMapping column(const QString &name, ColumnType type,
                            ColumnRole role = ColumnRole::Value, bool pk = false)
{
    return ColumnMapping{.source = name,
                         .column = name,
                         .type = type,
                         .role = role,
                         .nullable = !pk,
                         .primaryKey = pk};
}

// A checkpoint of run "run-1" after `read` documents, all of them written.
inline Checkpoint checkpointAt(const char *position, qint64 read = 0)
{
    Checkpoint c;
    c.runId = QStringLiteral("run-1");
    c.position = QByteArray(position);
    c.read = read;
    c.written = read;
    return c;
}

// QVERIFY2 evaluates its message even on success, when error() must not be called.
template <class R> const char *why(const R &r)
{
    static QByteArray text;
    text = r.ok() ? QByteArray() : r.error().toString().toUtf8();
    return text.constData();
}

struct Item {
    int64_t id;
    std::string name;
    std::vector<std::string> tags;
};

// Rows of (id, name) and, per tag, (id, ordinal, tag).
inline RowBatch itemsBatch(const std::vector<Item> &items)
{
    RowBatch b;
    b.tables.emplace_back(2);
    b.tables.emplace_back(3);
    for (uint32_t d = 0; d < items.size(); ++d) {
        b.tables[0].beginRow(d);
        b.tables[0].addInt(items[d].id);
        b.tables[0].addText(items[d].name);
        for (size_t t = 0; t < items[d].tags.size(); ++t) {
            b.tables[1].beginRow(d);
            b.tables[1].addInt(items[d].id);
            b.tables[1].addInt(int64_t(t));
            b.tables[1].addText(items[d].tags[t]);
        }
    }
    return b;
}

} // namespace ferry::test

#include "run/repeated_keys.h"

#include "stores/common/ddl.h"
#include "stores/common/document_batch.h"
#include "stores/common/sink.h"

#include <bson/bson.h>

#include <QHash>

#include <cmath>
#include <cstring>
#include <limits>

namespace ferry {

namespace {

// The _id as bytes that are equal exactly when MongoDB's unique index calls two _ids equal:
// numbers by value (1, 1L and 1.0 are one key), everything else by type and bytes.
QByteArray idKey(const bson_t *doc)
{
    bson_iter_t it;
    if (!bson_iter_init_find(&it, doc, "_id"))
        return {};
    const bson_type_t type = bson_iter_type(&it);
    if (type == BSON_TYPE_INT32 || type == BSON_TYPE_INT64 || type == BSON_TYPE_DOUBLE) {
        const double d = bson_iter_as_double(&it);
        if (type != BSON_TYPE_DOUBLE ||
            (std::trunc(d) == d && std::fabs(d) < 9.2e18)) // an integral double is that integer
            return QByteArray("n") + QByteArray::number(qint64(bson_iter_as_int64(&it)));
        return QByteArray("n") + QByteArray::number(d, 'g', 17);
    }
    bson_t wrapper = BSON_INITIALIZER;
    bson_append_iter(&wrapper, "", 0, &it);
    QByteArray key(reinterpret_cast<const char *>(bson_get_data(&wrapper)), qsizetype(wrapper.len));
    bson_destroy(&wrapper);
    return key;
}

// A row's key as bytes that are equal exactly when rowKeyText() gives equal texts, without
// building JSON for every row (that was most of the reading thread's allocations): text
// cells are their bytes behind a length, other kinds fall back to rowKeyText(), marked so
// the two forms never meet.
QByteArray comparableRowKey(const std::vector<int> &keys, const TableRows &rows, size_t r)
{
    QByteArray out;
    for (int k : keys) {
        const Cell &cell = rows.at(r, k);
        if (cell.kind != CellKind::Text)
            return rowKeyText(keys, rows, r).toUtf8();
        const std::string_view b = rows.bytes(cell);
        const uint32_t n = uint32_t(b.size());
        out.append('\x01'); // never the start of rowKeyText's JSON array
        out.append(reinterpret_cast<const char *>(&n), sizeof n);
        out.append(b.data(), qsizetype(b.size()));
    }
    return out;
}

// Per document, its key ("" when it has none or was rejected by the transform), and for
// relational targets the root row that holds it (-1 when none).
std::vector<QByteArray> documentKeys(const RowBatch &batch, const CollectionMapping &mapping,
                                     bool documentTarget, std::vector<int> *rootRow)
{
    std::vector<QByteArray> keys(batch.docs.size());
    rootRow->assign(batch.docs.size(), -1);
    if (documentTarget) {
        for (uint32_t i = 0; i < batch.docs.size(); ++i) {
            bson_t doc;
            if (batch.docs.view(i, &doc))
                keys[i] = idKey(&doc);
        }
    } else if (!batch.tables.empty()) {
        const std::vector<int> rootKeys = rootKeyColumns(mapping.root);
        if (rootKeys.empty())
            return keys;
        const TableRows &root = batch.tables[0];
        for (size_t r = 0; r < root.rows(); ++r)
            if (root.rowDoc(r) < keys.size()) {
                keys[root.rowDoc(r)] = comparableRowKey(rootKeys, root, r);
                (*rootRow)[root.rowDoc(r)] = int(r);
            }
    }
    for (const DocReject &rej : batch.rejects)
        if (rej.doc < keys.size())
            keys[rej.doc].clear();
    return keys;
}

QString keyText(const RowBatch &batch, uint32_t doc, const QByteArray &key)
{
    bson_t view;
    if (batch.docs.view(doc, &view)) {
        bson_iter_t it;
        if (bson_iter_init_find(&it, &view, "_id"))
            return documentIdText(&view);
    }
    return QString::fromUtf8(key);
}

// `batch` without the rows (not the documents) of `docs`, which become rejects.
void rejectInPlace(RowBatch &batch, const std::vector<DocReject> &rejects)
{
    if (rejects.empty())
        return;
    std::vector<char> gone(batch.docs.size(), 0);
    for (const DocReject &r : rejects)
        gone[r.doc] = 1;
    for (TableRows &t : batch.tables) {
        TableRows kept(t.columns());
        for (size_t r = 0; r < t.rows(); ++r)
            if (!gone[t.rowDoc(r)])
                kept.appendRowFrom(t, r, t.rowDoc(r));
        t = std::move(kept);
    }
    batch.rejects.insert(batch.rejects.end(), rejects.begin(), rejects.end());
}

} // namespace

RepeatedKeys dropRepeatedKeys(RowBatch &batch, const CollectionMapping &mapping,
                              ExistingRows policy, bool documentTarget)
{
    RepeatedKeys out;
    std::vector<int> rootRow;
    std::vector<QByteArray> keys = documentKeys(batch, mapping, documentTarget, &rootRow);
    const bool keepLast = policy == ExistingRows::Upsert;
    QHash<QByteArray, uint32_t> kept; // key -> the copy that stays
    kept.reserve(qsizetype(keys.size()));
    std::vector<uint32_t> repeated; // copies that go
    for (uint32_t i = 0; i < keys.size(); ++i) {
        if (keys[i].isEmpty())
            continue;
        auto it = kept.find(keys[i]);
        if (it == kept.end()) {
            kept.insert(keys[i], i);
            continue;
        }
        if (keepLast) {
            repeated.push_back(*it);
            *it = i;
        } else {
            repeated.push_back(i);
        }
    }
    if (repeated.empty())
        return out;
    if (!documentTarget) {
        // The few repeated ones in the form validation compares (and messages show).
        const std::vector<int> rootKeys = rootKeyColumns(mapping.root);
        for (uint32_t doc : repeated) {
            keys[doc] = rowKeyText(rootKeys, batch.tables[0], size_t(rootRow[doc])).toUtf8();
            out.keys << QString::fromUtf8(keys[doc]);
        }
    }

    if (policy == ExistingRows::Fail) {
        std::vector<DocReject> rejects;
        for (uint32_t doc : repeated) {
            rejects.push_back(
                {doc,
                 {},
                 trEngine("document %1: an earlier document of the input has the same key, and "
                          "existing rows \"fail\" refuses a key that is already there (use "
                          "\"skip\" to keep the first copy, \"upsert\" to keep the last)")
                     .arg(keyText(batch, doc, keys[doc]))});
        }
        rejectInPlace(batch, rejects);
        out.rejected = qint64(rejects.size());
        return out;
    }
    std::vector<char> drop(batch.docs.size(), 0);
    for (uint32_t doc : repeated)
        drop[doc] = 1;
    std::vector<uint32_t> keep;
    for (uint32_t i = 0; i < batch.docs.size(); ++i)
        if (!drop[i])
            keep.push_back(i);
    RowBatch smaller = batch.subset(keep);
    smaller.unknownFields = std::move(batch.unknownFields);
    smaller.excludedValues = std::move(batch.excludedValues);
    batch = std::move(smaller);
    out.skipped = qint64(repeated.size());
    return out;
}

} // namespace ferry

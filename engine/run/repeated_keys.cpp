#include "run/repeated_keys.h"

#include "stores/common/ddl.h"
#include "stores/common/document_batch.h"
#include "stores/common/sink.h"

#include <bson/bson.h>

#include <cmath>
#include <cstring>
#include <deque>
#include <functional>
#include <limits>
#include <string_view>

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

// Per document, its key: empty when it has none or was rejected by the transform. A lone
// text key column (the usual _id) is a view of the batch's own bytes, so a batch of a million
// keys costs no allocation per key (a QHash of QByteArray keys was a third of the writing
// thread's time on the benchmark); other keys own their comparable bytes. The two forms never
// meet (DocKey::owned is part of the key). For relational targets, `rootRow` is the root row
// that holds the key (-1 when none).
struct DocKey {
    std::string_view bytes;
    bool owned = false;
    bool present = false;
    bool operator==(const DocKey &o) const { return owned == o.owned && bytes == o.bytes; }
};

struct DocKeys {
    std::vector<DocKey> keys;
    std::deque<QByteArray> owned; // stable addresses for the views of owned keys

    void own(uint32_t doc, QByteArray bytes)
    {
        owned.push_back(std::move(bytes));
        keys[doc] = {std::string_view(owned.back().constData(), size_t(owned.back().size())), true,
                     !owned.back().isEmpty()};
    }
};

DocKeys documentKeys(const RowBatch &batch, const CollectionMapping &mapping, bool documentTarget,
                     std::vector<int> *rootRow)
{
    DocKeys out;
    out.keys.resize(batch.docs.size());
    rootRow->assign(batch.docs.size(), -1);
    if (documentTarget) {
        for (uint32_t i = 0; i < batch.docs.size(); ++i) {
            bson_t doc;
            if (batch.docs.view(i, &doc))
                out.own(i, idKey(&doc));
        }
    } else if (!batch.tables.empty()) {
        const std::vector<int> rootKeys = rootKeyColumns(mapping.root);
        if (rootKeys.empty())
            return out;
        const TableRows &root = batch.tables[0];
        for (size_t r = 0; r < root.rows(); ++r) {
            const uint32_t doc = root.rowDoc(r);
            if (doc >= out.keys.size())
                continue;
            (*rootRow)[doc] = int(r);
            const Cell &cell = root.at(r, rootKeys.front());
            if (rootKeys.size() == 1 && cell.kind == CellKind::Text)
                out.keys[doc] = {root.bytes(cell), false, true};
            else
                out.own(doc, comparableRowKey(rootKeys, root, r));
        }
    }
    for (const DocReject &rej : batch.rejects)
        if (rej.doc < out.keys.size())
            out.keys[rej.doc].present = false;
    return out;
}

// Documents whose key an earlier one (upsert: a later one) of the batch also has. Open
// addressing over document numbers: no node per key.
std::vector<uint32_t> repeatedDocuments(const std::vector<DocKey> &keys, bool keepLast)
{
    size_t capacity = 16;
    while (capacity < keys.size() * 2)
        capacity *= 2;
    std::vector<uint32_t> owners(capacity, 0); // document + 1 of the copy that stays; 0 free
    const std::hash<std::string_view> hasher;
    std::vector<uint32_t> repeated;
    for (uint32_t i = 0; i < keys.size(); ++i) {
        if (!keys[i].present)
            continue;
        size_t at = (hasher(keys[i].bytes) ^ size_t(keys[i].owned)) & (capacity - 1);
        while (owners[at] != 0 && !(keys[owners[at] - 1] == keys[i]))
            at = (at + 1) & (capacity - 1);
        if (owners[at] == 0) {
            owners[at] = i + 1;
        } else if (keepLast) {
            repeated.push_back(owners[at] - 1);
            owners[at] = i + 1;
        } else {
            repeated.push_back(i);
        }
    }
    return repeated;
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
    const DocKeys docKeys = documentKeys(batch, mapping, documentTarget, &rootRow);
    const std::vector<uint32_t> repeated =
        repeatedDocuments(docKeys.keys, policy == ExistingRows::Upsert);
    if (repeated.empty())
        return out;
    // The few repeated ones in the form validation compares (and messages show), taken
    // before the batch changes under the views.
    std::vector<QByteArray> shown(repeated.size());
    const std::vector<int> rootKeys =
        documentTarget ? std::vector<int>() : rootKeyColumns(mapping.root);
    for (size_t k = 0; k < repeated.size(); ++k) {
        const uint32_t doc = repeated[k];
        if (documentTarget) {
            const std::string_view b = docKeys.keys[doc].bytes;
            shown[k] = QByteArray(b.data(), qsizetype(b.size()));
            continue;
        }
        shown[k] = rowKeyText(rootKeys, batch.tables[0], size_t(rootRow[doc])).toUtf8();
        out.keys << QString::fromUtf8(shown[k]);
    }

    if (policy == ExistingRows::Fail) {
        std::vector<DocReject> rejects;
        for (size_t k = 0; k < repeated.size(); ++k) {
            const uint32_t doc = repeated[k];
            rejects.push_back(
                {doc,
                 {},
                 trEngine("document %1: an earlier document of the input has the same key, and "
                          "existing rows \"fail\" refuses a key that is already there (use "
                          "\"skip\" to keep the first copy, \"upsert\" to keep the last)")
                     .arg(keyText(batch, doc, shown[k]))});
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

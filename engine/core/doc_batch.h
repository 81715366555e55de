#pragma once

#include <bson/bson.h>

#include <QByteArray>
#include <QString>

#include <cstdint>
#include <string>
#include <vector>

namespace ferry {

// Owns a bson_t; moves, never copies by accident.
class BsonDoc {
public:
    BsonDoc() { bson_init(&m_doc); }
    explicit BsonDoc(const bson_t *src) { bson_copy_to(src, &m_doc); }
    ~BsonDoc() { bson_destroy(&m_doc); }
    BsonDoc(BsonDoc &&other) noexcept
    {
        bson_init(&m_doc);
        bson_steal(&m_doc, &other.m_doc); // other is left destroyed; re-init it
        bson_init(&other.m_doc);
    }
    BsonDoc &operator=(BsonDoc &&other) noexcept
    {
        if (this != &other) {
            bson_destroy(&m_doc);
            bson_steal(&m_doc, &other.m_doc);
            bson_init(&other.m_doc);
        }
        return *this;
    }
    BsonDoc(const BsonDoc &other) { bson_copy_to(&other.m_doc, &m_doc); }
    BsonDoc &operator=(const BsonDoc &other)
    {
        if (this != &other) {
            bson_destroy(&m_doc);
            bson_copy_to(&other.m_doc, &m_doc);
        }
        return *this;
    }
    bson_t *get() { return &m_doc; }
    const bson_t *get() const { return &m_doc; }

private:
    bson_t m_doc;
};

// A batch of documents stored back to back in one buffer: one allocation per batch, cheap
// to move between the reader and writer threads, and each document stays byte-exact for
// the reject file.
class DocBatch {
public:
    // An entry the reader could not turn into a document (corrupt BSON inside an intact
    // length frame, JSON text that does not parse, bytes that cannot be framed at all). It
    // travels in the batch like a document so that it is counted as read, and the transform
    // turns it into a reject carrying `reason`; with --on-error stop the run stops there.
    struct Unreadable {
        uint32_t index = 0;
        QString reason;    // names the file and the byte offset or line
        bool text = false; // the raw bytes are text (JSON), written as a string, not $binary
    };

    void clear()
    {
        m_data.clear();
        m_offsets.clear();
        m_unreadable.clear();
        m_generatedKeys = 0;
    }
    void reserve(size_t bytes) { m_data.reserve(bytes); }
    void append(const bson_t *doc) { append(bson_get_data(doc), doc->len); }
    void append(const uint8_t *data, uint32_t len)
    {
        m_offsets.push_back(static_cast<uint32_t>(m_data.size()));
        m_data.append(reinterpret_cast<const char *>(data), len);
    }
    size_t size() const { return m_offsets.size(); }
    bool empty() const { return m_offsets.empty(); }
    size_t bytes() const { return m_data.size(); }
    // What the buffers hold on to, used or not.
    size_t capacityBytes() const
    {
        return m_data.capacity() + m_offsets.capacity() * sizeof(uint32_t);
    }
    const uint8_t *data(size_t i) const
    {
        return reinterpret_cast<const uint8_t *>(m_data.data()) + m_offsets[i];
    }
    uint32_t length(size_t i) const
    {
        const size_t end = i + 1 < m_offsets.size() ? m_offsets[i + 1] : m_data.size();
        return static_cast<uint32_t>(end - m_offsets[i]);
    }
    // A read-only view of document i, valid while the batch lives unchanged. False for an
    // unreadable entry, even when its bytes happen to look like a BSON frame.
    bool view(size_t i, bson_t *out) const
    {
        return !isUnreadable(i) && bson_init_static(out, data(i), length(i));
    }

    void appendUnreadable(const char *bytes, size_t len, const QString &reason, bool text)
    {
        m_unreadable.push_back({static_cast<uint32_t>(m_offsets.size()), reason, text});
        m_offsets.push_back(static_cast<uint32_t>(m_data.size()));
        m_data.append(bytes, len);
    }
    const std::vector<Unreadable> &unreadable() const { return m_unreadable; }
    bool isUnreadable(size_t i) const { return unreadableAt(i) != nullptr; }
    const Unreadable *unreadableAt(size_t i) const
    {
        for (const Unreadable &u : m_unreadable) // a handful per batch at most
            if (u.index == i)
                return &u;
        return nullptr;
    }
    // Documents of this batch that had no _id and got the reader's deterministic one.
    void countGeneratedKey() { ++m_generatedKeys; }
    qint64 generatedKeys() const { return m_generatedKeys; }

private:
    std::string m_data;
    std::vector<uint32_t> m_offsets;
    std::vector<Unreadable> m_unreadable;
    qint64 m_generatedKeys = 0;
};

} // namespace ferry

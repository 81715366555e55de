#pragma once

#include <bson/bson.h>

#include <QByteArray>

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
    void clear()
    {
        m_data.clear();
        m_offsets.clear();
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
    const uint8_t *data(size_t i) const
    {
        return reinterpret_cast<const uint8_t *>(m_data.data()) + m_offsets[i];
    }
    uint32_t length(size_t i) const
    {
        const size_t end = i + 1 < m_offsets.size() ? m_offsets[i + 1] : m_data.size();
        return static_cast<uint32_t>(end - m_offsets[i]);
    }
    // A read-only view of document i, valid while the batch lives unchanged.
    bool view(size_t i, bson_t *out) const { return bson_init_static(out, data(i), length(i)); }

private:
    std::string m_data;
    std::vector<uint32_t> m_offsets;
};

} // namespace ferry

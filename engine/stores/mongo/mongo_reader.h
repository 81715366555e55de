#pragma once

#include "stores/common/source.h"

#include <mongoc/mongoc.h>

#include <memory>

namespace ferry {

// Streams one collection in _id order through a server cursor. The resume position is the
// last _id read, kept as the BSON document {"_id": value}.
class MongoReader : public DocumentReader {
public:
    MongoReader(std::shared_ptr<mongoc_client_t> client, const QByteArray &database,
                const QString &collection, BsonDoc filter, QString server, qint64 estimate);
    ~MongoReader() override;
    MongoReader(const MongoReader &) = delete;
    MongoReader &operator=(const MongoReader &) = delete;

    // Accepts a position() from an earlier reader; an empty token means from the start.
    Status setResumePosition(const QByteArray &token);

    Result<bool> next(DocBatch &out, int maxDocs, size_t maxBytes = 32u << 20) override;
    QByteArray position() const override;
    double progress() const override;

private:
    // Why the cursor stopped; a read the server dropped (CursorNotFound …) comes out as
    // Connect, like a lost connection, so that the run reopens it.
    Error readError(const bson_error_t &error) const;

    std::shared_ptr<mongoc_client_t> m_client;
    mongoc_collection_t *m_collection = nullptr;
    mongoc_cursor_t *m_cursor = nullptr;
    QString m_name;
    QString m_server;
    BsonDoc m_filter;
    QByteArray m_position;
    qint64 m_estimate = -1;
    qint64 m_read = 0;
    bool m_done = false;
};

} // namespace ferry

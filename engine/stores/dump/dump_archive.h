#pragma once

#include "core/error.h"
#include "stores/dump/dump_file_buffer.h"

#include <QHash>
#include <QList>
#include <QString>

namespace ferry {

// mongodump --archive: the magic number 0x8199e26d, a prelude (a header document, then one
// document per collection {db, collection, metadata: "<metadata.json text>", size, type},
// then a terminator 0xFFFFFFFF), then blocks of any collection in any order, each a
// namespace header {db, collection, EOF, CRC} followed by that collection's documents and a
// terminator. A collection's last block is a header with EOF: true and no documents.
namespace dump_archive {

inline constexpr uint32_t kMagic = 0x8199e26d;
inline constexpr int32_t kTerminator = -1; // 0xFFFFFFFF

struct Namespace {
    QString db;
    QString collection;
    QByteArray metadata; // the metadata.json text mongodump embedded
    QString type;        // "collection", "view", "timeseries" (older tools leave it empty)
};

struct Prelude {
    QList<Namespace> namespaces;
    qint64 bodyOffset = 0; // where the first block starts
};

bool startsWithMagic(const char *first4);
// Reads the prelude from the start of `file` and leaves the file at the first block.
Result<Prelude> readPrelude(DumpFileBuffer &file);

// The db and collection of a namespace header document, and whether it is an EOF header.
struct BlockHeader {
    QByteArray db;
    QByteArray collection;
    bool eof = false;
};
bool parseBlockHeader(const uint8_t *data, uint32_t len, BlockHeader *out);

// Documents per "db.collection" data namespace, by one pass over the blocks that reads
// only length prefixes. A broken frame stops the count and is described in *problem.
Result<QHash<QString, qint64>> countDocuments(const QString &path, QString *problem);

} // namespace dump_archive

} // namespace ferry

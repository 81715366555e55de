#pragma once

// Builders and readers shared by the dump-source tests.
#include "core/doc_batch.h"
#include "core/error.h"
#include "stores/common/source.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QPair>
#include <QString>

#include <memory>

namespace ferry::test {

BsonDoc fromJson(const QByteArray &json);
QByteArray bytesOf(const BsonDoc &doc);
void writeFile(const QString &path, const QByteArray &content);
// n documents {_id: i, …} as .bson; the last lateCount also carry a field no other has.
QByteArray numberedBson(int n, int lateCount = 0);
QByteArray numberedNdjson(int n);
std::unique_ptr<Source> openSource(const QString &path);
int32_t intField(const bson_t *doc, const char *path);
Result<QList<int>> readIds(DocumentReader &reader, int batch = 1000);
Error firstError(const QString &path, const QString &collection);

// gzip (as mongodump --gzip writes it), made with zlib.
QByteArray gzipped(const QByteArray &data);
// A mongodump --archive: the prelude names `namespaces` ("db.collection" with their
// metadata.json text); the body holds `blocks` in the given order, each {namespace, documents}
// written as a header, the documents and a terminator; every namespace ends with an EOF
// block after its last block.
struct ArchiveBlock {
    QString ns;
    QByteArray documents; // BSON documents back to back
};
QByteArray archiveBytes(const QList<QPair<QString, QByteArray>> &namespaces,
                        const QList<ArchiveBlock> &blocks,
                        const QHash<QString, QString> &types = {});
// One uncompressed (control.version 1) time-series bucket of `count` measurements
// {t: date(base + i minutes), sensor: meta, temp: 20 + i, (every other one) humidity: i}.
QByteArray bucketBson(int firstId, int count, const QByteArray &sensor, qint64 baseMs);

// QVERIFY2 evaluates its message even on success, when error() must not be called.
template <class T> const char *why(const Result<T> &result)
{
    static QByteArray text;
    text = result ? QByteArray() : result.error().message.toUtf8();
    return text.constData();
}

} // namespace ferry::test

#pragma once

// Builders and readers shared by the dump-source tests.
#include "core/doc_batch.h"
#include "core/error.h"
#include "stores/common/source.h"

#include <QByteArray>
#include <QList>
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

// QVERIFY2 evaluates its message even on success, when error() must not be called.
template <class T> const char *why(const Result<T> &result)
{
    static QByteArray text;
    text = result ? QByteArray() : result.error().message.toUtf8();
    return text.constData();
}

} // namespace ferry::test

#include "support/generated_dump.h"

#include <bson/bson.h>

#include <QFile>

namespace ferry::test {

bool writeItemsDump(const QString &path, int count)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return false;
    for (int i = 0; i < count; ++i) {
        bson_t doc, tags;
        bson_init(&doc);
        BSON_APPEND_INT32(&doc, "_id", i);
        const QByteArray name = "item-" + QByteArray::number(i);
        BSON_APPEND_UTF8(&doc, "name", name.constData());
        BSON_APPEND_DOUBLE(&doc, "price", i * 0.25);
        BSON_APPEND_ARRAY_BEGIN(&doc, "tags", &tags);
        for (int t = 0; t < i % 3; ++t) {
            const QByteArray key = QByteArray::number(t);
            const QByteArray tag = "t" + QByteArray::number((i + t) % 17);
            bson_append_utf8(&tags, key.constData(), -1, tag.constData(), -1);
        }
        bson_append_array_end(&doc, &tags);
        f.write(reinterpret_cast<const char *>(bson_get_data(&doc)), doc.len);
        bson_destroy(&doc);
    }
    return true;
}

} // namespace ferry::test

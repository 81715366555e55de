#include "support/row_texts.h"

#include "support/sql_reader.h"

#include <QFile>

namespace ferry::test {

QStringList sortedRowTexts(const QString &uri, const QStringList &columns, const QString &relation)
{
    SqlReader db(uri);
    QStringList out;
    for (const QStringList &row : db.rows(
             QStringLiteral("SELECT %1 FROM %2").arg(columns.join(QStringLiteral(", ")), relation)))
        out.append(row.join(QLatin1Char('|')));
    if (!db.ok())
        qWarning("%s", qPrintable(db.error()));
    out.sort();
    return out;
}

QString fieldText(const bson_t *doc, const QString &field)
{
    bson_iter_t it;
    if (!bson_iter_init_find(&it, doc, field.toUtf8().constData()) || BSON_ITER_HOLDS_NULL(&it))
        return QStringLiteral("\\N");
    if (BSON_ITER_HOLDS_UTF8(&it))
        return QString::fromUtf8(bson_iter_utf8(&it, nullptr));
    return QString::number(bson_iter_as_int64(&it));
}

bool readNdjsonFile(const QString &file, std::vector<BsonDoc> *docs, QString *error)
{
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot open ") + file;
        return false;
    }
    while (!f.atEnd()) {
        const QByteArray line = f.readLine().trimmed();
        if (line.isEmpty())
            continue;
        bson_error_t e;
        bson_t *doc = bson_new_from_json(reinterpret_cast<const uint8_t *>(line.constData()),
                                         line.size(), &e);
        if (!doc) {
            *error = QString::fromUtf8(e.message);
            return false;
        }
        docs->emplace_back(doc);
        bson_destroy(doc);
    }
    return true;
}

} // namespace ferry::test

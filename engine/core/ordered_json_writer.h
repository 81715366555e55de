#pragma once

#include <QByteArray>
#include <QJsonValue>
#include <QString>
#include <QStringView>

#include <vector>

namespace ferry {

// Writes JSON with keys in the order they are given. QJsonDocument sorts object keys,
// which makes saved files and reports hard to read and their diffs noisy; files that
// people review in git need an order chosen for them.
//
// indent > 0 pretty-prints (one value per line, empty containers as {} and []);
// indent 0 writes a single line, as NDJSON needs. Output is UTF-8.
class OrderedJsonWriter {
public:
    explicit OrderedJsonWriter(int indent = 2) : m_indent(indent) {}

    OrderedJsonWriter &beginObject();
    OrderedJsonWriter &endObject();
    OrderedJsonWriter &beginArray();
    OrderedJsonWriter &endArray();
    // The name of the next value; only inside an object.
    OrderedJsonWriter &key(QStringView name);

    OrderedJsonWriter &string(const QString &text);
    OrderedJsonWriter &integer(qint64 number);
    // Non-finite numbers have no JSON form and become null; whole numbers keep a ".0"
    // so that a reader sees the same type every time.
    OrderedJsonWriter &number(double number);
    OrderedJsonWriter &boolean(bool value);
    OrderedJsonWriter &null();
    // Any JSON value; nested objects keep QJsonObject's own (sorted) key order.
    OrderedJsonWriter &value(const QJsonValue &value);
    // Already-serialized JSON inserted verbatim (e.g. libbson's Extended JSON).
    OrderedJsonWriter &raw(const QByteArray &json);

    // The text so far, plus a final newline when pretty-printing.
    QByteArray finish() const;

    static QByteArray escapeString(const QString &text);
    static QByteArray formatNumber(double number);

private:
    void beforeValue();
    void newline();

    struct Level {
        bool isObject = false;
        int count = 0;
    };
    QByteArray m_out;
    std::vector<Level> m_levels;
    bool m_afterKey = false;
    int m_indent;
};

} // namespace ferry

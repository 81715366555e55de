#include "core/ordered_json_writer.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QLocale>

#include <cmath>

namespace ferry {

void OrderedJsonWriter::newline()
{
    if (m_indent <= 0)
        return;
    m_out += '\n';
    m_out += QByteArray(qsizetype(m_levels.size()) * m_indent, ' ');
}

void OrderedJsonWriter::beforeValue()
{
    if (m_afterKey) {
        m_afterKey = false;
        return;
    }
    if (m_levels.empty())
        return;
    Level &level = m_levels.back();
    if (level.count++ > 0)
        m_out += ',';
    newline();
}

OrderedJsonWriter &OrderedJsonWriter::beginObject()
{
    beforeValue();
    m_out += '{';
    m_levels.push_back({true, 0});
    return *this;
}

OrderedJsonWriter &OrderedJsonWriter::endObject()
{
    const bool empty = m_levels.empty() || m_levels.back().count == 0;
    if (!m_levels.empty())
        m_levels.pop_back();
    if (!empty)
        newline();
    m_out += '}';
    return *this;
}

OrderedJsonWriter &OrderedJsonWriter::beginArray()
{
    beforeValue();
    m_out += '[';
    m_levels.push_back({false, 0});
    return *this;
}

OrderedJsonWriter &OrderedJsonWriter::endArray()
{
    const bool empty = m_levels.empty() || m_levels.back().count == 0;
    if (!m_levels.empty())
        m_levels.pop_back();
    if (!empty)
        newline();
    m_out += ']';
    return *this;
}

OrderedJsonWriter &OrderedJsonWriter::key(QStringView name)
{
    beforeValue();
    m_out += escapeString(name.toString());
    m_out += m_indent > 0 ? ": " : ":";
    m_afterKey = true;
    return *this;
}

OrderedJsonWriter &OrderedJsonWriter::string(const QString &text)
{
    beforeValue();
    m_out += escapeString(text);
    return *this;
}

OrderedJsonWriter &OrderedJsonWriter::integer(qint64 number)
{
    beforeValue();
    m_out += QByteArray::number(number);
    return *this;
}

OrderedJsonWriter &OrderedJsonWriter::number(double number)
{
    beforeValue();
    m_out += formatNumber(number);
    return *this;
}

OrderedJsonWriter &OrderedJsonWriter::boolean(bool value)
{
    beforeValue();
    m_out += value ? "true" : "false";
    return *this;
}

OrderedJsonWriter &OrderedJsonWriter::null()
{
    beforeValue();
    m_out += "null";
    return *this;
}

OrderedJsonWriter &OrderedJsonWriter::raw(const QByteArray &json)
{
    beforeValue();
    m_out += json;
    return *this;
}

OrderedJsonWriter &OrderedJsonWriter::value(const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        return null();
    case QJsonValue::Bool:
        return boolean(v.toBool());
    case QJsonValue::String:
        return string(v.toString());
    case QJsonValue::Double: {
        // QJsonValue keeps integers it parsed exactly; write them back without ".0".
        const double d = v.toDouble();
        if (std::isfinite(d) && d == std::floor(d) && std::fabs(d) < 9007199254740992.0)
            return integer(v.toInteger());
        return number(d);
    }
    case QJsonValue::Array: {
        beginArray();
        const QJsonArray array = v.toArray();
        for (const QJsonValue &item : array)
            value(item);
        return endArray();
    }
    case QJsonValue::Object: {
        beginObject();
        const QJsonObject object = v.toObject();
        for (auto it = object.begin(); it != object.end(); ++it) {
            key(it.key());
            value(it.value());
        }
        return endObject();
    }
    }
    return null();
}

QByteArray OrderedJsonWriter::finish() const
{
    QByteArray out = m_out;
    if (m_indent > 0)
        out += '\n';
    return out;
}

namespace {

void appendEscapedUtf8(QByteArray &out, const QByteArray &utf8)
{
    for (const char ch : utf8) {
        const auto c = static_cast<unsigned char>(ch);
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\b':
            out += "\\b";
            break;
        case '\f':
            out += "\\f";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\t':
            out += "\\t";
            break;
        default:
            if (c < 0x20) {
                static const char hex[] = "0123456789abcdef";
                out += "\\u00";
                out += hex[c >> 4];
                out += hex[c & 0xf];
            } else {
                out += ch; // UTF-8 multi-byte sequences pass through unchanged
            }
        }
    }
}

} // namespace

QByteArray OrderedJsonWriter::escapeString(const QString &text)
{
    QByteArray out;
    out.reserve(text.size() + 2);
    out += '"';
    // A lone surrogate (only a "\ud800" escape in a hand-edited file makes one) has no UTF-8
    // form: toUtf8() would turn it into U+FFFD and the text would change on every save, so it
    // is written back as the escape it was read from.
    qsizetype start = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (!c.isSurrogate())
            continue;
        if (c.isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate()) {
            ++i;
            continue;
        }
        appendEscapedUtf8(out, QStringView(text).mid(start, i - start).toUtf8());
        out += "\\u" + QByteArray::number(c.unicode(), 16).rightJustified(4, '0');
        start = i + 1;
    }
    appendEscapedUtf8(out, QStringView(text).mid(start).toUtf8());
    out += '"';
    return out;
}

QByteArray OrderedJsonWriter::formatNumber(double number)
{
    if (!std::isfinite(number))
        return QByteArrayLiteral("null");
    QByteArray text = QByteArray::number(number, 'g', QLocale::FloatingPointShortest);
    if (!text.contains('.') && !text.contains('e') && !text.contains('E'))
        text += ".0";
    return text;
}

} // namespace ferry

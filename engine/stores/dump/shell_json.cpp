#include "stores/dump/shell_json.h"

#include "core/error.h"

#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

namespace ferry {

namespace {

// Deeper than any document MongoDB accepts; a bound so a crafted line cannot exhaust the stack.
constexpr int kMaxDepth = 200;

struct Arg {
    enum Kind { String, Number, Other } kind = Other;
    std::string content; // String: the text between the quotes (escapes kept); Number: digits
    std::string json;    // the value as Extended JSON
};

class ShellParser {
public:
    ShellParser(const char *p, size_t n) : m_p(p), m_n(n) {}

    bool document(std::string &out)
    {
        skipSpace();
        if (peek() != '{')
            return fail(trEngine("expected a document starting with '{'"));
        if (!object(out, 0))
            return false;
        skipSpace();
        if (m_i < m_n)
            return fail(trEngine("unexpected text after the end of the document"));
        return true;
    }

    QString error;
    size_t errorAt = 0;

private:
    char peek() const { return m_i < m_n ? m_p[m_i] : '\0'; }
    bool fail(const QString &why)
    {
        if (error.isEmpty()) {
            error = why;
            errorAt = m_i;
        }
        return false;
    }

    void skipSpace()
    {
        while (m_i < m_n) {
            const char c = m_p[m_i];
            if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
                ++m_i;
            } else if (c == '/' && m_i + 1 < m_n && m_p[m_i + 1] == '/') {
                while (m_i < m_n && m_p[m_i] != '\n')
                    ++m_i;
            } else if (c == '/' && m_i + 1 < m_n && m_p[m_i + 1] == '*') {
                const char *end =
                    static_cast<const char *>(memmem(m_p + m_i + 2, m_n - m_i - 2, "*/", 2));
                m_i = end ? size_t(end - m_p) + 2 : m_n;
            } else {
                break;
            }
        }
    }

    static bool wordChar(char c)
    {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
               c == '_' || c == '$' || (static_cast<unsigned char>(c) >= 0x80);
    }

    std::string word()
    {
        const size_t start = m_i;
        while (m_i < m_n && wordChar(m_p[m_i]))
            ++m_i;
        return std::string(m_p + start, m_i - start);
    }

    // A quoted string (either quote) into `content` with escapes kept, rewritten so that it
    // can stand between double quotes.
    bool quoted(std::string &content)
    {
        const char quote = m_p[m_i++];
        while (m_i < m_n) {
            const char c = m_p[m_i++];
            if (c == quote)
                return true;
            if (c == '\n')
                break;
            if (c == '\\') {
                if (m_i >= m_n)
                    break;
                const char e = m_p[m_i++];
                if (e == '\'')
                    content += '\'';
                else if (e == 'x' && m_i + 2 <= m_n) {
                    content += "\\u00";
                    content.append(m_p + m_i, 2);
                    m_i += 2;
                } else {
                    content += '\\';
                    content += e;
                }
                continue;
            }
            if (c == '"')
                content += "\\\"";
            else
                content += c;
        }
        return fail(trEngine("a string is not closed before the end of the line (a quote is "
                             "probably missing)"));
    }

    bool key(std::string &out)
    {
        skipSpace();
        const char c = peek();
        std::string name;
        if (c == '"' || c == '\'') {
            if (!quoted(name))
                return false;
        } else if (wordChar(c)) {
            name = word();
        } else {
            return fail(trEngine("expected a field name"));
        }
        out += '"';
        out += name;
        out += '"';
        return true;
    }

    bool object(std::string &out, int depth)
    {
        if (depth > kMaxDepth)
            return fail(trEngine("documents are nested too deeply"));
        ++m_i; // {
        out += '{';
        bool first = true;
        while (true) {
            skipSpace();
            if (peek() == '}') {
                ++m_i;
                out += '}';
                return true;
            }
            if (!first) {
                if (peek() != ',')
                    return fail(trEngine("expected ',' or '}' in a document"));
                ++m_i;
                skipSpace();
                if (peek() == '}') // a trailing comma
                    continue;
                out += ',';
            }
            first = false;
            if (!key(out))
                return false;
            skipSpace();
            if (peek() != ':')
                return fail(trEngine("expected ':' after a field name"));
            ++m_i;
            out += ':';
            if (!value(out, depth + 1))
                return false;
        }
    }

    bool array(std::string &out, int depth)
    {
        if (depth > kMaxDepth)
            return fail(trEngine("arrays are nested too deeply"));
        ++m_i; // [
        out += '[';
        bool first = true;
        while (true) {
            skipSpace();
            if (peek() == ']') {
                ++m_i;
                out += ']';
                return true;
            }
            if (!first) {
                if (peek() != ',')
                    return fail(trEngine("expected ',' or ']' in an array"));
                ++m_i;
                skipSpace();
                if (peek() == ']')
                    continue;
                out += ',';
            }
            first = false;
            if (!value(out, depth + 1))
                return false;
        }
    }

    bool number(std::string &out, bool *isNumber = nullptr)
    {
        const size_t start = m_i;
        bool negative = false;
        if (peek() == '+' || peek() == '-') {
            negative = peek() == '-';
            ++m_i;
        }
        if (wordChar(peek()) && !(peek() >= '0' && peek() <= '9')) {
            const std::string w = word();
            if (w == "Infinity" || w == "NaN") {
                out += "{\"$numberDouble\":\"";
                out += (negative && w == "Infinity") ? "-Infinity" : w;
                out += "\"}";
                if (isNumber)
                    *isNumber = false;
                return true;
            }
            m_i = start;
            return fail(trEngine("expected a number"));
        }
        if (peek() == '0' && m_i + 1 < m_n && (m_p[m_i + 1] == 'x' || m_p[m_i + 1] == 'X')) {
            m_i += 2;
            const size_t digits = m_i;
            while (m_i < m_n && std::isxdigit(static_cast<unsigned char>(m_p[m_i])))
                ++m_i;
            if (m_i == digits || m_i - digits > 15)
                return fail(trEngine("a hexadecimal number must have 1 to 15 digits"));
            const long long v = std::stoll(std::string(m_p + digits, m_i - digits), nullptr, 16);
            out += std::to_string(negative ? -v : v);
            return true;
        }
        std::string digits = negative ? "-" : "";
        if (peek() == '.')
            digits += '0';
        const size_t body = m_i;
        while (m_i < m_n && (std::isdigit(static_cast<unsigned char>(m_p[m_i])) ||
                             m_p[m_i] == '.' || m_p[m_i] == 'e' || m_p[m_i] == 'E' ||
                             ((m_p[m_i] == '+' || m_p[m_i] == '-') &&
                              (m_p[m_i - 1] == 'e' || m_p[m_i - 1] == 'E'))))
            ++m_i;
        if (m_i == body)
            return fail(trEngine("expected a value"));
        digits.append(m_p + body, m_i - body);
        if (digits.back() == '.')
            digits += '0';
        out += digits;
        return true;
    }

    bool args(std::vector<Arg> &list, int depth)
    {
        skipSpace();
        if (peek() != '(')
            return true; // MinKey, MaxKey without parentheses
        ++m_i;
        while (true) {
            skipSpace();
            if (peek() == ')') {
                ++m_i;
                return true;
            }
            if (!list.empty()) {
                if (peek() != ',')
                    return fail(trEngine("expected ',' or ')' between arguments"));
                ++m_i;
                skipSpace();
            }
            Arg a;
            const char c = peek();
            if (c == '"' || c == '\'') {
                a.kind = Arg::String;
                if (!quoted(a.content))
                    return false;
                a.json = '"' + a.content + '"';
            } else if ((c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.') {
                a.kind = Arg::Number;
                if (!number(a.json))
                    return false;
                a.content = a.json;
            } else if (!value(a.json, depth + 1)) {
                return false;
            }
            list.push_back(std::move(a));
        }
    }

    bool needArgs(const std::string &name, const std::vector<Arg> &list, size_t min, size_t max)
    {
        if (list.size() >= min && list.size() <= max)
            return true;
        return fail(
            (max == 1 ? trEngine("%1() takes %2 argument, not %3")
                      : trEngine("%1() takes %2 arguments, not %3"))
                .arg(QString::fromStdString(name))
                .arg(min == max ? QString::number(min) : QStringLiteral("%1-%2").arg(min).arg(max))
                .arg(list.size()));
    }

    static std::string isoDate(std::string s)
    {
        if (s.size() == 10)
            return s + "T00:00:00Z";
        if (s.size() > 10 && s[10] == ' ')
            s[10] = 'T';
        const size_t t = s.find('T');
        if (t != std::string::npos && s.back() != 'Z' &&
            s.find_first_of("+-", t) == std::string::npos)
            s += 'Z';
        return s;
    }

    static std::string hexToBase64(const std::string &hex, bool *ok)
    {
        QByteArray clean;
        for (char c : hex)
            if (c != '-')
                clean += c;
        const QByteArray bytes = QByteArray::fromHex(clean);
        *ok = bytes.size() * 2 == clean.size() &&
              clean.toLower() == bytes.toHex(); // every character was a hex digit
        return bytes.toBase64().toStdString();
    }

    static std::string subtypeHex(const Arg &a)
    {
        const int v = std::atoi(a.content.c_str());
        char buf[8];
        std::snprintf(buf, sizeof buf, "%02x", v & 0xff);
        return buf;
    }

    bool call(const std::string &name, std::string &out, int depth)
    {
        std::vector<Arg> list;
        if (!args(list, depth))
            return false;
        const auto str = [&](size_t i) { return list[i].kind == Arg::String; };
        const auto num = [&](size_t i) { return list[i].kind == Arg::Number; };
        const auto wrap = [&](const char *op, const std::string &v) {
            out += "{\"";
            out += op;
            out += "\":\"";
            out += v;
            out += "\"}";
        };
        if (name == "ObjectId" || name == "ObjectID") {
            if (!needArgs(name, list, 1, 1) || !str(0))
                return error.isEmpty() ? fail(trEngine("ObjectId() takes a hex string")) : false;
            wrap("$oid", list[0].content);
        } else if (name == "ISODate" || name == "Date") {
            if (list.empty())
                return fail(trEngine("%1() without a value means \"now\", which differs on "
                                     "every run; write the date")
                                .arg(QString::fromStdString(name)));
            if (!needArgs(name, list, 1, 1))
                return false;
            if (str(0)) {
                wrap("$date", isoDate(list[0].content));
            } else if (num(0)) {
                const double ms = std::strtod(list[0].content.c_str(), nullptr);
                out += "{\"$date\":{\"$numberLong\":\"" +
                       std::to_string(static_cast<long long>(std::floor(ms))) + "\"}}";
            } else {
                return fail(trEngine("%1() takes a date string or milliseconds")
                                .arg(QString::fromStdString(name)));
            }
        } else if (name == "NumberInt" || name == "NumberLong" || name == "NumberDecimal" ||
                   name == "Decimal128") {
            if (!needArgs(name, list, 1, 1) || (!str(0) && !num(0)))
                return error.isEmpty()
                           ? fail(trEngine("%1() takes a number").arg(QString::fromStdString(name)))
                           : false;
            wrap(name == "NumberInt"    ? "$numberInt"
                 : name == "NumberLong" ? "$numberLong"
                                        : "$numberDecimal",
                 list[0].content);
        } else if (name == "BinData" || name == "HexData") {
            if (!needArgs(name, list, 2, 2) || !num(0) || !str(1))
                return error.isEmpty() ? fail(trEngine("%1() takes a subtype number and a string")
                                                  .arg(QString::fromStdString(name)))
                                       : false;
            std::string base64 = list[1].content;
            if (name == "HexData") {
                bool ok = false;
                base64 = hexToBase64(list[1].content, &ok);
                if (!ok)
                    return fail(trEngine("HexData() takes hexadecimal digits"));
            }
            out += "{\"$binary\":{\"base64\":\"" + base64 + "\",\"subType\":\"" +
                   subtypeHex(list[0]) + "\"}}";
        } else if (name == "UUID" || name == "MD5") {
            bool ok = false;
            const std::string base64 =
                list.size() == 1 && str(0) ? hexToBase64(list[0].content, &ok) : std::string();
            if (!ok || base64.size() != 24)
                return fail(
                    trEngine("%1() takes 32 hexadecimal digits").arg(QString::fromStdString(name)));
            out += "{\"$binary\":{\"base64\":\"" + base64 + "\",\"subType\":\"" +
                   (name == "UUID" ? "04" : "05") + "\"}}";
        } else if (name == "Timestamp") {
            if (!needArgs(name, list, 2, 2) || !num(0) || !num(1))
                return error.isEmpty() ? fail(trEngine("Timestamp() takes two numbers")) : false;
            out += "{\"$timestamp\":{\"t\":" + list[0].content + ",\"i\":" + list[1].content + "}}";
        } else if (name == "MinKey" || name == "MaxKey") {
            out += name == "MinKey" ? "{\"$minKey\":1}" : "{\"$maxKey\":1}";
        } else if (name == "DBRef" || name == "Dbref") {
            if (!needArgs(name, list, 2, 3) || !str(0))
                return error.isEmpty() ? fail(trEngine("DBRef() takes a collection and an id"))
                                       : false;
            out += "{\"$ref\":" + list[0].json + ",\"$id\":" + list[1].json;
            if (list.size() == 3)
                out += ",\"$db\":" + list[2].json;
            out += '}';
        } else if (name == "RegExp") {
            if (!needArgs(name, list, 1, 2) || !str(0) || (list.size() == 2 && !str(1)))
                return error.isEmpty() ? fail(trEngine("RegExp() takes strings")) : false;
            out += "{\"$regularExpression\":{\"pattern\":\"" + list[0].content +
                   "\",\"options\":\"" + (list.size() == 2 ? list[1].content : "") + "\"}}";
        } else {
            return fail(trEngine("unknown function %1()").arg(QString::fromStdString(name)));
        }
        return true;
    }

    bool regexLiteral(std::string &out)
    {
        ++m_i; // /
        std::string pattern;
        bool inClass = false;
        while (m_i < m_n) {
            const char c = m_p[m_i++];
            if (c == '\\' && m_i < m_n) {
                pattern += "\\\\";
                const char e = m_p[m_i++];
                if (e == '"')
                    pattern += "\\\"";
                else
                    pattern += e;
                continue;
            }
            if (c == '\n')
                break;
            if (c == '[')
                inClass = true;
            else if (c == ']')
                inClass = false;
            else if (c == '/' && !inClass) {
                std::string options = word();
                out += "{\"$regularExpression\":{\"pattern\":\"" + pattern + "\",\"options\":\"" +
                       options + "\"}}";
                return true;
            }
            if (c == '"')
                pattern += "\\\"";
            else
                pattern += c;
        }
        return fail(trEngine("a /regular expression/ is not closed"));
    }

    bool value(std::string &out, int depth)
    {
        skipSpace();
        const char c = peek();
        if (c == '{')
            return object(out, depth);
        if (c == '[')
            return array(out, depth);
        if (c == '"' || c == '\'') {
            std::string content;
            if (!quoted(content))
                return false;
            out += '"';
            out += content;
            out += '"';
            return true;
        }
        if (c == '/')
            return regexLiteral(out);
        if ((c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.')
            return number(out);
        if (!wordChar(c))
            return fail(c == '\0' ? trEngine("the document ends where a value was expected")
                                  : trEngine("expected a value"));
        const size_t start = m_i;
        std::string w = word();
        if (w == "true" || w == "false" || w == "null") {
            out += w;
            return true;
        }
        if (w == "undefined") {
            out += "{\"$undefined\":true}";
            return true;
        }
        if (w == "NaN" || w == "Infinity") {
            m_i = start;
            return number(out);
        }
        if (w == "new") {
            skipSpace();
            w = word();
            if (w.empty())
                return fail(trEngine("expected a type after `new`"));
        }
        skipSpace();
        if (peek() != '(' && w != "MinKey" && w != "MaxKey") {
            m_i = start;
            return fail(trEngine("unknown word `%1`").arg(QString::fromStdString(w)));
        }
        return call(w, out, depth);
    }

    const char *m_p;
    size_t m_n;
    size_t m_i = 0;
};

} // namespace

bool shellToExtendedJson(const char *text, size_t length, QByteArray *out, QString *error,
                         size_t *errorOffset)
{
    ShellParser parser(text, length);
    std::string json;
    json.reserve(length + length / 4);
    if (!parser.document(json)) {
        *error = parser.error;
        *errorOffset = parser.errorAt;
        return false;
    }
    *out = QByteArray(json.data(), qsizetype(json.size()));
    return true;
}

} // namespace ferry

#include "run/cell_compare.h"

#include "stores/common/ddl.h"
#include "transform/value_converter.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>

namespace ferry {

namespace {

bool isJson(const ColumnMapping &c)
{
    return c.type == ColumnType::Json || c.pgArray || c.role == ColumnRole::Extra;
}

QString doubleText(double v)
{
    if (std::isnan(v))
        return QStringLiteral("NaN");
    if (std::isinf(v))
        return v > 0 ? QStringLiteral("Infinity") : QStringLiteral("-Infinity");
    return QString::number(v, 'g', 17);
}

// "1.500" and "1.5" are the same numeric; PostgreSQL keeps the scale it was given.
QString decimalText(QString s)
{
    s = s.trimmed();
    if (s.startsWith(u'+'))
        s.remove(0, 1);
    if (s.contains(u'.') && !s.contains(u'e', Qt::CaseInsensitive)) {
        while (s.endsWith(u'0'))
            s.chop(1);
        if (s.endsWith(u'.'))
            s.chop(1);
    }
    return s == QLatin1String("-0") ? QStringLiteral("0") : s;
}

// A Decimal128 reaches a numeric[] element as a number, but its relaxed JSON is
// {"$numberDecimal": "…"}: compared as the number either way.
QJsonValue decimalsAsNumbers(const QJsonValue &v)
{
    if (v.isArray()) {
        QJsonArray out;
        for (const QJsonValue &e : v.toArray())
            out.append(decimalsAsNumbers(e));
        return out;
    }
    if (!v.isObject())
        return v;
    QJsonObject o = v.toObject();
    const QJsonValue decimal = o.value(QLatin1String("$numberDecimal"));
    if (o.size() == 1 && decimal.isString()) {
        bool ok = false;
        const double d = decimal.toString().toDouble(&ok);
        if (ok)
            return d;
    }
    for (auto it = o.begin(); it != o.end(); ++it)
        *it = decimalsAsNumbers(*it);
    return o;
}

QString normalizeFound(const ColumnMapping &c, const QVariant &v, Dialect dialect)
{
    if (v.isNull())
        return QString();
    if (isJson(c))
        return v.toString();
    switch (c.type) {
    case ColumnType::Integer:
    case ColumnType::BigInt:
    case ColumnType::Boolean: {
        bool ok = false;
        const qlonglong n = v.toLongLong(&ok);
        return ok ? QString::number(n) : v.toString();
    }
    case ColumnType::Double: {
        bool ok = false;
        const double d = v.toDouble(&ok);
        return ok ? doubleText(d) : v.toString();
    }
    case ColumnType::Numeric:
        return decimalText(v.toString());
    case ColumnType::Timestamp: {
        if (dialect == Dialect::Postgres)
            return v.toString();
        const QDateTime dt = QDateTime::fromString(v.toString(), Qt::ISODateWithMs);
        return dt.isValid() ? QString::number(dt.toMSecsSinceEpoch()) : v.toString();
    }
    case ColumnType::Uuid:
        return v.toString().toLower();
    case ColumnType::Binary:
        return dialect == Dialect::Postgres ? v.toString()
                                            : QString::fromLatin1(v.toByteArray().toHex());
    case ColumnType::Text:
    case ColumnType::Json: // JSON columns returned above, before the switch
        break;
    }
    return v.toString();
}

} // namespace

QString selectList(const TableMapping &table, Dialect dialect)
{
    QStringList out;
    for (const ColumnMapping &c : table.columns) {
        const QString q = ddlQuote(c.column);
        if (dialect == Dialect::Sqlite) {
            out << q;
        } else if (c.pgArray) {
            out << QStringLiteral("to_jsonb(%1)::text").arg(q);
        } else if (c.type == ColumnType::Timestamp) {
            out << QStringLiteral("round(extract(epoch FROM %1) * 1000)::bigint::text").arg(q);
        } else if (c.type == ColumnType::Binary) {
            out << QStringLiteral("encode(%1, 'hex')").arg(q);
        } else if (c.type == ColumnType::Boolean) {
            out << QStringLiteral("%1::int::text").arg(q);
        } else {
            out << q;
        }
    }
    return out.join(QStringLiteral(", "));
}

QStringList normalizeRow(const TableMapping &table, const QVariantList &row, Dialect dialect)
{
    QStringList out;
    for (size_t c = 0; c < table.columns.size(); ++c)
        out << normalizeFound(table.columns[c], row.value(qsizetype(c)), dialect);
    return out;
}

QStringList normalizeExpected(const TableMapping &table, const TableRows &rows, size_t r)
{
    QStringList out;
    for (size_t c = 0; c < table.columns.size(); ++c) {
        const ColumnMapping &col = table.columns[c];
        const Cell &cell = rows.at(r, int(c));
        switch (cell.kind) {
        case CellKind::Null:
            out << QString();
            break;
        case CellKind::Int:
        case CellKind::Bool:
        case CellKind::Timestamp:
            out << (col.type == ColumnType::Double ? doubleText(double(cell.i))
                                                   : QString::number(cell.i));
            break;
        case CellKind::Double:
            out << doubleText(cell.d);
            break;
        case CellKind::Numeric:
            out << decimalText(cellToDisplay(rows, cell));
            break;
        case CellKind::Blob: {
            const std::string_view b = rows.bytes(cell);
            out << QString::fromLatin1(QByteArray(b.data(), qsizetype(b.size())).toHex());
            break;
        }
        case CellKind::Uuid:
        case CellKind::Text:
        case CellKind::Json:
            out << cellToDisplay(rows, cell);
            break;
        }
    }
    return out;
}

QString comparableCell(const ColumnMapping &column, const QString &text)
{
    if (text.isNull() || !isJson(column))
        return text;
    const QJsonDocument doc = QJsonDocument::fromJson(QStringLiteral("[%1]").arg(text).toUtf8());
    if (doc.isNull())
        return text;
    // QJsonDocument writes object keys sorted, so jsonb's key order and spacing and the
    // source's own give one text.
    return QString::fromUtf8(
        QJsonDocument(decimalsAsNumbers(doc.array()).toArray()).toJson(QJsonDocument::Compact));
}

bool sameCell(const ColumnMapping &column, const QString &expected, const QString &found)
{
    if (expected.isNull() || found.isNull())
        return expected.isNull() && found.isNull();
    if (expected == found)
        return true;
    if (!isJson(column))
        return false;
    // Wrapped in an array so that scalars parse too.
    const QJsonDocument a = QJsonDocument::fromJson(QStringLiteral("[%1]").arg(expected).toUtf8());
    const QJsonDocument b = QJsonDocument::fromJson(QStringLiteral("[%1]").arg(found).toUtf8());
    return !a.isNull() && !b.isNull() &&
           decimalsAsNumbers(a.array()) == decimalsAsNumbers(b.array());
}

} // namespace ferry

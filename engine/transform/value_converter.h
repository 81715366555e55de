#pragma once

#include "core/cell_text.h"
#include "core/table_rows.h"
#include "project/mapping.h"

#include <bson/bson.h>

#include <QString>

namespace ferry {

// Turns one BSON value into one cell of a column, following DESIGN.md's type table:
// exact values only (an integral double may become an integer, 3.5 may not), text that
// PostgreSQL can store (no NUL, valid UTF-8), JSON that stays valid JSON.
//
// pgArray columns get a Json cell holding the JSON array; the PostgreSQL sink renders
// it as an array literal, other sinks store the JSON text as is.
//
// Immutable after construction; safe to share between threads.
class ValueConverter {
public:
    ValueConverter(const ColumnMapping &column, Dialect dialect);

    // Appends the cell for a present, non-null value. When the value does not fit the
    // column, appends nothing and sets *why (translated, names the column and the value).
    bool append(TableRows &out, const bson_iter_t &it, QString *why) const;
    // Appends a whole document (a column whose source is the root document itself).
    bool appendDocument(TableRows &out, const bson_t *doc, QString *why) const;

private:
    bool appendValue(TableRows &out, const bson_iter_t &it, QString *why) const;
    // The declared length or precision the cell just added must respect.
    bool fitsDeclaredSize(const TableRows &out, const TableRows::Mark &added, const bson_iter_t &it,
                          QString *why) const;
    bool appendJson(TableRows &out, const bson_iter_t &it, QString *why) const;
    bool arrayElementsFit(const bson_iter_t &array, QString *why) const;
    bool addJsonCell(TableRows &out, const std::string &json, QString *why) const;
    bool appendText(TableRows &out, const bson_iter_t &it, QString *why) const;
    bool appendUuid(TableRows &out, const bson_iter_t &it, QString *why) const;
    QString mismatch(const bson_iter_t &it) const;
    QString doesNotFit(const bson_iter_t &it) const;

    ColumnType m_type;
    Conversion m_conversion;
    bool m_pgArray;
    Dialect m_dialect;
    QString m_column;
    int m_length;
    int m_precision;
    int m_scale;
};

// Lowercase name of a column type for messages ("integer", "double", ...).
QString columnTypeLabel(ColumnType type);

} // namespace ferry

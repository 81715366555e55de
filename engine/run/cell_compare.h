#pragma once

#include "core/table_rows.h"
#include "project/mapping.h"

#include <QStringList>
#include <QVariantList>

namespace ferry {

// Validation compares expected cells (from the Transformer) with values read back from the
// target in one normal form per column type, so that the two sides meet whatever the
// driver returns: integers and booleans as decimal digits, doubles as their exact value,
// timestamps as epoch milliseconds, UUIDs lower case, bytes as hex, numerics without
// redundant zeros, JSON as JSON values. A null QString stands for SQL NULL.

// The SELECT list that reads a table's columns back in a form normalizeRow understands.
QString selectList(const TableMapping &table, Dialect dialect);
QStringList normalizeRow(const TableMapping &table, const QVariantList &row, Dialect dialect);
QStringList normalizeExpected(const TableMapping &table, const TableRows &rows, size_t r);
// JSON columns compare as parsed values (key order and spacing do not matter).
bool sameCell(const ColumnMapping &column, const QString &expected, const QString &found);
// One text per value, for finding rows by key: JSON cells in a canonical form.
QString comparableCell(const ColumnMapping &column, const QString &text);

} // namespace ferry

#pragma once

#include "core/dialect.h"

#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace ferry {

// Logical column types. DDL renders them per dialect (see DESIGN.md's type table); the
// project file stores these names, so a project can be retargeted between dialects.
enum class ColumnType {
    Text,      // text / TEXT
    Integer,   // integer / INTEGER (int32 range)
    BigInt,    // bigint / INTEGER
    Double,    // double precision / REAL
    Numeric,   // numeric / TEXT (exact digits)
    Boolean,   // boolean / INTEGER 0/1
    Timestamp, // timestamptz / TEXT ISO-8601 UTC
    Uuid,      // uuid / TEXT
    Binary,    // bytea / BLOB
    Json,      // jsonb / TEXT JSON
};

// How one value is turned into a cell, beyond what the column type implies.
enum class Conversion {
    Auto,         // by the value's BSON type and the column type
    ObjectIdUuid, // ObjectId → deterministic UUIDv5 (column type Uuid)
    Json,         // always store the value as (relaxed Extended) JSON text
};

// What fills a column. Child tables carry the keys of their ancestors so that each row
// can be traced to its document and rebuilt in order.
enum class ColumnRole {
    Value,     // the value at `source`
    ParentKey, // the i-th key of the parent row (root key first, then ancestor ordinals/keys)
    Ordinal,   // the element's index in its array (0-based)
    MapKey,    // the key of a map-like object's entry
    Extra,     // JSON object of fields the mapping does not know (root table only)
};

struct ColumnMapping {
    QString source; // dotted path relative to the table's element; "" = the element itself
    QString column;
    ColumnType type = ColumnType::Text;
    ColumnRole role = ColumnRole::Value;
    Conversion conversion = Conversion::Auto;
    bool nullable = true;
    bool primaryKey = false;
    bool pgArray =
        false; // PostgreSQL array of `type` for an array of scalars (JSON text elsewhere)
    // Sizes a SQL source declared, kept so the target's column says the same (0 = none).
    // Values that do not fit are rejected, never cut or rounded.
    int length = 0;    // Text: at most this many characters, varchar(length)
    int precision = 0; // Numeric: at most this many significant digits, numeric(precision,
    int scale = 0;     //   scale) with `scale` of them after the decimal point

    bool operator==(const ColumnMapping &) const = default;
};

enum class TableKind {
    Root,  // one row per document
    Array, // one row per array element
    Map,   // one row per entry of an object used as a map
};

struct TableMapping {
    QString table;
    TableKind kind = TableKind::Root;
    QString source; // child tables: path of the array/map, relative to the parent's element
    std::vector<ColumnMapping> columns;
    std::vector<TableMapping> children;

    bool operator==(const TableMapping &) const = default;
    // Columns with role ParentKey/Ordinal/MapKey or primaryKey, in order.
    std::vector<const ColumnMapping *> keyColumns() const;
    const ColumnMapping *primaryKey() const;
};

// A foreign-key reference from this collection's root table to another collection's root.
// It orders the run (referenced first) and becomes a FOREIGN KEY when the target supports it.
struct Reference {
    QString column;     // column of this collection's root table
    QString collection; // referenced collection
    QString toColumn;   // its key column
    bool operator==(const Reference &) const = default;
};

// Relational → document: a child table folded into this collection's documents as an array
// of its rows (one-to-many), or, for a junction table, of the other side's ids; or, when
// the foreign key is unique (one-to-one), as one sub-document (null when there is no row).
struct Embedding {
    QString child;          // the child collection (table)
    QStringList foreignKey; // its columns referencing this collection; empty = the first such
    QString field;          // the array's name in the parent document; empty = child's name
    bool single = false;    // one sub-document instead of an array
    bool operator==(const Embedding &) const = default;
};

// A secondary index of a document target's collection, built after the load. Fields are
// document paths ("customer_id", "_id.track_id", "tags") in key order, all ascending.
struct IndexSpec {
    QStringList fields;
    bool unique = false;
    QString name; // empty: MongoDB's own default name, "field_1_other_1"

    bool operator==(const IndexSpec &) const = default;
    // `name`, or the default one MongoDB would give the key pattern.
    QString effectiveName() const;
};

// Document targets: a field of the collection's documents renamed on the way. `from` is a
// top-level field, or "child[].field" / "child.field" inside an embedded table's rows.
struct FieldRename {
    QString from;
    QString to; // a plain name (no dots)
    bool operator==(const FieldRename &) const = default;
};

struct CollectionMapping {
    QString collection;
    bool enabled = true;
    QString filter;    // Mongo query (Extended JSON) for document sources, SQL WHERE for SQL ones
    TableMapping root; // kind Root; root.table is the target table
    QStringList excluded; // full source paths the user left out on purpose
    std::vector<Reference> references;
    std::vector<Embedding> embeddings; // document targets only
    // Document targets: the indexes built after the load. Absent (files written before
    // indexes were listed) = inferred from the source's catalog when the run starts; an
    // empty list = none.
    std::optional<std::vector<IndexSpec>> indexes;
    std::vector<FieldRename> renames; // document targets only

    bool operator==(const CollectionMapping &) const = default;
    // All tables, root first, depth-first (the order rows are written in).
    std::vector<const TableMapping *> tables() const;
};

// PostgreSQL's limits for varchar(n) and numeric(p,s).
constexpr int kMaxCharacterLength = 10485760;
constexpr int kMaxNumericPrecision = 1000;

// Text forms used by the project file, the CLI and the UI. Parsing is case-insensitive
// and returns false on an unknown name.
QString columnTypeName(ColumnType type);
bool parseColumnType(const QString &name, ColumnType *out);
QString conversionName(Conversion conversion);
bool parseConversion(const QString &name, Conversion *out);
QString columnRoleName(ColumnRole role);
bool parseColumnRole(const QString &name, ColumnRole *out);
QString tableKindName(TableKind kind);
bool parseTableKind(const QString &name, TableKind *out);
// The SQL type a column gets in a dialect (DDL and validation use it).
QString sqlTypeName(const ColumnMapping &column, Dialect dialect);

} // namespace ferry

#pragma once

#include "core/endpoint.h"
#include "core/error.h"
#include "core/identifiers.h"
#include "project/mapping.h"

#include <QString>

#include <vector>

namespace ferry {

enum class ExistingRows { Skip, Upsert, Fail, Truncate };
enum class ErrorPolicy { Stop, Reject };
enum class IdStrategy { ObjectIdText, ObjectIdUuid };
// What happens to a field a document has but the mapping does not know.
enum class UnknownFields { Extra, Reject, Ignore };
// What a SQL source's CHAR(n) / VARCHAR(n) / NVARCHAR(n) column becomes in a SQL target.
enum class CharacterTypes {
    Varchar, // varchar(n): the declared length kept, and longer values rejected
    Text,    // text: no length
};

struct ProjectOptions {
    // Documents per batch (one transaction and checkpoint each). Every batch costs the target
    // a fixed amount (PostgreSQL sets up a COPY's tuple slots, SQLite writes a commit): in
    // five alternating pairs on the 1M-document benchmark, with batches recycled, 10,000
    // took 2% (PostgreSQL) and 7% (SQLite) less time than 5,000 for 14 MB more peak memory,
    // and 20,000 gained nothing more. Up to about 2 × jobs + 4 batches are alive at once,
    // so memory grows with this too.
    int batchSize = 10000;
    int sampleSize = 1000; // documents sampled for inference; -1 = all
    ExistingRows existingRows = ExistingRows::Skip;
    ErrorPolicy onError = ErrorPolicy::Stop;
    IdStrategy idStrategy = IdStrategy::ObjectIdText;
    UnknownFields unknownFields = UnknownFields::Extra;
    QString extraColumn = QStringLiteral("_extra");
    // Table-to-table copies (a SQL source): how the source's table and column names become
    // the target's, and what its sized character types become. Used when inferring.
    NameStyle names = NameStyle::Fold;
    CharacterTypes characterTypes = CharacterTypes::Varchar;

    bool operator==(const ProjectOptions &) const = default;
};

// The whole plan of a migration: what the wizard edits, the .ferry file stores and the
// engine runs. Endpoints are kept without secrets; a password comes from the environment
// variable named here, the keychain, or the URI given on the command line.
struct Project {
    QString name;
    QString sourceUri; // without secret
    QString targetUri; // without secret
    QString sourcePasswordEnv;
    QString targetPasswordEnv;
    ProjectOptions options;
    std::vector<CollectionMapping> collections;

    bool operator==(const Project &) const = default;
    CollectionMapping *findCollection(const QString &name);
    const CollectionMapping *findCollection(const QString &name) const;
    Dialect targetDialect() const; // Postgres unless the target is sqlite:
};

// With unknown fields kept (UnknownFields::Extra), every root table of documents needs the
// column that keeps them; a mapping inferred while the option said reject or ignore, then
// switched (the wizard's options page allows it), has none. Adds it to each enabled
// collection's root table, named as the options say (made unique among its columns), and
// returns the collections it changed. Meant for document sources: a SQL source's rows have
// no field the mapping does not know of, and its tables keep their own columns.
QStringList ensureExtraColumns(Project &project);
// The root column that keeps unknown fields, or nullptr.
const ColumnMapping *extraColumnOf(const CollectionMapping &mapping);

QString existingRowsName(ExistingRows v);
bool parseExistingRows(const QString &s, ExistingRows *out);
QString errorPolicyName(ErrorPolicy v);
bool parseErrorPolicy(const QString &s, ErrorPolicy *out);
QString idStrategyName(IdStrategy v);
bool parseIdStrategy(const QString &s, IdStrategy *out);
QString unknownFieldsName(UnknownFields v);
bool parseUnknownFields(const QString &s, UnknownFields *out);
QString nameStyleName(NameStyle v);
bool parseNameStyle(const QString &s, NameStyle *out);
QString characterTypesName(CharacterTypes v);
bool parseCharacterTypes(const QString &s, CharacterTypes *out);

} // namespace ferry

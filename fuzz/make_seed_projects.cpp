// Writes the valid seed projects of fuzz/corpus/project_file through ProjectFile::toJson, so
// the seeds are always in the format the engine itself writes:
//   cmake --build build --target ferry_fuzz_seeds && build/fuzz/ferry_fuzz_seeds
//   fuzz/corpus/project_file
#include "project/project_file.h"

#include <QDir>
#include <QFile>

#include <cstdio>

using namespace ferry;
using namespace Qt::StringLiterals;

namespace {

ColumnMapping column(const QString &source, const QString &name, ColumnType type,
                     ColumnRole role = ColumnRole::Value)
{
    ColumnMapping c;
    c.source = source;
    c.column = name;
    c.type = type;
    c.role = role;
    return c;
}

Project minimalProject()
{
    Project p;
    p.sourceUri = u"dump:/data/dump/shop"_s;
    p.targetUri = u"sqlite:/tmp/shop.db"_s;
    return p;
}

Project smallProject()
{
    Project p = minimalProject();
    p.name = u"theaters"_s;
    CollectionMapping c;
    c.collection = u"theaters"_s;
    c.root.table = u"theaters"_s;
    ColumnMapping id = column(u"_id"_s, u"id"_s, ColumnType::Text);
    id.primaryKey = true;
    id.nullable = false;
    c.root.columns = {id, column(u"theaterId"_s, u"theater_id"_s, ColumnType::Integer),
                      column(u"location.address.city"_s, u"city"_s, ColumnType::Text)};
    p.collections.push_back(c);
    return p;
}

// Every enum, nesting of child tables, a map table, references, a filter, exclusions and
// text that needs escaping: the seed the fuzzer mutates into most of the reader's branches.
Project richProject()
{
    Project p;
    p.name = u"Shop \"v2\" — migración\ttest\\"_s;
    p.sourceUri = u"mongodb://reader@db1.example:27017/shop"_s;
    p.sourcePasswordEnv = u"SHOP_MONGO_PW"_s;
    p.targetUri = u"postgresql://writer@pg.example/shop"_s;
    p.targetPasswordEnv = u"SHOP_PG_PW"_s;
    p.options.batchSize = 250;
    p.options.sampleSize = -1;
    p.options.existingRows = ExistingRows::Upsert;
    p.options.onError = ErrorPolicy::Reject;
    p.options.idStrategy = IdStrategy::ObjectIdUuid;
    p.options.unknownFields = UnknownFields::Reject;
    p.options.extraColumn = u"leftovers"_s;

    CollectionMapping users;
    users.collection = u"users"_s;
    users.root.table = u"users"_s;
    users.filter = uR"({"age": {"$gte": 18}})"_s;
    users.excluded = {u"password_hash"_s, u"profile.avatar"_s};
    ColumnMapping id = column(u"_id"_s, u"id"_s, ColumnType::Uuid);
    id.conversion = Conversion::ObjectIdUuid;
    id.primaryKey = true;
    id.nullable = false;
    ColumnMapping tags = column(u"tags"_s, u"tags"_s, ColumnType::Text);
    tags.pgArray = true;
    ColumnMapping profile = column(u"profile"_s, u"profile"_s, ColumnType::Json);
    profile.conversion = Conversion::Json;
    users.root.columns = {id, tags, profile,
                          column({}, u"leftovers"_s, ColumnType::Json, ColumnRole::Extra)};

    TableMapping addresses;
    addresses.table = u"users_addresses"_s;
    addresses.kind = TableKind::Array;
    addresses.source = u"addresses"_s;
    addresses.columns = {column({}, u"ord"_s, ColumnType::Integer, ColumnRole::Ordinal)};
    TableMapping phones;
    phones.table = u"users_addresses_phones"_s;
    phones.kind = TableKind::Array;
    phones.source = u"phones"_s;
    phones.columns = {column({}, u"addresses_ord"_s, ColumnType::Integer, ColumnRole::ParentKey)};
    addresses.children = {phones};
    TableMapping prefs;
    prefs.table = u"users_prefs"_s;
    prefs.kind = TableKind::Map;
    prefs.source = u"prefs"_s;
    prefs.columns = {column({}, u"key"_s, ColumnType::Text, ColumnRole::MapKey)};
    users.root.children = {addresses, prefs};

    CollectionMapping orders;
    orders.collection = u"orders"_s;
    orders.enabled = false;
    orders.root.table = u"orders"_s;
    orders.root.columns = {column(u"user"_s, u"user_id"_s, ColumnType::Uuid)};
    orders.references = {{u"user_id"_s, u"users"_s, u"id"_s}};
    p.collections = {users, orders};
    return p;
}

// One column of every type, so each type name is in the corpus.
Project typesProject()
{
    Project p = minimalProject();
    p.targetUri = u"postgresql://localhost/shop"_s;
    p.options.batchSize = 1;
    p.options.sampleSize = 0;
    p.options.existingRows = ExistingRows::Fail;
    CollectionMapping c;
    c.collection = u"all_types"_s;
    c.root.table = u"all_types"_s;
    const ColumnType types[] = {ColumnType::Text,      ColumnType::Integer, ColumnType::BigInt,
                                ColumnType::Double,    ColumnType::Numeric, ColumnType::Boolean,
                                ColumnType::Timestamp, ColumnType::Uuid,    ColumnType::Binary,
                                ColumnType::Json};
    for (ColumnType type : types)
        c.root.columns.push_back(column(columnTypeName(type), columnTypeName(type), type));
    p.collections.push_back(c);
    return p;
}

// The reverse direction: a relational source, a document target.
Project reverseProject()
{
    Project p;
    p.name = u"back to mongo"_s;
    p.sourceUri = u"sqlite:/tmp/shop.db"_s;
    p.targetUri = u"mongodb://localhost/shop"_s;
    p.options.existingRows = ExistingRows::Truncate;
    p.options.unknownFields = UnknownFields::Ignore;
    CollectionMapping c;
    c.collection = u"customers"_s;
    c.filter = u"age > 18"_s;
    c.root.table = u"customers"_s;
    c.root.columns = {column(u"_id"_s, u"id"_s, ColumnType::BigInt),
                      column(u"name"_s, u"name"_s, ColumnType::Text)};
    p.collections.push_back(c);
    return p;
}

bool write(const QDir &dir, const QString &name, const Project &project)
{
    QFile file(dir.filePath(name));
    const QByteArray json = ProjectFile::toJson(project);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(json) == json.size();
}

} // namespace

int main(int argc, char **argv)
{
    if (argc != 2) {
        std::fprintf(stderr, "usage: %s CORPUS_DIR\n", argv[0]);
        return 2;
    }
    const QDir dir(QString::fromLocal8Bit(argv[1]));
    const bool ok = write(dir, u"valid_minimal.ferry"_s, minimalProject()) &&
                    write(dir, u"valid_small.ferry"_s, smallProject()) &&
                    write(dir, u"valid_rich.ferry"_s, richProject()) &&
                    write(dir, u"valid_types.ferry"_s, typesProject()) &&
                    write(dir, u"valid_reverse.ferry"_s, reverseProject());
    if (!ok) {
        std::fprintf(stderr, "cannot write to %s\n", argv[1]);
        return 1;
    }
    return 0;
}

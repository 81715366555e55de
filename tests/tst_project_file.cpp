#include "project/project_file.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace ferry;
using namespace Qt::StringLiterals;

namespace {

ColumnMapping column(const QString &source, const QString &name, ColumnType type,
                     ColumnRole role = ColumnRole::Value, Conversion conversion = Conversion::Auto)
{
    ColumnMapping c;
    c.source = source;
    c.column = name;
    c.type = type;
    c.role = role;
    c.conversion = conversion;
    return c;
}

// Uses every enum value, nesting, references, non-default options and text that needs
// escaping, so that a field the writer or reader forgets shows up as a difference.
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
    p.options.names = NameStyle::Keep;
    p.options.characterTypes = CharacterTypes::Text;

    CollectionMapping users;
    users.collection = u"users"_s;
    users.root.table = u"users"_s;
    users.excluded = {u"password_hash"_s, u"profile.avatar"_s};
    ColumnMapping id =
        column(u"_id"_s, u"id"_s, ColumnType::Uuid, ColumnRole::Value, Conversion::ObjectIdUuid);
    id.primaryKey = true;
    id.nullable = false;
    users.root.columns = {
        id,
        column(u"name"_s, u"name"_s, ColumnType::Text),
        column(u"age"_s, u"age"_s, ColumnType::Integer),
        column(u"visits"_s, u"visits"_s, ColumnType::BigInt),
        column(u"score"_s, u"score"_s, ColumnType::Double),
        column(u"balance"_s, u"balance"_s, ColumnType::Numeric),
        column(u"active"_s, u"active"_s, ColumnType::Boolean),
        column(u"created"_s, u"created"_s, ColumnType::Timestamp),
        column(u"photo"_s, u"photo"_s, ColumnType::Binary),
        column(u"prefs"_s, u"prefs"_s, ColumnType::Json, ColumnRole::Value, Conversion::Json),
        column({}, u"leftovers"_s, ColumnType::Json, ColumnRole::Extra)};
    ColumnMapping tags = column(u"tags"_s, u"tags"_s, ColumnType::Text);
    tags.pgArray = true;
    users.root.columns.push_back(tags);
    ColumnMapping code = column(u"code"_s, u"code"_s, ColumnType::Text);
    code.length = 40;
    users.root.columns.push_back(code);
    ColumnMapping price = column(u"price"_s, u"price"_s, ColumnType::Numeric);
    price.precision = 10;
    price.scale = 2;
    users.root.columns.push_back(price);

    TableMapping addresses;
    addresses.table = u"users_addresses"_s;
    addresses.kind = TableKind::Array;
    addresses.source = u"addresses"_s;
    addresses.columns = {column({}, u"user_id"_s, ColumnType::Uuid, ColumnRole::ParentKey),
                         column({}, u"ordinal"_s, ColumnType::Integer, ColumnRole::Ordinal),
                         column(u"city"_s, u"city"_s, ColumnType::Text)};
    TableMapping phones;
    phones.table = u"users_addresses_phones"_s;
    phones.kind = TableKind::Map;
    phones.source = u"phones"_s;
    phones.columns = {column({}, u"user_id"_s, ColumnType::Uuid, ColumnRole::ParentKey),
                      column({}, u"address_ordinal"_s, ColumnType::Integer, ColumnRole::ParentKey),
                      column({}, u"kind"_s, ColumnType::Text, ColumnRole::MapKey),
                      column(u"number"_s, u"number"_s, ColumnType::Text)};
    addresses.children.push_back(phones);
    users.root.children.push_back(addresses);

    CollectionMapping orders;
    orders.collection = u"orders"_s;
    orders.enabled = false;
    orders.filter = uR"({"status": {"$ne": "draft"}, "note": "line\nbreak"})"_s;
    orders.root.table = u"shop_orders"_s;
    orders.root.columns = {column(u"_id"_s, u"id"_s, ColumnType::Text),
                           column(u"user"_s, u"user_id"_s, ColumnType::Uuid)};
    orders.root.columns[0].primaryKey = true;
    orders.references = {{u"user_id"_s, u"users"_s, u"id"_s}};

    p.collections = {users, orders};
    return p;
}

// QVERIFY2 evaluates its message even when the check passes: never touch error() of a
// successful result.
template <class T> QByteArray why(const Result<T> &r)
{
    return r.ok() ? QByteArray() : r.error().toString().toUtf8();
}

QByteArray minimalFile(const QByteArray &collections, const QByteArray &options = "{}")
{
    return R"({"format": "ferry-project", "version": 1, "name": "t",
               "options": )" +
           options + R"(, "collections": )" + collections + "}";
}

} // namespace

class TestProjectFile : public QObject {
    Q_OBJECT

private slots:
    void roundTrip();
    void embeddingsRoundTrip();
    void saveLoadSaveIsByteIdentical();
    void stableKeyOrder();
    void secretsAreNotSaved_data();
    void secretsAreNotSaved();
    void newerVersionIsRefused();
    void malformedJson_data();
    void malformedJson();
    void notAProject_data();
    void notAProject();
    void fieldErrorsNameTheJsonPath_data();
    void fieldErrorsNameTheJsonPath();
    void versionZeroIsMigrated();
    void missingKeysGetDefaultsAndUnknownKeysAreIgnored();
    void missingFileIsAProjectFileError();
};

void TestProjectFile::roundTrip()
{
    const Project p = richProject();
    const QByteArray json = ProjectFile::toJson(p);
    const Result<Project> loaded = ProjectFile::fromJson(json);
    QVERIFY2(loaded.ok(), why(loaded).constData());
    QCOMPARE(loaded->collections.size(), p.collections.size());
    QVERIFY(loaded->options == p.options);
    QVERIFY(loaded->collections[0].root == p.collections[0].root);
    QVERIFY(loaded->collections[1] == p.collections[1]);
    QVERIFY(loaded.value() == p);
    QCOMPARE(ProjectFile::toJson(loaded.value()), json);
}

// Relational → document projects say which child tables become arrays of their parent.
void TestProjectFile::embeddingsRoundTrip()
{
    Project p = richProject();
    p.collections[1].embeddings = {{u"order_lines"_s, {u"order_id"_s}, u"lines"_s},
                                   {u"order_tags"_s, {}, QString()}};
    const QByteArray json = ProjectFile::toJson(p);
    QVERIFY(json.contains("\"embeddings\": ["));
    QVERIFY(json.contains("\"foreign_key\": [\n"));
    const Result<Project> loaded = ProjectFile::fromJson(json);
    QVERIFY2(loaded.ok(), why(loaded).constData());
    QVERIFY(loaded->collections[1].embeddings == p.collections[1].embeddings);
    QVERIFY(loaded->collections[0].embeddings.empty());
    QVERIFY(loaded.value() == p);
    QCOMPARE(ProjectFile::toJson(loaded.value()), json);
    // Projects without embeddings do not mention them (files of the other direction stay as
    // they were).
    QVERIFY(!ProjectFile::toJson(richProject()).contains("embeddings"));
}

void TestProjectFile::saveLoadSaveIsByteIdentical()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString first = dir.filePath(u"first.ferry"_s);
    const QString second = dir.filePath(u"second.ferry"_s);
    Status s = ProjectFile::save(richProject(), first);
    QVERIFY2(s.ok(), why(s).constData());
    const Result<Project> loaded = ProjectFile::load(first);
    QVERIFY2(loaded.ok(), why(loaded).constData());
    s = ProjectFile::save(loaded.value(), second);
    QVERIFY(s.ok());

    QFile a(first), b(second);
    QVERIFY(a.open(QIODevice::ReadOnly) && b.open(QIODevice::ReadOnly));
    const QByteArray bytes = a.readAll();
    QCOMPARE(bytes, b.readAll());
    QVERIFY(bytes.endsWith("}\n"));
}

void TestProjectFile::stableKeyOrder()
{
    const QByteArray json = ProjectFile::toJson(richProject());
    QVERIFY2(json.startsWith("{\n  \"format\": \"ferry-project\",\n  \"version\": 1,\n"
                             "  \"name\": "),
             json.left(120).constData());
    QVERIFY(json.contains("\n  \"source\": {\n    \"uri\": \"mongodb://reader@db1.example:27017/"
                          "shop\",\n    \"password_env\": \"SHOP_MONGO_PW\"\n  },\n"));
    QVERIFY(json.contains(
        "\n  \"options\": {\n    \"batch_size\": 250,\n    \"sample_size\": -1,"
        "\n    \"existing_rows\": \"upsert\",\n    \"on_error\": \"reject\",\n"
        "    \"id_strategy\": \"objectid_uuid\",\n    \"unknown_fields\": "
        "\"reject\",\n    \"extra_column\": \"leftovers\",\n    \"names\": \"keep\",\n"
        "    \"character_types\": \"text\"\n  },\n"));
    QVERIFY(json.contains("\"type\": \"text\",\n          \"length\": 40,\n"));
    QVERIFY(json.contains("\"type\": \"numeric\",\n          \"precision\": 10,\n"
                          "          \"scale\": 2,\n"));

    auto inOrder = [&](const QList<QByteArray> &keys, qsizetype from) {
        qsizetype at = from;
        for (const QByteArray &key : keys) {
            const qsizetype next = json.indexOf("\"" + key + "\":", at);
            if (next < 0) {
                qWarning("key %s missing or out of order", key.constData());
                return false;
            }
            at = next;
        }
        return true;
    };
    QVERIFY(
        inOrder({"format", "version", "name", "source", "target", "options", "collections"}, 0));
    const qsizetype firstCollection = json.indexOf("\"collections\":");
    QVERIFY(inOrder({"collection", "enabled", "filter", "table", "excluded", "references",
                     "columns", "children"},
                    firstCollection));
    QVERIFY(inOrder(
        {"source", "column", "type", "role", "conversion", "nullable", "primary_key", "pg_array"},
        json.indexOf("\"columns\":", firstCollection)));
    QVERIFY(inOrder({"table", "kind", "source", "columns", "children"},
                    json.indexOf("\"children\":", firstCollection)));
    QVERIFY(inOrder({"column", "collection", "to_column"}, json.indexOf("\"references\": [\n")));
    // Two-space indent, one value per line, empty lists stay on one line.
    QVERIFY(json.contains("\n      \"columns\": [\n        {\n          \"source\": \"_id\",\n"));
    QVERIFY(json.contains("\"children\": []"));
}

void TestProjectFile::secretsAreNotSaved_data()
{
    QTest::addColumn<QString>("uri");
    QTest::addColumn<QString>("secret");
    QTest::addColumn<QString>("expected");
    QTest::newRow("mongodb") << u"mongodb://user:pw@host/db"_s << u"pw"_s
                             << u"mongodb://user@host/db"_s;
    QTest::newRow("mongodb+srv") << u"mongodb+srv://admin:Hunter2!@cluster0.example.net/app"_s
                                 << u"Hunter2"_s
                                 << u"mongodb+srv://admin@cluster0.example.net/app"_s;
    QTest::newRow("postgresql") << u"postgresql://alice:s3cr3t@localhost:5432/shop"_s << u"s3cr3t"_s
                                << u"postgresql://alice@localhost:5432/shop"_s;
    QTest::newRow("libpq keywords") << u"host=db password=t0ps3cret dbname=x"_s << u"t0ps3cret"_s
                                    << u"host=db password=*** dbname=x"_s;
}

void TestProjectFile::secretsAreNotSaved()
{
    QFETCH(QString, uri);
    QFETCH(QString, secret);
    QFETCH(QString, expected);
    Project p = richProject();
    p.sourceUri = uri;
    p.targetUri = uri;

    QTemporaryDir dir;
    const QString path = dir.filePath(u"secret.ferry"_s);
    QVERIFY(ProjectFile::save(p, path).ok());
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray text = file.readAll();
    QVERIFY2(!text.contains(secret.toUtf8()), text.constData());

    const Result<Project> loaded = ProjectFile::load(path);
    QVERIFY(loaded.ok());
    QCOMPARE(loaded->sourceUri, expected);
    QCOMPARE(loaded->targetUri, expected);
}

void TestProjectFile::newerVersionIsRefused()
{
    QByteArray json = ProjectFile::toJson(richProject());
    json.replace("\"version\": 1,", "\"version\": 7,");
    const Result<Project> loaded = ProjectFile::fromJson(json, u"future.ferry"_s);
    QVERIFY(!loaded.ok());
    QCOMPARE(loaded.error().code, ErrorCode::ProjectFile);
    const QString message = loaded.error().message;
    QVERIFY2(message.contains(u"\"future.ferry\" was written by a newer Ferry (format version 7); "
                              "this Ferry reads up to version 1. Update Ferry to open it."_s),
             qPrintable(message));
}

void TestProjectFile::malformedJson_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<int>("offset");
    QTest::newRow("missing comma")
        << QByteArray(R"({"format": "ferry-project" "version": 1})") << 28;
    QTest::newRow("unterminated") << QByteArray(R"({"format": "ferry-proj)") << 23;
    QTest::newRow("trailing comma") << QByteArray("{\"a\": 1,}") << 9;
    QTest::newRow("empty") << QByteArray() << 0;
}

void TestProjectFile::malformedJson()
{
    QFETCH(QByteArray, json);
    QFETCH(int, offset);
    QJsonParseError expected;
    QJsonDocument::fromJson(json, &expected);
    QCOMPARE(expected.offset, offset); // pins the case: the offset below is Qt's own

    QTemporaryDir dir;
    const QString path = dir.filePath(u"broken.ferry"_s);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(json);
    file.close();

    const Result<Project> loaded = ProjectFile::load(path);
    QVERIFY(!loaded.ok());
    QCOMPARE(loaded.error().code, ErrorCode::ProjectFile);
    const QString message = loaded.error().toString();
    QVERIFY2(message.contains(u"at byte %1"_s.arg(offset)), qPrintable(message));
    QVERIFY2(message.contains(expected.errorString()), qPrintable(message));
    QVERIFY2(message.contains(path), qPrintable(message));
}

void TestProjectFile::notAProject_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("fragment");
    QTest::newRow("array") << QByteArray("[1, 2]") << u"does not hold a JSON object"_s;
    QTest::newRow("no format") << QByteArray(R"({"version": 1, "collections": []})")
                               << u"lacks the header \"format\": \"ferry-project\""_s;
    QTest::newRow("other format") << QByteArray(R"({"format": "ferry-report", "version": 1})")
                                  << u"lacks the header"_s;
    QTest::newRow("version text") << QByteArray(R"({"format": "ferry-project", "version": "1"})")
                                  << u"version: expected a whole number"_s;
    QTest::newRow("negative version") << QByteArray(R"({"format": "ferry-project", "version": -1})")
                                      << u"version: expected a whole number"_s;
}

void TestProjectFile::notAProject()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, fragment);
    const Result<Project> loaded = ProjectFile::fromJson(json, u"x.ferry"_s);
    QVERIFY(!loaded.ok());
    QCOMPARE(loaded.error().code, ErrorCode::ProjectFile);
    QVERIFY2(loaded.error().message.contains(fragment), qPrintable(loaded.error().message));
}

void TestProjectFile::fieldErrorsNameTheJsonPath_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("message");

    const QByteArray okColumn = R"({"column": "a"})";
    QTest::newRow("column type")
        << minimalFile(R"([{"collection": "a"}, {"collection": "b"}, {"collection": "c",
               "columns": [)" +
                       okColumn + "," + okColumn + "," + okColumn + "," + okColumn + "," +
                       okColumn + R"(, {"column": "x", "type": "integr"}]}])")
        << uR"(collections[2].columns[5].type: "integr" is not a column type (expected one of )"
           uR"(text, integer, bigint, double, numeric, boolean, timestamp, uuid, binary, json))"_s;
    QTest::newRow("nested child kind")
        << minimalFile(R"([{"collection": "a", "children": [{"table": "t", "children": [
               {"table": "u", "kind": "tree"}]}]}])")
        << uR"(collections[0].children[0].children[0].kind: "tree" is not a table kind )"
           uR"((expected one of root, array, map))"_s;
    QTest::newRow("role") << minimalFile(R"([{"collection": "a", "columns": [
                                 {"column": "x", "role": "key"}]}])")
                          << u"collections[0].columns[0].role: \"key\" is not a column role"_s;
    QTest::newRow("conversion")
        << minimalFile(R"([{"collection": "a", "columns": [{"column": "x", "conversion": 3}]}])")
        << u"collections[0].columns[0].conversion: expected text, found a number"_s;
    QTest::newRow("nullable type")
        << minimalFile(R"([{"collection": "a", "columns": [{"column": "x", "nullable": "no"}]}])")
        << u"collections[0].columns[0].nullable: expected true or false, found text"_s;
    QTest::newRow("column name missing")
        << minimalFile(R"([{"collection": "a", "columns": [{"source": "x"}]}])")
        << u"collections[0].columns[0].column: is missing"_s;
    QTest::newRow("reference")
        << minimalFile(
               R"([{"collection": "a", "references": [{"column": "u", "collection": "b"}]}])")
        << u"collections[0].references[0].to_column: is missing"_s;
    QTest::newRow("excluded element")
        << minimalFile(R"([{"collection": "a", "excluded": ["x", 2]}])")
        << u"collections[0].excluded[1]: expected text, found a number"_s;
    QTest::newRow("collection not object")
        << minimalFile(R"([{"collection": "a"}, 5])") << u"collections[1]: expected an object"_s;
    QTest::newRow("collections not list") << minimalFile(R"({"collection": "a"})")
                                          << u"collections: expected a list, found an object"_s;
    QTest::newRow("batch size text") << minimalFile("[]", R"({"batch_size": "big"})")
                                     << u"options.batch_size: expected a whole number"_s;
    QTest::newRow("batch size zero")
        << minimalFile("[]", R"({"batch_size": 0})") << u"options.batch_size: 0 is too small"_s;
    QTest::newRow("batch size fraction") << minimalFile("[]", R"({"batch_size": 2.5})")
                                         << u"options.batch_size: expected a whole number"_s;
    QTest::newRow("on_error") << minimalFile("[]", R"({"on_error": "ignore"})")
                              << uR"(options.on_error: "ignore" is not an error policy )"
                                 uR"((expected one of stop, reject))"_s;
    QTest::newRow("existing rows") << minimalFile("[]", R"({"existing_rows": "replace"})")
                                   << uR"(expected one of skip, upsert, fail, truncate)"_s;
    QTest::newRow("names") << minimalFile("[]", R"({"names": "lower"})")
                           << uR"(options.names: "lower" is not a name style )"
                              uR"((expected one of fold, keep))"_s;
    QTest::newRow("character types") << minimalFile("[]", R"({"character_types": "nvarchar"})")
                                     << uR"(expected one of varchar, text)"_s;
    QTest::newRow("negative length")
        << minimalFile(R"([{"collection": "a", "columns": [{"column": "x", "length": -1}]}])")
        << u"collections[0].columns[0].length: -1 is too small"_s;
    QTest::newRow("scale over precision")
        << minimalFile(R"([{"collection": "a", "columns": [{"column": "x", "precision": 4,
               "scale": 5}]}])")
        << u"collections[0].columns[0].precision: must be at most 1000"_s;
}

void TestProjectFile::fieldErrorsNameTheJsonPath()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, message);
    const Result<Project> loaded = ProjectFile::fromJson(json, u"shop.ferry"_s);
    QVERIFY2(!loaded.ok(), json.constData());
    QCOMPARE(loaded.error().code, ErrorCode::ProjectFile);
    QVERIFY2(loaded.error().message.contains(message), qPrintable(loaded.error().message));
    QCOMPARE(loaded.error().where, u"shop.ferry"_s);
}

void TestProjectFile::versionZeroIsMigrated()
{
    const Project p = richProject();
    QByteArray v0 = ProjectFile::toJson(p);
    v0.replace("  \"version\": 1,\n", "");
    QVERIFY(!v0.contains("\"version\""));
    const Result<Project> loaded = ProjectFile::fromJson(v0);
    QVERIFY2(loaded.ok(), why(loaded).constData());
    QVERIFY(loaded.value() == p);
    QVERIFY(ProjectFile::toJson(loaded.value()).contains("\"version\": 1,"));

    QByteArray explicitZero = v0;
    explicitZero.replace("\"format\": \"ferry-project\",",
                         "\"format\": \"ferry-project\", \"version\": 0,");
    const Result<Project> zero = ProjectFile::fromJson(explicitZero);
    QVERIFY2(zero.ok(), why(zero).constData());
    QVERIFY(zero.value() == p);
}

void TestProjectFile::missingKeysGetDefaultsAndUnknownKeysAreIgnored()
{
    const QByteArray json = R"({"format": "ferry-project", "version": 1, "comment": "later",
        "collections": [{"collection": "users", "future": {"x": 1},
                         "columns": [{"column": "id", "new_flag": true}],
                         "children": [{"table": "users_tags"}]}]})";
    const Result<Project> loaded = ProjectFile::fromJson(json);
    QVERIFY2(loaded.ok(), why(loaded).constData());
    QVERIFY(loaded->options == ProjectOptions());
    QCOMPARE(loaded->collections.size(), size_t(1));
    const CollectionMapping &c = loaded->collections[0];
    QVERIFY(c.enabled);
    QCOMPARE(c.root.kind, TableKind::Root);
    QVERIFY(c.root.columns[0] == (ColumnMapping{{}, u"id"_s}));
    QCOMPARE(c.root.children[0].kind, TableKind::Array);
}

void TestProjectFile::missingFileIsAProjectFileError()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"nope.ferry"_s);
    const Result<Project> loaded = ProjectFile::load(path);
    QVERIFY(!loaded.ok());
    QCOMPARE(loaded.error().code, ErrorCode::ProjectFile);
    QVERIFY(loaded.error().message.contains(path));
}

QTEST_GUILESS_MAIN(TestProjectFile)
#include "tst_project_file.moc"

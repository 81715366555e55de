#include "support/wizard_dumps.h"

#include "support/dump_fixtures.h"

#include <QDir>

using namespace Qt::StringLiterals;

namespace ferry::test {

namespace {

// n documents {_id: first + i, n: i}.
QByteArray numbered(int first, int n)
{
    QByteArray out;
    for (int i = 0; i < n; ++i)
        out += bytesOf(fromJson(QByteArrayLiteral("{\"_id\": ") + QByteArray::number(first + i) +
                                ", \"n\": " + QByteArray::number(i) + "}"));
    return out;
}

void writeIn(const QString &dir, const QString &name, const QByteArray &content)
{
    QDir().mkpath(dir);
    writeFile(QDir(dir).filePath(name), content);
}

} // namespace

void writeGzipDumpFolder(const QString &dir)
{
    writeIn(dir, u"orders.bson.gz"_s, gzipped(numbered(0, 5)));
    writeIn(dir, u"orders.metadata.json.gz"_s, gzipped(R"({"options":{},"indexes":[]})"));
    writeIn(dir, u"customers.bson.gz"_s, gzipped(numbered(100, 3)));
    writeIn(dir, u"customers.metadata.json.gz"_s, gzipped(R"({"options":{},"indexes":[]})"));
}

void writeGzipArchive(const QString &path)
{
    const QByteArray archive = archiveBytes(
        {{u"shop.orders"_s, R"({"indexes":[]})"},
         {u"shop.users"_s, R"({"indexes":[]})"},
         {u"shop.items"_s, R"({"indexes":[]})"},
         {u"shop.recent"_s, R"({"options":{"viewOn":"orders","pipeline":[]},"type":"view"})"}},
        {{u"shop.orders"_s, numbered(0, 3)},
         {u"shop.users"_s, numbered(100, 2)},
         {u"shop.orders"_s, numbered(3, 3)},
         {u"shop.items"_s, numbered(200, 4)},
         {u"shop.users"_s, numbered(102, 1)}},
        {{u"shop.recent"_s, u"view"_s}});
    writeFile(path, gzipped(archive));
}

void writeDumpRoot(const QString &dir)
{
    const QString shop = QDir(dir).filePath(u"shop"_s);
    writeIn(shop, u"orders.bson"_s, numbered(0, 4));
    writeIn(shop, u"orders.metadata.json"_s, R"({"options":{},"indexes":[]})");
    writeIn(shop, u"weather.metadata.json"_s,
            R"({"options":{"timeseries":{"timeField":"t","metaField":"sensor",)"
            R"("granularity":"minutes"}},"type":"timeseries","collectionName":"weather"})");
    writeIn(shop, u"system.buckets.weather.bson"_s,
            bucketBson(0, 3, "north", 1700000000000) + bucketBson(10, 2, "south", 1700001000000));
    writeIn(shop, u"big_orders.metadata.json"_s,
            R"({"options":{"viewOn":"orders","pipeline":[{"$match":{"n":{"$gt":1}}}]}})");
    writeIn(shop, u"system.js.bson"_s, numbered(0, 1));
    const QString crm = QDir(dir).filePath(u"crm"_s);
    writeIn(crm, u"contacts.bson"_s, numbered(500, 2));
    writeIn(QDir(dir).filePath(u"admin"_s), u"system.version.bson"_s, numbered(1, 1));
    writeIn(QDir(dir).filePath(u"local"_s), u"startup_log.bson"_s, numbered(1, 2));
}

} // namespace ferry::test

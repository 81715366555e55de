#include "stores/sqlite/sqlite_catalog.h"
#include "stores/sqlite/sqlite_source.h"
#include "support/document_checks.h"
#include "support/relational_fixture.h"
#include "transform/document_builder.h"

#include <QSqlDatabase>
#include <QTemporaryDir>
#include <QtTest>

using namespace ferry;
using ferry::test::findPath;
using ferry::test::RelationalFixture;

class DocumentBuilderTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void oneToManyBecomesArrayOfSubDocuments();
    void junctionBecomesArrayOfIds();
    void nameClashIsRefused();

private:
    const TableInfo &table(const QString &name) const;
    std::vector<BsonDoc> read(const QString &table);
    DocumentBuilder builderFor(const QString &parent, const QString &child);

    QTemporaryDir m_dir;
    QString m_path;
    QList<TableInfo> m_catalog;
};

void DocumentBuilderTest::initTestCase()
{
    m_path = m_dir.filePath(QStringLiteral("t.sqlite"));
    const QString error = RelationalFixture::createSqlite(m_path);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    {
        QSqlDatabase db =
            QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("cat"));
        db.setDatabaseName(m_path);
        QVERIFY(db.open());
        auto catalog = readSqliteCatalog(db, false);
        QVERIFY2(catalog, qPrintable(test::errorText(catalog)));
        m_catalog = *catalog;
    }
    QSqlDatabase::removeDatabase(QStringLiteral("cat"));
}

const TableInfo &DocumentBuilderTest::table(const QString &name) const
{
    for (const TableInfo &t : m_catalog)
        if (t.name == name)
            return t;
    qFatal("no table %s", qPrintable(name));
}

std::vector<BsonDoc> DocumentBuilderTest::read(const QString &name)
{
    SqliteSource source(*Endpoint::parse(QStringLiteral("sqlite:") + m_path));
    std::vector<BsonDoc> docs;
    auto reader = source.openReader(name, {});
    if (reader)
        test::readAll(**reader, &docs);
    return docs;
}

DocumentBuilder DocumentBuilderTest::builderFor(const QString &parent, const QString &child)
{
    const TableInfo &c = table(child);
    for (const ForeignKey &fk : c.foreignKeys)
        if (fk.refTable == parent) {
            DocumentBuilder b({embedRuleFor(table(parent), c, fk)});
            for (const BsonDoc &d : read(child))
                if (!b.addChild(0, d.get()))
                    qWarning("addChild failed");
            return b;
        }
    qFatal("no foreign key %s → %s", qPrintable(child), qPrintable(parent));
}

void DocumentBuilderTest::oneToManyBecomesArrayOfSubDocuments()
{
    const ForeignKey fk = table(QStringLiteral("metrics")).foreignKeys.front();
    const EmbedRule rule =
        embedRuleFor(table(QStringLiteral("runs")), table(QStringLiteral("metrics")), fk);
    QCOMPARE(rule.parentKeyPaths, QStringList{QStringLiteral("_id")});
    QCOMPARE(rule.childKeyPaths, QStringList{QStringLiteral("run_id")});
    QVERIFY(rule.valuePath.isEmpty());

    DocumentBuilder b = builderFor(QStringLiteral("runs"), QStringLiteral("metrics"));
    QCOMPARE(b.childCount(0), 200);
    const auto runs = read(QStringLiteral("runs"));
    auto built = b.build(runs[2].get()); // run 3: metrics 3, 23, 43, …
    QVERIFY(built);
    bson_iter_t it;
    QVERIFY(findPath(built->get(), "metrics", &it) && BSON_ITER_HOLDS_ARRAY(&it));
    QVERIFY(findPath(built->get(), "metrics.9._id", &it));
    QCOMPARE(bson_iter_int32(&it), 183);
    QVERIFY(!findPath(built->get(), "metrics.10", &it));
    QVERIFY(!findPath(built->get(), "metrics.0.run_id", &it)); // repeats the parent key
    QVERIFY(findPath(built->get(), "metrics.0.value", &it) && BSON_ITER_HOLDS_DOUBLE(&it));
    QVERIFY(findPath(built->get(), "name", &it)); // the parent's own fields stay

    // Composite-key children (params: _id {run_id, key}) group by the key inside _id.
    DocumentBuilder p = builderFor(QStringLiteral("runs"), QStringLiteral("params"));
    auto withParams = p.build(runs[0].get());
    QVERIFY(withParams);
    QVERIFY(findPath(withParams->get(), "params.2._id.key", &it));
    QVERIFY(!findPath(withParams->get(), "params.3", &it));
}

void DocumentBuilderTest::junctionBecomesArrayOfIds()
{
    const TableInfo &deps = table(QStringLiteral("resource_dependencies"));
    const EmbedRule rule = embedRuleFor(
        table(QStringLiteral("resources")), deps,
        deps.foreignKeys.at(
            deps.foreignKeys.at(0).columns.front() == QLatin1String("resource_id") ? 0 : 1));
    QCOMPARE(rule.childKeyPaths, QStringList{QStringLiteral("_id.resource_id")});
    QCOMPARE(rule.valuePath, QStringLiteral("_id.depends_on_id"));
    DocumentBuilder b({rule});
    for (const BsonDoc &d : read(QStringLiteral("resource_dependencies")))
        QVERIFY(b.addChild(0, d.get()));
    const auto resources = read(QStringLiteral("resources"));
    auto r3 = b.build(resources[2].get());
    QVERIFY(r3);
    QCOMPARE(test::toJson(r3->get()),
             QStringLiteral("{ \"_id\" : { \"$numberInt\" : \"3\" }, \"name\" : \"resource-3\", "
                            "\"resource_dependencies\" : [ { \"$numberInt\" : \"1\" }, { "
                            "\"$numberInt\" : \"2\" } ] }"));
    auto r1 = b.build(resources[0].get());
    QVERIFY(r1);
    bson_iter_t it, child;
    QVERIFY(findPath(r1->get(), "resource_dependencies", &it));
    QVERIFY(bson_iter_recurse(&it, &child) && !bson_iter_next(&child)); // empty array
}

void DocumentBuilderTest::nameClashIsRefused()
{
    EmbedRule rule;
    rule.field = QStringLiteral("name");
    rule.parentKeyPaths = {QStringLiteral("_id")};
    rule.childKeyPaths = {QStringLiteral("run_id")};
    DocumentBuilder b({rule});
    auto built = b.build(read(QStringLiteral("runs"))[0].get());
    QVERIFY(!built);
    QCOMPARE(built.error().code, ErrorCode::Schema);
}

QTEST_GUILESS_MAIN(DocumentBuilderTest)
#include "tst_document_builder.moc"

// Endpoint parsing and, above all, that secrets never survive into what is shown or saved.
#include "core/endpoint.h"
#include "stores/stores.h"

#include <QtTest>

using namespace ferry;

class TestEndpoint : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void plainSentence_data();
    void plainSentence();
    void kinds_data();
    void kinds();
    void secrets_data();
    void secrets();
    void withPassword();
    void rejectsUnknown();
};

void TestEndpoint::kinds_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("store");
    QTest::addColumn<QString>("pathOrDb");
    QTest::newRow("mongodb") << u"mongodb://h:27017/shop"_qs << u"mongo"_qs << u"shop"_qs;
    QTest::newRow("postgresql") << u"postgresql://u@h/db1"_qs << u"postgres"_qs << u"db1"_qs;
    QTest::newRow("postgres alias") << u"postgres://h/db2"_qs << u"postgres"_qs << u"db2"_qs;
    QTest::newRow("dump") << u"dump:/data/x"_qs << u"dump"_qs << u"/data/x"_qs;
    QTest::newRow("sqlite") << u"sqlite:out.db"_qs << u"sqlite"_qs << u"out.db"_qs;
    QTest::newRow("sqlite slashes") << u"sqlite:///tmp/a.db"_qs << u"sqlite"_qs << u"/tmp/a.db"_qs;
    QTest::newRow("bare sqlite file") << u"x.sqlite"_qs << u"sqlite"_qs << u"x.sqlite"_qs;
    QTest::newRow("ndjson") << u"ndjson:exp"_qs << u"ndjson"_qs << u"exp"_qs;
}

void TestEndpoint::kinds()
{
    QFETCH(QString, text);
    QFETCH(QString, store);
    QFETCH(QString, pathOrDb);
    const auto e = parseEndpoint(text);
    QVERIFY2(e.ok(), qPrintable(e.ok() ? QString() : e.error().message));
    const StoreInfo *info = storeOf(*e);
    QVERIFY(info);
    QCOMPARE(info->name, store);
    QCOMPARE(info->server ? e->database() : e->path(), pathOrDb);
}

void TestEndpoint::secrets_data()
{
    QTest::addColumn<QString>("uri");
    QTest::addColumn<QString>("stored");
    QTest::newRow("user:password@")
        << u"postgresql://me:s3cret@h:5432/db"_qs << u"postgresql://me@h:5432/db"_qs;
    QTest::newRow("mongodb") << u"mongodb://me:s3cret@h/db?authSource=admin"_qs
                             << u"mongodb://me@h/db?authSource=admin"_qs;
    QTest::newRow("query password only")
        << u"postgresql://h/db?password=s3cret"_qs << u"postgresql://h/db"_qs;
    QTest::newRow("query password first") << u"postgresql://h/db?password=s3cret&sslmode=require"_qs
                                          << u"postgresql://h/db?sslmode=require"_qs;
    QTest::newRow("query password middle")
        << u"postgresql://h/db?a=1&password=s3cret&b=2"_qs << u"postgresql://h/db?a=1&b=2"_qs;
    QTest::newRow("both places") << u"postgresql://w:s3cret@pg/x?password=s3cret"_qs
                                 << u"postgresql://w@pg/x"_qs;
}

void TestEndpoint::secrets()
{
    QFETCH(QString, uri);
    QFETCH(QString, stored);
    const auto e = Endpoint::parse(uri);
    QVERIFY(e.ok());
    QVERIFY(e->hasSecret());
    QCOMPARE(e->withoutSecret(), stored);
    QVERIFY(!e->redacted().contains(u"s3cret"_qs));
    QVERIFY(!redactSecrets(u"could not connect to "_qs + uri).contains(u"s3cret"_qs));
    QVERIFY(!Endpoint::parse(stored)->hasSecret());
}

void TestEndpoint::withPassword()
{
    const auto e = Endpoint::parse(u"postgresql://me@h/db"_qs);
    QVERIFY(e.ok());
    const Endpoint p = e->withPassword(u"p@ss:word"_qs);
    QVERIFY(p.hasSecret());
    QCOMPARE(p.uri(), u"postgresql://me:p%40ss%3Aword@h/db"_qs);
    QCOMPARE(p.withoutSecret(), u"postgresql://me@h/db"_qs);
    QCOMPARE(p.redacted(), u"postgresql://me:***@h/db"_qs);
}

void TestEndpoint::rejectsUnknown()
{
    const auto e = parseEndpoint(u"ftp://me:s3cret@h/x"_qs);
    QVERIFY(!e.ok());
    QCOMPARE(e.error().code, ErrorCode::Usage);
    QVERIFY(!e.error().message.contains(u"s3cret"_qs));
    QVERIFY(e.error().message.contains(u"sqlite:"_qs));
}

// Driver messages shown in the wizard and the CLI: one line, one stop per sentence.
void TestEndpoint::plainSentence_data()
{
    QTest::addColumn<QString>("raw");
    QTest::addColumn<QString>("plain");
    QTest::newRow("libpq refused")
        << QStringLiteral("connection to server at \"h\", port 1 failed: Connection refused\n"
                          "\tIs the server running on that host and accepting TCP/IP "
                          "connections?\n")
        << QStringLiteral("connection to server at \"h\", port 1 failed: Connection refused. "
                          "Is the server running on that host and accepting TCP/IP "
                          "connections?");
    QTest::newRow("no stop") << QStringLiteral("timeout") << QStringLiteral("timeout.");
    QTest::newRow("stop kept") << QStringLiteral("  gone.  ") << QStringLiteral("gone.");
    QTest::newRow("empty") << QString() << QString();
}

void TestEndpoint::plainSentence()
{
    QFETCH(QString, raw);
    QFETCH(QString, plain);
    QCOMPARE(ferry::plainSentence(raw), plain);
}

QTEST_GUILESS_MAIN(TestEndpoint)
#include "tst_endpoint.moc"

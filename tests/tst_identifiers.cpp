#include "core/identifiers.h"

#include <QSet>
#include <QTest>

using namespace ferry;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(ferry::Dialect)

class IdentifiersTest : public QObject {
    Q_OBJECT

private slots:
    void quote_data();
    void quote();
    void reserved_data();
    void reserved();
    void sanitize_data();
    void sanitize();
    void longNamesStayDistinct_data();
    void longNamesStayDistinct();
    void sqliteHasNoLengthLimit();
    void allocator_data();
    void allocator();
    void allocatorSuffixRespectsLimit();
    void keptNames_data();
    void keptNames();
    void problem_data();
    void problem();
};

void IdentifiersTest::quote_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("quoted");
    QTest::newRow("plain") << u"name"_s << u"\"name\""_s;
    QTest::newRow("inner quote") << u"na\"me"_s << u"\"na\"\"me\""_s;
    QTest::newRow("only quotes") << u"\"\""_s << u"\"\"\"\"\"\""_s;
    QTest::newRow("mixed case kept") << u"FirstName"_s << u"\"FirstName\""_s;
    QTest::newRow("cyrillic") << u"имя"_s << u"\"имя\""_s;
}

void IdentifiersTest::quote()
{
    QFETCH(QString, name);
    QFETCH(QString, quoted);
    QCOMPARE(quoteIdentifier(name, Dialect::Postgres), quoted);
    QCOMPARE(quoteIdentifier(name, Dialect::Sqlite), quoted);
}

void IdentifiersTest::reserved_data()
{
    QTest::addColumn<QString>("word");
    QTest::addColumn<bool>("postgres");
    QTest::addColumn<bool>("sqlite");
    QTest::newRow("select") << u"select"_s << true << true;
    QTest::newRow("upper case") << u"SELECT"_s << true << true;
    QTest::newRow("user") << u"user"_s << true << false;
    QTest::newRow("order") << u"order"_s << true << true;
    QTest::newRow("limit") << u"limit"_s << true << true;
    QTest::newRow("offset") << u"offset"_s << true << true;
    QTest::newRow("default") << u"default"_s << true << true;
    QTest::newRow("primary") << u"primary"_s << true << true;
    QTest::newRow("current_user") << u"current_user"_s << true << false;
    QTest::newRow("key (sqlite only)") << u"key"_s << false << true;
    QTest::newRow("name") << u"name"_s << false << false;
    QTest::newRow("empty") << QString() << false << false;
}

void IdentifiersTest::reserved()
{
    QFETCH(QString, word);
    QFETCH(bool, postgres);
    QFETCH(bool, sqlite);
    QCOMPARE(isReservedWord(word, Dialect::Postgres), postgres);
    QCOMPARE(isReservedWord(word, Dialect::Sqlite), sqlite);
}

void IdentifiersTest::sanitize_data()
{
    QTest::addColumn<QString>("wanted");
    QTest::addColumn<ferry::Dialect>("dialect");
    QTest::addColumn<QString>("expected");
    const auto pg = Dialect::Postgres;
    QTest::newRow("_id keeps underscore") << u"_id"_s << pg << u"_id"_s;
    QTest::newRow("lower case") << u"FirstName"_s << pg << u"firstname"_s;
    QTest::newRow("space") << u"first name"_s << pg << u"first_name"_s;
    QTest::newRow("run of punctuation") << u"a -- b"_s << pg << u"a_b"_s;
    QTest::newRow("dot") << u"a.b"_s << pg << u"a_b"_s;
    QTest::newRow("leading dollar") << u"$price"_s << pg << u"price"_s;
    QTest::newRow("trailing dot") << u"name."_s << pg << u"name"_s;
    QTest::newRow("double underscore start") << u"__v"_s << pg << u"_v"_s;
    QTest::newRow("underscores inside kept") << u"a__b"_s << pg << u"a__b"_s;
    QTest::newRow("leading digit") << u"9lives"_s << pg << u"_9lives"_s;
    QTest::newRow("empty") << QString() << pg << u"field"_s;
    QTest::newRow("only punctuation") << u"!!!"_s << pg << u"field"_s;
    QTest::newRow("only underscore") << u"_"_s << pg << u"field"_s;
    QTest::newRow("reserved user") << u"user"_s << pg << u"user_"_s;
    QTest::newRow("reserved Order") << u"Order"_s << pg << u"order_"_s;
    QTest::newRow("user fine in sqlite") << u"user"_s << Dialect::Sqlite << u"user"_s;
    QTest::newRow("key in sqlite") << u"key"_s << Dialect::Sqlite << u"key_"_s;
    QTest::newRow("cyrillic") << u"Имя"_s << pg << u"имя"_s;
    QTest::newRow("cyrillic words") << u"Дата рождения"_s << pg << u"дата_рождения"_s;
    QTest::newRow("accented") << u"Café"_s << pg << u"café"_s;
    QTest::newRow("emoji dropped") << u"score🎯"_s << pg << u"score"_s;
}

void IdentifiersTest::sanitize()
{
    QFETCH(QString, wanted);
    QFETCH(ferry::Dialect, dialect);
    QFETCH(QString, expected);
    QCOMPARE(sanitizeIdentifier(wanted, dialect), expected);
}

void IdentifiersTest::longNamesStayDistinct_data()
{
    QTest::addColumn<QString>("first");
    QTest::addColumn<QString>("second");
    const QString ascii = QString(70, u'a');
    QTest::newRow("ascii") << ascii + u"_one"_s << ascii + u"_two"_s;
    const QString cyrillic = QString(40, u'ж'); // 80 bytes in UTF-8
    QTest::newRow("cyrillic") << cyrillic + u"_один"_s << cyrillic + u"_два"_s;
}

void IdentifiersTest::longNamesStayDistinct()
{
    QFETCH(QString, first);
    QFETCH(QString, second);
    const QString a = sanitizeIdentifier(first, Dialect::Postgres);
    const QString b = sanitizeIdentifier(second, Dialect::Postgres);
    QVERIFY2(a.toUtf8().size() <= 63, qPrintable(a));
    QVERIFY2(b.toUtf8().size() <= 63, qPrintable(b));
    QVERIFY2(a != b, qPrintable(a));
    // Cut on a character boundary: decoding gives the same string back.
    QCOMPARE(QString::fromUtf8(a.toUtf8()), a);
    QVERIFY(!a.contains(QChar::ReplacementCharacter));
    // Stable across calls, so re-inference proposes the same names.
    QCOMPARE(sanitizeIdentifier(first, Dialect::Postgres), a);
    QVERIFY(a.startsWith(first.left(20)));
}

void IdentifiersTest::sqliteHasNoLengthLimit()
{
    const QString name = QString(100, u'x');
    QCOMPARE(identifierByteLimit(Dialect::Sqlite), 0);
    QCOMPARE(identifierByteLimit(Dialect::Postgres), 63);
    QCOMPARE(sanitizeIdentifier(name, Dialect::Sqlite), name);
}

void IdentifiersTest::allocator_data()
{
    QTest::addColumn<QStringList>("wanted");
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("distinct") << QStringList{u"a"_s, u"b"_s} << QStringList{u"a"_s, u"b"_s};
    QTest::newRow("case collision") << QStringList{u"Name"_s, u"name"_s, u"NAME"_s}
                                    << QStringList{u"name"_s, u"name_2"_s, u"name_3"_s};
    QTest::newRow("flattening collision")
        << QStringList{u"a.b"_s, u"a_b"_s} << QStringList{u"a_b"_s, u"a_b_2"_s};
    QTest::newRow("suffix already taken")
        << QStringList{u"x"_s, u"x_2"_s, u"x"_s} << QStringList{u"x"_s, u"x_2"_s, u"x_3"_s};
    QTest::newRow("reserved then sanitized twin")
        << QStringList{u"user"_s, u"user_"_s} << QStringList{u"user_"_s, u"user__2"_s};
}

void IdentifiersTest::allocator()
{
    QFETCH(QStringList, wanted);
    QFETCH(QStringList, expected);
    NameAllocator names(Dialect::Postgres);
    QStringList got;
    for (const QString &w : wanted)
        got << names.allocate(w);
    QCOMPARE(got, expected);
    for (const QString &e : expected)
        QVERIFY(names.contains(e.toUpper()));
}

void IdentifiersTest::allocatorSuffixRespectsLimit()
{
    // Two kept names alike in their first 63 bytes: cut, hashed apart, case kept.
    NameAllocator kept(Dialect::Postgres, NameStyle::Keep);
    const QString stem = QString(63, u'Q');
    const QString a = kept.allocate(stem + u"1"_s);
    const QString b = kept.allocate(stem + u"2"_s);
    QVERIFY2(a != b && a.toUtf8().size() <= 63 && b.toUtf8().size() <= 63,
             qPrintable(a + u" "_s + b));
    QVERIFY2(a.startsWith(QString(50, u'Q')), qPrintable(a));
    QCOMPARE(fitIdentifier(stem + u"1"_s, Dialect::Postgres), a);
    QCOMPARE(fitIdentifier(stem + u"1"_s, Dialect::Sqlite), stem + u"1"_s);

    NameAllocator names(Dialect::Postgres);
    names.reserve(u"taken"_s);
    QCOMPARE(names.allocate(u"Taken"_s), u"taken_2"_s);

    const QString longName = QString(80, u'q');
    QSet<QString> seen;
    for (int i = 0; i < 12; ++i) {
        const QString name = names.allocate(longName);
        QVERIFY2(name.toUtf8().size() <= 63, qPrintable(name));
        QVERIFY2(!seen.contains(name), qPrintable(name));
        seen.insert(name);
    }
}

void IdentifiersTest::keptNames_data()
{
    QTest::addColumn<int>("dialect");
    QTest::addColumn<QStringList>("wanted");
    QTest::addColumn<QStringList>("expected");
    const int pg = int(Dialect::Postgres);
    const int lite = int(Dialect::Sqlite);
    QTest::newRow("case kept") << pg << QStringList{u"InvoiceId"_s, u"order"_s, u"$$$"_s}
                               << QStringList{u"InvoiceId"_s, u"order"_s, u"$$$"_s};
    // Quoted names differ by case in PostgreSQL, not in SQLite.
    QTest::newRow("case distinct on PostgreSQL")
        << pg << QStringList{u"Name"_s, u"name"_s} << QStringList{u"Name"_s, u"name"_s};
    QTest::newRow("case collides on SQLite")
        << lite << QStringList{u"Name"_s, u"name"_s} << QStringList{u"Name"_s, u"name_2"_s};
    QTest::newRow("empty and NUL") << pg << QStringList{QString(), u"a\0b"_s, u"field"_s}
                                   << QStringList{u"field"_s, u"ab"_s, u"field_2"_s};
    QTest::newRow("sqlite_ prefix")
        << lite << QStringList{u"SQLITE_stat"_s} << QStringList{u"_SQLITE_stat"_s};
}

void IdentifiersTest::keptNames()
{
    QFETCH(int, dialect);
    QFETCH(QStringList, wanted);
    QFETCH(QStringList, expected);
    NameAllocator names(Dialect(dialect), NameStyle::Keep);
    QStringList got;
    for (const QString &w : wanted)
        got << names.allocate(w);
    QCOMPARE(got, expected);
}

void IdentifiersTest::problem_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("others");
    QTest::addColumn<QString>("mentions"); // empty: no problem expected
    QTest::newRow("fine") << u"city"_s << u"name"_s << QString();
    QTest::newRow("empty") << QString() << QString() << u"empty"_s;
    QTest::newRow("blank") << u"  "_s << QString() << u"empty"_s;
    QTest::newRow("too long") << QString(64, u'a') << QString() << u"64 bytes"_s;
    QTest::newRow("too long in bytes") << QString(32, u'ж') << QString() << u"64 bytes"_s;
    QTest::newRow("63 bytes ok") << QString(63, u'a') << QString() << QString();
    QTest::newRow("reserved") << u"select"_s << QString() << u"reserved"_s;
    QTest::newRow("duplicate") << u"Name"_s << u"name"_s << u"already"_s;
}

void IdentifiersTest::problem()
{
    QFETCH(QString, name);
    QFETCH(QString, others);
    QFETCH(QString, mentions);
    QSet<QString> othersLower;
    if (!others.isEmpty())
        othersLower.insert(others);
    const QString problem = identifierProblem(name, Dialect::Postgres, othersLower);
    if (mentions.isEmpty())
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
    else
        QVERIFY2(problem.contains(mentions), qPrintable(problem));
}

QTEST_GUILESS_MAIN(IdentifiersTest)
#include "tst_identifiers.moc"

// What a run read, held against the source's own count at the start and at the end of the
// read: missing documents fail the check, a collection that changed only warns, and a source
// that cannot count is not held to a number it never gave.
#include "run/source_count_check.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QtTest>

using namespace ferry;

class TestSourceCountCheck : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void verdict_data();
    void verdict();
    void changedCollectionSetsFindingsAside();
};

void TestSourceCountCheck::verdict_data()
{
    QTest::addColumn<qint64>("atStart");
    QTest::addColumn<qint64>("atEnd");
    QTest::addColumn<qint64>("read");
    QTest::addColumn<bool>("mismatch");
    QTest::addColumn<QString>("warning"); // a part of it; empty: no warning
    QTest::newRow("all read") << qint64(100) << qint64(100) << qint64(100) << false << QString();
    QTest::newRow("short") << qint64(100) << qint64(100) << qint64(60) << true
                           << QStringLiteral("users: 60 documents were read but the source holds "
                                             "100: 40 are missing");
    QTest::newRow("grew") << qint64(100) << qint64(105) << qint64(100) << false
                          << QStringLiteral("held 100 documents when the read started and 105 "
                                            "when it ended; 100 were read");
    QTest::newRow("shrank") << qint64(100) << qint64(90) << qint64(95) << false
                            << QStringLiteral("held 100 documents when the read started and 90");
    QTest::newRow("more than held") << qint64(100) << qint64(100) << qint64(101) << false
                                    << QStringLiteral("101 documents were read but the source "
                                                      "holds 100. Some may have been read twice");
    QTest::newRow("cannot count") << qint64(-1) << qint64(-1) << qint64(7) << false << QString();
}

void TestSourceCountCheck::verdict()
{
    QFETCH(qint64, atStart);
    QFETCH(qint64, atEnd);
    QFETCH(qint64, read);
    QFETCH(bool, mismatch);
    QFETCH(QString, warning);
    CollectionReport cr;
    cr.name = QStringLiteral("users");
    const QString said =
        checkReadAgainstSource({atStart, atEnd}, read, QStringLiteral("users"), cr);
    QCOMPARE(!cr.mismatches.isEmpty(), mismatch);
    QCOMPARE(said.isEmpty(), warning.isEmpty());
    QVERIFY2(said.contains(warning), qPrintable(said));
    QCOMPARE(cr.warnings.size(), warning.isEmpty() ? 0 : 1);
    QCOMPARE(cr.sourceCount, atEnd);
    if (mismatch) {
        const QJsonObject m = cr.mismatches.first().toObject();
        QCOMPARE(m.value(QStringLiteral("table")).toString(), QStringLiteral("users"));
        QCOMPARE(m.value(QStringLiteral("expected")).toString(),
                 QStringLiteral("%1 documents in the source").arg(atEnd));
        QCOMPARE(m.value(QStringLiteral("found")).toString(), QStringLiteral("%1 read").arg(read));
    }
}

void TestSourceCountCheck::changedCollectionSetsFindingsAside()
{
    CollectionReport cr;
    cr.name = QStringLiteral("users");
    cr.mismatches.append(QJsonObject{{QStringLiteral("_id"), QStringLiteral("7")}});
    // Unchanged: the findings stand.
    QVERIFY(setAsideChangedFindings({100, 100}, cr).isEmpty());
    QCOMPARE(cr.mismatches.size(), 1);
    // Changed: moved aside, with a warning naming both counts.
    const QString said = setAsideChangedFindings({100, 103}, cr);
    QVERIFY2(said.contains(QStringLiteral("100 documents at the start, 103 at the end")),
             qPrintable(said));
    QVERIFY(cr.mismatches.isEmpty());
    QCOMPARE(cr.extra.value(QStringLiteral("unconfirmed_mismatches")).toArray().size(), 1);
}

QTEST_GUILESS_MAIN(TestSourceCountCheck)
#include "tst_source_count_check.moc"

// `ferry-cli validate` through the real executable: a clean migration of MongoDB's sample
// data validates clean; a changed cell and a deleted child row are found and named.
#include "support/cli_runner.h"
#include "support/sql_reader.h"
#include "support/test_services.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

using namespace ferry::test;

class TestValidate : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanThenTampered_data();
    void cleanThenTampered();
    void documentAndMixedIdsValidateClean_data();
    void documentAndMixedIdsValidateClean();

private:
    QTemporaryDir m_dir;
    QString m_dataset;
};

void TestValidate::initTestCase()
{
    QVERIFY2(!cliPath().isEmpty(), "FERRY_CLI is not set: run the tests through ctest");
    QVERIFY(m_dir.isValid());
    m_dataset = sharedDataset(QStringLiteral("sample_mflix"));
    QVERIFY2(QFile::exists(m_dataset + QStringLiteral("/theaters.json")), qPrintable(m_dataset));
}

void TestValidate::cleanThenTampered_data()
{
    QTest::addColumn<QString>("kind");
    QTest::newRow("sqlite") << QStringLiteral("sqlite");
    QTest::newRow("postgresql") << QStringLiteral("postgresql");
}

static QJsonArray allMismatches(const QJsonObject &report)
{
    QJsonArray out;
    for (const QJsonValue &c : report.value(QStringLiteral("collections")).toArray()) {
        for (const QJsonValue &m : c.toObject().value(QStringLiteral("mismatches")).toArray())
            out.append(m);
    }
    return out;
}

void TestValidate::cleanThenTampered()
{
    QFETCH(QString, kind);
    const QString target =
        kind == QLatin1String("sqlite")
            ? QStringLiteral("sqlite:") + m_dir.filePath(QStringLiteral("v.sqlite"))
            : freshPostgresDatabase(QStringLiteral("validate"));
    QVERIFY2(!target.isEmpty(), "PostgreSQL is not running: run the tests through ctest");
    const QString project = m_dir.filePath(kind + QStringLiteral(".ferry"));
    CliResult r = runFerryCli({QStringLiteral("infer"), QStringLiteral("--source"),
                               QStringLiteral("dump:") + m_dataset, QStringLiteral("--target"),
                               target, QStringLiteral("-o"), project});
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    const QString runReport = m_dir.filePath(kind + QStringLiteral("-run.json"));
    r = runFerryCli({QStringLiteral("run"), project, QStringLiteral("--report"), runReport});
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    // The run validated itself cheaply, and says how.
    const QJsonObject run = readJson(runReport);
    const QJsonObject first = run.value(QStringLiteral("collections")).toArray().first().toObject();
    QVERIFY2(first.contains(QStringLiteral("validation")), qPrintable(r.describe()));
    QCOMPARE(allMismatches(run).size(), 0);

    const QString clean = m_dir.filePath(kind + QStringLiteral("-clean.json"));
    r = runFerryCli({QStringLiteral("validate"), project, QStringLiteral("--report"), clean});
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    QCOMPARE(allMismatches(readJson(clean)).size(), 0);
    QCOMPARE(readJson(clean).value(QStringLiteral("command")).toString(),
             QStringLiteral("validate"));

    SqlReader db(target);
    QVERIFY2(db.ok(), qPrintable(db.error()));
    QString idColumn; // the inferred name of theaterId
    for (const QString &c : db.columns(QStringLiteral("theaters"))) {
        if (c.contains(QLatin1String("theater"), Qt::CaseInsensitive))
            idColumn = c;
    }
    QVERIFY2(!idColumn.isEmpty(), qPrintable(db.columns(QStringLiteral("theaters")).join(u',')));
    db.rows(
        QStringLiteral("UPDATE theaters SET \"%1\" = 424242 WHERE \"%1\" = 1003").arg(idColumn));
    QCOMPARE(
        db.scalar(
            QStringLiteral("SELECT count(*) FROM theaters WHERE \"%1\" = 424242").arg(idColumn)),
        QStringLiteral("1"));
    // The [lon, lat] array column of another theater, one number changed.
    const QString pair = QStringLiteral("location_geo_coordinates");
    const QString otherId = QStringLiteral("59a47286cfa9a3a73e51e72c");
    db.rows(QStringLiteral("UPDATE theaters SET %1 = %2 WHERE _id = '%3'")
                .arg(pair,
                     kind == QLatin1String("sqlite") ? QStringLiteral("'[-93.24565, 45.0]'")
                                                     : QStringLiteral("'{-93.24565,45.0}'"),
                     otherId));
    QVERIFY2(db.ok(), qPrintable(db.error()));

    const QString tampered = m_dir.filePath(kind + QStringLiteral("-tampered.json"));
    r = runFerryCli({QStringLiteral("validate"), project, QStringLiteral("--collection"),
                     QStringLiteral("theaters"), QStringLiteral("--sample"), QStringLiteral("all"),
                     QStringLiteral("--report"), tampered});
    QCOMPARE(r.exitCode, 1);
    const QJsonArray found = allMismatches(readJson(tampered));
    bool cell = false, row = false;
    for (const QJsonValue &v : found) {
        const QJsonObject m = v.toObject();
        if (m.value(QStringLiteral("table")).toString() == QLatin1String("theaters") &&
            m.value(QStringLiteral("column")).toString() == idColumn &&
            m.value(QStringLiteral("expected")).toString() == QLatin1String("1003") &&
            m.value(QStringLiteral("found")).toString() == QLatin1String("424242") &&
            m.value(QStringLiteral("_id"))
                .toString()
                .contains(QLatin1String("59a47286cfa9a3a73e51e72d")))
            cell = true;
        if (m.value(QStringLiteral("table")).toString() == QLatin1String("theaters") &&
            m.value(QStringLiteral("column")).toString() == pair &&
            m.value(QStringLiteral("_id")).toString().contains(otherId))
            row = true;
    }
    QVERIFY2(cell && row, qPrintable(QString::fromUtf8(r.stdOut)));
}

void TestValidate::documentAndMixedIdsValidateClean_data()
{
    cleanThenTampered_data();
}

// An _id that is a document, or _ids of several types, make a JSON key column; PostgreSQL
// hands jsonb back with its own spacing and key order, and validation still finds each row
// by its key instead of calling it both missing and unexpected.
void TestValidate::documentAndMixedIdsValidateClean()
{
    QFETCH(QString, kind);
    const QString target =
        kind == QLatin1String("sqlite")
            ? QStringLiteral("sqlite:") + m_dir.filePath(QStringLiteral("ids.sqlite"))
            : freshPostgresDatabase(QStringLiteral("validate_ids"));
    QVERIFY2(!target.isEmpty(), "PostgreSQL is not running: run the tests through ctest");
    const QString file = m_dir.filePath(QStringLiteral("things.json"));
    QFile out(file);
    QVERIFY(out.open(QIODevice::WriteOnly));
    out.write(R"({"_id": {"z": 1, "a": "x"}, "v": 1, "tags": ["p", "q"]}
{"_id": 7, "v": 2, "tags": ["r"]}
{"_id": "seven", "v": 3, "tags": []}
{"_id": {"a": [1, 2], "b": {"c": true}}, "v": 4, "tags": ["s", "t", "u"]}
{"_id": 2.5, "v": 5, "tags": ["w"]}
)");
    out.close();
    const QString report = m_dir.filePath(kind + QStringLiteral("-ids.json"));
    CliResult r = runFerryCli({QStringLiteral("migrate"), QStringLiteral("--source"),
                               QStringLiteral("dump:") + file, QStringLiteral("--target"), target,
                               QStringLiteral("--report"), report});
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    QCOMPARE(allMismatches(readJson(report)).size(), 0);
    SqlReader db(target);
    QVERIFY2(db.ok(), qPrintable(db.error()));
    QCOMPARE(db.scalar(QStringLiteral("SELECT count(*) FROM things")), QStringLiteral("5"));
}

QTEST_GUILESS_MAIN(TestValidate)
#include "tst_validate.moc"

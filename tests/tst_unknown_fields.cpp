// Unknown fields switched to "keep" after inference (the wizard's options page allows it):
// the run gives the root table its _extra column and keeps the values there, and the report
// says "kept" only when they were.
#include "support/cli_runner.h"
#include "support/sql_reader.h"
#include "support/test_services.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

using namespace ferry::test;

class TestUnknownFields : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void switchedAfterInference_data();
    void switchedAfterInference();

private:
    QTemporaryDir m_dir;
};

void TestUnknownFields::switchedAfterInference_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("option"); // unknown_fields in the project at run time
    for (const QString &kind : {QStringLiteral("sqlite"), QStringLiteral("postgresql")}) {
        QTest::newRow(qPrintable(kind + QStringLiteral(" extra")))
            << kind << QStringLiteral("extra");
        QTest::newRow(qPrintable(kind + QStringLiteral(" ignore")))
            << kind << QStringLiteral("ignore");
    }
}

void TestUnknownFields::switchedAfterInference()
{
    QFETCH(QString, kind);
    QFETCH(QString, option);
    const QString name = QStringLiteral("things_") + kind + QLatin1Char('_') + option;
    const QString input = m_dir.filePath(name + QStringLiteral(".json"));
    QFile f(input);
    QVERIFY(f.open(QIODevice::WriteOnly));
    for (int i = 0; i < 5; ++i)
        f.write(QStringLiteral("{\"_id\": %1, \"a\": %1}\n").arg(i).toUtf8());
    f.close();
    const QString target = freshTarget(kind, name, m_dir.path());
    const QString project = m_dir.filePath(name + QStringLiteral(".ferry"));
    CliResult r = runFerryCli({QStringLiteral("infer"), QStringLiteral("--source"),
                               QStringLiteral("dump:") + input, QStringLiteral("--target"), target,
                               QStringLiteral("--unknown-fields"), QStringLiteral("ignore"),
                               QStringLiteral("-o"), project});
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    QFile pf(project);
    QVERIFY(pf.open(QIODevice::ReadWrite));
    QByteArray text = pf.readAll();
    QVERIFY2(!text.contains("\"role\": \"extra\""), "inference with ignore made an extra column");
    text.replace("\"unknown_fields\": \"ignore\"",
                 "\"unknown_fields\": \"" + option.toLatin1() + '"');
    pf.resize(0);
    pf.write(text);
    pf.close();
    // Documents that came after inference, with a field the mapping does not know.
    QVERIFY(f.open(QIODevice::Append));
    f.write("{\"_id\": 5, \"a\": 5, \"late\": \"kept?\"}\n");
    f.close();

    const QString report = m_dir.filePath(name + QStringLiteral("-report.json"));
    r = runFerryCli({QStringLiteral("run"), project, QStringLiteral("--report"), report});
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    const QJsonObject c =
        readJson(report).value(QStringLiteral("collections")).toArray().first().toObject();
    QCOMPARE(c.value(QStringLiteral("written")).toInteger(), 6);
    const QString warnings =
        c.value(QStringLiteral("warnings")).toVariant().toStringList().join(u'\n');
    QVERIFY2(warnings.contains(QLatin1String("`late`")), qPrintable(warnings));

    const QString table = c.value(QStringLiteral("tables"))
                              .toArray()
                              .first()
                              .toObject()
                              .value(QStringLiteral("name"))
                              .toString();
    SqlReader db(target);
    const QStringList columns = db.columns(table);
    if (option == QLatin1String("extra")) {
        QVERIFY2(columns.contains(QStringLiteral("_extra")), qPrintable(columns.join(u' ')));
        const QString kept =
            db.scalar(QStringLiteral("SELECT \"_extra\" FROM \"%1\" WHERE \"_id\" = 5").arg(table));
        QVERIFY2(kept.contains(QLatin1String("late")) && kept.contains(QLatin1String("kept?")),
                 qPrintable(kept));
        QVERIFY2(warnings.contains(QLatin1String("kept in _extra")), qPrintable(warnings));
    } else {
        QVERIFY2(!columns.contains(QStringLiteral("_extra")), qPrintable(columns.join(u' ')));
        QVERIFY2(!warnings.contains(QLatin1String("kept in")), qPrintable(warnings));
        QVERIFY2(warnings.contains(QLatin1String("counted, not kept")), qPrintable(warnings));
    }
}

QTEST_GUILESS_MAIN(TestUnknownFields)
#include "tst_unknown_fields.moc"

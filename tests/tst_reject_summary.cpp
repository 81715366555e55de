// Rejected documents are summarised, not narrated: the run sends one message for the first
// reject of each kind and a count per field at the end of the collection, while the reject
// file still holds every document.
#include "core/count_text.h"
#include "run/migration_run.h"
#include "run/project_builder.h"
#include "run/reject_summary.h"
#include "stores/stores.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace ferry;

class TestRejectSummary : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void countsPerFieldAndKeepsFirstExamples();
    void runWithThousandsOfRejectsSendsAFewMessages();
};

void TestRejectSummary::countsPerFieldAndKeepsFirstExamples()
{
    RejectSummary summary;
    QVERIFY(summary.add(QStringLiteral("qty"), QStringLiteral("qty: \"a\" is not an integer")));
    for (int i = 0; i < 10; ++i)
        QVERIFY(!summary.add(QStringLiteral("qty"), QStringLiteral("qty: \"%1\" no").arg(i)));
    QVERIFY(summary.add(QString(), QStringLiteral("too large")));
    QVERIFY(!summary.add(QString(), QStringLiteral("too large")));
    QCOMPARE(summary.total(), 13);
    const QJsonArray json = summary.toJson();
    QCOMPARE(json.size(), 2);
    QCOMPARE(json[0].toObject().value(QStringLiteral("field")).toString(), QStringLiteral("qty"));
    QCOMPARE(json[0].toObject().value(QStringLiteral("count")).toInt(), 11);
    QCOMPARE(json[0].toObject().value(QStringLiteral("examples")).toArray().size(),
             RejectSummary::ExamplesKept);
    const QStringList lines = summary.lines(QStringLiteral("items"), QStringLiteral("r.ndjson"));
    QCOMPARE(lines.size(), 3); // two kinds and where the documents are
    QVERIFY2(lines[0].contains(QStringLiteral("11")) && lines[0].contains(QStringLiteral("qty")),
             qPrintable(lines[0]));
    QVERIFY2(lines[2].contains(QStringLiteral("r.ndjson")), qPrintable(lines[2]));
}

void TestRejectSummary::runWithThousandsOfRejectsSendsAFewMessages()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString dump = dir.filePath(QStringLiteral("items.json"));
    QFile f(dump);
    QVERIFY(f.open(QIODevice::WriteOnly));
    constexpr int Count = 4000;
    for (int i = 0; i < Count; ++i) {
        // Every other quantity is a word the integer column cannot take.
        f.write(i % 2 ? QStringLiteral("{\"_id\": %1, \"qty\": \"many\"}\n").arg(i).toUtf8()
                      : QStringLiteral("{\"_id\": %1, \"qty\": %1}\n").arg(i).toUtf8());
    }
    f.close();
    const auto source = Endpoint::parse(QStringLiteral("dump:") + dump);
    const auto target =
        Endpoint::parse(QStringLiteral("sqlite:") + dir.filePath(QStringLiteral("out.sqlite")));
    QVERIFY(source && target);
    auto src = makeSource(*source);
    QVERIFY(src && (*src)->open());
    ProjectOptions options;
    options.onError = ErrorPolicy::Reject;
    auto inferred = inferProject(**src, *source, *target, {}, options);
    QVERIFY2(inferred, qPrintable(inferred ? QString() : inferred.error().message));
    Project project = inferred->project;
    QCOMPARE(project.collections.size(), size_t(1));
    bool found = false;
    for (ColumnMapping &c : project.collections[0].root.columns) {
        if (c.source == QLatin1String("qty")) {
            c.type = ColumnType::Integer;
            found = true;
        }
    }
    QVERIFY(found);

    RunRequest request;
    request.rejectPath = dir.filePath(QStringLiteral("rejects.ndjson"));
    MigrationRun run(project, *source, *target, request);
    QSignalSpy messages(&run, &MigrationRun::message);
    QSignalSpy finished(&run, &MigrationRun::finished);
    run.start(); // in this thread: every signal is counted as it is emitted
    QCOMPARE(finished.size(), 1);
    const RunReport report = finished.at(0).at(0).value<RunReport>();
    QCOMPARE(report.collections.size(), size_t(1));
    const CollectionReport &c = report.collections[0];
    QCOMPARE(c.rejected, qint64(Count / 2));
    QCOMPARE(c.written, qint64(Count / 2));
    QVERIFY2(messages.size() < 20, qPrintable(QString::number(messages.size())));
    bool counted = false;
    for (const QList<QVariant> &m : std::as_const(messages))
        counted = counted || m.at(1).toString().contains(countText(Count / 2));
    QVERIFY2(counted, "the count of rejects per field is logged once");
    QCOMPARE(c.extra.value(QStringLiteral("rejects"))
                 .toArray()
                 .at(0)
                 .toObject()
                 .value(QStringLiteral("count"))
                 .toInt(),
             Count / 2);
    // The reject file still has every one of them.
    QFile rejects(report.rejectFile);
    QVERIFY(rejects.open(QIODevice::ReadOnly));
    int lines = 0;
    while (!rejects.readLine().isEmpty())
        ++lines;
    QCOMPARE(lines, Count / 2);
}

QTEST_MAIN(TestRejectSummary)
#include "tst_reject_summary.moc"

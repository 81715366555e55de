// The wizard's run controller on a long migration: the work happens on a worker thread,
// progress reaches the UI throttled, and Cancel leaves a cancelled report and a state that
// --resume (or the wizard's resume) completes without loss or duplicates.
#include "run/migration_run.h"
#include "run/project_builder.h"
#include "stores/common/source.h"
#include "stores/stores.h"
#include "support/generated_dump.h"
#include "support/sql_reader.h"
#include "ui/run_controller.h"

#include <QElapsedTimer>
#include <QMutex>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QThread>
#include <QtTest>

using namespace ferry;
using namespace ferry::test;

class TestRunController : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void longRunOffTheUiThreadThrottledCancelResume();
    void dryRunLetsGoOfTheTargetBeforeFinished();

private:
    QTemporaryDir m_dir;
    QString m_dump;
    static constexpr int DocumentCount = 200000;
};

void TestRunController::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_dump = m_dir.filePath(QStringLiteral("items.bson"));
    QVERIFY(writeItemsDump(m_dump, DocumentCount));
}

void TestRunController::longRunOffTheUiThreadThrottledCancelResume()
{
    const auto source = Endpoint::parse(QStringLiteral("dump:") + m_dump);
    const auto target =
        Endpoint::parse(QStringLiteral("sqlite:") + m_dir.filePath(QStringLiteral("out.sqlite")));
    QVERIFY(source && target);
    auto src = makeSource(*source);
    QVERIFY(src && (*src)->open());
    ProjectOptions options;
    options.batchSize = 1000; // many batches: many chances to cancel between them
    auto inferred = inferProject(**src, *source, *target, {}, options);
    QVERIFY2(inferred, qPrintable(inferred ? QString() : inferred.error().message));

    RunController controller;
    QSignalSpy finished(&controller, &RunController::finished);
    QSignalSpy uiProgress(&controller, &RunController::progress);

    // Observed in the run's own thread (direct connections): where the work happens and how
    // often the run itself emits progress.
    QMutex mutex;
    QSet<QThread *> workThreads;
    std::vector<qint64> emittedAtMs;
    QElapsedTimer clock;
    clock.start();

    RunRequest request;
    controller.start(inferred->project, *source, *target, request, QStringLiteral("run"));
    const MigrationRun *run = controller.currentRun();
    QVERIFY(run);
    connect(
        run, &MigrationRun::progress, this,
        [&](const RunProgress &) {
            QMutexLocker lock(&mutex);
            workThreads.insert(QThread::currentThread());
            emittedAtMs.push_back(clock.elapsed());
        },
        Qt::DirectConnection);

    // Cancel once at least two batches have been committed.
    const QMetaObject::Connection canceller =
        connect(&controller, &RunController::progress, this, [&](const RunProgress &p) {
            QCOMPARE(QThread::currentThread(), qApp->thread()); // the UI gets it on its own thread
            if (!p.collections.empty() && p.collections.front().written >= 2000)
                controller.cancel();
        });
    QVERIFY(finished.wait(120000));
    disconnect(canceller);
    const RunReport report = finished.first().first().value<RunReport>();
    QCOMPARE(report.status, QStringLiteral("cancelled"));
    QVERIFY(!uiProgress.isEmpty());

    {
        QMutexLocker lock(&mutex);
        QVERIFY(!workThreads.isEmpty());
        QVERIFY2(!workThreads.contains(qApp->thread()),
                 "the run emitted progress from the UI thread: its work ran there");
        // Throttled to one signal per 50 ms, plus the few forced ones (collection done,
        // run end): never one per batch.
        const qint64 spanMs = emittedAtMs.empty() ? 0 : emittedAtMs.back() - emittedAtMs.front();
        QVERIFY2(qint64(emittedAtMs.size()) <= spanMs / 50 + 4,
                 qPrintable(QStringLiteral("%1 progress signals in %2 ms")
                                .arg(emittedAtMs.size())
                                .arg(spanMs)));
    }

    SqlReader partial(QStringLiteral("sqlite:") + m_dir.filePath(QStringLiteral("out.sqlite")));
    const qint64 partialRows =
        partial.scalar(QStringLiteral("SELECT count(*) FROM items")).toLongLong();
    QVERIFY2(partialRows > 0 && partialRows < DocumentCount,
             qPrintable(QString::number(partialRows)));

    // Resume: the rest arrives, nothing twice.
    RunRequest resume;
    resume.resume = true;
    finished.clear();
    QTRY_VERIFY(!controller.isRunning());
    controller.start(inferred->project, *source, *target, resume, QStringLiteral("run"));
    QVERIFY(finished.wait(120000));
    const RunReport done = finished.first().first().value<RunReport>();
    QCOMPARE(done.status, QStringLiteral("completed"));
    const CollectionReport &c = done.collections.front();
    QCOMPARE(c.read, qint64(DocumentCount));
    QCOMPARE(c.written + c.skippedExisting + c.rejected, c.read);
    SqlReader db(QStringLiteral("sqlite:") + m_dir.filePath(QStringLiteral("out.sqlite")));
    QCOMPARE(db.scalar(QStringLiteral("SELECT count(*) FROM items")),
             QString::number(DocumentCount));
    QCOMPARE(db.scalar(QStringLiteral("SELECT count(DISTINCT _id) FROM items")),
             QString::number(DocumentCount));
    qint64 tags = 0; // document i carries i % 3 tags
    for (int i = 0; i < DocumentCount; ++i)
        tags += i % 3;
    QCOMPARE(db.scalar(QStringLiteral("SELECT count(*) FROM items_tags")), QString::number(tags));
}

// The wizard starts the real run as soon as the dry run reports finished. A dry run that
// still held its SQLite transaction then (and removed "its" file later) made that run fail.
void TestRunController::dryRunLetsGoOfTheTargetBeforeFinished()
{
    const QString path = m_dir.filePath(QStringLiteral("dry.sqlite"));
    const auto source = Endpoint::parse(QStringLiteral("dump:") + m_dump);
    const auto target = Endpoint::parse(QStringLiteral("sqlite:") + path);
    QVERIFY(source && target);
    auto src = makeSource(*source);
    QVERIFY(src && (*src)->open());
    auto inferred = inferProject(**src, *source, *target, {}, ProjectOptions());
    QVERIFY(inferred);

    bool existedAtFinish = true; // before the controller: its slot may outlive nothing
    QString status;
    RunController controller;
    RunRequest request;
    request.mode = RunMode::DryRun;
    request.dryRunSample = 10;
    // The controller's own finished reaches the UI thread (as the wizard hears it) before
    // the worker thread's end is processed.
    connect(&controller, &RunController::finished, this, [&](const RunReport &report) {
        existedAtFinish = QFileInfo::exists(path);
        status = report.status;
    });
    QSignalSpy finished(&controller, &RunController::finished);
    controller.start(inferred->project, *source, *target, request, QStringLiteral("dry-run"));
    QVERIFY(finished.wait(120000));
    QCOMPARE(status, QStringLiteral("completed"));
    QVERIFY2(!existedAtFinish, "the dry run's target file was still there when it finished");
}

QTEST_MAIN(TestRunController)
#include "tst_ui_run_controller.moc"

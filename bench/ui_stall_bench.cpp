// How long the UI thread is ever kept from its event loop while a long migration runs
// through the wizard's controller, with the run page's models and views updating.
//   ferry-bench-ui-stall [DOCUMENTS]   (default 200000; run offscreen or under Xvfb)
// Prints the longest gap between 5 ms timer ticks on the UI thread; the goal is ≤ 50 ms.
#include "models/log_model.h"
#include "models/progress_model.h"
#include "run/project_builder.h"
#include "stores/common/source.h"
#include "stores/stores.h"
#include "support/generated_dump.h"
#include "ui/run_controller.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QListView>
#include <QTableView>
#include <QTemporaryDir>
#include <QTextStream>
#include <QTimer>
#include <QVBoxLayout>

using namespace ferry;

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    const int documents = argc > 1 ? QByteArray(argv[1]).toInt() : 200000;
    QTextStream out(stdout);
    QTemporaryDir dir;
    const QString dump = dir.filePath(QStringLiteral("items.bson"));
    if (!test::writeItemsDump(dump, documents))
        return 1;
    const auto source = Endpoint::parse(QStringLiteral("dump:") + dump);
    const auto target =
        Endpoint::parse(QStringLiteral("sqlite:") + dir.filePath(QStringLiteral("o.sqlite")));
    auto src = makeSource(*source);
    if (!src || !(*src)->open())
        return 1;
    auto inferred = inferProject(**src, *source, *target, {}, ProjectOptions());
    if (!inferred)
        return 1;

    QWidget window;
    auto *layout = new QVBoxLayout(&window);
    ProgressModel progress;
    LogModel log;
    auto *table = new QTableView;
    table->setModel(&progress);
    auto *list = new QListView;
    list->setModel(&log);
    layout->addWidget(table);
    layout->addWidget(list);
    window.resize(900, 600);
    window.show();

    RunController controller;
    QObject::connect(&controller, &RunController::progress, &progress, &ProgressModel::setProgress);
    QObject::connect(&controller, &RunController::message, &log, &LogModel::append);

    QElapsedTimer clock;
    qint64 lastTick = -1;
    qint64 longest = 0;
    int progressSignals = 0;
    QObject::connect(&controller, &RunController::progress, [&] { ++progressSignals; });
    QTimer ticker;
    ticker.setInterval(5);
    QObject::connect(&ticker, &QTimer::timeout, [&] {
        const qint64 now = clock.elapsed();
        if (lastTick >= 0)
            longest = std::max(longest, now - lastTick);
        lastTick = now;
    });
    QObject::connect(&controller, &RunController::finished, &app, [&](const RunReport &report) {
        const double secs = clock.elapsed() / 1000.0;
        out << "documents            : " << documents << " (" << report.status << ")\n"
            << "run time             : " << QString::number(secs, 'f', 2) << " s, "
            << qint64(documents / secs) << " docs/s\n"
            << "progress signals     : " << progressSignals << " ("
            << QString::number(progressSignals / secs, 'f', 1) << " a second)\n"
            << "longest UI stall     : " << longest << " ms (goal <= 50 ms)\n";
        app.quit();
    });
    clock.start();
    ticker.start();
    controller.start(inferred->project, *source, *target, RunRequest(), QStringLiteral("run"));
    return app.exec();
}

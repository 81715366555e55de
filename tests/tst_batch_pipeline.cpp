// The reading thread of a run refills the batches its consumer hands back (recycle) instead
// of allocating new ones: a real .bson dump, a real reader and transform, many batches.
#include "core/cell_text.h"
#include "run/batch_pipeline.h"
#include "support/dump_fixtures.h"
#include "transform/transformer.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace ferry;
using namespace ferry::test;
using namespace Qt::StringLiterals;

namespace {

constexpr int Docs = 2503; // not a multiple of the batch size: the last batch is short
constexpr int BatchSize = 100;
constexpr int Late = 7; // the last documents carry a field the mapping does not name

CollectionMapping numberedMapping()
{
    CollectionMapping m;
    m.collection = u"c"_s;
    m.root.table = u"c"_s;
    m.root.columns = {
        {.source = u"_id"_s,
         .column = u"id"_s,
         .type = ColumnType::BigInt,
         .nullable = false,
         .primaryKey = true},
        {.source = u"name"_s, .column = u"name"_s, .type = ColumnType::Text},
        {.source = u"group"_s, .column = u"group"_s, .type = ColumnType::Integer},
        {.source = u"nested.k"_s, .column = u"nested_k"_s, .type = ColumnType::Integer}};
    return m;
}

struct Consumed {
    QStringList rows;
    qint64 late = 0;
    int batches = 0;
    QString error;
};

// Takes every item, keeps its rows as text, and hands each batch back.
Consumed consumeAll(BatchPipeline &pipeline)
{
    Consumed out;
    while (std::optional<PipelineItem> item = pipeline.next()) {
        if (item->error.isError()) {
            out.error = item->error.message;
            break;
        }
        if (item->end)
            break;
        ++out.batches;
        const TableRows &t = item->batch.tables.front();
        for (size_t r = 0; r < t.rows(); ++r) {
            QStringList cells;
            for (int c = 0; c < t.columns(); ++c)
                cells << cellToDisplay(t, t.at(r, c));
            out.rows << cells.join(u'|');
        }
        out.late += item->batch.unknownFields.value(u"late"_s);
        pipeline.recycle(std::move(item->batch));
    }
    return out;
}

} // namespace

class TestBatchPipeline : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void recycledBatchesCarryEveryRow();
    void oversizedBatchesAreFreed();

private:
    Consumed run(size_t keepUpTo, size_t *made);

    QTemporaryDir m_dir;
    QString m_path;
};

void TestBatchPipeline::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_path = m_dir.filePath(u"c.bson"_s);
    writeFile(m_path, numberedBson(Docs, Late));
}

Consumed TestBatchPipeline::run(size_t keepUpTo, size_t *made)
{
    std::unique_ptr<Source> source = openSource(m_path);
    if (!source)
        return {{}, 0, 0, u"cannot open the dump"_s};
    auto reader = source->openReader(u"c"_s, {});
    if (!reader)
        return {{}, 0, 0, reader.error().message};
    const Transformer transformer(numberedMapping(), ProjectOptions(), Dialect::Postgres);
    BatchPipeline::Setup setup;
    setup.reader = reader->get();
    setup.transformer = &transformer;
    setup.tableCount = 1;
    setup.batchSize = BatchSize;
    setup.keepBatchesUpTo = keepUpTo;
    BatchPipeline pipeline(setup);
    Consumed out = consumeAll(pipeline);
    *made = pipeline.batchesMade();
    return out;
}

void TestBatchPipeline::recycledBatchesCarryEveryRow()
{
    size_t made = 0;
    const Consumed c = run(BatchPipeline::Setup().keepBatchesUpTo, &made);
    QVERIFY2(c.error.isEmpty(), qPrintable(c.error));
    QCOMPARE(c.batches, (Docs + BatchSize - 1) / BatchSize);
    QCOMPARE(c.rows.size(), Docs);
    for (int i = 0; i < Docs; ++i)
        QCOMPARE(c.rows[i], u"%1|user%1|%2|%1"_s.arg(i).arg(i % 10));
    QCOMPARE(c.late, qint64(Late));
    // Two ready, one being filled, one with the consumer: a few batches serve all 26.
    QVERIFY2(made <= 5, qPrintable(u"%1 batches made for %2"_s.arg(made).arg(c.batches)));
}

// A batch past Setup::keepBatchesUpTo is freed, not kept: with a limit no batch fits, every
// batch is a new one, and the rows are the same.
void TestBatchPipeline::oversizedBatchesAreFreed()
{
    size_t made = 0;
    const Consumed c = run(1, &made);
    QVERIFY2(c.error.isEmpty(), qPrintable(c.error));
    QCOMPARE(c.rows.size(), Docs);
    QCOMPARE(c.rows.last(), u"%1|user%1|%2|%1"_s.arg(Docs - 1).arg((Docs - 1) % 10));
    QVERIFY2(made >= size_t(c.batches),
             qPrintable(u"%1 batches made for %2"_s.arg(made).arg(c.batches)));
}

QTEST_GUILESS_MAIN(TestBatchPipeline)
#include "tst_batch_pipeline.moc"

// The diagram's placement, without any view: no two boxes overlap, a parent is always left of
// its children, and the same input gives the same drawing.
#include "models/diagram_layout.h"

#include <QRandomGenerator>
#include <QtTest>

using namespace ferry;

namespace {

struct Graph {
    QList<QSizeF> sizes;
    QList<QPair<int, int>> edges; // acyclic: parents have smaller indices
};

// A schema-like graph: boxes of varied sizes (few to many columns), most tables referring to
// one or two earlier ones, some standing alone.
Graph schemaLike(int tables, quint32 seed)
{
    QRandomGenerator rng(seed);
    Graph g;
    for (int i = 0; i < tables; ++i) {
        g.sizes.append(QSizeF(120 + rng.bounded(140), 40 + 18 * rng.bounded(1, 25)));
        if (i == 0 || rng.bounded(5) == 0)
            continue;
        const int refs = 1 + rng.bounded(2);
        for (int r = 0; r < refs; ++r)
            g.edges.append({int(rng.bounded(i)), i});
    }
    return g;
}

} // namespace

class TestDiagramLayout : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void noOverlapsParentsLeft_data();
    void noOverlapsParentsLeft();
    void stable();
    void cyclesAndSelfLinks();
    void chainsGoRight();
    void empty();
};

void TestDiagramLayout::noOverlapsParentsLeft_data()
{
    QTest::addColumn<int>("tables");
    QTest::addColumn<quint32>("seed");
    QTest::newRow("30 tables") << 30 << 7u;
    QTest::newRow("30 tables, other seed") << 30 << 1234u;
    QTest::newRow("200 tables") << 200 << 42u;
    QTest::newRow("200 tables, other seed") << 200 << 99u;
}

void TestDiagramLayout::noOverlapsParentsLeft()
{
    QFETCH(int, tables);
    QFETCH(quint32, seed);
    const Graph g = schemaLike(tables, seed);
    const DiagramLayout layout = layoutDiagram(g.sizes, g.edges);
    QCOMPARE(layout.boxes.size(), qsizetype(tables));
    for (int i = 0; i < tables; ++i) {
        QCOMPARE(layout.boxes[i].size(), g.sizes[i]);
        QVERIFY2(layout.bounds.contains(layout.boxes[i]), qPrintable(QString::number(i)));
        for (int j = i + 1; j < tables; ++j)
            QVERIFY2(!layout.boxes[i].intersects(layout.boxes[j]),
                     qPrintable(QStringLiteral("boxes %1 and %2 overlap").arg(i).arg(j)));
    }
    for (const auto &e : g.edges) {
        QVERIFY2(
            layout.boxes[e.first].right() < layout.boxes[e.second].left(),
            qPrintable(
                QStringLiteral("parent %1 is not left of child %2").arg(e.first).arg(e.second)));
        QVERIFY(layout.layers[e.first] < layout.layers[e.second]);
    }
    // Wrapping keeps a large schema from becoming one endless strip.
    if (tables == 200) {
        const qreal ratio = layout.bounds.width() / layout.bounds.height();
        QVERIFY2(ratio > 0.3 && ratio < 6, qPrintable(QString::number(ratio)));
    }
}

void TestDiagramLayout::stable()
{
    const Graph g = schemaLike(60, 5);
    const DiagramLayout a = layoutDiagram(g.sizes, g.edges);
    const DiagramLayout b = layoutDiagram(g.sizes, g.edges);
    QCOMPARE(a.boxes, b.boxes);
    QCOMPARE(a.layers, b.layers);
    // A renamed column changes a box's width only: the others keep their columns' order.
    Graph wider = g;
    wider.sizes[10].setWidth(wider.sizes[10].width() + 5);
    const DiagramLayout c = layoutDiagram(wider.sizes, wider.edges);
    QCOMPARE(c.layers, a.layers);
    for (int i = 0; i < 60; ++i)
        QCOMPARE(c.boxes[i].top(), a.boxes[i].top());
}

void TestDiagramLayout::cyclesAndSelfLinks()
{
    // employees.reports_to → employees, and a → b → c → a.
    const QList<QSizeF> sizes(4, QSizeF(100, 60));
    const QList<QPair<int, int>> edges{{0, 0}, {1, 2}, {2, 3}, {3, 1}};
    const DiagramLayout layout = layoutDiagram(sizes, edges);
    QCOMPARE(layout.boxes.size(), qsizetype(4));
    for (int i = 0; i < 4; ++i)
        for (int j = i + 1; j < 4; ++j)
            QVERIFY(!layout.boxes[i].intersects(layout.boxes[j]));
    // The edge that closes the cycle is the one dropped: 1 → 2 → 3 still go right.
    QVERIFY(layout.boxes[1].right() < layout.boxes[2].left());
    QVERIFY(layout.boxes[2].right() < layout.boxes[3].left());
}

void TestDiagramLayout::chainsGoRight()
{
    // A chain of 200 does not recurse 200 deep, and has 200 layers.
    QList<QSizeF> sizes(200, QSizeF(80, 40));
    QList<QPair<int, int>> edges;
    for (int i = 1; i < 200; ++i)
        edges.append({i - 1, i});
    const DiagramLayout layout = layoutDiagram(sizes, edges);
    QCOMPARE(layout.layers.last(), 199);
    QVERIFY(layout.boxes.last().left() > layout.boxes.first().right());
}

void TestDiagramLayout::empty()
{
    const DiagramLayout layout = layoutDiagram({}, {});
    QVERIFY(layout.boxes.isEmpty());
    QVERIFY(layout.bounds.isEmpty());
}

QTEST_GUILESS_MAIN(TestDiagramLayout)
#include "tst_model_diagram_layout.moc"

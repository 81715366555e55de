#include "model_test_data.h"
#include "models/field_path_mime.h"
#include "models/field_tree_model.h"
#include "models/mapping_model.h"

#include <QAbstractItemModelTester>
#include <QtTest>

using namespace ferry;

class TestMappingModel : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void listsRootColumns();
    void renameUndoRedo();
    void flagsBadNames_data();
    void flagsBadNames();
    void changesTypeNullableAndKey();
    void movesColumns();
    void arrayStrategies();
    void dropFieldFromTree();
    void mapStrategies();
    void numberPairChildTableOneChoiceAway();

private:
    int rowOf(const QString &column) const;
    ProjectDocument *m_doc = nullptr;
    MappingModel *m_model = nullptr;
    QAbstractItemModelTester *m_tester = nullptr;
};

void TestMappingModel::init()
{
    m_doc = new ProjectDocument;
    testdata::loadOrders(*m_doc, QStringLiteral("postgresql://localhost/shop"));
    m_model = new MappingModel(m_doc);
    m_tester = new QAbstractItemModelTester(m_model,
                                            QAbstractItemModelTester::FailureReportingMode::QtTest);
    m_model->setTable(QStringLiteral("orders"), {});
}

void TestMappingModel::cleanup()
{
    delete m_tester;
    delete m_model;
    delete m_doc;
}

int TestMappingModel::rowOf(const QString &column) const
{
    for (int r = 0; r < m_model->rowCount(); ++r) {
        if (m_model->index(r, MappingModel::NameColumn).data().toString() == column)
            return r;
    }
    return -1;
}

void TestMappingModel::listsRootColumns()
{
    QVERIFY(rowOf(QStringLiteral("customer")) >= 0);
    QVERIFY(rowOf(QStringLiteral("address_city")) >= 0);
    QVERIFY(!m_model->hasProblems());
    const QModelIndex type =
        m_model->index(rowOf(QStringLiteral("total")), MappingModel::TypeColumn);
    QCOMPARE(type.data(Qt::EditRole).toString(), columnTypeName(ColumnType::Double));
    QVERIFY(type.data(MappingModel::ChoicesRole)
                .toStringList()
                .contains(columnTypeName(ColumnType::Numeric)));
}

void TestMappingModel::renameUndoRedo()
{
    const int row = rowOf(QStringLiteral("customer"));
    QSignalSpy changed(m_model, &QAbstractItemModel::dataChanged);
    QVERIFY(m_model->setData(m_model->index(row, MappingModel::NameColumn),
                             QStringLiteral("customer_name")));
    QVERIFY(!changed.isEmpty());
    QCOMPARE(m_model->index(row, 0).data().toString(), QStringLiteral("customer_name"));
    QCOMPARE(m_doc->undoStack()->count(), 1);
    m_doc->undoStack()->undo();
    QCOMPARE(m_model->index(row, 0).data().toString(), QStringLiteral("customer"));
    m_doc->undoStack()->redo();
    QCOMPARE(m_model->index(row, 0).data().toString(), QStringLiteral("customer_name"));
}

void TestMappingModel::flagsBadNames_data()
{
    QTest::addColumn<QString>("name");
    QTest::newRow("duplicate") << QStringLiteral("TOTAL");
    QTest::newRow("reserved") << QStringLiteral("select");
    QTest::newRow("too long") << QString(64, QLatin1Char('a'));
    QTest::newRow("empty") << QStringLiteral(" ");
}

void TestMappingModel::flagsBadNames()
{
    QFETCH(QString, name);
    QSignalSpy problems(m_model, &MappingModel::problemsChanged);
    const QModelIndex index =
        m_model->index(rowOf(QStringLiteral("customer")), MappingModel::NameColumn);
    // The model trims, so an all-blank name becomes empty.
    QVERIFY(m_model->setData(index, name));
    QVERIFY(m_model->hasProblems());
    QVERIFY(!index.data(MappingModel::ProblemRole).toString().isEmpty());
    QCOMPARE(index.data(Qt::ToolTipRole), index.data(MappingModel::ProblemRole));
    QVERIFY(index.data(Qt::ForegroundRole).isValid());
    QVERIFY(!problems.isEmpty());
    QCOMPARE(problems.last().at(0).toBool(), true);
    QVERIFY(!mappingProblems(*m_doc->project().findCollection(QStringLiteral("orders")),
                             Dialect::Postgres)
                 .isEmpty());
    m_doc->undoStack()->undo();
    QVERIFY(!m_model->hasProblems());
}

void TestMappingModel::changesTypeNullableAndKey()
{
    const int row = rowOf(QStringLiteral("total"));
    QVERIFY(m_model->setData(m_model->index(row, MappingModel::TypeColumn),
                             columnTypeName(ColumnType::Numeric)));
    QVERIFY(!m_model->setData(m_model->index(row, MappingModel::TypeColumn),
                              QStringLiteral("no-such-type")));
    QCOMPARE(m_model->table()->columns[size_t(row)].type, ColumnType::Numeric);
    const bool nullable = m_model->table()->columns[size_t(row)].nullable;
    QVERIFY(m_model->setData(m_model->index(row, MappingModel::NullableColumn),
                             nullable ? Qt::Unchecked : Qt::Checked, Qt::CheckStateRole));
    QCOMPARE(m_model->table()->columns[size_t(row)].nullable, !nullable);
    QVERIFY(m_model->setData(m_model->index(row, MappingModel::ConversionColumn),
                             conversionName(Conversion::Json)));
    QCOMPARE(m_model->table()->columns[size_t(row)].conversion, Conversion::Json);
    QCOMPARE(m_doc->undoStack()->count(), 3);
    m_doc->undoStack()->undo();
    m_doc->undoStack()->undo();
    m_doc->undoStack()->undo();
    QCOMPARE(m_model->table()->columns[size_t(row)].type, ColumnType::Double);
}

void TestMappingModel::movesColumns()
{
    const int row = rowOf(QStringLiteral("customer"));
    const QString below = m_model->index(row + 1, 0).data().toString();
    QVERIFY(m_model->moveColumn(row, +1));
    QCOMPARE(m_model->index(row, 0).data().toString(), below);
    QCOMPARE(m_model->index(row + 1, 0).data().toString(), QStringLiteral("customer"));
    QVERIFY(!m_model->moveColumn(0, -1));
    m_doc->undoStack()->undo();
    QCOMPARE(m_model->index(row, 0).data().toString(), QStringLiteral("customer"));
}

void TestMappingModel::arrayStrategies()
{
    const QString items = QStringLiteral("items");
    auto orders = [this] { return *m_doc->project().findCollection(QStringLiteral("orders")); };
    QCOMPARE(arrayStrategy(orders(), items), ArrayStrategy::ChildTable);
    const CollectionMapping proposal = orders();
    const int rowsBefore = m_model->rowCount();
    const FieldNode *node = m_doc->schema(QStringLiteral("orders"))->find(items);
    QVERIFY(node);

    for (ArrayStrategy s : {ArrayStrategy::JsonColumn, ArrayStrategy::PgArray, ArrayStrategy::Skip,
                            ArrayStrategy::ChildTable}) {
        m_doc->modify(QStringLiteral("strategy"), [&](Project &p) {
            setArrayStrategy(*p.findCollection(QStringLiteral("orders")), items, s, node, &proposal,
                             p.targetDialect());
        });
        QCOMPARE(arrayStrategy(orders(), items), s);
    }
    QCOMPARE(orders(), proposal); // back to a child table: the proposal's own
    m_doc->undoStack()->undo();   // → skip
    QVERIFY(orders().excluded.contains(items));
    m_doc->undoStack()->undo(); // → PG array
    QCOMPARE(arrayStrategy(orders(), items), ArrayStrategy::PgArray);
    QCOMPARE(m_model->rowCount(), rowsBefore + 1);
    m_doc->undoStack()->undo(); // → JSON column
    QCOMPARE(arrayStrategy(orders(), items), ArrayStrategy::JsonColumn);
    const int json = rowOf(QStringLiteral("items"));
    QVERIFY(json >= 0);
    QCOMPARE(m_model->table()->columns[size_t(json)].type, ColumnType::Json);

    // Without a proposal the UI still builds a usable child table.
    m_doc->modify(QStringLiteral("strategy"), [&](Project &p) {
        setArrayStrategy(*p.findCollection(QStringLiteral("orders")), items,
                         ArrayStrategy::ChildTable, node, nullptr, p.targetDialect());
    });
    const TableMapping *child = tableAt(orders(), {int(orders().root.children.size()) - 1});
    QVERIFY(child);
    QCOMPARE(child->source, items);
    QVERIFY(!child->keyColumns().empty());
    QVERIFY(mappingProblems(orders(), Dialect::Postgres).isEmpty());
}

void TestMappingModel::dropFieldFromTree()
{
    FieldTreeModel fields(m_doc);
    QAbstractItemModelTester fieldTester(&fields,
                                         QAbstractItemModelTester::FailureReportingMode::QtTest);
    fields.setCollection(QStringLiteral("orders"));
    const QModelIndex customer = fields.indexOfPath(QStringLiteral("customer"));
    QVERIFY(customer.isValid());
    QVERIFY(fields.flags(customer) & Qt::ItemIsDragEnabled);
    QVERIFY(fields.mimeTypes().contains(fieldPathMimeType()));
    QVERIFY(fields.setData(customer, Qt::Unchecked, Qt::CheckStateRole));
    QCOMPARE(rowOf(QStringLiteral("customer")), -1);
    const int undoBefore = m_doc->undoStack()->count();

    // A view hands over every selected cell of the row: the path must arrive once.
    std::unique_ptr<QMimeData> data(
        fields.mimeData({customer, customer.siblingAtColumn(FieldTreeModel::TypesColumn)}));
    QVERIFY(data);
    QString collection;
    QStringList paths;
    QVERIFY(decodeFieldPaths(data.get(), &collection, &paths));
    QCOMPARE(collection, QStringLiteral("orders"));
    QCOMPARE(paths, QStringList{QStringLiteral("customer")});
    QVERIFY(m_model->flags({}) & Qt::ItemIsDropEnabled);
    QVERIFY(m_model->canDropMimeData(data.get(), Qt::CopyAction, -1, -1, {}));
    QVERIFY(m_model->dropMimeData(data.get(), Qt::CopyAction, -1, -1, {}));
    QVERIFY2(rowOf(QStringLiteral("customer")) >= 0, "the dropped field became no column");
    QCOMPARE(m_doc->undoStack()->count(), undoBefore + 1);
    QCOMPARE(customer.data(Qt::CheckStateRole).toInt(), int(Qt::Checked));
    // Now mapped: a second drop has nothing to add.
    QVERIFY(!m_model->canDropMimeData(data.get(), Qt::CopyAction, -1, -1, {}));

    m_doc->undoStack()->undo();
    QCOMPARE(rowOf(QStringLiteral("customer")), -1);
    m_doc->undoStack()->redo();
    QVERIFY(rowOf(QStringLiteral("customer")) >= 0);

    // Refused: a field of the child table, another collection's field, foreign mime data.
    std::unique_ptr<QMimeData> sku(
        fields.mimeData({fields.indexOfPath(QStringLiteral("items[].sku"))}));
    QVERIFY(sku);
    QVERIFY(!m_model->canDropMimeData(sku.get(), Qt::CopyAction, -1, -1, {}));
    std::unique_ptr<QMimeData> other(
        encodeFieldPaths(QStringLiteral("customers"), {QStringLiteral("customer")}));
    QVERIFY(!m_model->canDropMimeData(other.get(), Qt::CopyAction, -1, -1, {}));
    QMimeData text;
    text.setText(QStringLiteral("customer"));
    QVERIFY(!m_model->dropMimeData(&text, Qt::CopyAction, -1, -1, {}));
}

void TestMappingModel::mapStrategies()
{
    ProjectDocument doc;
    testdata::loadReviews(doc, QStringLiteral("postgresql://localhost/shop"));
    const QString ratings = QStringLiteral("ratings");
    const FieldNode *node = doc.schema(QStringLiteral("reviews"))->find(ratings);
    QVERIFY(node && node->mapLike);
    FieldTreeModel fields(&doc);
    QAbstractItemModelTester fieldTester(&fields,
                                         QAbstractItemModelTester::FailureReportingMode::QtTest);
    fields.setCollection(QStringLiteral("reviews"));
    const QModelIndex field = fields.indexOfPath(ratings);
    QVERIFY(field.data(FieldTreeModel::IsMapRole).toBool());
    QVERIFY(!field.data(FieldTreeModel::IsArrayRole).toBool());
    const QModelIndex shown = field.siblingAtColumn(FieldTreeModel::StrategyColumn);
    QCOMPARE(shown.data().toString(), fieldStrategyLabel(ArrayStrategy::ChildTable, true));

    auto reviews = [&doc] { return *doc.project().findCollection(QStringLiteral("reviews")); };
    const CollectionMapping proposal = reviews();
    QCOMPARE(arrayStrategy(proposal, ratings), ArrayStrategy::ChildTable);
    auto choose = [&](ArrayStrategy s, const CollectionMapping *from) {
        doc.modify(QStringLiteral("strategy"), [&](Project &p) {
            setArrayStrategy(*p.findCollection(QStringLiteral("reviews")), ratings, s, node, from,
                             p.targetDialect());
        });
    };
    auto keyValueTable = [&]() -> const TableMapping * {
        for (const TableMapping &t :
             doc.project().findCollection(QStringLiteral("reviews"))->root.children) {
            if (t.source == ratings)
                return &t;
        }
        return nullptr;
    };

    choose(ArrayStrategy::JsonColumn, &proposal);
    QCOMPARE(arrayStrategy(reviews(), ratings), ArrayStrategy::JsonColumn);
    QVERIFY(!keyValueTable());
    QCOMPARE(shown.data().toString(), arrayStrategyLabel(ArrayStrategy::JsonColumn));
    // A PostgreSQL array cannot hold a map's keys: it stays the same JSON column.
    const CollectionMapping asJson = reviews();
    const int steps = doc.undoStack()->count();
    choose(ArrayStrategy::PgArray, &proposal);
    QCOMPARE(reviews(), asJson);
    QCOMPARE(doc.undoStack()->count(), steps);
    choose(ArrayStrategy::Skip, &proposal);
    QVERIFY(reviews().excluded.contains(ratings));
    // Without the proposal the key/value table is built from the field's statistics.
    choose(ArrayStrategy::ChildTable, nullptr);
    const TableMapping *built = keyValueTable();
    QVERIFY(built);
    QCOMPARE(built->kind, TableKind::Map);
    bool hasKey = false;
    bool hasScore = false;
    for (const ColumnMapping &c : built->columns) {
        hasKey = hasKey || (c.role == ColumnRole::MapKey && c.primaryKey);
        hasScore = hasScore || (c.role == ColumnRole::Value && c.source == QStringLiteral("score"));
    }
    QVERIFY2(hasKey && hasScore, "the key/value table needs the key and the values' fields");
    QVERIFY(mappingProblems(reviews(), Dialect::Postgres).isEmpty());

    doc.undoStack()->undo(); // → skip
    QVERIFY(reviews().excluded.contains(ratings));
    doc.undoStack()->undo(); // → JSON
    QCOMPARE(reviews(), asJson);
    doc.undoStack()->undo(); // → the proposal's key/value table
    QCOMPARE(reviews(), proposal);
}

// A [lon, lat] pair is an array column by default (PostgreSQL array; JSON on SQLite); the
// child table is one strategy choice away, and back.
void TestMappingModel::numberPairChildTableOneChoiceAway()
{
    const QString field = QStringLiteral("geo.coordinates");
    ProjectDocument sqlite;
    testdata::loadPlaces(sqlite, QStringLiteral("sqlite:/tmp/places.sqlite"));
    QCOMPARE(arrayStrategy(*sqlite.project().findCollection(QStringLiteral("places")), field),
             ArrayStrategy::JsonColumn);

    ProjectDocument doc;
    testdata::loadPlaces(doc, QStringLiteral("postgresql://localhost/geo"));
    auto places = [&] { return *doc.project().findCollection(QStringLiteral("places")); };
    QCOMPARE(arrayStrategy(places(), field), ArrayStrategy::PgArray);
    QVERIFY(places().root.children.empty());
    const FieldNode *node = doc.schema(QStringLiteral("places"))->find(field);
    QVERIFY(node);
    const auto choose = [&](ArrayStrategy s) {
        doc.modify(QStringLiteral("strategy"), [&](Project &p) {
            setArrayStrategy(*p.findCollection(QStringLiteral("places")), field, s, node,
                             doc.proposal(QStringLiteral("places")), p.targetDialect());
        });
    };
    choose(ArrayStrategy::ChildTable);
    QCOMPARE(arrayStrategy(places(), field), ArrayStrategy::ChildTable);
    QCOMPARE(places().root.children.size(), size_t(1));
    const TableMapping &child = places().root.children.front();
    QCOMPARE(child.source, field);
    QCOMPARE(child.columns.back().type, ColumnType::Double);
    QVERIFY(mappingProblems(places(), Dialect::Postgres).isEmpty());
    choose(ArrayStrategy::PgArray);
    QCOMPARE(arrayStrategy(places(), field), ArrayStrategy::PgArray);
    QCOMPARE(places(), *doc.proposal(QStringLiteral("places")));
}

QTEST_MAIN(TestMappingModel)
#include "tst_model_mapping.moc"

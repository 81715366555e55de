#include "core/endpoint.h"
#include "models/field_tree_model.h"
#include "models/mapping_edits.h"
#include "models/mapping_model.h"
#include "models/preview_model.h"
#include "models/project_document.h"
#include "project/project_file.h"
#include "schema/type_mapper.h"
#include "stores/common/source.h"
#include "stores/stores.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace ferry;

// Edits a mapping of the demo shop through the models, saves it, opens it again and checks
// that the mapping and the preview the user saw came back unchanged.
class TestMappingRoundtrip : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void editSaveReopen();

private:
    void loadInto(ProjectDocument &doc, const Project &project);
    static QList<QStringList> previewCells(PreviewModel &model);

    std::shared_ptr<const FieldNode> m_schema;
    DocBatch m_samples;
    CollectionMapping m_proposal;
};

void TestMappingRoundtrip::initTestCase()
{
    // CTest sets FERRY_SOURCE_DIR; run by hand from build/tests the checkout is two up.
    const QString root = qEnvironmentVariable(
        "FERRY_SOURCE_DIR", QCoreApplication::applicationDirPath() + QStringLiteral("/../.."));
    const QString dir = root + QStringLiteral("/resources/demo/shop");
    auto endpoint = Endpoint::parse(QStringLiteral("dump:") + dir);
    QVERIFY(endpoint.ok());
    auto source = makeSource(*endpoint);
    QVERIFY2(source.ok(), qPrintable(source.ok() ? QString() : source.error().toString()));
    const Status opened = (*source)->open();
    QVERIFY2(opened.ok(), qPrintable(opened.error().toString()));
    auto docs = (*source)->sample(QStringLiteral("orders"), 50);
    QVERIFY2(docs.ok(), qPrintable(docs.ok() ? QString() : docs.error().toString()));
    QVERIFY(!docs->empty());
    SchemaInferrer inferrer;
    for (const BsonDoc &d : *docs) {
        inferrer.add(d.get());
        m_samples.append(d.get());
    }
    m_schema = inferrer.take();
    m_proposal = proposeMapping(QStringLiteral("orders"), *m_schema, qint64(docs->size()),
                                Dialect::Sqlite, ProjectOptions(), nullptr)
                     .mapping;
}

void TestMappingRoundtrip::loadInto(ProjectDocument &doc, const Project &project)
{
    doc.setSchema(QStringLiteral("orders"), m_schema);
    doc.setSamples(QStringLiteral("orders"), m_samples);
    doc.setProposal(m_proposal);
    doc.setProject(project);
}

QList<QStringList> TestMappingRoundtrip::previewCells(PreviewModel &model)
{
    QList<QStringList> out;
    QStringList header;
    for (int c = 0; c < model.columnCount(); ++c)
        header.append(model.headerData(c, Qt::Horizontal).toString());
    out.append(header);
    for (int r = 0; r < model.rowCount(); ++r) {
        QStringList row;
        for (int c = 0; c < model.columnCount(); ++c)
            row.append(model.index(r, c).data().toString());
        out.append(row);
    }
    return out;
}

void TestMappingRoundtrip::editSaveReopen()
{
    Project project;
    project.name = QStringLiteral("roundtrip");
    project.sourceUri = QStringLiteral("dump:/demo/shop");
    project.targetUri = QStringLiteral("sqlite:/tmp/roundtrip.sqlite");
    project.collections.push_back(m_proposal);
    ProjectDocument doc;
    loadInto(doc, project);

    MappingModel mapping(&doc);
    mapping.setTable(QStringLiteral("orders"), {});
    PreviewModel preview(&doc);
    preview.setTable(QStringLiteral("orders"), {});
    QVERIFY(preview.rowCount() > 0);

    // 1. rename the first value column, 2. change the type of the next one.
    int renamed = -1;
    for (int r = 0; r < mapping.rowCount() && renamed < 0; ++r) {
        if (mapping.table()->columns[size_t(r)].role == ColumnRole::Value)
            renamed = r;
    }
    QVERIFY(renamed >= 0);
    const QString oldName = mapping.index(renamed, 0).data().toString();
    QVERIFY(mapping.setData(mapping.index(renamed, MappingModel::NameColumn),
                            QStringLiteral("renamed_col")));
    const ColumnType newType = mapping.table()->columns[size_t(renamed)].type == ColumnType::Text
                                   ? ColumnType::Json
                                   : ColumnType::Text;
    QVERIFY(
        mapping.setData(mapping.index(renamed, MappingModel::TypeColumn), columnTypeName(newType)));
    // 3. an array: its child table becomes a JSON column.
    FieldTreeModel fields(&doc);
    fields.setCollection(QStringLiteral("orders"));
    QString arrayPath;
    for (int r = 0; r < fields.rowCount() && arrayPath.isEmpty(); ++r) {
        const QModelIndex i = fields.index(r, 0);
        if (i.data(FieldTreeModel::IsArrayRole).toBool())
            arrayPath = i.data(FieldTreeModel::PathRole).toString();
    }
    QVERIFY2(!arrayPath.isEmpty(), "the demo orders have an array field");
    QCOMPARE(arrayStrategy(*doc.project().findCollection(QStringLiteral("orders")), arrayPath),
             ArrayStrategy::ChildTable);
    const FieldNode *arrayNode = m_schema->find(arrayPath);
    doc.modify(QStringLiteral("json"), [&](Project &p) {
        setArrayStrategy(*p.findCollection(QStringLiteral("orders")), arrayPath,
                         ArrayStrategy::JsonColumn, arrayNode, &m_proposal, p.targetDialect());
    });
    QCOMPARE(doc.undoStack()->count(), 3);
    const Project edited = doc.project();

    // Undo everything, then redo: the same project again.
    while (doc.undoStack()->canUndo())
        doc.undoStack()->undo();
    QCOMPARE(doc.project().collections.front(), m_proposal);
    QCOMPARE(mapping.index(renamed, 0).data().toString(), oldName);
    while (doc.undoStack()->canRedo())
        doc.undoStack()->redo();
    QCOMPARE(doc.project(), edited);
    const QList<QStringList> before = previewCells(preview);
    QVERIFY(before.front().contains(QStringLiteral("renamed_col")));

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("roundtrip.ferry"));
    const Status saved = ProjectFile::save(doc.project(), path);
    QVERIFY2(saved.ok(), qPrintable(saved.error().toString()));
    doc.markSaved();
    QVERIFY(!doc.isModified());

    auto loaded = ProjectFile::load(path);
    QVERIFY2(loaded.ok(), qPrintable(loaded.ok() ? QString() : loaded.error().toString()));
    QCOMPARE(loaded->collections.front(), edited.collections.front());
    QCOMPARE(*loaded, edited);

    ProjectDocument reopened;
    loadInto(reopened, *loaded);
    PreviewModel again(&reopened);
    again.setTable(QStringLiteral("orders"), {});
    QCOMPARE(previewCells(again), before);
}

QTEST_MAIN(TestMappingRoundtrip)
#include "tst_model_mapping_roundtrip.moc"

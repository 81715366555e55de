// Nothing lost: a dump built to break a migration goes to SQLite and PostgreSQL, and every
// document is either written with every value intact or rejected with its reason — never
// altered silently. The mapping the run chose (saved with --save-project) says where to look.
#include "support/adversarial_dump.h"
#include "support/adversarial_values.h"
#include "support/cli_runner.h"
#include "support/sql_reader.h"
#include "support/test_services.h"

#include "project/project_file.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QtTest>

using namespace ferry;
using namespace ferry::test;

class TestAdversarial : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void nothingLost_data();
    void nothingLost();
    void idsDoNotCollide_data();
    void idsDoNotCollide();

private:
    struct Migrated {
        QJsonObject collection; // the report's entry
        CollectionMapping mapping;
        QString rejectFile;
        QString target;
    };
    // Runs migrate with rejects on; fails the test (returns false) when the run itself fails.
    bool migrate(const QString &kind, const QString &dump, const QString &name, Migrated *out);
    QTemporaryDir m_dir;
    QList<QByteArray> m_docs;
    QString m_dump;
};

namespace {

QString quoted(const QString &name)
{
    QString q = name;
    q.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QLatin1Char('"') + q + QLatin1Char('"');
}

Dialect dialectOf(const QString &kind)
{
    return kind == QLatin1String("sqlite") ? Dialect::Sqlite : Dialect::Postgres;
}

const ColumnMapping *columnFor(const TableMapping &table, const QString &source)
{
    for (const ColumnMapping &c : table.columns)
        if (c.role == ColumnRole::Value && c.source == source)
            return &c;
    return nullptr;
}

int indexOf(const QByteArray &doc)
{
    bson_t b;
    bson_iter_t it;
    if (bson_init_static(&b, reinterpret_cast<const uint8_t *>(doc.constData()),
                         size_t(doc.size())) &&
        bson_iter_init_find(&it, &b, "n"))
        return bson_iter_int32(&it);
    return -1;
}

// The reject file keeps a document as canonical Extended JSON, or, when JSON cannot hold it
// (invalid UTF-8), as the raw BSON in a $binary: either way `n` says which one it was.
int rejectedIndex(const QJsonObject &document)
{
    const QJsonObject binary = document.value(QStringLiteral("$binary")).toObject();
    if (binary.isEmpty()) {
        bool ok = false;
        const int n = document.value(QStringLiteral("n"))
                          .toObject()
                          .value(QStringLiteral("$numberInt"))
                          .toString()
                          .toInt(&ok);
        return ok ? n : -1;
    }
    return indexOf(
        QByteArray::fromBase64(binary.value(QStringLiteral("base64")).toString().toLatin1()));
}

} // namespace

void TestAdversarial::initTestCase()
{
    QVERIFY2(!cliPath().isEmpty(), "FERRY_CLI is not set: run the tests through ctest");
    m_docs = adversarialDocuments();
    m_dump = m_dir.filePath(QStringLiteral("adversarial.bson"));
    QVERIFY(writeBsonFile(m_dump, m_docs));
}

bool TestAdversarial::migrate(const QString &kind, const QString &dump, const QString &name,
                              Migrated *out)
{
    if (kind == QLatin1String("sqlite")) {
        out->target = QStringLiteral("sqlite:") + m_dir.filePath(name + QStringLiteral(".sqlite"));
    } else {
        out->target = freshPostgresDatabase(name);
        if (out->target.isEmpty())
            qFatal("PostgreSQL is not running: run the tests through ctest (scripts/test)");
    }
    const QString report =
        m_dir.filePath(name + QStringLiteral("-") + kind + QStringLiteral(".json"));
    const QString project =
        m_dir.filePath(name + QStringLiteral("-") + kind + QStringLiteral(".ferry"));
    const CliResult r = runFerryCli(
        {QStringLiteral("migrate"), QStringLiteral("--source"), QStringLiteral("dump:") + dump,
         QStringLiteral("--target"), out->target, QStringLiteral("--on-error"),
         QStringLiteral("reject"), QStringLiteral("--sample"), QStringLiteral("all"),
         QStringLiteral("--report"), report, QStringLiteral("--save-project"), project});
    [&] { QVERIFY2(r.exitCode == 0 || r.exitCode == 1, qPrintable(r.describe())); }();
    if (QTest::currentTestFailed())
        return false;
    out->collection =
        readJson(report).value(QStringLiteral("collections")).toArray().first().toObject();
    const QFileInfo info(report);
    out->rejectFile =
        info.dir().filePath(info.completeBaseName() + QStringLiteral(".rejects.ndjson"));
    const auto loaded = ProjectFile::load(project);
    [&] { QVERIFY2(bool(loaded), "the saved project does not load"); }();
    if (QTest::currentTestFailed())
        return false;
    out->mapping = loaded->collections.front();
    return true;
}

void TestAdversarial::nothingLost_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QList<int>>("rejectedDocs");
    // The NUL byte and the invalid UTF-8 cannot be text anywhere; SQLite's REAL cannot keep
    // NaN (it stores NULL) nor -0.0 (it stores 0). Everything else has a lossless home.
    QTest::newRow("sqlite") << QStringLiteral("sqlite") << QList<int>{1, 2, 5, 8};
    QTest::newRow("postgresql") << QStringLiteral("postgresql") << QList<int>{1, 2};
}

void TestAdversarial::nothingLost()
{
    QFETCH(QString, kind);
    QFETCH(QList<int>, rejectedDocs);
    Migrated m;
    QVERIFY(migrate(kind, m_dump, QStringLiteral("adv"), &m));
    const Dialect dialect = dialectOf(kind);

    // Every document is accounted for exactly once.
    const qint64 read = m.collection.value(QStringLiteral("read")).toInteger();
    const qint64 written = m.collection.value(QStringLiteral("written")).toInteger();
    const qint64 skipped = m.collection.value(QStringLiteral("skipped_existing")).toInteger();
    const qint64 rejected = m.collection.value(QStringLiteral("rejected")).toInteger();
    QCOMPARE(read, qint64(m_docs.size()));
    QCOMPARE(written + skipped + rejected, read);
    QCOMPARE(skipped, 0); // a fresh target: a skip here would be two ids merged into one

    // Every rejected document is in the reject file with a reason naming its field.
    QList<int> rejectedNow;
    QFile rejects(m.rejectFile);
    if (rejected > 0)
        QVERIFY2(rejects.open(QIODevice::ReadOnly), qPrintable(m.rejectFile));
    while (rejects.isOpen() && !rejects.atEnd()) {
        const QByteArray line = rejects.readLine();
        const QJsonObject o = QJsonDocument::fromJson(line).object();
        const int n = rejectedIndex(o.value(QStringLiteral("document")).toObject());
        QVERIFY2(n >= 0, line.left(300).constData());
        rejectedNow << n;
        const QString field = o.value(QStringLiteral("field")).toString();
        QVERIFY2(!field.isEmpty() && o.value(QStringLiteral("reason")).toString().contains(field),
                 line.left(300).constData());
    }
    std::sort(rejectedNow.begin(), rejectedNow.end());
    QCOMPARE(rejectedNow, rejectedDocs);
    QCOMPARE(qint64(rejectedNow.size()), rejected);

    // Every written document is there once, with each mapped value intact.
    SqlReader db(m.target);
    QVERIFY2(db.ok(), qPrintable(db.error()));
    const TableMapping &root = m.mapping.root;
    const ColumnMapping *nColumn = columnFor(root, QStringLiteral("n"));
    QVERIFY(nColumn);
    QStringList exprs{quoted(nColumn->column)};
    std::vector<const ColumnMapping *> checked;
    const ColumnMapping *extra = nullptr;
    for (const ColumnMapping &c : root.columns) {
        if (c.role == ColumnRole::Extra)
            extra = &c;
        if (c.role != ColumnRole::Value || c.source.isEmpty())
            continue;
        checked.push_back(&c);
        exprs << comparableExpression(quoted(c.column), c, dialect);
    }
    exprs << (extra ? quoted(extra->column) : QStringLiteral("NULL"));
    const QList<QStringList> rows =
        db.rows(QStringLiteral("SELECT %1 FROM %2")
                    .arg(exprs.join(QStringLiteral(", ")), quoted(root.table)));
    QVERIFY2(db.error().isEmpty(), qPrintable(db.error()));
    QCOMPARE(qint64(rows.size()), written);

    QStringList differences;
    QSet<int> seen;
    for (const QStringList &row : rows) {
        const int n = row.first().toInt();
        QVERIFY2(!seen.contains(n) && n >= 0 && n < m_docs.size(), qPrintable(row.first()));
        seen.insert(n);
        const QByteArray &raw = m_docs[n];
        bson_t doc;
        QVERIFY(bson_init_static(&doc, reinterpret_cast<const uint8_t *>(raw.constData()),
                                 size_t(raw.size())));
        for (size_t i = 0; i < checked.size(); ++i) {
            bson_iter_t it, found;
            bson_iter_init(&it, &doc);
            const QByteArray path = checked[i]->source.toUtf8();
            const bool present = bson_iter_find_descendant(&it, path.constData(), &found);
            QString why;
            if (!sameStoredValue(present ? &found : nullptr, *checked[i], dialect,
                                 row.at(qsizetype(i) + 1), &why))
                differences << QStringLiteral("doc %1, field `%2` → column `%3`: %4")
                                   .arg(n)
                                   .arg(checked[i]->source, checked[i]->column, why);
        }
        // A top-level field no column or child table reads from must be kept in the extra column.
        QJsonObject extraObject;
        const QString extraText = row.last();
        bson_iter_t it;
        bson_iter_init(&it, &doc);
        while (bson_iter_next(&it)) {
            const QString key = QString::fromUtf8(bson_iter_key(&it));
            bool mapped = false;
            for (const ColumnMapping &c : root.columns)
                mapped = mapped || (c.role == ColumnRole::Value &&
                                    c.source.split(QLatin1Char('.')).first() == key);
            for (const TableMapping &child : root.children)
                mapped = mapped || child.source.split(QLatin1Char('.')).first() == key;
            if (mapped)
                continue;
            const QJsonObject extraJson = QJsonDocument::fromJson(extraText.toUtf8()).object();
            if (!extraJson.contains(key)) {
                differences << QStringLiteral(
                                   "doc %1: field `%2` is in no column and not in the extra column")
                                   .arg(n)
                                   .arg(key);
                continue;
            }
            QString why;
            const QByteArray value =
                QJsonDocument(QJsonArray{extraJson.value(key)}).toJson(QJsonDocument::Compact);
            if (!sameJsonValue(&it, value.mid(1, value.size() - 2), &why))
                differences << QStringLiteral("doc %1: extra field `%2`: %3").arg(n).arg(key, why);
        }
    }
    QVERIFY2(differences.isEmpty(), qPrintable(differences.join(QLatin1Char('\n'))));

    // Arrays land in child tables: one row per element of every written document.
    for (const TableMapping &child : root.children) {
        qint64 expected = 0;
        for (const QByteArray &raw : std::as_const(m_docs)) {
            if (rejectedDocs.contains(indexOf(raw)))
                continue;
            bson_t doc;
            bson_iter_t it, found, element;
            bson_init_static(&doc, reinterpret_cast<const uint8_t *>(raw.constData()),
                             size_t(raw.size()));
            bson_iter_init(&it, &doc);
            const QByteArray path = child.source.toUtf8();
            if (bson_iter_find_descendant(&it, path.constData(), &found) &&
                BSON_ITER_HOLDS_ARRAY(&found) && bson_iter_recurse(&found, &element))
                while (bson_iter_next(&element))
                    ++expected;
        }
        QCOMPARE(db.scalar(QStringLiteral("SELECT count(*) FROM %1").arg(quoted(child.table)))
                     .toLongLong(),
                 expected);
    }
    // Names the target could not take as they are were changed, never dropped: each awkward
    // field has its column, and the Cyrillic name keeps its spelling.
    const QStringList columns = db.columns(root.table);
    for (const QString &source :
         {QStringLiteral("имя"), QStringLiteral("select"), QStringLiteral("user"),
          QStringLiteral("order"), QStringLiteral("with space"), QStringLiteral("$dollar"),
          QStringLiteral("a_b"), QStringLiteral("a.b"), longFieldName()}) {
        const ColumnMapping *c = columnFor(root, source);
        QVERIFY2(c && columns.contains(c->column),
                 qPrintable(source + QStringLiteral(": ") + columns.join(QLatin1Char(','))));
    }
    QCOMPARE(columnFor(root, QStringLiteral("имя"))->column, QStringLiteral("имя"));
}

void TestAdversarial::idsDoNotCollide_data()
{
    QTest::addColumn<QString>("kind");
    QTest::newRow("sqlite") << QStringLiteral("sqlite");
    QTest::newRow("postgresql") << QStringLiteral("postgresql");
}

void TestAdversarial::idsDoNotCollide()
{
    QFETCH(QString, kind);
    const QList<QByteArray> docs = collidingIdDocuments();
    const QString dump = m_dir.filePath(QStringLiteral("ids.bson"));
    QVERIFY(writeBsonFile(dump, docs));
    Migrated m;
    QVERIFY(migrate(kind, dump, QStringLiteral("ids"), &m));
    // 5 and "5" are two documents in MongoDB: both must arrive, none "already there".
    QCOMPARE(m.collection.value(QStringLiteral("written")).toInteger(), qint64(docs.size()));
    QCOMPARE(m.collection.value(QStringLiteral("skipped_existing")).toInteger(), 0);
    QCOMPARE(m.collection.value(QStringLiteral("rejected")).toInteger(), 0);
    SqlReader db(m.target);
    QVERIFY2(db.ok(), qPrintable(db.error()));
    const TableMapping &root = m.mapping.root;
    const ColumnMapping *pk = root.primaryKey();
    QVERIFY(pk);
    QCOMPARE(db.scalar(QStringLiteral("SELECT count(DISTINCT %1) FROM %2")
                           .arg(quoted(pk->column), quoted(root.table)))
                 .toLongLong(),
             qint64(docs.size()));
}

QTEST_GUILESS_MAIN(TestAdversarial)
#include "tst_adversarial.moc"

// Rejects are durable before their batch commits: a run killed (SIGKILL, through the
// FERRY_TEST_CRASH_AT hook) after a batch's rejects are synced but before the batch commits,
// or after the commit but before the next batch, resumes to every document in the target or
// in the reject file exactly once.
#include "support/cli_runner.h"
#include "support/sql_reader.h"
#include "support/test_services.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QtTest>

using namespace ferry::test;

namespace {

constexpr int Documents = 100;

// Document i is refused by the mapping (age is text, the mapping says integer) when
// i % 10 == 3, and by the target (a CHECK the test adds) when i % 10 == 7.
bool refused(int id)
{
    return id % 10 == 3 || id % 10 == 7;
}

// The _id of every line of a reject file, in order (repeats kept).
QList<int> rejectIds(const QString &path)
{
    QList<int> ids;
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return ids;
    for (const QByteArray &line : f.readAll().split('\n')) {
        if (line.trimmed().isEmpty())
            continue;
        const QJsonObject doc =
            QJsonDocument::fromJson(line).object().value(QStringLiteral("document")).toObject();
        const QJsonValue id = doc.value(QStringLiteral("_id"));
        ids << (id.isObject() ? id.toObject().value(QStringLiteral("$numberInt")).toString().toInt()
                              : -1);
    }
    return ids;
}

} // namespace

class TestRejectDurability : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void killedAtEachPoint_data();
    void killedAtEachPoint();
    void oldCheckpointTableStillLoads_data();
    void oldCheckpointTableStillLoads();

private:
    // A project for people.json into `target`, whose table exists with the CHECK above.
    QString prepare(const QString &kind, const QString &name, QString *target);
    QString m_input;
    QTemporaryDir m_dir;
};

void TestRejectDurability::initTestCase()
{
    QVERIFY2(!cliPath().isEmpty(), "FERRY_CLI is not set: run the tests through ctest");
    m_input = m_dir.filePath(QStringLiteral("people.json"));
    QFile f(m_input);
    QVERIFY(f.open(QIODevice::WriteOnly));
    for (int i = 0; i < Documents; ++i) {
        const QString age = i % 10 == 3   ? QStringLiteral("\"forty\"")
                            : i % 10 == 7 ? QString::number(5000 + i)
                                          : QString::number(20 + i);
        f.write(QStringLiteral("{\"_id\": %1, \"age\": %2}\n").arg(i).arg(age).toUtf8());
    }
}

QString TestRejectDurability::prepare(const QString &kind, const QString &name, QString *target)
{
    *target = freshTarget(kind, name, m_dir.path());
    const QString project = m_dir.filePath(name + QStringLiteral(".ferry"));
    CliResult r = runFerryCli({QStringLiteral("infer"), QStringLiteral("--source"),
                               QStringLiteral("dump:") + m_input, QStringLiteral("--target"),
                               *target, QStringLiteral("-o"), project});
    if (r.exitCode != 0)
        return QStringLiteral("infer: ") + r.describe();
    QFile pf(project);
    if (!pf.open(QIODevice::ReadWrite))
        return pf.errorString();
    QByteArray text = pf.readAll();
    // Inference saw a string among the ages and chose text; the user insists on integer.
    const qsizetype at = text.indexOf("\"source\": \"age\"");
    const qsizetype typeAt = text.indexOf("\"type\": \"", at);
    const qsizetype typeEnd = text.indexOf('"', typeAt + 9);
    if (at < 0 || typeAt < 0)
        return QStringLiteral("no age column in the project");
    text.replace(typeAt, typeEnd - typeAt + 1, "\"type\": \"integer\"");
    pf.resize(0);
    pf.write(text);
    pf.close();

    // The table as Ferry would create it, plus a CHECK the target enforces on its own.
    const QString dry = m_dir.filePath(name + QStringLiteral("-dry.json"));
    r = runFerryCli({QStringLiteral("dry-run"), project, QStringLiteral("--report"), dry});
    if (r.exitCode != 0 && r.exitCode != 1) // 1: the sample has rejects, as it should
        return QStringLiteral("dry-run: ") + r.describe();
    QString ddl = readJson(dry)
                      .value(QStringLiteral("collections"))
                      .toArray()
                      .first()
                      .toObject()
                      .value(QStringLiteral("dry_run"))
                      .toObject()
                      .value(QStringLiteral("ddl"))
                      .toArray()
                      .first()
                      .toString();
    ddl.replace(QRegularExpression(QStringLiteral("(\"age\" \\w+ NOT NULL)")),
                QStringLiteral("\\1 CHECK (\"age\" < 1000)"));
    if (!ddl.contains(QLatin1String("CHECK")))
        return QStringLiteral("unexpected DDL: ") + ddl;
    SqlReader db(*target);
    db.rows(ddl);
    if (!db.ok())
        return db.error();
    return {};
}

void TestRejectDurability::killedAtEachPoint_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QStringList>("crashes"); // one killed run each, the first without --resume
    // Batches of 10: each has one reject from the mapping (hit 1, 3, 5 … of rejects-synced)
    // and one from the target, found by probing (hit 2, 4, 6 …).
    const QList<std::pair<const char *, QStringList>> cases = {
        {"first batch, mapping rejects synced", {QStringLiteral("rejects-synced:1")}},
        {"first batch, target rejects synced", {QStringLiteral("rejects-synced:2")}},
        {"after a commit, then mid-batch",
         {QStringLiteral("batch-committed:3"), QStringLiteral("rejects-synced:4")}},
        {"mid-batch twice, then after a commit",
         {QStringLiteral("rejects-synced:5"), QStringLiteral("rejects-synced:2"),
          QStringLiteral("batch-committed:2")}},
    };
    for (const QString &kind : {QStringLiteral("sqlite"), QStringLiteral("postgresql")})
        for (const auto &[name, crashes] : cases)
            QTest::newRow(qPrintable(kind + QStringLiteral(": ") + QLatin1String(name)))
                << kind << crashes;
}

void TestRejectDurability::killedAtEachPoint()
{
    QFETCH(QString, kind);
    QFETCH(QStringList, crashes);
    static int serial = 0;
    const QString name = QStringLiteral("%1-%2").arg(kind).arg(++serial);
    QString target;
    const QString problem = prepare(kind, name, &target);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    const QString project = m_dir.filePath(name + QStringLiteral(".ferry"));
    const QString report = m_dir.filePath(name + QStringLiteral("-report.json"));
    const QString rejects = m_dir.filePath(name + QStringLiteral("-report.rejects.ndjson"));
    const QStringList common = {QStringLiteral("--batch-size"), QStringLiteral("10"),
                                QStringLiteral("--on-error"),   QStringLiteral("reject"),
                                QStringLiteral("--report"),     report};

    for (qsizetype i = 0; i < crashes.size(); ++i) {
        QStringList args = {QStringLiteral("run"), project};
        if (i > 0)
            args << QStringLiteral("--resume");
        const CliResult r = runFerryCli(args + common, 120000,
                                        {QStringLiteral("FERRY_TEST_CRASH_AT=") + crashes[i]});
        QVERIFY2(r.exitCode == -2,
                 qPrintable(QStringLiteral("not killed at %1: %2").arg(crashes[i], r.describe())));
    }
    const CliResult r = runFerryCli(
        QStringList{QStringLiteral("run"), project, QStringLiteral("--resume")} + common);
    QVERIFY2(r.exitCode == 1, qPrintable(r.describe()));

    const QJsonObject c =
        readJson(report).value(QStringLiteral("collections")).toArray().first().toObject();
    QCOMPARE(c.value(QStringLiteral("read")).toInteger(), Documents);
    QCOMPARE(c.value(QStringLiteral("written")).toInteger(), Documents * 8 / 10);
    QCOMPARE(c.value(QStringLiteral("rejected")).toInteger(), Documents * 2 / 10);

    SqlReader db(target);
    QSet<int> written;
    for (const QStringList &row : db.rows(QStringLiteral("SELECT \"_id\" FROM people")))
        written.insert(row.first().toInt());
    QVERIFY2(db.ok(), qPrintable(db.error()));
    const QList<int> rejected = rejectIds(rejects);
    QSet<int> seen;
    for (int id : rejected) {
        QVERIFY2(!seen.contains(id), qPrintable(QStringLiteral("%1 is in the reject file twice "
                                                               "(lines: %2)")
                                                    .arg(id)
                                                    .arg(rejected.size())));
        seen.insert(id);
        QVERIFY2(!written.contains(id),
                 qPrintable(QStringLiteral("%1 is in the target and the reject file").arg(id)));
    }
    for (int id = 0; id < Documents; ++id) {
        QVERIFY2(written.contains(id) || seen.contains(id),
                 qPrintable(QStringLiteral("document %1 is neither in the target nor in the "
                                           "reject file")
                                .arg(id)));
        QCOMPARE(seen.contains(id), refused(id));
    }
}

void TestRejectDurability::oldCheckpointTableStillLoads_data()
{
    QTest::addColumn<QString>("kind");
    QTest::newRow("sqlite") << QStringLiteral("sqlite");
    QTest::newRow("postgresql") << QStringLiteral("postgresql");
}

// A checkpoint table written before Ferry recorded the reject file's length has no column
// for it: a resume still loads it, continues where it stopped, and adds the column. On
// PostgreSQL the old tables also sit in the user's schema: the resume moves them to `ferry`.
void TestRejectDurability::oldCheckpointTableStillLoads()
{
    QFETCH(QString, kind);
    const QString name = kind + QStringLiteral("-old");
    QString target;
    const QString problem = prepare(kind, name, &target);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    const QString project = m_dir.filePath(name + QStringLiteral(".ferry"));
    const QString report = m_dir.filePath(name + QStringLiteral("-report.json"));
    const QStringList common = {QStringLiteral("--batch-size"), QStringLiteral("10"),
                                QStringLiteral("--on-error"),   QStringLiteral("reject"),
                                QStringLiteral("--report"),     report};
    CliResult r = runFerryCli(QStringList{QStringLiteral("run"), project} + common, 120000,
                              {QStringLiteral("FERRY_TEST_CRASH_AT=batch-committed:3")});
    QVERIFY2(r.exitCode == -2, qPrintable(r.describe()));
    const bool pg = kind != QLatin1String("sqlite");
    {
        SqlReader db(target);
        if (pg) {
            // Ferry kept its tables in the user's schema before the schema `ferry`.
            db.rows(QStringLiteral(
                "DO $$DECLARE t text; BEGIN FOR t IN SELECT relname FROM pg_class WHERE "
                "relnamespace = 'ferry'::regnamespace AND relkind = 'r' LOOP EXECUTE "
                "format('ALTER TABLE ferry.%I SET SCHEMA public', t); END LOOP; DROP SCHEMA "
                "ferry; END$$"));
            QVERIFY2(db.ok(), qPrintable(db.error()));
        }
        db.rows(QStringLiteral("ALTER TABLE _ferry_checkpoints DROP COLUMN reject_bytes"));
        QVERIFY2(db.ok(), qPrintable(db.error()));
    }
    r = runFerryCli(QStringList{QStringLiteral("run"), project, QStringLiteral("--resume")} +
                    common);
    QVERIFY2(r.exitCode == 1, qPrintable(r.describe()));
    QVERIFY2(r.stdErr.contains("resuming after 30 documents"), qPrintable(r.describe()));
    const QJsonObject c =
        readJson(report).value(QStringLiteral("collections")).toArray().first().toObject();
    QCOMPARE(c.value(QStringLiteral("read")).toInteger(), Documents);
    QCOMPARE(c.value(QStringLiteral("written")).toInteger() +
                 c.value(QStringLiteral("rejected")).toInteger(),
             Documents);
    SqlReader db(target);
    const QString checkpoints =
        pg ? QStringLiteral("ferry._ferry_checkpoints") : QStringLiteral("_ferry_checkpoints");
    QCOMPARE(db.scalar(QStringLiteral("SELECT reject_bytes IS NOT NULL FROM %1").arg(checkpoints)),
             pg ? QStringLiteral("t") : QStringLiteral("1"));
    if (pg) // moved out of the user's schema, every one of them
        QCOMPARE(
            db.scalar(QStringLiteral("SELECT count(*) FROM pg_class WHERE relnamespace = "
                                     "'public'::regnamespace AND relname LIKE '\\_ferry\\_%'")),
            QStringLiteral("0"));
}

QTEST_GUILESS_MAIN(TestRejectDurability)
#include "tst_reject_durability.moc"

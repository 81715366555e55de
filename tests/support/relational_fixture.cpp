#include "support/relational_fixture.h"

#include <QAtomicInt>
#include <QDateTime>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

#include <pqxx/pqxx>

namespace ferry::test {

namespace {

constexpr int Experiments = 5;
constexpr int Runs = 20;
constexpr int Metrics = 200;
constexpr int ParamsPerRun = 3;
constexpr int TagsPerRun = 2;
constexpr int Models = 3;
constexpr int ModelVersions = 6;
constexpr int Resources = 10;
constexpr qint64 BaseMs = 1700000000000; // 2023-11-14T22:13:20Z

enum class Dialect { Sqlite, Postgres };

QString text(const QString &s)
{
    QString q = s;
    q.replace(QLatin1Char('\''), QLatin1String("''"));
    return QLatin1Char('\'') + q + QLatin1Char('\'');
}

QString timestamp(qint64 ms, Dialect d)
{
    const QString iso = QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC)
                            .toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz"));
    return d == Dialect::Sqlite ? text(iso + QLatin1Char('Z')) : text(iso + QLatin1String("+00"));
}

QString blob(const QByteArray &b, Dialect d)
{
    if (b.isNull())
        return QStringLiteral("NULL");
    const QString hex = QString::fromLatin1(b.toHex());
    return d == Dialect::Sqlite ? QStringLiteral("X'%1'").arg(hex)
                                : QStringLiteral("'\\x%1'::bytea").arg(hex);
}

QString boolean(bool b, Dialect d)
{
    return d == Dialect::Sqlite ? QString::number(b ? 1 : 0)
                                : QString::fromLatin1(b ? "true" : "false");
}

QStringList schema(Dialect d)
{
    const bool pg = d == Dialect::Postgres;
    const QString ts = pg ? QStringLiteral("timestamptz") : QStringLiteral("DATETIME");
    QStringList s;
    s << QStringLiteral("CREATE TABLE experiments (id %1 PRIMARY KEY, name TEXT NOT NULL UNIQUE, "
                        "description TEXT, created_at %2, archived BOOLEAN, budget %3%4)")
             .arg(pg ? QStringLiteral("bigint") : QStringLiteral("INTEGER"), ts,
                  // SQLite's NUMERIC affinity would round 30 digits to a REAL on insert;
                  // a declared type containing TEXT keeps them (and still says DECIMAL).
                  pg ? QStringLiteral("NUMERIC(40,10)") : QStringLiteral("DECIMAL TEXT"),
                  pg ? QStringLiteral(", settings jsonb, labels text[]") : QString());
    s << QStringLiteral("CREATE TABLE runs (id INTEGER PRIMARY KEY, experiment_id INTEGER NOT NULL "
                        "REFERENCES experiments(id), name TEXT, status TEXT, started_at %1, "
                        "artifact %2)")
             .arg(ts, pg ? QStringLiteral("bytea") : QStringLiteral("BLOB"));
    s << QStringLiteral("CREATE TABLE metrics (id INTEGER PRIMARY KEY, run_id INTEGER NOT NULL "
                        "REFERENCES runs(id), key TEXT NOT NULL, value %1, step BIGINT, "
                        "\"timestamp\" %2)")
             .arg(pg ? QStringLiteral("double precision") : QStringLiteral("REAL"), ts);
    s << QStringLiteral("CREATE TABLE params (run_id INTEGER NOT NULL REFERENCES runs(id), key "
                        "TEXT NOT NULL, value TEXT, PRIMARY KEY (run_id, key))");
    s << QStringLiteral("CREATE TABLE tags (run_id INTEGER NOT NULL REFERENCES runs(id), key TEXT, "
                        "value TEXT)");
    s << QStringLiteral("CREATE TABLE registered_models (name TEXT PRIMARY KEY, description TEXT, "
                        "created %1)")
             .arg(ts);
    s << QStringLiteral("CREATE TABLE model_versions (id INTEGER PRIMARY KEY, model_name TEXT NOT "
                        "NULL REFERENCES registered_models(name), run_id INTEGER REFERENCES "
                        "runs(id), version INTEGER NOT NULL, uuid %1, created %2, UNIQUE "
                        "(model_name, version))")
             .arg(pg ? QStringLiteral("uuid") : QStringLiteral("UUID"), ts);
    s << QStringLiteral("CREATE TABLE resources (id INTEGER PRIMARY KEY, name TEXT NOT NULL)");
    s << QStringLiteral("CREATE TABLE resource_dependencies (resource_id INTEGER NOT NULL "
                        "REFERENCES resources(id), depends_on_id INTEGER NOT NULL REFERENCES "
                        "resources(id), PRIMARY KEY (resource_id, depends_on_id))");
    // Bookkeeping tables of Ferry itself must not be listed as data.
    s << QStringLiteral("CREATE TABLE _ferry_checkpoints (k TEXT)");
    return s;
}

QStringList rows(Dialect d)
{
    const bool pg = d == Dialect::Postgres;
    QStringList s;
    for (int e = 1; e <= Experiments; ++e) {
        const QString name =
            e == 1 ? RelationalFixture::unicodeName() : QStringLiteral("experiment-%1").arg(e);
        const QString description =
            e == 1 ? QStringLiteral("NULL") : text(QStringLiteral("it's run %1").arg(e));
        const QString budget =
            e == 1 ? RelationalFixture::budgetDigits() : QStringLiteral("%1.5").arg(e * 1000);
        QString extra;
        if (pg) {
            const char *settings[] = {"'{\"lr\": 0.01, \"layers\": [64, 32], \"opt\": {\"name\": "
                                      "\"adam\"}}'",
                                      "'[1, 2, 3]'", "'\"plain\"'", "NULL", "'{}'"};
            extra = QStringLiteral(", %1, %2")
                        .arg(QLatin1String(settings[e - 1]),
                             e == 1 ? QStringLiteral("ARRAY['a', 'b c', NULL]")
                                    : QStringLiteral("'{}'"));
        }
        s << QStringLiteral("INSERT INTO experiments VALUES (%1, %2, %3, %4, %5, %6%7)")
                 .arg(e)
                 .arg(text(name), description,
                      timestamp(RelationalFixture::experimentCreatedMs(e), d),
                      boolean(e % 2 == 0, d), text(budget), extra);
    }
    for (int r = 1; r <= Runs; ++r)
        s << QStringLiteral("INSERT INTO runs VALUES (%1, %2, %3, %4, %5, %6)")
                 .arg(r)
                 .arg((r - 1) % Experiments + 1)
                 .arg(text(QStringLiteral("run-%1").arg(r)),
                      r % 3 == 0 ? QStringLiteral("NULL") : text(QStringLiteral("FINISHED")),
                      timestamp(BaseMs + r * 60000, d), blob(RelationalFixture::artifact(r), d));
    for (int m = 1; m <= Metrics; ++m)
        s << QStringLiteral("INSERT INTO metrics VALUES (%1, %2, %3, %4, %5, %6)")
                 .arg(m)
                 .arg((m - 1) % Runs + 1)
                 .arg(text(m % 2 ? QStringLiteral("loss") : QStringLiteral("accuracy")),
                      QString::number(RelationalFixture::metricValue(m), 'g', 17))
                 .arg(RelationalFixture::metricStep(m))
                 .arg(timestamp(BaseMs + m * 1000 + 7, d));
    for (int r = 1; r <= Runs; ++r)
        for (int p = 0; p < ParamsPerRun; ++p)
            s << QStringLiteral("INSERT INTO params VALUES (%1, %2, %3)")
                     .arg(r)
                     .arg(text(QStringLiteral("p%1").arg(p)), text(QString::number(r * 10 + p)));
    for (int r = 1; r <= Runs; ++r)
        for (int t = 0; t < TagsPerRun; ++t)
            s << QStringLiteral("INSERT INTO tags VALUES (%1, %2, %3)")
                     .arg(r)
                     .arg(text(QStringLiteral("tag%1").arg(t)),
                          t ? QStringLiteral("NULL") : text(QStringLiteral("τ-%1").arg(r)));
    for (int m = 1; m <= Models; ++m)
        s << QStringLiteral("INSERT INTO registered_models VALUES (%1, %2, %3)")
                 .arg(text(QStringLiteral("model-%1").arg(m)),
                      text(QStringLiteral("model number %1").arg(m)),
                      timestamp(BaseMs + m * 3600000, d));
    for (int v = 1; v <= ModelVersions; ++v)
        s << QStringLiteral("INSERT INTO model_versions VALUES (%1, %2, %3, %4, %5, %6)")
                 .arg(v)
                 .arg(text(QStringLiteral("model-%1").arg((v - 1) % Models + 1)))
                 .arg(v * 3)
                 .arg((v - 1) / Models + 1)
                 .arg(text(RelationalFixture::modelVersionUuid(v)),
                      timestamp(BaseMs + v * 7200000, d));
    for (int r = 1; r <= Resources; ++r)
        s << QStringLiteral("INSERT INTO resources VALUES (%1, %2)")
                 .arg(r)
                 .arg(text(QStringLiteral("resource-%1").arg(r)));
    for (int r = 2; r <= Resources; ++r) {
        s << QStringLiteral("INSERT INTO resource_dependencies VALUES (%1, %2)").arg(r).arg(r - 1);
        if (r % 3 == 0)
            s << QStringLiteral("INSERT INTO resource_dependencies VALUES (%1, 1)").arg(r);
    }
    return s;
}

} // namespace

QStringList RelationalFixture::tables()
{
    return rowCounts().keys();
}

QMap<QString, qint64> RelationalFixture::rowCounts()
{
    qint64 deps = 0;
    for (int r = 2; r <= Resources; ++r)
        deps += r % 3 == 0 ? 2 : 1;
    return {{QStringLiteral("experiments"), Experiments},
            {QStringLiteral("metrics"), Metrics},
            {QStringLiteral("model_versions"), ModelVersions},
            {QStringLiteral("params"), Runs * ParamsPerRun},
            {QStringLiteral("registered_models"), Models},
            {QStringLiteral("resource_dependencies"), deps},
            {QStringLiteral("resources"), Resources},
            {QStringLiteral("runs"), Runs},
            {QStringLiteral("tags"), Runs * TagsPerRun}};
}

QString RelationalFixture::budgetDigits()
{
    return QStringLiteral("12345678901234567890.1234567890");
}

QString RelationalFixture::unicodeName()
{
    return QStringLiteral("Σύνολο – ñandú 🚀 'quoted'");
}

qint64 RelationalFixture::experimentCreatedMs(int id)
{
    return BaseMs + id * 86400000LL + 123;
}

qint64 RelationalFixture::metricStep(int id)
{
    return id == 7 ? 5000000000LL : id * 10;
}

double RelationalFixture::metricValue(int id)
{
    return 1.0 / double(id) + 0.1;
}

QByteArray RelationalFixture::artifact(int runId)
{
    if (runId % 2)
        return {};
    QByteArray b;
    for (int i = 0; i < 8 + runId; ++i)
        b.append(char((i * 37 + runId) & 0xff));
    return b;
}

QString RelationalFixture::modelVersionUuid(int id)
{
    return QStringLiteral("6f1c2a3b-4d5e-4f60-8a7b-%1").arg(id, 12, 10, QLatin1Char('0'));
}

QString RelationalFixture::createSqlite(const QString &path)
{
    QFile::remove(path);
    static QAtomicInt counter;
    const QString name = QStringLiteral("ferry_fixture_%1").arg(counter.fetchAndAddRelaxed(1));
    QString error;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        if (!db.open()) {
            error = db.lastError().text();
        } else {
            db.transaction();
            QSqlQuery q(db);
            for (const QString &stmt : schema(Dialect::Sqlite) + rows(Dialect::Sqlite)) {
                if (!q.exec(stmt)) {
                    error = stmt + QStringLiteral(": ") + q.lastError().text();
                    break;
                }
            }
            db.commit();
            db.close();
        }
    }
    QSqlDatabase::removeDatabase(name);
    return error;
}

QString RelationalFixture::createPostgres(const QString &uri)
{
    try {
        pqxx::connection c(uri.toStdString());
        pqxx::work tx(c);
        for (const QString &stmt : schema(Dialect::Postgres) + rows(Dialect::Postgres))
            tx.exec(stmt.toStdString());
        tx.commit();
    } catch (const std::exception &e) {
        return QString::fromUtf8(e.what());
    }
    return {};
}

} // namespace ferry::test

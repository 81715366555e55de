#include "support/cli_runner.h"

#include "support/test_services.h"

#include <bson/bson.h>
#include <mongoc/mongoc.h>

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>

namespace ferry::test {

QString CliResult::describe() const
{
    return QStringLiteral("exit %1\n--- stdout\n%2\n--- stderr\n%3")
        .arg(exitCode)
        .arg(QString::fromUtf8(stdOut.right(4000)), QString::fromUtf8(stdErr.right(4000)));
}

CliResult runFerryCli(const QStringList &args, int timeoutMs, const QStringList &extraEnv)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const QString &kv : extraEnv) {
        const qsizetype eq = kv.indexOf(QLatin1Char('='));
        env.insert(kv.left(eq), kv.mid(eq + 1));
    }
    p.setProcessEnvironment(env);
    p.start(cliPath(), args);
    CliResult r;
    if (!p.waitForStarted()) {
        r.stdErr = "could not start " + cliPath().toUtf8();
        return r;
    }
    p.waitForFinished(timeoutMs);
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2;
    r.stdOut = p.readAllStandardOutput();
    r.stdErr = p.readAllStandardError();
    return r;
}

CliResult runPartitionsAtOnce(const QString &project, int n, const QStringList &extraArgs,
                              int timeoutMs)
{
    std::vector<std::unique_ptr<QProcess>> parts;
    for (int k = 0; k < n; ++k) {
        auto p = std::make_unique<QProcess>();
        p->start(cliPath(),
                 QStringList{QStringLiteral("run"), project, QStringLiteral("--partition"),
                             QStringLiteral("%1/%2").arg(k).arg(n)} +
                     extraArgs);
        parts.push_back(std::move(p));
    }
    CliResult first;
    first.exitCode = 0;
    for (auto &p : parts) {
        CliResult r;
        if (!p->waitForStarted()) {
            r.stdErr = "could not start " + cliPath().toUtf8();
        } else {
            p->waitForFinished(timeoutMs);
            r.exitCode = p->exitStatus() == QProcess::NormalExit ? p->exitCode() : -2;
            r.stdOut = p->readAllStandardOutput();
            r.stdErr = p->readAllStandardError();
        }
        if (r.exitCode != 0 && first.exitCode == 0)
            first = r;
    }
    return first;
}

QJsonObject readJson(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(f.readAll()).object();
}

QString addProjectReference(const QString &path, const QString &collection, const QString &column,
                            const QString &toCollection, const QString &toColumn)
{
    QJsonObject root = readJson(path);
    QJsonArray collections = root.value(u"collections"_qs).toArray();
    for (qsizetype i = 0; i < collections.size(); ++i) {
        QJsonObject c = collections.at(i).toObject();
        if (c.value(u"collection"_qs).toString() != collection)
            continue;
        QJsonArray refs = c.value(u"references"_qs).toArray();
        refs.append(QJsonObject{
            {u"column"_qs, column}, {u"collection"_qs, toCollection}, {u"to_column"_qs, toColumn}});
        c.insert(u"references"_qs, refs);
        collections[i] = c;
        root.insert(u"collections"_qs, collections);
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) ||
            f.write(QJsonDocument(root).toJson()) < 0)
            return QStringLiteral("cannot write %1: %2").arg(path, f.errorString());
        return {};
    }
    return QStringLiteral("%1 has no collection %2").arg(path, collection);
}

bool loadJsonIntoMongo(const QString &uri, const QString &collection, const QString &jsonFile)
{
    mongoc_init();
    bson_error_t error;
    mongoc_uri_t *u = mongoc_uri_new_with_error(uri.toUtf8().constData(), &error);
    if (!u)
        return false;
    mongoc_client_t *client = mongoc_client_new_from_uri(u);
    const QByteArray db = QByteArray(mongoc_uri_get_database(u));
    mongoc_collection_t *coll =
        mongoc_client_get_collection(client, db.constData(), collection.toUtf8().constData());
    bson_json_reader_t *reader =
        bson_json_reader_new_from_file(jsonFile.toLocal8Bit().constData(), &error);
    bool ok = reader != nullptr;
    // bson_t is declared over-aligned; GCC warns that a pointer to it as a template
    // argument drops that attribute, which is irrelevant for a vector of pointers.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wignored-attributes"
    std::vector<bson_t *> docs;
#pragma GCC diagnostic pop
    while (ok) {
        bson_t *doc = bson_new();
        const int rc = bson_json_reader_read(reader, doc, &error);
        if (rc <= 0) {
            bson_destroy(doc);
            ok = rc == 0;
            break;
        }
        docs.push_back(doc);
    }
    for (size_t i = 0; ok && i < docs.size(); i += 500) {
        const size_t n = std::min<size_t>(500, docs.size() - i);
        ok = mongoc_collection_insert_many(coll, const_cast<const bson_t **>(docs.data() + i), n,
                                           nullptr, nullptr, &error);
        if (!ok)
            qWarning("insert_many failed: %s", error.message);
    }
    for (bson_t *d : docs)
        bson_destroy(d);
    if (reader)
        bson_json_reader_destroy(reader);
    mongoc_collection_destroy(coll);
    mongoc_client_destroy(client);
    mongoc_uri_destroy(u);
    return ok;
}

QString setMongoPeerFault(const QString &uri, const QString &collection, const QJsonObject &fault)
{
    mongoc_init();
    // The command's name must come first, and a QJsonObject sorts its keys.
    const QByteArray name =
        QJsonDocument(QJsonArray{collection}).toJson(QJsonDocument::Compact).mid(1).chopped(1);
    QByteArray json = QJsonDocument(fault).toJson(QJsonDocument::Compact);
    json = "{\"ferryPeerFault\": " + name + (fault.isEmpty() ? "" : ", ") + json.mid(1);
    bson_error_t error;
    bson_t *cmd = bson_new_from_json(reinterpret_cast<const uint8_t *>(json.constData()),
                                     json.size(), &error);
    if (!cmd)
        return QString::fromUtf8(error.message);
    mongoc_uri_t *u = mongoc_uri_new_with_error(uri.toUtf8().constData(), &error);
    QString why;
    if (u) {
        mongoc_client_t *client = mongoc_client_new_from_uri(u);
        if (!mongoc_client_command_simple(client, mongoc_uri_get_database(u), cmd, nullptr, nullptr,
                                          &error))
            why = QString::fromUtf8(error.message);
        mongoc_client_destroy(client);
        mongoc_uri_destroy(u);
    } else {
        why = QString::fromUtf8(error.message);
    }
    bson_destroy(cmd);
    return why;
}

} // namespace ferry::test

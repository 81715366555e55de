#include "run/report.h"

#include "core/endpoint.h"
#include "core/ordered_json_writer.h"
#include "project/name_table.h"

#include <ferry_version.h>

#include <QJsonDocument>
#include <QJsonParseError>
#include <QSaveFile>
#include <QSet>

namespace ferry {

namespace {

constexpr detail::NameTable<RunStatus, 5> statusNames{{
    {RunStatus::Completed, "completed"},
    {RunStatus::CompletedWithRejects, "completed_with_rejects"},
    {RunStatus::Failed, "failed"},
    {RunStatus::Cancelled, "cancelled"},
    // The word `ferry-cli validate` and `finish` already used for the same finding.
    {RunStatus::Mismatches, "mismatches"},
}};

// Keys the writer owns; an `extra` entry with one of these names would duplicate a key.
const QSet<QString> &reportKeys()
{
    static const QSet<QString> keys{QStringLiteral("ferry_report"), QStringLiteral("ferry_version"),
                                    QStringLiteral("command"),      QStringLiteral("run_id"),
                                    QStringLiteral("status"),       QStringLiteral("duration_s"),
                                    QStringLiteral("source"),       QStringLiteral("target"),
                                    QStringLiteral("collections"),  QStringLiteral("reject_file")};
    return keys;
}

const QSet<QString> &collectionKeys()
{
    static const QSet<QString> keys{
        QStringLiteral("name"),         QStringLiteral("status"),
        QStringLiteral("source_count"), QStringLiteral("read"),
        QStringLiteral("written"),      QStringLiteral("skipped_existing"),
        QStringLiteral("rejected"),     QStringLiteral("tables"),
        QStringLiteral("warnings"),     QStringLiteral("docs_per_s"),
        QStringLiteral("mismatches"),   QStringLiteral("generated_keys")};
    return keys;
}

void writeExtra(OrderedJsonWriter &w, const QJsonObject &extra, const QSet<QString> &owned)
{
    for (auto it = extra.begin(); it != extra.end(); ++it) {
        if (owned.contains(it.key()))
            continue;
        w.key(it.key());
        w.value(it.value());
    }
}

void writeCollection(OrderedJsonWriter &w, const CollectionReport &c)
{
    w.beginObject();
    w.key(u"name").string(c.name);
    w.key(u"status").string(c.status);
    if (c.sourceCount < 0)
        w.key(u"source_count").null();
    else
        w.key(u"source_count").integer(c.sourceCount);
    w.key(u"read").integer(c.read);
    w.key(u"written").integer(c.written);
    w.key(u"skipped_existing").integer(c.skippedExisting);
    w.key(u"rejected").integer(c.rejected);
    w.key(u"tables").beginArray();
    for (const TableCount &t : c.tables) {
        w.beginObject();
        w.key(u"name").string(t.name);
        w.key(u"rows").integer(t.rows);
        w.endObject();
    }
    w.endArray();
    w.key(u"warnings").beginArray();
    for (const QString &warning : c.warnings)
        w.string(redactSecrets(warning)); // driver messages may echo a URI back
    w.endArray();
    w.key(u"docs_per_s").number(c.docsPerSecond);
    if (!c.mismatches.isEmpty()) {
        w.key(u"mismatches");
        w.value(c.mismatches);
    }
    if (c.generatedKeys > 0)
        w.key(u"generated_keys").integer(c.generatedKeys);
    writeExtra(w, c.extra, collectionKeys());
    w.endObject();
}

Error parseError(const QString &what)
{
    return Error(ErrorCode::Parse, trEngine("Not a Ferry report: %1.").arg(what));
}

QJsonObject extraOf(const QJsonObject &o, const QSet<QString> &owned)
{
    QJsonObject extra;
    for (auto it = o.begin(); it != o.end(); ++it) {
        if (!owned.contains(it.key()))
            extra.insert(it.key(), it.value());
    }
    return extra;
}

Result<CollectionReport> readCollection(const QJsonValue &v, qsizetype index)
{
    if (!v.isObject())
        return parseError(trEngine("collections[%1] is not an object").arg(index));
    const QJsonObject o = v.toObject();
    CollectionReport c;
    c.name = o.value(u"name").toString();
    c.status = o.value(u"status").toString();
    const QJsonValue count = o.value(u"source_count");
    c.sourceCount = count.isDouble() ? count.toInteger() : -1;
    c.read = o.value(u"read").toInteger();
    c.written = o.value(u"written").toInteger();
    c.skippedExisting = o.value(u"skipped_existing").toInteger();
    c.rejected = o.value(u"rejected").toInteger();
    const QJsonArray tables = o.value(u"tables").toArray();
    for (const QJsonValue &t : tables) {
        const QJsonObject table = t.toObject();
        c.tables.push_back({table.value(u"name").toString(), table.value(u"rows").toInteger()});
    }
    const QJsonArray warnings = o.value(u"warnings").toArray();
    for (const QJsonValue &warning : warnings)
        c.warnings << warning.toString();
    c.docsPerSecond = o.value(u"docs_per_s").toDouble();
    c.mismatches = o.value(u"mismatches").toArray();
    c.generatedKeys = o.value(u"generated_keys").toInteger();
    c.extra = extraOf(o, collectionKeys());
    return c;
}

} // namespace

QString RunReport::statusName(RunStatus status)
{
    return detail::nameOf(statusNames, status);
}

bool RunReport::parseStatus(const QString &name, RunStatus *out)
{
    return detail::parseName(statusNames, name, out);
}

QByteArray RunReport::toJson() const
{
    OrderedJsonWriter w(2);
    w.beginObject();
    w.key(u"ferry_report").integer(FormatVersion);
    // Which Ferry wrote it: a report attached to a bug or an audit says what produced it.
    w.key(u"ferry_version").string(QStringLiteral(FERRY_VERSION));
    w.key(u"command").string(command);
    w.key(u"run_id").string(runId);
    w.key(u"status").string(status);
    w.key(u"duration_s").number(durationSeconds);
    // A report is shared and archived: a password must not reach it even if a caller
    // passed the URI as typed.
    w.key(u"source").string(redactSecrets(source));
    w.key(u"target").string(redactSecrets(target));
    w.key(u"collections").beginArray();
    for (const CollectionReport &c : collections)
        writeCollection(w, c);
    w.endArray();
    if (!rejectFile.isEmpty())
        w.key(u"reject_file").string(rejectFile);
    writeExtra(w, extra, reportKeys());
    w.endObject();
    return w.finish();
}

Status RunReport::save(const QString &path) const
{
    QSaveFile file(path);
    const QByteArray json = toJson();
    if (!file.open(QIODevice::WriteOnly) || file.write(json) != json.size() || !file.commit())
        return Error(ErrorCode::Io,
                     trEngine("Cannot write the report \"%1\": %2.").arg(path, file.errorString()),
                     path);
    return {};
}

Result<RunReport> RunReport::fromJson(const QByteArray &json)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError)
        return parseError(trEngine("%1 at byte %2").arg(error.errorString()).arg(error.offset));
    if (!doc.isObject())
        return parseError(trEngine("the top level is not a JSON object"));
    const QJsonObject o = doc.object();
    const QJsonValue version = o.value(u"ferry_report");
    if (!version.isDouble())
        return parseError(trEngine("the \"ferry_report\" key is missing"));
    if (version.toInteger() > FormatVersion)
        return Error(ErrorCode::Parse,
                     trEngine("The report was written by a newer Ferry (report version %1); this "
                              "Ferry reads up to version %2.")
                         .arg(version.toInteger())
                         .arg(FormatVersion));

    RunReport report;
    report.command = o.value(u"command").toString();
    report.runId = o.value(u"run_id").toString();
    report.status = o.value(u"status").toString();
    report.durationSeconds = o.value(u"duration_s").toDouble();
    report.source = o.value(u"source").toString();
    report.target = o.value(u"target").toString();
    const QJsonArray collections = o.value(u"collections").toArray();
    for (qsizetype i = 0; i < collections.size(); ++i) {
        Result<CollectionReport> c = readCollection(collections.at(i), i);
        if (!c.ok())
            return c.error();
        report.collections.push_back(std::move(c).value());
    }
    report.rejectFile = o.value(u"reject_file").toString();
    report.extra = extraOf(o, reportKeys());
    return report;
}

} // namespace ferry

#include "run/source_count_check.h"

#include <QJsonArray>
#include <QJsonObject>

namespace ferry {

QString checkReadAgainstSource(const SourceCounts &counts, qint64 read, const QString &rootTable,
                               CollectionReport &cr)
{
    if (counts.atEnd < 0)
        return {};
    cr.sourceCount = counts.atEnd;
    QJsonObject json;
    json.insert(QStringLiteral("at_start"), counts.atStart);
    json.insert(QStringLiteral("at_end"), counts.atEnd);
    cr.extra.insert(QStringLiteral("source_counts"), json);
    if (read == counts.atEnd)
        return {};
    QString warning;
    if (counts.atStart >= 0 && counts.atStart != counts.atEnd) {
        warning = trEngine("%1: the collection changed during the run: the source held %2 "
                           "documents when the read started and %3 when it ended; %4 were read. "
                           "Documents added or removed meanwhile may or may not be in the "
                           "target: run again with --existing-rows skip once it is quiet.")
                      .arg(cr.name)
                      .arg(counts.atStart)
                      .arg(counts.atEnd)
                      .arg(read);
    } else if (read < counts.atEnd) {
        warning = trEngine("%1: %2 documents were read but the source holds %3: %4 are missing "
                           "from the target. Run again without --resume (documents already "
                           "written are skipped) and look for errors in the log.")
                      .arg(cr.name)
                      .arg(read)
                      .arg(counts.atEnd)
                      .arg(counts.atEnd - read);
        QJsonObject m;
        m.insert(QStringLiteral("_id"), QString());
        m.insert(QStringLiteral("table"), rootTable);
        m.insert(QStringLiteral("column"), QString());
        m.insert(QStringLiteral("expected"),
                 trEngine("%1 documents in the source").arg(counts.atEnd));
        m.insert(QStringLiteral("found"), trEngine("%1 read").arg(read));
        cr.mismatches.prepend(m);
    } else {
        warning = trEngine("%1: %2 documents were read but the source holds %3. Some may have "
                           "been read twice; validate the target (ferry-cli validate).")
                      .arg(cr.name)
                      .arg(read)
                      .arg(counts.atEnd);
    }
    cr.warnings.append(warning);
    return warning;
}

QString setAsideChangedFindings(const SourceCounts &counts, CollectionReport &cr)
{
    if (!counts.changed() || cr.mismatches.isEmpty())
        return {};
    const QString warning =
        trEngine("%1: validation found %2 differences, but the collection changed during the "
                 "run (%3 documents at the start, %4 at the end), so they may be those changes "
                 "(see unconfirmed_mismatches in the report). Validate again once it is quiet "
                 "(ferry-cli validate).")
            .arg(cr.name)
            .arg(cr.mismatches.size())
            .arg(counts.atStart)
            .arg(counts.atEnd);
    cr.extra.insert(QStringLiteral("unconfirmed_mismatches"), cr.mismatches);
    cr.mismatches = QJsonArray();
    cr.warnings.append(warning);
    return warning;
}

} // namespace ferry

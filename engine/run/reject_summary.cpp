#include "run/reject_summary.h"

#include "core/count_text.h"
#include "core/error.h"

#include <QJsonObject>

#include <algorithm>

namespace ferry {

bool RejectSummary::add(const QString &field, const QString &reason)
{
    ++m_total;
    for (Kind &k : m_kinds) {
        if (field.isEmpty() ? (k.field.isEmpty() && k.reason == reason) : k.field == field) {
            ++k.count;
            if (k.examples.size() < ExamplesKept && !k.examples.contains(reason))
                k.examples.append(reason);
            return false;
        }
    }
    m_kinds.append(Kind{field, reason, 1, {reason}});
    return true;
}

void RejectSummary::clear()
{
    m_kinds.clear();
    m_total = 0;
}

QList<RejectSummary::Kind> RejectSummary::sorted() const
{
    QList<Kind> kinds = m_kinds;
    std::stable_sort(kinds.begin(), kinds.end(),
                     [](const Kind &a, const Kind &b) { return a.count > b.count; });
    return kinds;
}

QStringList RejectSummary::lines(const QString &collection, const QString &rejectFile) const
{
    QStringList out;
    for (const Kind &k : sorted()) {
        const QString count = countText(k.count);
        out.append(
            k.field.isEmpty()
                ? trEngine("%1: rejected: %2, because: %3").arg(collection, count, k.reason)
                : trEngine("%1, field %2: rejected: %3, e.g.: %4")
                      .arg(collection, k.field, count, k.examples.join(QStringLiteral(" | "))));
    }
    if (!out.isEmpty() && !rejectFile.isEmpty())
        out.append(trEngine("%1: every rejected document is in %2.").arg(collection, rejectFile));
    return out;
}

QJsonArray RejectSummary::toJson() const
{
    QJsonArray out;
    for (const Kind &k : sorted()) {
        QJsonObject o;
        if (!k.field.isEmpty())
            o.insert(QStringLiteral("field"), k.field);
        o.insert(QStringLiteral("count"), k.count);
        o.insert(QStringLiteral("examples"), QJsonArray::fromStringList(k.examples));
        out.append(o);
    }
    return out;
}

} // namespace ferry

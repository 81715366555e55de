#include "models/relations_jobs.h"

#include "core/bson_text.h"
#include "run/embed_attacher.h"
#include "stores/stores.h"

#include <QCoreApplication>

namespace ferry {

namespace {

constexpr int PreviewCandidates = 50; // parent documents looked at for one with children

// The collection whose documents hold `table`'s rows, and the field they are in ("" when
// the table is a collection of its own).
const CollectionMapping *holderOf(const Project &project, const QString &table, QString *field)
{
    const CollectionMapping *own = project.findCollection(table);
    if (own && own->enabled)
        return own;
    for (const CollectionMapping &c : project.collections)
        for (const Embedding &e : c.embeddings)
            if (e.child == table && c.enabled) {
                *field = e.field.isEmpty() ? e.child : e.field;
                return &c;
            }
    return own;
}

bool hasContent(const bson_t *doc, const QString &field)
{
    bson_iter_t it;
    const QByteArray key = field.toUtf8();
    if (!bson_iter_init_find(&it, doc, key.constData()))
        return false;
    if (BSON_ITER_HOLDS_NULL(&it))
        return false;
    if (BSON_ITER_HOLDS_ARRAY(&it)) {
        bson_iter_t child;
        return bson_iter_recurse(&it, &child) && bson_iter_next(&child);
    }
    return true;
}

// Indents compact JSON text, keeping the fields in document order (QJsonDocument would sort
// them, and _id first is what a reader of a Mongo document expects).
QString indentJson(const std::string &json)
{
    QString out;
    int depth = 0;
    bool inString = false;
    const QString text = QString::fromStdString(json);
    const auto newline = [&out, &depth] {
        out += QLatin1Char('\n');
        out += QString(depth * 2, QLatin1Char(' '));
    };
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (inString) {
            out += c;
            if (c == QLatin1Char('\\') && i + 1 < text.size())
                out += text[++i];
            else if (c == QLatin1Char('"'))
                inString = false;
            continue;
        }
        const bool emptyPair = (c == QLatin1Char('{') || c == QLatin1Char('[')) &&
                               i + 1 < text.size() &&
                               (text[i + 1] == QLatin1Char('}') || text[i + 1] == QLatin1Char(']'));
        if (c == QLatin1Char('"')) {
            inString = true;
            out += c;
        } else if ((c == QLatin1Char('{') || c == QLatin1Char('[')) && !emptyPair) {
            out += c;
            ++depth;
            newline();
        } else if (c == QLatin1Char('}') || c == QLatin1Char(']')) {
            if (!(i > 0 && (text[i - 1] == QLatin1Char('{') || text[i - 1] == QLatin1Char('[')))) {
                --depth;
                newline();
            }
            out += c;
        } else if (c == QLatin1Char(',')) {
            out += c;
            newline();
        } else if (c == QLatin1Char(':')) {
            out += QStringLiteral(": ");
        } else if (c != QLatin1Char(' ')) {
            out += c;
        }
    }
    return out;
}

} // namespace

Result<QList<TableInfo>> loadCatalog(const Endpoint &source, const Endpoint &target)
{
    auto src = makeSourceFor(source, target);
    if (!src)
        return src.error();
    if (Status s = (*src)->open(); !s)
        return s.error();
    return (*src)->tables();
}

Result<DocumentPreview> previewDocument(const Endpoint &source, const Endpoint &target,
                                        const Project &project, const QString &table)
{
    QString field;
    const CollectionMapping *mapping = holderOf(project, table, &field);
    if (!mapping)
        return Error(
            ErrorCode::NotFound,
            QCoreApplication::translate("ferry::RelationsPage", "The project has no table %1.")
                .arg(table));
    auto src = makeSourceFor(source, target);
    if (!src)
        return src.error();
    if (Status s = (*src)->open(); !s)
        return s.error();
    ReadOptions options;
    options.filter = mapping->filter;
    auto reader = (*src)->openReader(mapping->collection, options);
    if (!reader)
        return reader.error();
    DocBatch docs;
    auto more = (*reader)->next(docs, field.isEmpty() ? 1 : PreviewCandidates);
    if (!more)
        return more.error();
    DocumentPreview out;
    out.collection = mapping->root.table.isEmpty() ? mapping->collection : mapping->root.table;
    if (!*more || docs.empty()) {
        out.note = QCoreApplication::translate("ferry::RelationsPage",
                                               "%1 has no rows to build a document from.")
                       .arg(mapping->collection);
        return out;
    }
    auto attacher = EmbedAttacher::create(**src, *mapping);
    if (!attacher)
        return attacher.error();
    if (*attacher)
        if (Status s = (*attacher)->attach(docs); !s)
            return s.error();
    size_t chosen = 0;
    for (size_t i = 0; i < docs.size() && !field.isEmpty(); ++i) {
        bson_t doc;
        if (docs.view(i, &doc) && hasContent(&doc, field)) {
            chosen = i;
            break;
        }
    }
    bson_t doc;
    if (!docs.view(chosen, &doc))
        return Error(ErrorCode::Parse, QCoreApplication::translate(
                                           "ferry::RelationsPage",
                                           "The source returned a document that is not BSON."));
    std::string json;
    appendRelaxedJson(json, &doc, false);
    out.json = indentJson(json);
    out.note = field.isEmpty()
                   ? QCoreApplication::translate("ferry::RelationsPage",
                                                 "The first document of the %1 collection.")
                         .arg(out.collection)
                   : QCoreApplication::translate(
                         "ferry::RelationsPage",
                         "%1 is embedded: a document of the %2 collection that holds some of its "
                         "rows (field %3).")
                         .arg(table, out.collection, field);
    return out;
}

} // namespace ferry

#pragma once

#include "core/catalog.h"
#include "core/endpoint.h"
#include "core/error.h"
#include "project/project.h"

#include <QList>
#include <QString>

namespace ferry {

// Blocking jobs of the relations page, run with QtConcurrent (see source_jobs.h).

// The source's tables with their keys and foreign keys.
Result<QList<TableInfo>> loadCatalog(const Endpoint &source, const Endpoint &target);

struct DocumentPreview {
    QString collection; // where the document goes
    QString json;       // relaxed Extended JSON, indented
    QString note;       // e.g. which row it was built from
};

// One document exactly as the run would write it for `table` — read from the source, with
// its embedded rows attached and its fields renamed and left out by the same engine code
// the run uses. For a table embedded elsewhere, a document of the collection embedding it
// (one that has some of its rows, when the first few documents hold any).
Result<DocumentPreview> previewDocument(const Endpoint &source, const Endpoint &target,
                                        const Project &project, const QString &table);

} // namespace ferry

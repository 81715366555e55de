#pragma once

#include "stores/common/source.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

namespace ferry {

// What a source check says in plain words: what the source is and what it holds, e.g.
// "mongodump archive, gzip-compressed: 3 collections." A user who picked the wrong folder
// or file sees it here, before the collections page reads everything.
class SourceSummary {
    Q_DECLARE_TR_FUNCTIONS(ferry::SourceSummary)
public:
    // "mongodump root with 2 databases, gzip-compressed"; empty for servers and other stores.
    static QString shapeName(const SourceShape &shape);
    static QString describe(const SourceShape &shape, const QList<CollectionInfo> &collections,
                            const QList<SkippedCollection> &skipped);
};

} // namespace ferry

#pragma once

#include "core/error.h"
#include "stores/common/source.h"

#include <QByteArray>
#include <QMap>
#include <QString>

#include <optional>

namespace ferry {

// Where one collection of a dump is and what shape it has.
struct DumpEntry {
    enum class Kind { Bson, Json, Archive };
    Kind kind = Kind::Bson;
    QString path; // the .bson / .json file (maybe gzip), or the archive
    // Archive: the data namespace whose blocks hold the documents.
    QByteArray archiveDb;
    QByteArray archiveCollection;
    // Time-series: the documents are buckets, unpacked by these fields.
    bool timeseries = false;
    QByteArray timeField;
    QByteArray metaField;
};

// Finds the collections of whatever dump:PATH names, by content rather than by name: a
// .bson or JSON file (plain or gzip), a mongodump --archive (plain or gzip), a dump folder
// (plain or --gzip), or a dump root with one folder per database. Collections are called
// `db.collection` when the root holds more than one user database. System databases and
// collections, views, the oplog and stray files are listed as skipped with the reason.
class DumpLayout {
public:
    Status scan(const QString &path);

    const QMap<QString, DumpEntry> &collections() const { return m_collections; }
    const QList<SkippedCollection> &skipped() const { return m_skipped; }
    const SourceShape &shape() const { return m_shape; }

    // The real collection name of a file name mongodump percent-escaped (caf%C3%A9s → cafés).
    static QString decodeName(const QString &escaped);

private:
    struct Metadata {
        bool view = false;
        QString viewOn;
        bool timeseries = false;
        QByteArray timeField;
        QByteArray metaField;
        QString collectionName;
    };
    static Metadata parseMetadata(const QByteArray &json);

    Status scanFile(const QString &path);
    Status scanArchive(const QString &path);
    Status scanRoot(const QString &root);
    // Adds the collections of one folder; `database` names them when several databases are
    // read, `systemDb` skips them all.
    Status scanFolder(const QString &folder, const QString &database, bool systemDb);
    Status add(const QString &name, const DumpEntry &entry, const QString &folder);
    void skip(const QString &name, const QString &kind, const QString &reason);

    QString m_path;
    QMap<QString, DumpEntry> m_collections;
    QList<SkippedCollection> m_skipped;
    SourceShape m_shape;
};

} // namespace ferry

#pragma once
// Shared by the GUI model tests: a small "orders" collection with an array of documents,
// an array of scalars, an embedded document and a field of mixed types.

#include "core/doc_batch.h"
#include "models/project_document.h"
#include "schema/field_tree.h"
#include "schema/type_mapper.h"

#include <bson/bson.h>

#include <QByteArray>
#include <QtTest>

namespace ferry::testdata {

inline BsonDoc fromJson(const char *json)
{
    bson_error_t error;
    bson_t *b = bson_new_from_json(reinterpret_cast<const uint8_t *>(json), -1, &error);
    if (!b)
        qFatal("bad test JSON: %s", error.message);
    BsonDoc doc(b);
    bson_destroy(b);
    return doc;
}

inline std::vector<BsonDoc> orderDocs()
{
    std::vector<BsonDoc> docs;
    docs.push_back(fromJson(R"({"_id": 1, "customer": "Ada", "total": 12.5, "code": 7,
        "address": {"city": "Berlin", "zip": "10115"},
        "items": [{"sku": "A-1", "qty": 2}, {"sku": "B-2", "qty": 1}], "tags": ["new", "gift"]})"));
    docs.push_back(fromJson(R"({"_id": 2, "customer": "Grace", "total": 3.0, "code": "X7",
        "address": {"city": "Paris", "zip": "75001"},
        "items": [{"sku": "C-3", "qty": 5}], "tags": ["vip"]})"));
    docs.push_back(fromJson(R"({"_id": 3, "customer": "Linus", "total": 99.0, "code": 9,
        "address": {"city": "Helsinki", "zip": "00100"}, "items": [], "tags": []})"));
    return docs;
}

// Fills `doc` with an "orders" collection as inference would: schema, proposal, samples.
inline void loadOrders(ProjectDocument &doc,
                       const QString &targetUri = QStringLiteral("sqlite:/tmp/ferry-test.sqlite"))
{
    const std::vector<BsonDoc> docs = orderDocs();
    SchemaInferrer inferrer;
    DocBatch batch;
    for (const BsonDoc &d : docs) {
        inferrer.add(d.get());
        batch.append(d.get());
    }
    std::shared_ptr<const FieldNode> root = inferrer.take();
    Project project;
    project.name = QStringLiteral("orders-test");
    project.sourceUri = QStringLiteral("dump:/tmp/orders");
    project.targetUri = targetUri;
    MappingProposal proposal = proposeMapping(QStringLiteral("orders"), *root, qint64(docs.size()),
                                              project.targetDialect(), project.options, nullptr);
    project.collections.push_back(proposal.mapping);
    doc.setSchema(QStringLiteral("orders"), root);
    doc.setSamples(QStringLiteral("orders"), batch);
    doc.setProposal(proposal.mapping);
    doc.setProject(project);
}

// A "reviews" collection whose "ratings" object is keyed by user id: inferred as a map.
inline void loadReviews(ProjectDocument &doc, const QString &targetUri)
{
    SchemaInferrer inferrer;
    DocBatch batch;
    for (int d = 0; d < 3; ++d) {
        QStringList entries;
        for (int i = 0; i < 80; ++i)
            entries
                << QStringLiteral("\"%1\": {\"score\": %2}").arg(100000 + d * 80 + i).arg(i % 5);
        const QString json = QStringLiteral("{\"_id\": %1, \"title\": \"t%1\", \"ratings\": {%2}}")
                                 .arg(d)
                                 .arg(entries.join(QStringLiteral(", ")));
        const BsonDoc d0 = fromJson(json.toUtf8().constData());
        inferrer.add(d0.get());
        batch.append(d0.get());
    }
    std::shared_ptr<const FieldNode> root = inferrer.take();
    Project project;
    project.name = QStringLiteral("reviews-test");
    project.sourceUri = QStringLiteral("dump:/tmp/reviews");
    project.targetUri = targetUri;
    MappingProposal proposal = proposeMapping(QStringLiteral("reviews"), *root, 3,
                                              project.targetDialect(), project.options, nullptr);
    project.collections.push_back(proposal.mapping);
    doc.setSchema(QStringLiteral("reviews"), root);
    doc.setSamples(QStringLiteral("reviews"), batch);
    doc.setProposal(proposal.mapping);
    doc.setProject(project);
}

// A "places" collection of GeoJSON points: geo.coordinates is a [lon, lat] pair.
inline void loadPlaces(ProjectDocument &doc, const QString &targetUri)
{
    SchemaInferrer inferrer;
    DocBatch batch;
    for (const char *json :
         {R"({"_id": 1, "geo": {"type": "Point", "coordinates": [-93.24565, 44.85466]}})",
          R"({"_id": 2, "geo": {"type": "Point", "coordinates": [2.3522, 48.8566]}})"}) {
        const BsonDoc d = fromJson(json);
        inferrer.add(d.get());
        batch.append(d.get());
    }
    std::shared_ptr<const FieldNode> root = inferrer.take();
    Project project;
    project.name = QStringLiteral("places-test");
    project.sourceUri = QStringLiteral("dump:/tmp/places");
    project.targetUri = targetUri;
    MappingProposal proposal = proposeMapping(QStringLiteral("places"), *root, 2,
                                              project.targetDialect(), project.options, nullptr);
    project.collections.push_back(proposal.mapping);
    doc.setSchema(QStringLiteral("places"), root);
    doc.setSamples(QStringLiteral("places"), batch);
    doc.setProposal(proposal.mapping);
    doc.setProject(project);
}

} // namespace ferry::testdata

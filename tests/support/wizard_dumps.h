#pragma once

// Dumps in the shapes mongodump writes, for the wizard's tests (built here, never shipped).
#include <QString>

namespace ferry::test {

// mongodump --gzip of one database: orders (5 documents) and customers (3), each with its
// .metadata.json.gz.
void writeGzipDumpFolder(const QString &dir);
// mongodump --archive --gzip of the database shop: orders (6), users (3) and items (4) whose
// blocks interleave, plus a view.
void writeGzipArchive(const QString &path);
// mongodump's default dump/ root: shop (orders 4, the time-series weather as buckets of 5
// measurements, the view big_orders, system.js), crm (contacts 2), and admin and local.
void writeDumpRoot(const QString &dir);

} // namespace ferry::test

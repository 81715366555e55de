#pragma once

#include <QString>

namespace ferry::test {

// Writes `count` deterministic documents {_id: i, name, price, tags: [i % 3 strings]} as a
// .bson dump: enough shape (an array → a child table) to check runs across tables.
bool writeItemsDump(const QString &path, int count);

} // namespace ferry::test

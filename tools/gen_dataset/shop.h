#pragma once

#include <string>

namespace ferry::gen {

// Writes the demo shop (customers, orders, products) as a mongodump folder into `dir`:
// NAME.bson plus NAME.metadata.json per collection. Same files on every run.
bool writeShopDump(const std::string &dir);

} // namespace ferry::gen

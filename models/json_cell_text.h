#pragma once

#include <QString>

namespace ferry {

// How a JSON cell reads in a one-line table cell and in its tooltip. The text is libbson's
// relaxed Extended JSON (`{ "a" : [ 1, 2 ] }`), whose spaces let a table view wrap it
// after the first bracket, so a narrow cell showed only "[ …".

// One line without the padding inside brackets (`{"a": [1, 2]}`), cut after `maxChars`
// characters with "…". Strings are left as they are.
QString jsonOneLine(const QString &json, int maxChars);

// Indented, one member or element per line, for a tooltip; at most `maxLines` lines, the
// rest replaced by "…". Text that is not JSON comes back unchanged.
QString jsonIndented(const QString &json, int maxLines);

} // namespace ferry

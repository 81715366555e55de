#pragma once

class QMenuBar;
class QString;
class QWidget;

namespace ferry {

// Help → Keyboard shortcuts, Documentation, About Ferry, About Qt. The shortcut list is
// read from the menu bar's own actions, so it never disagrees with them.
void addHelpMenu(QMenuBar *bar, QWidget *window);
// The shortcuts as "keys<TAB>what" lines (shown by Help → Keyboard shortcuts).
QString shortcutList(QMenuBar *bar);
// README.md of an installed or a source-tree Ferry ("" when none is found).
QString documentationPath();

} // namespace ferry

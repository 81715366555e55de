#pragma once

class QMessageBox;
class QWidget;

namespace ferry {

// Help → About: the version CMake set in project(), what Ferry is for, and the Qt it runs on.
// Shown window-modal with open(), so it never spins a nested event loop.
QMessageBox *showAboutBox(QWidget *parent);

} // namespace ferry

#pragma once
// File → Export…: the dialogs that ask what to export and where, then call view_export.h,
// animation_export.h or table_export.h. A file that cannot be written is a message naming it
// (MainWindow::showError); success is a line in the status bar.

namespace shufflescope::ui {

class MainWindow;

void exportViewWithDialog(MainWindow& window);       // PNG (1x, 2x) or SVG of a view
void exportAnimationWithDialog(MainWindow& window);  // GIF of the step's animation
void exportTableWithDialog(MainWindow& window);      // CSV or Markdown per-step table

}  // namespace shufflescope::ui

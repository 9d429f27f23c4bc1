#pragma once
// Colours shared by every view. Eight group colours chosen to stay apart under normal vision and
// the common colour-vision deficiencies (protanopia, deuteranopia, tritanopia), none of them grey;
// channels with no group (the shortcut, the stem, the head) use the neutral grey, which no group
// reuses. The measured distances are in palette.cpp and tests/ui/test_palette.cpp.

#include <QColor>
#include <QPalette>

namespace shufflescope::ui {

// group in 0..7 (wraps beyond); -1 gives the neutral colour.
QColor groupColor(int group);
QColor neutralColor();

// Dark theme if the widget palette's window colour is dark.
bool isDarkTheme(const QPalette& palette);

}  // namespace shufflescope::ui

#pragma once
// Colours shared by every view. Groups use the Okabe-Ito palette (safe for the common forms of
// colour blindness) with grey as the eighth colour; channels with no group use a neutral tone.

#include <QColor>
#include <QPalette>

namespace shufflescope::ui {

// group in 0..7 (wraps beyond); -1 gives the neutral colour.
QColor groupColor(int group);
QColor neutralColor();

// Dark theme if the widget palette's window colour is dark.
bool isDarkTheme(const QPalette& palette);

}  // namespace shufflescope::ui

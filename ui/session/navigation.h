#pragma once
// Where the keys move: the first step of the previous or next unit (Page Up / Page Down), the
// next width scale (W) and the other preset (P). Plain functions over the network and the
// configuration; the window's actions turn their answers into a Scene.

#include <string>

#include "shufflescope/model/network.h"

namespace shufflescope::ui {

// The first step of the unit before (direction -1) or after (+1) the unit of step `from`; the
// stem and the head each count as one unit. -1 when there is none.
int unitStepFrom(const Network& network, int from, int direction);

// The width scale after `current` (0.25x ... 2x, wrapping; the first when `current` is none).
double nextWidthScale(double current);

// The preset P switches to.
std::string otherPreset(const std::string& preset);

}  // namespace shufflescope::ui

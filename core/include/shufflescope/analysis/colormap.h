#pragma once
// Colour maps for feature maps, shared by the CLI's PNG dumps and the desktop app.
// viridis: perceptually uniform and colour-blind safe, dark (low) to yellow (high).

#include <array>
#include <cstdint>

namespace shufflescope {

using Rgb = std::array<uint8_t, 3>;

// t in [0, 1] (clamped).
Rgb viridis(float t);

}  // namespace shufflescope

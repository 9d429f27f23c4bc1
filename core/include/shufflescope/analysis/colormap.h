#pragma once
// Colour maps for feature maps, shared by the CLI's PNG dumps and the desktop app: both colour a
// value with colourOf, so the same tensor is the same picture in both.
// viridis: perceptually uniform and colour-blind safe, dark (low) to yellow (high).

#include <array>
#include <cstdint>

#include "shufflescope/analysis/feature_statistics.h"

namespace shufflescope {

using Rgb = std::array<uint8_t, 3>;

// t in [0, 1] (clamped; NaN gives the low end), interpolated between viridis anchors.
Rgb viridis(float t);

// The colour of `value` over `range`, from a 256-level viridis table (exact at 8 bits per
// channel): level round(255 t) of t = range.normalise(value), clamped; NaN and a constant
// channel show as the low end.
Rgb colourOf(float value, const ValueRange& range);

}  // namespace shufflescope

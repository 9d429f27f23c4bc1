#pragma once
// Feature maps as pictures: every channel of one image's [C, H, W] map as a tile in a grid
// (ceil(sqrt(C)) columns, 1-pixel gaps), each tile over its own min..max (NaNs skipped) and
// coloured with colourOf, exactly as the app's canvas colours it at its per-channel scale; small
// maps are enlarged (nearest neighbour) so each tile is at least 24 pixels.

#include <string>

#include "shufflescope/base/tensor.h"

namespace shufflescope {

// Throws Error naming the path if the file cannot be written.
void writeFeatureGridPng(const std::string& path, ConstFeatureMap map);

}  // namespace shufflescope

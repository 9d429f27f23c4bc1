#pragma once
// Feature maps as pictures: every channel of one image's [C, H, W] map as a tile in a grid
// (ceil(sqrt(C)) columns, 1-pixel gaps), each tile normalised to its own min..max and coloured
// with viridis; small maps are enlarged (nearest neighbour) so each tile is at least 24 pixels.

#include <string>

#include "shufflescope/base/tensor.h"

namespace shufflescope {

// Throws Error naming the path if the file cannot be written.
void writeFeatureGridPng(const std::string& path, ConstFeatureMap map);

}  // namespace shufflescope

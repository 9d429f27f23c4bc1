#pragma once
// Feature maps over vectors a test owns: [C, H, W] views, their element counts, and the output
// extent of a convolution or pooling window.

#include <cstddef>
#include <vector>

#include "shufflescope/base/tensor.h"

namespace testing_support {

// A [c, h, w] view of `v` (which must hold at least c*h*w values).
shufflescope::FeatureMap mapOf(std::vector<float>& v, int c, int h, int w);
shufflescope::ConstFeatureMap mapOf(const std::vector<float>& v, int c, int h, int w);

// The number of values in a [c, h, w] map.
std::size_t count(int c, int h, int w);

// The output extent of a window of `kernel` at `stride` over `size` with `padding` on each side
// (ops::convOutputExtent).
int extent(int size, int kernel, int stride, int padding);

}  // namespace testing_support

#pragma once
// Depthwise 3x3 convolution, padding 1, stride 1 or 2: one 3x3 filter per channel.
//   in      [C, H, W]
//   weight  [C, 9]        (PyTorch's [C, 1, 3, 3])
//   bias    [C] or nullptr
//   out     [C, Ho, Wo], Ho = (H - 1)/stride + 1
// sourceChannel (optional, [C]): output channel c reads input channel sourceChannel[c]. The fast
// path uses it to apply the channel shuffle by indexing instead of copying.

#include "shufflescope/base/tensor.h"

namespace shufflescope::ops {

void depthwiseConv3x3(ConstFeatureMap in, const float* weight, const float* bias, int stride,
                      FeatureMap out, const int* sourceChannel = nullptr);

}  // namespace shufflescope::ops

#pragma once
// Pooling over KxK windows.
//   in [C, H, W] -> out [C, Ho, Wo], Ho = (H + 2*padding - K)/stride + 1
// maxPool2d: padding never wins (as PyTorch: padded cells are -inf).
// avgPool2d: PyTorch's count_include_pad=True: the divisor counts padded cells inside the padded
//   input (for ShuffleNet's 3x3/2 pad 1 shortcut that is always 9).
// globalAvgPool: in [C, H, W] -> out [C], the mean of each channel.

#include "shufflescope/base/tensor.h"

namespace shufflescope::ops {

void maxPool2d(ConstFeatureMap in, int kernel, int stride, int padding, FeatureMap out);
void avgPool2d(ConstFeatureMap in, int kernel, int stride, int padding, FeatureMap out);
void globalAvgPool(ConstFeatureMap in, float* out);

}  // namespace shufflescope::ops

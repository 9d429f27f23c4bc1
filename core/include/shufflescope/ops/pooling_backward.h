#pragma once
// Backward passes of the pools (pooling.h), one image. gradIn is OVERWRITTEN (zeroed, then every
// window's share is added: overlapping windows sum).
//   gradOut [C, Ho, Wo], gradIn [C, H, W], Ho = (H + 2*padding - K)/stride + 1
// maxPool2dBackward: each output's gradient goes to the argmax of its window in `in` [C, H, W],
//   the FIRST maximum in row-major scan order on ties (as PyTorch's CPU kernel; ties are common
//   after a ReLU's zeros). A NaN wins (the last one, by PyTorch's rule "greater or NaN"). Padding
//   never wins.
// Both have a fast path for ShuffleNet's 3x3 / stride 2 / padding 1 windows.
// avgPool2dBackward: each output's gradient, divided by the forward's count_include_pad divisor,
//   goes to every window cell inside the input (the padded cells' shares are dropped).
// globalAvgPoolBackward: gradOut [C] -> gradIn [C, H, W], every cell gradOut[c] / (H*W).

#include "shufflescope/base/tensor.h"

namespace shufflescope::ops {

void maxPool2dBackward(ConstFeatureMap in, int kernel, int stride, int padding,
                       ConstFeatureMap gradOut, FeatureMap gradIn);
void avgPool2dBackward(int kernel, int stride, int padding, ConstFeatureMap gradOut,
                       FeatureMap gradIn);
void globalAvgPoolBackward(const float* gradOut, FeatureMap gradIn);

}  // namespace shufflescope::ops

#pragma once
// Backward pass of the depthwise 3x3 convolution (depthwise_conv.h; padding 1, stride 1 or 2),
// one image.
//   in          [C, H, W]      the forward input
//   weight      [C, 9]
//   gradOut     [C, Ho, Wo]    dL/d(out), Ho = (H - 1)/stride + 1
//   gradIn      [C, H, W]      dL/d(in), OVERWRITTEN; nullptr skips it
//   gradWeight  [C, 9]         dL/d(weight), ACCUMULATED (+=)
// sourceChannel (optional, [C], a permutation): as in the forward, output channel c read input
// channel sourceChannel[c], so its gradient goes to gradIn channel sourceChannel[c]. Passing the
// channel-shuffle permutation here is the backward of "shuffle, then depthwise" in one pass.
// A forward bias's gradient is convBiasBackward (convolution_backward.h).

#include "shufflescope/base/tensor.h"

namespace shufflescope::ops {

void depthwiseConv3x3Backward(ConstFeatureMap in, const float* weight, int stride,
                              ConstFeatureMap gradOut, float* gradIn, float* gradWeight,
                              const int* sourceChannel = nullptr);

}  // namespace shufflescope::ops

#pragma once
// Backward pass of the channel shuffle (channel_shuffle.h): a permutation's gradient is the
// inverse permutation, gradIn[source[k]] = gradOut[k] with source = channelShufflePermutation.
//   gradOut, gradIn [C, H, W] (must not alias); C % groups == 0 (asserted).
// When the shuffle feeds a depthwise convolution, depthwiseConv3x3Backward's sourceChannel does
// this for free.

#include "shufflescope/base/tensor.h"

namespace shufflescope::ops {

void channelShuffleBackward(ConstFeatureMap gradOut, int groups, FeatureMap gradIn);

}  // namespace shufflescope::ops

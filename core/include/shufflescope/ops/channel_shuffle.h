#pragma once
// Channel shuffle, the paper's convention: C channels in g groups of n = C/g are reshaped to
// (g, n), transposed to (n, g) and flattened, so
//   output channel j*g + i  takes  input channel i*n + j      (i = group, j = index in group).
// After it, every group of the next grouped convolution holds one channel from every group.
//   in, out [C, H, W] (must not alias); C % g == 0 (asserted).

#include <vector>

#include "shufflescope/base/tensor.h"

namespace shufflescope::ops {

// source[k] = the input channel that output channel k takes.
std::vector<int> channelShufflePermutation(int channels, int groups);
// The output channel input channel c goes to: j*g + i for c = i*n + j.
int channelShuffleDestination(int channel, int channels, int groups);
// destination[c] for every input channel: the inverse of channelShufflePermutation.
std::vector<int> channelShuffleDestinations(int channels, int groups);

void channelShuffle(ConstFeatureMap in, int groups, FeatureMap out);

}  // namespace shufflescope::ops

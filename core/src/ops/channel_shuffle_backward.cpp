#include "shufflescope/ops/channel_shuffle_backward.h"

#include <cassert>
#include <cstring>

namespace shufflescope::ops {

void channelShuffleBackward(ConstFeatureMap gradOut, int groups, FeatureMap gradIn) {
    assert(groups >= 1 && gradOut.channels % groups == 0);
    assert(gradIn.channels == gradOut.channels && gradIn.planeSize() == gradOut.planeSize());
    assert(gradIn.data != gradOut.data);
    // channelShufflePermutation's formula inline (output j*g + i took input i*n + j), so the
    // backward allocates nothing.
    const int n = gradOut.channels / groups;
    const std::size_t bytes = static_cast<std::size_t>(gradOut.planeSize()) * sizeof(float);
    for (int k = 0; k < gradOut.channels; ++k) {
        const int source = (k % groups) * n + k / groups;
        std::memcpy(gradIn.channel(source), gradOut.channel(k), bytes);
    }
}

}  // namespace shufflescope::ops

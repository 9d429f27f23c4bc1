#include "shufflescope/ops/channel_shuffle.h"

#include <cassert>
#include <cstring>

namespace shufflescope::ops {

std::vector<int> channelShufflePermutation(int channels, int groups) {
    assert(groups >= 1 && channels % groups == 0);
    const int n = channels / groups;
    std::vector<int> source(static_cast<std::size_t>(channels));
    for (int i = 0; i < groups; ++i)
        for (int j = 0; j < n; ++j) source[static_cast<std::size_t>(j * groups + i)] = i * n + j;
    return source;
}

int channelShuffleDestination(int channel, int channels, int groups) {
    assert(groups >= 1 && channels % groups == 0 && channel >= 0 && channel < channels);
    const int n = channels / groups;
    return (channel % n) * groups + channel / n;
}

std::vector<int> channelShuffleDestinations(int channels, int groups) {
    std::vector<int> destination(static_cast<std::size_t>(channels));
    for (int c = 0; c < channels; ++c)
        destination[static_cast<std::size_t>(c)] = channelShuffleDestination(c, channels, groups);
    return destination;
}

void channelShuffle(ConstFeatureMap in, int groups, FeatureMap out) {
    assert(in.channels == out.channels && in.data != out.data);
    const std::vector<int> source = channelShufflePermutation(in.channels, groups);
    const std::size_t bytes = static_cast<std::size_t>(in.planeSize()) * sizeof(float);
    for (int c = 0; c < out.channels; ++c)
        std::memcpy(out.channel(c), in.channel(source[static_cast<std::size_t>(c)]), bytes);
}

}  // namespace shufflescope::ops
